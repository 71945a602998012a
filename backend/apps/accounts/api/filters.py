"""Filters of the org lists (see apps.common.filters)."""

from __future__ import annotations

import django_filters as df
from django.db.models import Q

from apps.accounts.models import OrgUnit
from apps.common.filters import ChoiceFilter, FlagFilter, IdFilter, TextFilter


class UserFilter(df.FilterSet):
    org_unit = IdFilter(method="in_unit", label="单位（含下级）")
    role = ChoiceFilter(
        choices=[("cadre", "干部"), ("reviewer", "评审员"), ("org_admin", "组织部管理员")],
        method="with_role",
        label="角色",
    )
    is_active = FlagFilter(field_name="is_active", label="是否在用")
    search = TextFilter(method="matching", label="姓名、工号或手机号")

    def in_unit(self, qs, name, unit_id):
        unit = OrgUnit.objects.filter(pk=unit_id).first()
        return qs.filter(org_unit__path__startswith=unit.path) if unit else qs.none()

    def with_role(self, qs, name, role):
        if role == "org_admin":
            return qs.filter(admin_scopes__isnull=False).distinct()
        return qs.filter(**{f"is_{role}": True})

    def matching(self, qs, name, text):
        if not text:
            return qs
        return qs.filter(
            Q(real_name__contains=text) | Q(username__contains=text) | Q(mobile__contains=text)
        )


class OrgUnitFilter(df.FilterSet):
    parent = IdFilter(field_name="parent_id", label="只列出该单位的直接下级")
