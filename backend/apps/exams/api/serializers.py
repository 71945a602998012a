"""Input validation and output shapes of the exams API (see team/API_CONTRACT.md)."""

from __future__ import annotations

from rest_framework import serializers

from apps.accounts.models import OrgUnit, User
from apps.common.api.serializers import MomentField, id_field
from apps.exams.models import AttemptEvent, Exam, Paper
from apps.exams.services.exams import audience_summary
from apps.exams.services.papers import paper_totals
from apps.questions.models import Bank, KnowledgePoint, QuestionType


class ExamCardSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display")
    state = serializers.SerializerMethodField()
    score_release_label = serializers.CharField(source="get_score_release_display")
    answer_release_label = serializers.CharField(source="get_answer_release_display")
    attempts_used = serializers.IntegerField()
    in_progress_attempt = serializers.IntegerField(allow_null=True)
    last_attempt = serializers.IntegerField(allow_null=True)
    total_points = serializers.DecimalField(max_digits=8, decimal_places=2)
    question_count = serializers.IntegerField()

    class Meta:
        model = Exam
        fields = [
            "id",
            "title",
            "description",
            "kind",
            "kind_label",
            "opens_at",
            "closes_at",
            "duration_minutes",
            "attempts_allowed",
            "attempts_used",
            "state",
            "in_progress_attempt",
            "last_attempt",
            "pass_mark",
            "total_points",
            "question_count",
            "score_release",
            "score_release_label",
            "answer_release",
            "answer_release_label",
            "focus_loss_limit",
        ]

    def get_state(self, exam) -> str:
        return exam.state()


class ExamDetailSerializer(ExamCardSerializer):
    extra_minutes = serializers.IntegerField(
        default=0,
        read_only=True,
        help_text="为本人批准的个人延时（分钟），开始作答时加到交卷截止时间上",
    )
    score_held = serializers.BooleanField(
        default=False,
        read_only=True,
        help_text="true：本卷有题目与本人还在参加的另一场考试共用，交卷后成绩等那场考试结束后才公布",
    )

    class Meta(ExamCardSerializer.Meta):
        fields = [*ExamCardSerializer.Meta.fields, "rules", "extra_minutes", "score_held"]


class SharedExamSerializer(serializers.Serializer):
    id = serializers.IntegerField(allow_null=True, help_text="null：不在本人管理范围内的考试")
    title = serializers.CharField()
    closes_at = serializers.DateTimeField()


class ExamAdminSerializer(ExamDetailSerializer):
    status_label = serializers.CharField(source="get_status_display")
    paper_title = serializers.CharField(source="paper.title")
    can_manage = serializers.BooleanField(
        default=True,
        help_text="false：另一单位主办、本单位人员参加的考试，只能查看本单位人员的监控与成绩",
    )
    org_unit_name = serializers.CharField(source="org_unit.full_name")
    audience_summary = serializers.SerializerMethodField()
    shares_questions_with = SharedExamSerializer(
        many=True,
        read_only=True,
        default=list,
        help_text="与本场考试共用试题、且在本场考试期间尚未结束的其他已发布考试：同时参加两场的人员，"
        "本场交卷后要等那场结束才看得到成绩",
    )

    class Meta(ExamCardSerializer.Meta):
        fields = [
            *ExamDetailSerializer.Meta.fields,
            "shares_questions_with",
            "status",
            "status_label",
            "can_manage",
            "org_unit",
            "org_unit_name",
            "paper",
            "paper_title",
            "shuffle_questions",
            "shuffle_options",
            "multiple_policy",
            "audience_units",
            "include_subunits",
            "audience_roles",
            "audience_users",
            "audience_summary",
        ]

    def get_audience_summary(self, exam) -> str:
        return audience_summary(exam)


