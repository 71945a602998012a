from rest_framework import serializers

from apps.cases.models import CaseCall
from apps.common import scoping
from apps.common.api.serializers import MomentField, id_field
from apps.exams.models import Exam
from apps.records import describe
from apps.records.models import Adjustment, Component, ComponentScore, Objection, Period, Record


class ComponentSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(required=False)
    exams = serializers.PrimaryKeyRelatedField(
        many=True,
        queryset=Exam.objects.all(),
        required=False,
        help_text="考试成绩部分计入的考试（须是周期关联的考试）；不填则计入周期关联的全部考试",
    )

    class Meta:
        model = Component
        fields = [
            "id",
            "name",
            "kind",
            "weight",
            "order",
            "aggregation",
            "missing",
            "cap",
            "level",
            "value_min",
            "value_max",
            "mapping",
            "bands",
            "exams",
        ]
        extra_kwargs = {"order": {"required": False}}


class PeriodSerializer(serializers.ModelSerializer):
    components = ComponentSerializer(many=True, required=False)
    exams = serializers.PrimaryKeyRelatedField(
        many=True, queryset=Exam.objects.all(), required=False
    )
    case_calls = serializers.PrimaryKeyRelatedField(
        many=True, queryset=CaseCall.objects.all(), required=False
    )
    org_unit_name = serializers.CharField(source="org_unit.full_name", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    override_by_name = serializers.CharField(
        source="override_by.display_name", read_only=True, default=None, allow_null=True
    )
    override_blockers = serializers.ListField(child=serializers.CharField(), read_only=True)
    can_manage = serializers.SerializerMethodField(
        help_text="当前管理员的管理范围是否包含本周期的考核范围（才能修改、计算、发布、锁定）"
    )

    class Meta:
        model = Period
        fields = [
            "id",
            "name",
            "kind",
            "start_date",
            "end_date",
            "org_unit",
            "org_unit_name",
            "status",
            "status_display",
            "exams",
            "case_calls",
            "excellent_share",
            "excellent_cap",
            "excellent_min",
            "pass_min",
            "basic_min",
            "publicity_starts_at",
            "publicity_ends_at",
            "computed_at",
            "override_reason",
            "override_blockers",
            "override_by_name",
            "can_manage",
            "components",
        ]
        read_only_fields = [
            "status",
            "publicity_starts_at",
            "publicity_ends_at",
            "computed_at",
            "override_reason",
            "override_blockers",
        ]

    def get_can_manage(self, period: Period) -> bool:
        request = self.context.get("request")
        if request is None or not request.user.is_org_admin:
            return False
        return scoping.unit_in_scope(request.user, period.org_unit)


class ComponentScoreSerializer(serializers.ModelSerializer):
    component = serializers.IntegerField(source="component_id")
    name = serializers.CharField(source="component.name")
    kind = serializers.CharField(source="component.kind")
    weight = serializers.DecimalField(source="component.weight", max_digits=5, decimal_places=2)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    lines = serializers.SerializerMethodField(help_text="该分项来源的中文说明，每条一行")

    class Meta:
        model = ComponentScore
        fields = [
            "component",
            "name",
            "kind",
            "weight",
            "computed",
            "adjustment",
            "adjustment_reason",
            "score",
            "status",
            "status_display",
            "points",
            "inputs",
            "lines",
        ]

    def get_lines(self, row: ComponentScore) -> list[str]:
        return describe.lines(row)


class ObjectionSerializer(serializers.ModelSerializer):
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    record = serializers.IntegerField(source="record_id", read_only=True)
    user_name = serializers.CharField(source="record.user.display_name", read_only=True)
    component_name = serializers.CharField(
        source="component.name", read_only=True, default=None, allow_null=True
    )
    period = serializers.IntegerField(source="record.period_id", read_only=True)
    period_name = serializers.CharField(source="record.period.name", read_only=True)
    unit_name = serializers.CharField(source="record.org_unit.full_name", read_only=True)
    can_decide = serializers.SerializerMethodField(
        help_text="当前管理员的管理范围是否包含考核周期的组织单位（只有这样的管理员可以处理）"
    )

    class Meta:
        model = Objection
        fields = [
            "id",
            "record",
            "period",
            "period_name",
            "unit_name",
            "can_decide",
            "user_name",
            "component",
            "component_name",
            "reason",
            "status",
            "status_display",
            "reply",
            "resolved_at",
            "created_at",
        ]

    def get_can_decide(self, objection: Objection) -> bool:
        request = self.context.get("request")
        if request is None or not request.user.is_org_admin:
            return False
        period = objection.record.period
        return scoping.unit_in_scope(request.user, period.org_unit)


class RecordSerializer(serializers.ModelSerializer):
    period_name = serializers.CharField(source="period.name")
    period_status = serializers.CharField(source="period.status")
    username = serializers.CharField(source="user.username")
    name = serializers.CharField(source="user.display_name")
    unit_name = serializers.CharField(source="org_unit.full_name")
    grade_display = serializers.SerializerMethodField()
    is_final = serializers.SerializerMethodField(help_text="各分项都已确定；否则总分与等级待定")
    components = ComponentScoreSerializer(source="scores", many=True)

    def get_grade_display(self, record: Record) -> str:
        return record.get_grade_display() if record.total is not None else "待定"

    def get_is_final(self, record: Record) -> bool:
        return record.total is not None

    class Meta:
        model = Record
        fields = [
            "id",
            "period",
            "period_name",
            "period_status",
            "user",
            "username",
            "name",
            "org_unit",
            "unit_name",
            "total",
            "rank_in_unit",
            "rank_in_scope",
            "grade",
            "grade_display",
            "is_final",
            "locked",
            "components",
        ]


class MyRecordSerializer(RecordSerializer):
    objections = ObjectionSerializer(many=True)
    publicity_starts_at = serializers.DateTimeField(source="period.publicity_starts_at")
    publicity_ends_at = serializers.DateTimeField(source="period.publicity_ends_at")
    override_reason = serializers.CharField(
        source="period.override_reason", help_text="未就绪仍公示时组织部写明的理由（脚注）"
    )

    class Meta(RecordSerializer.Meta):
        fields = [
            *RecordSerializer.Meta.fields,
            "objections",
            "publicity_starts_at",
            "publicity_ends_at",
            "override_reason",
        ]


class ObjectionInSerializer(serializers.Serializer):
    reason = serializers.CharField(label="异议理由", max_length=1000)
    component = id_field(label="涉及分项", required=False, allow_null=True)


class ResolveInSerializer(serializers.Serializer):
    action = serializers.ChoiceField(
        label="处理方式", choices=[("adjust", "调整"), ("reject", "驳回")]
    )
    reply = serializers.CharField(label="答复", max_length=1000)
    component = id_field(label="调整分项", required=False, allow_null=True)
    adjustment = serializers.DecimalField(
        label="调整分", max_digits=8, decimal_places=2, required=False
    )


class AdjustInSerializer(serializers.Serializer):
    component = id_field(label="调整分项")
    adjustment = serializers.DecimalField(label="调整分", max_digits=8, decimal_places=2)
    reason = serializers.CharField(label="理由", max_length=200)


class ReasonInSerializer(serializers.Serializer):
    reason = serializers.CharField(label="理由", max_length=200)


class PublishInSerializer(serializers.Serializer):
    ends_at = MomentField(label="公示结束时间", required=False)
    days = serializers.IntegerField(
        label="公示天数（默认见 RECORDS_PUBLICITY_DAYS）", min_value=1, max_value=60, required=False
    )
    override_reason = serializers.CharField(
        label="未就绪仍发布的理由", max_length=1000, required=False, allow_blank=True
    )


class AdjustmentSerializer(serializers.ModelSerializer):
    user_name = serializers.CharField(source="user.display_name", read_only=True)

    class Meta:
        model = Adjustment
        fields = ["id", "component", "user", "user_name", "points", "reason", "created_at"]
        read_only_fields = ["created_at"]


class ReasonSerializer(serializers.Serializer):
    code = serializers.CharField(
        help_text="exam_open / exam_grading / exam_in_progress / call_open / cases_in_review / indicator_missing / not_computed"
    )
    message = serializers.CharField()


class ReadinessSerializer(serializers.Serializer):
    ready = serializers.BooleanField()
    reasons = ReasonSerializer(many=True)
