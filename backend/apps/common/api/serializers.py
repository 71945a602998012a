"""Input serializers shared by every spreadsheet import and file upload, and the id field."""

from rest_framework import serializers

from apps.common.filters import BAD_ID, MAX_ID


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
