from rest_framework import serializers

from apps.accounts.models import OrgUnit, User
from apps.common.api.serializers import ImportOptionsSerializer


class UnitBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = OrgUnit
        fields = ["id", "name", "full_name"]


class MeSerializer(serializers.ModelSerializer):
    org_unit = UnitBriefSerializer(allow_null=True)
    roles = serializers.ListField(child=serializers.CharField())
    admin_units = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = [
            "id",
            "username",
            "real_name",
            "mobile",
            "position",
            "org_unit",
            "roles",
            "admin_units",
            "must_change_password",
        ]

    def get_admin_units(self, user) -> list[dict]:
        units = OrgUnit.objects.filter(admin_scopes__user=user).order_by("path")
        return UnitBriefSerializer(units, many=True).data


class OrgUnitSerializer(serializers.ModelSerializer):
    children_count = serializers.IntegerField(read_only=True, default=0)
    member_count = serializers.IntegerField(read_only=True, default=0)

    class Meta:
        model = OrgUnit
        fields = [
            "id",
            "name",
            "kind",
            "parent",
            "full_name",
            "depth",
            "sort_order",
            "children_count",
            "member_count",
        ]
        read_only_fields = ["full_name", "depth"]


class UserSerializer(serializers.ModelSerializer):
    org_unit_name = serializers.CharField(source="org_unit.full_name", read_only=True, default=None)
    roles = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = User
        fields = [
            "id",
            "username",
            "real_name",
            "mobile",
            "position",
            "org_unit",
            "org_unit_name",
            "is_cadre",
            "is_reviewer",
            "is_active",
            "roles",
            "must_change_password",
            "last_login",
        ]
        read_only_fields = ["must_change_password", "last_login"]


class RosterImportOptionsSerializer(ImportOptionsSerializer):
    create_units = serializers.BooleanField(default=False, label="自动创建缺少的单位")
