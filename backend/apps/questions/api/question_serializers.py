"""Serializers of questions: the full (admin) and public (cadre) shapes, inputs, queries."""

from decimal import Decimal

from drf_spectacular.utils import (
    PolymorphicProxySerializer,
    extend_schema_field,
    extend_schema_serializer,
)
from rest_framework import serializers

from apps.common.api.serializers import FileUploadSerializer, ImportOptionsSerializer, id_field
from apps.exams import held_keys
from apps.questions.models import (
    Bank,
    KnowledgePoint,
    Passage,
    Question,
    QuestionImage,
    QuestionType,
    confirmed_points,
)
from apps.questions.services.review import REJECT_REASONS, TRANSITIONS

SCORING_POINT_INCOMPLETE = "每条评分要点都须填写要点和分值"


class OptionSerializer(serializers.Serializer):
    key = serializers.RegexField(r"^[A-H]$", label="选项字母")
    text = serializers.CharField(allow_blank=True, max_length=1000, label="选项内容")


class ScoringPointSerializer(serializers.Serializer):
    point = serializers.CharField(max_length=500, label="要点")
    score = serializers.DecimalField(max_digits=6, decimal_places=2, min_value=0, label="分值")


class QuestionInput(serializers.Serializer):
    bank = serializers.PrimaryKeyRelatedField(
        queryset=Bank.objects.select_related("org_unit"), label="题库"
    )
    type = serializers.ChoiceField(choices=QuestionType.choices, label="题型")
    stem = serializers.CharField(max_length=5000, allow_blank=True, label="题干")
    options = OptionSerializer(many=True, required=False, default=list)
    answer = serializers.JSONField(label="答案")
    scoring_points = ScoringPointSerializer(many=True, required=False, default=list)
    explanation = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=10000
    )
    difficulty = serializers.IntegerField(min_value=1, max_value=5, required=False, default=3)
    default_points = serializers.DecimalField(
        max_digits=6,
        decimal_places=2,
        min_value=Decimal("0.01"),
        required=False,
        help_text="省略时按题型取默认分值（客观题 2 分，主观题 10 分）",
    )
    knowledge_points = serializers.PrimaryKeyRelatedField(
        queryset=KnowledgePoint.objects.all(), many=True, required=False, default=list
    )
    tags = serializers.ListField(
        child=serializers.CharField(max_length=50), required=False, default=list
    )
    source_passage = serializers.PrimaryKeyRelatedField(
        queryset=Passage.objects.all(), required=False, allow_null=True
    )
    source_quote = serializers.CharField(required=False, allow_blank=True, default="")

    def validate_scoring_points(self, value):
        # A partial update (PATCH) skips the nested required fields: check them here.
        missing = {
            str(index): {
                name: [SCORING_POINT_INCOMPLETE] for name in ("point", "score") if name not in p
            }
            for index, p in enumerate(value)
            if not {"point", "score"} <= set(p)
        }
        if missing:
            raise serializers.ValidationError(missing)
        return [{"point": p["point"], "score": str(p["score"])} for p in value]


def shape_field(value: str) -> serializers.Field:
    """A constant that tells the full (admin) question from the public one, in the schema
    too: the two are one discriminated union (`shape`: "full" | "public")."""

    @extend_schema_field({"type": "string", "enum": [value]})
    class ShapeField(serializers.Field):
        def __init__(self):
            super().__init__(read_only=True, source="*")

        def to_representation(self, _obj) -> str:
            return value

    return ShapeField()


# What an admin who could still sit an exam does not get of a question that exam holds.
HELD_KEY_FIELDS = {
    "answer": None,
    "scoring_points": [],
    "explanation": "",
    "explanation_html": "",
    "source_quote": "",
    "source_start": None,
    "source_end": None,
}


