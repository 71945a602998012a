from rest_framework import serializers

from apps.accounts.api.serializers import UnitBriefSerializer


class DashboardCountsSerializer(serializers.Serializer):
    questions_draft = serializers.IntegerField(help_text="自动生成、等待审核的草稿题")
    questions_pending = serializers.IntegerField(help_text="已提交、等待审核发布的试题")
    exams_open = serializers.IntegerField(help_text="正在进行的考试")
    answers_to_grade = serializers.IntegerField(help_text="等待人工评分的主观题答案")
    cases_in_arbitration = serializers.IntegerField(help_text="等待仲裁的案例")
    objections_pending = serializers.IntegerField(help_text="等待处理的考核异议")
    periods_in_publicity = serializers.IntegerField(help_text="正在公示的考核周期")


class OpenExamSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    closes_at = serializers.DateTimeField()
    audience = serializers.IntegerField(help_text="本管理范围内的应考人数")
    started = serializers.IntegerField(help_text="已开始作答的人数（含已交卷）")
    submitted = serializers.IntegerField(help_text="已交卷的人数")


class PublicityPeriodSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    publicity_ends_at = serializers.DateTimeField(allow_null=True)


class DashboardSerializer(serializers.Serializer):
    scope = UnitBriefSerializer(many=True, help_text="本次请求所见的顶层单位（超级管理员为空）")
    all_units = serializers.BooleanField(help_text="是否可见全部单位（超级管理员）")
    counts = DashboardCountsSerializer()
    open_exams = OpenExamSerializer(many=True)
    publicity_periods = PublicityPeriodSerializer(many=True)
