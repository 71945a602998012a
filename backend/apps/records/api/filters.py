"""Filters of the records lists (see apps.common.filters)."""

from __future__ import annotations

import django_filters as df

from apps.common import scoping
from apps.common.errors import Forbidden
from apps.common.filters import ChoiceFilter, IdFilter
from apps.records.models import Objection, Period

UNIT_NOT_IN_SCOPE = "该单位不在您的管理范围内"


class UnitInScopeFilter(IdFilter):
    """?unit=: a unit of the admin's scope (with its subtree); another unit is refused."""

    def filter(self, qs, value):
        if value in (None, ""):
            return qs
        unit = scoping.units_in_scope(self.parent.request.user).filter(pk=value).first()
        if unit is None:
            raise Forbidden(UNIT_NOT_IN_SCOPE)
        return qs.filter(org_unit__path__startswith=unit.path)


class RecordFilter(df.FilterSet):
    period = IdFilter(field_name="period_id", label="考核周期")
    unit = UnitInScopeFilter(label="单位（含下级）")


class UnitFilter(df.FilterSet):
    """The ?unit= of a period's table, export and distribution."""

    unit = UnitInScopeFilter(label="单位（含下级）")


class ObjectionFilter(df.FilterSet):
    status = ChoiceFilter(choices=Objection.Status.choices, label="处理状态")
    period = IdFilter(field_name="record__period_id", label="考核周期")


class PeriodFilter(df.FilterSet):
    status = ChoiceFilter(choices=Period.Status.choices, label="状态")
