"""Filters of the operation log list and its export (django-filter)."""

from datetime import datetime, time, timedelta

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from rest_framework.exceptions import ValidationError

from apps.audit.models import AuditEntry
from apps.common import scoping

UNIT_OUT_OF_SCOPE = "该单位不在您的管理范围内"
ACTION_HELP = "操作代码，可用逗号分隔多个；以“.”结尾表示前缀，如 user."


BIGGEST_ID = 2**63 - 1


class IdFilter(django_filters.Filter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", BIGGEST_ID)
        super().__init__(*args, **kwargs)


class IPFilter(django_filters.Filter):
    field_class = forms.GenericIPAddressField


class AuditEntryFilter(django_filters.FilterSet):
    actor = IdFilter(field_name="actor_id", label="操作人（用户 id）")
    search = django_filters.CharFilter(method="filter_search", label="工号、姓名或对象名称")
    action = django_filters.CharFilter(method="filter_action", label=ACTION_HELP)
    object_type = django_filters.CharFilter(label="对象类型")
    object_id = django_filters.CharFilter(label="对象编号")
    ip = IPFilter(field_name="ip", label="来源地址")
    date_from = django_filters.DateFilter(method="filter_date_from", label="起始日期（含）")
    date_to = django_filters.DateFilter(method="filter_date_to", label="截止日期（含）")
    succeeded = django_filters.BooleanFilter(label="是否成功")
    unit = IdFilter(method="filter_unit", label="操作人单位（含下级，须在管理范围内）")

    class Meta:
        model = AuditEntry
        fields = ["actor", "action", "object_type", "object_id", "succeeded"]

    def filter_search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(actor_username__icontains=value)
            | Q(actor_name__icontains=value)
            | Q(object_repr__icontains=value)
        )

    def filter_action(self, queryset, name, value):
        condition = Q()
        for code in (part.strip() for part in value.split(",")):
            if code.endswith("."):
                condition |= Q(action__startswith=code)
            elif code:
                condition |= Q(action=code)
        return queryset.filter(condition) if condition else queryset

    def filter_date_from(self, queryset, name, value):
        return queryset.filter(at__gte=_local_midnight(value))

    def filter_date_to(self, queryset, name, value):
        return queryset.filter(at__lt=_local_midnight(value + timedelta(days=1)))

    def filter_unit(self, queryset, name, value: int):
        unit = scoping.units_in_scope(self.request.user).filter(pk=value).first()
        if unit is None:
            raise ValidationError({"unit": [UNIT_OUT_OF_SCOPE]})
        return queryset.filter(actor_unit__path__startswith=unit.path)


def _local_midnight(day) -> datetime:
    """Days are Asia/Shanghai days, as people read them on the page."""
    return timezone.make_aware(datetime.combine(day, time.min))
