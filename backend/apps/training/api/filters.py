"""Filters of the training lists (see apps.common.filters)."""

from __future__ import annotations

import django_filters as df

from apps.common.filters import IdFilter
from apps.training import selectors


class WrongBookFilter(df.FilterSet):
    knowledge_point = IdFilter(method="on_knowledge_point", label="只看该知识点的错题")

    def on_knowledge_point(self, qs, name, value):
        return selectors.on_knowledge_point(qs, value)


class RankingFilter(df.FilterSet):
    unit = IdFilter(method="keep", label="只统计该单位（含下级）的投票")

    def keep(self, qs, name, value):
        return qs  # the ranking is computed by a selector; the view reads the checked unit
