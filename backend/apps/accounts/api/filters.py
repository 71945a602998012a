"""Query filters of the org lists, declared so that bad values answer 400 and the
filters appear in the schema."""

from django.db.models import Q
from django_filters import rest_framework as filters

from apps.accounts.models import OrgUnit, User
from apps.accounts.selectors import filter_by_role
from apps.common.filters import ChoiceFilter, FlagFilter, IdFilter

ROLE_CHOICES = [("cadre", "干部"), ("reviewer", "评审员"), ("org_admin", "组织部管理员")]


class UserFilter(filters.FilterSet):
    org_unit = IdFilter(method="in_unit", label="单位（含下级）")
    role = ChoiceFilter(choices=ROLE_CHOICES, method="with_role", label="角色")
    is_active = FlagFilter(field_name="is_active", label="是否启用")
    search = filters.CharFilter(method="matching", label="姓名、工号或手机号")
    ordering = filters.OrderingFilter(
        fields=(
            ("username", "username"),
            ("real_name", "real_name"),
            ("org_unit__path", "org_unit"),
            ("last_login", "last_login"),
            ("date_joined", "date_joined"),
        ),
        field_labels={
            "username": "工号",
            "real_name": "姓名",
            "org_unit__path": "单位",
            "last_login": "最后登录",
            "date_joined": "创建时间",
        },
        label="排序",
    )

    class Meta:
        model = User
        fields = ["org_unit", "role", "is_active", "search"]

    def in_unit(self, queryset, name, value):
        unit = OrgUnit.objects.filter(pk=value).first()
        return queryset.filter(org_unit__path__startswith=unit.path) if unit else queryset.none()

    def with_role(self, queryset, name, value):
        return filter_by_role(queryset, value)

    def matching(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(real_name__contains=value) | Q(username__contains=value) | Q(mobile__contains=value)
        )


class OrgUnitFilter(filters.FilterSet):
    parent = IdFilter(field_name="parent_id", label="只列出该单位的直接下级")

    class Meta:
        model = OrgUnit
        fields = ["parent"]