class ExamInputSerializer(serializers.ModelSerializer):
    opens_at = MomentField(label="开始时间")
    closes_at = MomentField(label="结束时间")
    org_unit = serializers.PrimaryKeyRelatedField(queryset=OrgUnit.objects.all(), label="主办单位")
    paper = serializers.PrimaryKeyRelatedField(queryset=Paper.objects.all(), label="试卷")
    audience_units = serializers.PrimaryKeyRelatedField(
        queryset=OrgUnit.objects.all(), many=True, required=False, label="参考单位"
    )
    audience_users = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.all(), many=True, required=False, label="指定人员"
    )
    audience_roles = serializers.ListField(
        child=serializers.ChoiceField(choices=["cadre", "reviewer"]), required=False
    )

    class Meta:
        model = Exam
        fields = [
            "title",
            "description",
            "rules",
            "kind",
            "org_unit",
            "paper",
            "opens_at",
            "closes_at",
            "duration_minutes",
            "attempts_allowed",
            "pass_mark",
            "shuffle_questions",
            "shuffle_options",
            "score_release",
            "answer_release",
            "multiple_policy",
            "focus_loss_limit",
            "audience_units",
            "include_subunits",
            "audience_roles",
            "audience_users",
        ]
        extra_kwargs = {"duration_minutes": {"min_value": 1}, "attempts_allowed": {"min_value": 1}}


class PaperItemInput(serializers.Serializer):
    question_id = id_field(label="试题")
    points = serializers.DecimalField(max_digits=6, decimal_places=2, min_value=0, label="分值")
    section = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")


class PaperRuleInput(serializers.Serializer):
    section = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    bank = serializers.PrimaryKeyRelatedField(queryset=Bank.objects.all(), label="题库")
    type = serializers.ChoiceField(
        choices=QuestionType.choices, required=False, allow_blank=True, default=""
    )
    knowledge_point = serializers.PrimaryKeyRelatedField(
        queryset=KnowledgePoint.objects.all(), required=False, allow_null=True, default=None
    )
    difficulty_min = serializers.IntegerField(min_value=1, max_value=5, default=1)
    difficulty_max = serializers.IntegerField(min_value=1, max_value=5, default=5)
    tags = serializers.ListField(
        child=serializers.CharField(max_length=50), required=False, default=list
    )
    count = serializers.IntegerField(min_value=1, max_value=500, label="抽题数")
    points = serializers.DecimalField(max_digits=6, decimal_places=2, min_value=0, label="每题分值")


class PaperInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, label="名称")
    description = serializers.CharField(required=False, allow_blank=True, default="")
    mode = serializers.ChoiceField(choices=Paper.Mode.choices, label="组卷方式")
    org_unit = serializers.PrimaryKeyRelatedField(queryset=OrgUnit.objects.all(), label="所属单位")
    items = PaperItemInput(many=True, required=False, default=list)
    rules = PaperRuleInput(many=True, required=False, default=list)


class PaperSerializer(serializers.ModelSerializer):
    items = serializers.SerializerMethodField()
    rules = serializers.SerializerMethodField()
    mode_label = serializers.CharField(source="get_mode_display", read_only=True)
    org_unit_name = serializers.CharField(source="org_unit.full_name", read_only=True)
    in_use = serializers.BooleanField(
        read_only=True, default=False, help_text="已有考生作答：只读，需改动请复制"
    )
    exam_count = serializers.IntegerField(read_only=True, default=0)
    question_count = serializers.SerializerMethodField()
    total_points = serializers.SerializerMethodField()

    class Meta:
        model = Paper
        fields = [
            "id",
            "title",
            "description",
            "mode",
            "mode_label",
            "org_unit",
            "org_unit_name",
            "items",
            "rules",
            "in_use",
            "exam_count",
            "question_count",
            "total_points",
            "created_at",
        ]

    def get_question_count(self, paper) -> int:
        return paper_totals(paper)[0]

    def get_total_points(self, paper) -> str:
        return str(paper_totals(paper)[1])

    def get_items(self, paper) -> list[dict]:
        return [
            {
                "question_id": i.question_id,
                "type": i.question.type,
                "stem": i.question.stem[:200],
                "difficulty": i.question.difficulty,
                "points": str(i.points),
                "section": i.section,
                "position": i.position,
            }
            for i in paper.items.all()
        ]

    def get_rules(self, paper) -> list[dict]:
        return [
            {
                "position": r.position,
                "section": r.section,
                "bank": r.bank_id,
                "type": r.type,
                "knowledge_point": r.knowledge_point_id,
                "difficulty_min": r.difficulty_min,
                "difficulty_max": r.difficulty_max,
                "tags": r.tags,
                "count": r.count,
                "points": str(r.points),
                "description": r.describe(),
            }
            for r in paper.rules.all()
        ]


