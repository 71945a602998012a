"""Filters of the case lists (see apps.common.filters)."""

from __future__ import annotations

import django_filters as df

from apps.cases.models import Case, ReviewAssignment
from apps.common.filters import ChoiceFilter, FlagFilter, IdFilter, TextFilter


class CaseFilter(df.FilterSet):
    mine = FlagFilter(method="keep", label="只看自己撰写的案例（管理员默认看管理范围内全部）")
    call = IdFilter(field_name="call_id", label="征集")
    status = ChoiceFilter(choices=Case.Status.choices, label="状态")

    def keep(self, qs, name, value):
        return qs  # the view picks the author's or the admin's cases from it


class CallFilter(df.FilterSet):
    theme = TextFilter(field_name="theme", lookup_expr="icontains", label="主题关键词")


class LibraryFilter(df.FilterSet):
    theme = TextFilter(method="keep", label="按主题筛选")
    search = TextFilter(method="keep", label="标题或正文关键词，空格分隔多个")

    def keep(self, qs, name, value):
        return qs  # the library selector applies both, with its own keyword rules


class ReviewFilter(df.FilterSet):
    open = FlagFilter(method="only_open", label="1：只看未完成的评审任务")

    def only_open(self, qs, name, value):
        return qs.filter(status__in=ReviewAssignment.OPEN) if value else qs
