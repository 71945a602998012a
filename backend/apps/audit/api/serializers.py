from rest_framework import serializers

from apps.accounts.api.serializers import UnitBriefSerializer
from apps.audit import actions
from apps.audit.models import AuditEntry


class AuditEntrySerializer(serializers.ModelSerializer):
    actor_unit = UnitBriefSerializer(allow_null=True, read_only=True)
    object_type_label = serializers.SerializerMethodField()
    detail = serializers.DictField(read_only=True)

    class Meta:
        model = AuditEntry
        fields = [
            "id",
            "at",
            "actor",
            "actor_username",
            "actor_name",
            "actor_unit",
            "ip",
            "action",
            "action_label",
            "object_type",
            "object_type_label",
            "object_id",
            "object_repr",
            "method",
            "path",
            "status_code",
            "succeeded",
            "detail",
        ]
        read_only_fields = fields

    def get_object_type_label(self, entry) -> str:
        return actions.object_type_label(entry.object_type)


class CodeLabelSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()


class AuditCatalogueSerializer(serializers.Serializer):
    actions = CodeLabelSerializer(many=True)
    object_types = CodeLabelSerializer(many=True)
    retention_days = serializers.IntegerField()
