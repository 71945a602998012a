from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.accounts.models import OrgUnit
from apps.common.api.serializers import FileUploadSerializer, id_field
from apps.questions.models import (
    Bank,
    GenerationBatch,
    KnowledgePoint,
    Material,
    Passage,
)
from apps.questions.services.generation import GENERATION_MODES, STRICT
from question_bank.generate import QUESTION_TYPES

PASSAGE_KINDS = {
    "heading": "标题",
    "paragraph": "段落",
    "point": "要点",
    "article": "条文",
    "note": "题注",
}


class MaterialRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class MaterialSerializer(serializers.ModelSerializer):
    org_unit_name = serializers.CharField(source="org_unit.full_name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    passage_count = serializers.IntegerField(read_only=True, default=None)
    duplicate_of = serializers.SerializerMethodField(
        help_text="正文与之相同的已有材料（本管理范围内）；为空表示没有重复"
    )

    @extend_schema_field(MaterialRefSerializer(many=True))
    def get_duplicate_of(self, obj):
        found = getattr(obj, "duplicates", None)
        if found is None:
            return []
        return [{"id": m.pk, "title": m.title} for m in found]

    class Meta:
        model = Material
        fields = [
            "id",
            "title",
            "org_unit",
            "org_unit_name",
            "original_name",
            "file_kind",
            "status",
            "status_label",
            "error",
            "passage_count",
            "duplicate_of",
            "created_at",
            "updated_at",
        ]


class IngestReportSerializer(serializers.Serializer):
    kept = serializers.IntegerField(help_text="保留原编号的段落（引用它们的试题不受影响）")
    added = serializers.IntegerField()
    removed = serializers.IntegerField()
    questions_relinked = serializers.IntegerField(help_text="出处改指向仍含原文摘录的新段落的试题")
    questions_unlinked = serializers.IntegerField(
        help_text="原文摘录在新文本中找不到的试题：保留摘录，只解除段落关联"
    )
    unlinked_ids = serializers.ListField(child=serializers.IntegerField())


class MaterialDetailSerializer(MaterialSerializer):
    ingest_report = serializers.SerializerMethodField(
        help_text="最近一次（重新）处理对段落和引用它们的试题做了什么；尚未处理时为空"
    )

    @extend_schema_field(IngestReportSerializer(allow_null=True))
    def get_ingest_report(self, obj):
        return obj.ingest_report or None

    class Meta(MaterialSerializer.Meta):
        fields = [*MaterialSerializer.Meta.fields, "text", "ingest_report"]


class MaterialUpdateInput(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False, allow_blank=True, label="标题")
    org_unit = serializers.PrimaryKeyRelatedField(
        queryset=OrgUnit.objects.all(), required=False, label="可见范围"
    )


class MaterialTextInput(serializers.Serializer):
    title = serializers.CharField(max_length=200, allow_blank=True, label="标题")
    text = serializers.CharField(allow_blank=True, trim_whitespace=False, label="正文")
    org_unit = serializers.PrimaryKeyRelatedField(
        queryset=OrgUnit.objects.all(), required=False, label="所属单位"
    )


class MaterialUploadInput(FileUploadSerializer):
    title = serializers.CharField(max_length=200, required=False, allow_blank=True, label="标题")
    org_unit = serializers.PrimaryKeyRelatedField(
        queryset=OrgUnit.objects.all(), required=False, label="所属单位"
    )


class PassageSerializer(serializers.ModelSerializer):
    kind_label = serializers.SerializerMethodField()

    def get_kind_label(self, obj) -> str:
        return PASSAGE_KINDS.get(obj.kind, obj.kind)

    class Meta:
        model = Passage
        fields = [
            "id",
            "key",
            "position",
            "kind",
            "kind_label",
            "heading_path",
            "text",
            "start",
            "end",
        ]


class KnowledgePointSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = KnowledgePoint
        fields = [
            "id",
            "name",
            "parent",
            "org_unit",
            "description",
            "status",
            "status_label",
            "passages",
        ]
        read_only_fields = ["status"]


class KnowledgePointInput(serializers.Serializer):
    name = serializers.CharField(max_length=100, allow_blank=True, label="名称")
    parent = serializers.PrimaryKeyRelatedField(
        queryset=KnowledgePoint.objects.all(), required=False, allow_null=True
    )
    org_unit = serializers.PrimaryKeyRelatedField(
        queryset=OrgUnit.objects.all(), required=False, label="所属单位"
    )
    description = serializers.CharField(required=False, allow_blank=True, default="")
    passages = serializers.PrimaryKeyRelatedField(
        queryset=Passage.objects.select_related("material__org_unit"), many=True, required=False
    )
    confirm = serializers.BooleanField(required=False, default=False, label="确认建议")


class KnowledgePointMergeInput(serializers.Serializer):
    target = id_field(label="合并到的知识点")


class BankSerializer(serializers.ModelSerializer):
    org_unit_name = serializers.CharField(source="org_unit.full_name", read_only=True)
    can_manage = serializers.SerializerMethodField()
    question_count = serializers.IntegerField(read_only=True, default=None)

    class Meta:
        model = Bank
        fields = [
            "id",
            "name",
            "description",
            "org_unit",
            "org_unit_name",
            "shared_down",
            "can_manage",
            "question_count",
            "created_at",
        ]

    def get_can_manage(self, bank) -> bool:
        from apps.questions.selectors import can_manage_bank

        return can_manage_bank(self.context["request"].user, bank)


class GenerateInput(serializers.Serializer):
    bank = id_field(label="目标题库")
    types = serializers.ListField(
        child=serializers.ChoiceField(choices=QUESTION_TYPES), required=False, default=list
    )
    max_per_type = serializers.IntegerField(
        min_value=1, max_value=200, required=False, allow_null=True, default=None
    )
    counts = serializers.DictField(
        child=serializers.IntegerField(min_value=0, max_value=100),
        required=False,
        default=dict,
        label="各题型题数",
        help_text='每种题型要生成的题数，如 {"single": 5, "true_false": 3}；给出时忽略 types 与 max_per_type',
    )
    seed = serializers.IntegerField(required=False, default=0, min_value=0, max_value=2**31 - 1)
    mode = serializers.ChoiceField(
        choices=GENERATION_MODES,
        required=False,
        default=STRICT,
        label="出题范围",
        help_text="strict：只用在没见过的材料上评审可用率七成以上的规则，讲话、通知只出写明国家出处的规定"
        "（默认）；broad：所有启用的规则用于任何材料，草稿更多、可用率较低，须逐题审核",
    )


class GenerationBatchSerializer(serializers.ModelSerializer):
    material_title = serializers.CharField(source="material.title", read_only=True)
    bank_name = serializers.CharField(source="bank.name", read_only=True)
    pending_count = serializers.IntegerField(read_only=True, default=None)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = GenerationBatch
        fields = [
            "id",
            "material",
            "material_title",
            "bank",
            "bank_name",
            "params",
            "candidate_count",
            "pending_count",
            "status",
            "status_label",
            "error",
            "created_at",
        ]


class RuleStatsSerializer(serializers.Serializer):
    rule = serializers.CharField()
    generated = serializers.IntegerField()
    pending = serializers.IntegerField()
    approved = serializers.IntegerField()
    approved_edited = serializers.IntegerField()
    rejected = serializers.IntegerField()
    reasons = serializers.DictField(child=serializers.IntegerField())
    approval_rate = serializers.FloatField(allow_null=True)