class BatchInputSerializer(serializers.Serializer):
    answers = serializers.ListField(child=serializers.DictField(), max_length=500, label="作答列表")


class EventInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=AttemptEvent.Kind.choices, label="事件类型")
    detail = serializers.CharField(required=False, allow_blank=True, default="", max_length=500)


class GradeInputSerializer(serializers.Serializer):
    score = serializers.CharField(label="得分")
    comment = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class RegradeInputSerializer(serializers.Serializer):
    question_id = id_field(label="试题")
    answer = serializers.JSONField(label="更正后的答案")
    reason = serializers.CharField(max_length=500, label="更正原因")


class GraderSerializer(serializers.ModelSerializer):
    org_unit_name = serializers.CharField(source="org_unit.full_name", default="")

    class Meta:
        model = User
        fields = ["id", "username", "real_name", "org_unit", "org_unit_name"]


class GradersSerializer(serializers.Serializer):
    exam = serializers.IntegerField()
    graders = GraderSerializer(many=True)


class GradersInputSerializer(serializers.Serializer):
    graders = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**31 - 1),
        allow_empty=True,
        label="评分人",
        help_text="评审员的用户编号；整体替换原名单，空列表表示只由本单位管理员评分",
    )


class PaperRulesInputSerializer(serializers.Serializer):
    rules = PaperRuleInput(many=True, label="抽题规则")


class RuleAvailabilitySerializer(serializers.Serializer):
    position = serializers.IntegerField()
    available = serializers.IntegerField(help_text="可抽的已发布试题数")
    count = serializers.IntegerField()
    shortfall = serializers.IntegerField(help_text="缺少的题数，0 表示足够")


class PublishInputSerializer(serializers.Serializer):
    notice = serializers.BooleanField(default=False, label="同时向参考人员发布通知")
    notice_body = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=5000, label="通知正文"
    )


class ReasonInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500, label="原因")


class ExtendInputSerializer(ReasonInputSerializer):
    closes_at = MomentField(label="新的结束时间")


class ExtraTimeInputSerializer(ReasonInputSerializer):
    user = serializers.PrimaryKeyRelatedField(queryset=User.objects.all(), label="考生")
    minutes = serializers.IntegerField(min_value=1, max_value=600, label="延时分钟数")


class ItemFlagInputSerializer(ReasonInputSerializer):
    pass


class AudienceCountInputSerializer(serializers.Serializer):
    org_unit = serializers.PrimaryKeyRelatedField(queryset=OrgUnit.objects.all(), label="主办单位")
    audience_units = serializers.PrimaryKeyRelatedField(
        queryset=OrgUnit.objects.all(), many=True, required=False, default=list, label="参考单位"
    )
    audience_users = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.all(), many=True, required=False, default=list, label="指定人员"
    )
    audience_roles = serializers.ListField(
        child=serializers.ChoiceField(choices=["cadre", "reviewer"]), required=False, default=list
    )
    include_subunits = serializers.BooleanField(
        required=False,
        default=True,
        label="含下级单位",
        help_text="false：只算参考单位本单位的人员",
    )


class AudienceCountSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="应考人数（在岗）")
    by_unit = serializers.ListField(child=serializers.DictField(), help_text="各参考单位的人数")


class MarksInputSerializer(serializers.Serializer):
    question_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1), max_length=1000, label="标记的题目"
    )


class MarksSerializer(serializers.Serializer):
    question_ids = serializers.ListField(child=serializers.IntegerField())
