"""Filters of the exam lists (see apps.common.filters)."""

from __future__ import annotations

import django_filters as df

from apps.common.filters import ChoiceFilter, FlagFilter, IdFilter
from apps.exams.models import Exam, Paper


class ExamFilter(df.FilterSet):
    mine = FlagFilter(method="keep", label="1：只看本人可参加的考试（管理员也按考生身份）")
    kind = ChoiceFilter(choices=Exam.Kind.choices, field_name="kind", label="考试类型")

    def keep(self, qs, name, value):
        return qs  # the view chooses the cadre's or the admin's list from it


class PaperFilter(df.FilterSet):
    mode = ChoiceFilter(choices=Paper.Mode.choices, label="组卷方式")
    org_unit = IdFilter(field_name="org_unit_id", label="所属单位")


class GradingTaskFilter(df.FilterSet):
    pending = FlagFilter(method="keep", label="0：也列出已评分的（默认只列待评分）")
    exam = IdFilter(field_name="attempt__exam_id", label="考试")

    def keep(self, qs, name, value):
        return qs  # read by the view: it picks the queue before filtering