class QuestionSerializer(serializers.ModelSerializer):
    """The full question, answers included: org admins only. Pass the request in the context:
    an admin who is also a candidate gets no keys an exam holds from them (`key_held`)."""

    type_label = serializers.CharField(source="get_type_display", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    knowledge_points = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    answer = serializers.JSONField(allow_null=True)
    options = OptionSerializer(many=True)
    scoring_points = ScoringPointSerializer(many=True)
    key_held = serializers.SerializerMethodField(
        help_text="答案正被您尚未结束的考试保留：答案、评分要点、解析与出处原文为空"
    )
    shape = shape_field("full")
    bank_name = serializers.CharField(source="bank.name", read_only=True)
    times_used = serializers.IntegerField(
        read_only=True,
        default=None,
        allow_null=True,
        help_text="作答过该题（含各版本）的考试场数；仅列表返回，其他为空",
    )
    facility = serializers.FloatField(
        read_only=True,
        default=None,
        allow_null=True,
        help_text="考试中答对的比例（0-1，含各版本）；无评分记录或非列表时为空",
    )

    def _key_held(self, obj) -> bool:
        request = self.context.get("request")
        return request is not None and held_keys.held_for_request(request).holds(obj)

    def get_key_held(self, obj) -> bool:
        return self._key_held(obj)

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if data["key_held"]:
            data.update(HELD_KEY_FIELDS)
        return data

    class Meta:
        model = Question
        fields = [
            "id",
            "bank",
            "bank_name",
            "lineage",
            "version",
            "is_current",
            "type",
            "type_label",
            "stem",
            "stem_html",
            "options",
            "answer",
            "scoring_points",
            "explanation",
            "explanation_html",
            "difficulty",
            "default_points",
            "knowledge_points",
            "tags",
            "source_passage",
            "source_quote",
            "source_start",
            "source_end",
            "status",
            "status_label",
            "generation_batch",
            "generation_rule",
            "quality",
            "key_held",
            "shape",
            "times_used",
            "facility",
            "created_at",
            "updated_at",
        ]


@extend_schema_serializer(component_name="BankQuestionPublic")  # training has a QuestionPublic
class QuestionPublicSerializer(serializers.ModelSerializer):
    """What a cadre may see: no answer, explanation, scoring points or source quote."""

    type_label = serializers.CharField(source="get_type_display", read_only=True)
    knowledge_points = serializers.SerializerMethodField()
    options = OptionSerializer(many=True)
    shape = shape_field("public")

    def get_knowledge_points(self, obj) -> list[int]:
        return [kp.pk for kp in confirmed_points(obj)]

    class Meta:
        model = Question
        fields = [
            "id",
            "bank",
            "type",
            "type_label",
            "stem",
            "stem_html",
            "options",
            "difficulty",
            "default_points",
            "knowledge_points",
            "tags",
            "shape",
        ]


class QuestionWithSimilarSerializer(QuestionSerializer):
    similar = serializers.ListField(child=serializers.DictField(), read_only=True, default=list)

    class Meta(QuestionSerializer.Meta):
        fields = [*QuestionSerializer.Meta.fields, "similar"]


class QuestionReviewInput(serializers.Serializer):
    action = serializers.ChoiceField(choices=[*TRANSITIONS], label="操作")
    comment = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)
    reason = serializers.ChoiceField(
        choices=list(REJECT_REASONS.items()), required=False, allow_blank=True, default=""
    )
    changes = serializers.DictField(required=False, label="通过前的修改（仅 approve）")


class QuestionReviewLogSerializer(serializers.Serializer):
    action = serializers.CharField()
    from_status = serializers.CharField()
    to_status = serializers.CharField()
    reason = serializers.CharField()
    comment = serializers.CharField()
    actor = serializers.CharField(source="actor.display_name", default="")
    created_at = serializers.DateTimeField()


class PreviewInput(serializers.Serializer):
    stem = serializers.CharField(max_length=5000, allow_blank=True, label="题干")
    explanation = serializers.CharField(
        max_length=10000, allow_blank=True, required=False, default="", label="解析"
    )


class PreviewOutput(serializers.Serializer):
    stem_html = serializers.CharField()
    explanation_html = serializers.CharField()


class BatchReviewInput(serializers.Serializer):
    ids = serializers.ListField(
        child=id_field(), min_length=1, max_length=200, label="试题", allow_empty=False
    )
    action = serializers.ChoiceField(choices=["approve", "submit", "retire"], label="操作")


class BatchReviewFailure(serializers.Serializer):
    id = serializers.IntegerField()
    detail = serializers.CharField()


class BatchReviewOutput(serializers.Serializer):
    done = serializers.ListField(child=serializers.IntegerField())
    failed = BatchReviewFailure(many=True)


