"""Input serializers shared by every spreadsheet import and file upload."""

from rest_framework import serializers


class ImportOptionsSerializer(serializers.Serializer):
    """?dry_run=1 reports without writing; ?strict=1 writes nothing when any row is bad."""

    dry_run = serializers.BooleanField(default=False, label="只检查不写入")
    strict = serializers.BooleanField(default=False, label="有错误行则整表不导入")


class FileUploadSerializer(serializers.Serializer):
    # Empty files pass here so the reader can answer with its own message (文件为空).
    file = serializers.FileField(label="文件", allow_empty_file=True)
