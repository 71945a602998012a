"""Filters of the admin's notice list (see apps.common.filters)."""

from __future__ import annotations

import django_filters as df
from django.db.models import Q

from apps.common.filters import ChoiceFilter
from apps.notices import selectors
from apps.notices.models import NOTICE_STATUSES


class NoticeFilter(df.FilterSet):
    status = ChoiceFilter(choices=NOTICE_STATUSES, method="by_status", label="状态")
    search = df.CharFilter(method="by_words", label="标题或正文关键词")

    def by_status(self, qs, name, value):
        return selectors.with_status(qs, value)

    def by_words(self, qs, name, value):
        words = (value or "").strip()
        if not words:
            return qs
        return qs.filter(Q(title__icontains=words) | Q(body__icontains=words))
