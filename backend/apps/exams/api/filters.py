"""Filters of the exam lists (see apps.common.filters)."""

from __future__ import annotations

import django_filters as df
from django.utils import timezone

from apps.common.filters import ChoiceFilter, FlagFilter, IdFilter
from apps.exams.models import Exam, Paper, SubjectiveGrade

STATES = [
    ("draft", "草稿"),
    ("upcoming", "未开始"),
    ("open", "进行中"),
    ("closed", "已结束"),
    ("cancelled", "已取消"),
]


class ExamFilter(df.FilterSet):
    mine = FlagFilter(method="keep", label="1：只看本人可参加的考试（管理员也按考生身份）")
    kind = ChoiceFilter(choices=Exam.Kind.choices, field_name="kind", label="考试类型")
    state = ChoiceFilter(choices=STATES, method="by_state", label="状态（管理员列表）")
    grading = ChoiceFilter(
        choices=[("pending", "有待评分的主观题")], method="by_grading", label="评分（管理员列表）"
    )
    search = df.CharFilter(field_name="title", lookup_expr="icontains", label="名称关键词")

    def keep(self, qs, name, value):
        return qs  # the view chooses the cadre's or the admin's list from it

    def by_state(self, qs, name, value):
        """The derived state (Exam.state) as a query."""
        if value in (Exam.Status.DRAFT, Exam.Status.CANCELLED):
            return qs.filter(status=value)
        now = timezone.now()
        qs = qs.filter(status=Exam.Status.PUBLISHED)
        if value == "upcoming":
            return qs.filter(opens_at__gt=now)
        if value == "open":
            return qs.filter(opens_at__lte=now, closes_at__gt=now)
        return qs.filter(closes_at__lte=now)

    def by_grading(self, qs, name, value):
        waiting = SubjectiveGrade.objects.filter(
            score__isnull=True, attempt__status="submitted"
        ).values("attempt__exam_id")
        return qs.filter(pk__in=waiting)


class PaperFilter(df.FilterSet):
    mode = ChoiceFilter(choices=Paper.Mode.choices, label="组卷方式")
    org_unit = IdFilter(field_name="org_unit_id", label="所属单位")
    search = df.CharFilter(field_name="title", lookup_expr="icontains", label="名称关键词")


class GradingTaskFilter(df.FilterSet):
    pending = FlagFilter(method="keep", label="0：也列出已评分的（默认只列待评分）")
    exam = IdFilter(field_name="attempt__exam_id", label="考试")

    def keep(self, qs, name, value):
        return qs  # read by the view: it picks the queue before filtering
