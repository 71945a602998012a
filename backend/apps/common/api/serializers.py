"""Input serializers shared by every spreadsheet import and file upload, and the id field."""

from rest_framework import serializers

from apps.common.filters import BAD_ID, MAX_ID

MOMENT_RANGE = "时间应在 2000 年至 2099 年之间"


class MomentField(serializers.DateTimeField):
    """A date and time in this century: a year like 0267 would be stored, then echoed in an
    offset (local mean time, +08:05:43) that no client can parse."""

    def to_internal_value(self, value):
        moment = super().to_internal_value(value)
        if not 2000 <= moment.year <= 2099:
            raise serializers.ValidationError(MOMENT_RANGE, code="out_of_range")
        return moment


def id_field(**kwargs) -> serializers.IntegerField:
    """An object id in a request body: a word or a number beyond 64 bits is a 400 naming the
    field, never a database error."""
    messages = {"invalid": BAD_ID, "min_value": BAD_ID, "max_value": BAD_ID}
    return serializers.IntegerField(
        min_value=1, max_value=MAX_ID, error_messages=messages, **kwargs
    )


class ImportOptionsSerializer(serializers.Serializer):
    """?dry_run=1 reports without writing; ?strict=1 writes nothing when any row is bad."""

    dry_run = serializers.BooleanField(default=False, label="只检查不写入")
    strict = serializers.BooleanField(default=False, label="有错误行则整表不导入")


class FileUploadSerializer(serializers.Serializer):
    # Empty files pass here so the reader can answer with its own message (文件为空).
    file = serializers.FileField(label="文件", allow_empty_file=True)