BANK_REQUIRED = "请选择导入到哪个题库（bank）"
MAPPING_NOT_OBJECT = '列对应关系（mapping）应为 JSON 对象：{"文件中的列名": "本平台模板的列名"}'


class ImportQuery(ImportOptionsSerializer):
    bank = id_field(label="题库", required=False)
    publish = serializers.BooleanField(default=False, label="导入后直接发布")
    skip_duplicates = serializers.BooleanField(
        default=True, label="跳过完全相同的试题（题干、选项、答案相同）"
    )


class QuestionImportInput(FileUploadSerializer):
    bank = id_field(label="题库（也可放在查询参数中）", required=False)
    mapping = serializers.JSONField(
        required=False,
        binary=True,
        label="列对应关系",
        help_text="文件列名 → 本平台模板列名（题型、题干、选项A…、选项（合并）、答案、解析…），"
        '如 {"题目": "题干", "类型": "题型", "选项": "选项（合并）"}；值为空表示不导入该列',
    )

    def validate_mapping(self, value):
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str | None) for k, v in value.items()
        ):
            raise serializers.ValidationError(MAPPING_NOT_OBJECT)
        return {k: v or "" for k, v in value.items()}


class QuestionImportRowError(serializers.Serializer):
    row = serializers.IntegerField()
    field = serializers.CharField()
    message = serializers.CharField()


class QuestionImportSkipped(serializers.Serializer):
    row = serializers.IntegerField()
    question = serializers.IntegerField(required=False, help_text="题库中内容相同的试题")
    same_row = serializers.IntegerField(required=False, help_text="文件中内容相同的前一行")


class QuestionImportReport(serializers.Serializer):
    total = serializers.IntegerField()
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    unchanged = serializers.IntegerField(help_text="作为重复跳过的行数")
    error_count = serializers.IntegerField()
    rows = QuestionImportRowError(many=True)
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
    dry_run = serializers.BooleanField()
    strict = serializers.BooleanField()
    applied = serializers.BooleanField()
    skipped = QuestionImportSkipped(many=True)
    duplicates = serializers.ListField(
        child=serializers.DictField(), help_text="与已有试题或前面的行相似（仍会导入）"
    )
    knowledge_points_created = serializers.ListField(child=serializers.CharField(), required=False)
    needs_mapping = serializers.BooleanField(help_text="表头无法识别：请按 columns 提供 mapping")
    message = serializers.CharField(required=False)
    headers = serializers.ListField(child=serializers.CharField(), required=False)
    columns = serializers.ListField(child=serializers.CharField(), required=False)
    required_columns = serializers.ListField(child=serializers.CharField(), required=False)
    suggested_mapping = serializers.DictField(child=serializers.CharField(), required=False)


class BankQuery(serializers.Serializer):
    bank = id_field(label="题库")


class ExportQuery(serializers.Serializer):
    """The file format; the questions are chosen by the list's filters (QuestionFilter)."""

    format = serializers.ChoiceField(choices=["xlsx", "csv", "json"], default="xlsx")


class BankUploadInput(FileUploadSerializer):
    bank = id_field(label="题库")


class QuestionImageSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    thumbnail_url = serializers.SerializerMethodField()
    markdown = serializers.SerializerMethodField()

    class Meta:
        model = QuestionImage
        fields = ["id", "bank", "url", "thumbnail_url", "width", "height", "markdown"]

    def get_url(self, obj) -> str:
        return obj.image.url

    def get_thumbnail_url(self, obj) -> str:
        return obj.thumbnail.url if obj.thumbnail else ""

    def get_markdown(self, obj) -> str:
        return f"![]({obj.image.url})"


class DuplicateClusterSerializer(serializers.Serializer):
    score = serializers.FloatField()
    questions = serializers.ListField(child=serializers.DictField())


def question_view(many: bool = False) -> PolymorphicProxySerializer:
    """What a question read answers: the full shape to org admins, the public one to others."""
    return PolymorphicProxySerializer(
        component_name="QuestionView",
        serializers={"full": QuestionSerializer, "public": QuestionPublicSerializer},
        resource_type_field_name="shape",
        many=many,
    )
