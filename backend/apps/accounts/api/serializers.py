from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.accounts import selectors
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

    @extend_schema_field(UnitBriefSerializer(many=True))
    def get_admin_units(self, user) -> list[dict]:
        units = OrgUnit.objects.filter(admin_scopes__user=user).order_by("path")
        return UnitBriefSerializer(units, many=True).data


class OrgUnitSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    children_count = serializers.IntegerField(read_only=True, default=0)
    member_count = serializers.IntegerField(read_only=True, default=0)

    class Meta:
        model = OrgUnit
        fields = [
            "id",
            "name",
            "kind",
            "kind_label",
            "parent",
            "full_name",
            "depth",
            "sort_order",
            "children_count",
            "member_count",
        ]
        read_only_fields = fields


class OrgUnitInputSerializer(serializers.Serializer):
    name = serializers.CharField(label="名称", max_length=100)
    kind = serializers.ChoiceField(label="类型", choices=OrgUnit.Kind.choices, required=False)
    parent = serializers.PrimaryKeyRelatedField(
        label="上级单位", queryset=OrgUnit.objects.all(), allow_null=True, required=False
    )
    sort_order = serializers.IntegerField(label="排序", min_value=0, required=False)


class UserSerializer(serializers.ModelSerializer):
    org_unit_name = serializers.CharField(
        source="org_unit.full_name", read_only=True, default=None, allow_null=True
    )
    roles = serializers.ListField(child=serializers.CharField(), read_only=True)
    admin_units = serializers.SerializerMethodField()
    locked = serializers.SerializerMethodField(
        help_text="登录失败次数过多，当前至少在一个来源地址被锁定（可解除锁定）"
    )

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
            "locked",
            "roles",
            "admin_units",
            "must_change_password",
            "last_login",
            "date_joined",
        ]
        read_only_fields = fields

    @extend_schema_field(UnitBriefSerializer(many=True))
    def get_admin_units(self, user) -> list[dict]:
        # Prefetched by the list selector; sorted here so both paths answer alike.
        units = sorted((scope.org_unit for scope in user.admin_scopes.all()), key=lambda u: u.path)
        return UnitBriefSerializer(units, many=True).data

    def get_locked(self, user) -> bool:
        # Annotated by users_for_admin; a user made just now is looked up once.
        locked = getattr(user, "locked", None)
        return selectors.is_locked(user) if locked is None else locked


class UserInputSerializer(serializers.Serializer):
    """What an admin may set on a person. Staff and superuser status are never writable."""

    # Blank values reach the service, whose messages say what to fill in.
    username = serializers.CharField(label="工号", max_length=64, required=False, allow_blank=True)
    real_name = serializers.CharField(label="姓名", max_length=50, required=False, allow_blank=True)
    mobile = serializers.CharField(
        label="手机号", max_length=11, required=False, allow_blank=True, allow_null=True
    )
    org_unit = serializers.PrimaryKeyRelatedField(
        label="所属单位", queryset=OrgUnit.objects.all(), required=False, allow_null=True
    )
    position = serializers.CharField(label="职务", max_length=100, required=False, allow_blank=True)
    is_cadre = serializers.BooleanField(label="干部", required=False)
    is_reviewer = serializers.BooleanField(label="评审员", required=False)
    admin_units = serializers.PrimaryKeyRelatedField(
        label="管理范围", queryset=OrgUnit.objects.all(), many=True, required=False
    )
    must_change_password = serializers.BooleanField(
        label="首次登录须修改密码", required=False, help_text="新建时默认开启"
    )


class UserCreatedSerializer(UserSerializer):
    initial_password = serializers.CharField(read_only=True, help_text="只返回这一次")

    class Meta(UserSerializer.Meta):
        fields = [*UserSerializer.Meta.fields, "initial_password"]
        read_only_fields = fields


class InitialPasswordSerializer(serializers.Serializer):
    initial_password = serializers.CharField(help_text="新的一次性密码，只返回这一次")


class PasswordSheetRowSerializer(serializers.Serializer):
    username = serializers.CharField(label="工号", max_length=64)
    real_name = serializers.CharField(label="姓名", max_length=50, allow_blank=True)
    password = serializers.CharField(label="初始密码", max_length=128)


class PasswordSheetSerializer(serializers.Serializer):
    rows = PasswordSheetRowSerializer(many=True, allow_empty=False)


class RosterImportOptionsSerializer(ImportOptionsSerializer):
    create_units = serializers.BooleanField(default=False, label="自动创建缺少的单位")


class ImportRowErrorSerializer(serializers.Serializer):
    row = serializers.IntegerField()
    field = serializers.CharField()
    message = serializers.CharField()


class InitialPasswordRowSerializer(serializers.Serializer):
    工号 = serializers.CharField()
    姓名 = serializers.CharField()
    初始密码 = serializers.CharField()


class RosterImportReportSerializer(serializers.Serializer):
    """The roster import's answer: counts, every bad row, and (once) the new passwords."""

    total = serializers.IntegerField()
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    unchanged = serializers.IntegerField()
    error_count = serializers.IntegerField(help_text="有错误的行数")
    rows = ImportRowErrorSerializer(many=True)
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
    dry_run = serializers.BooleanField()
    strict = serializers.BooleanField()
    applied = serializers.BooleanField()
    initial_passwords = InitialPasswordRowSerializer(
        many=True, required=False, help_text="新建用户的初始密码，只在实际导入时返回这一次"
    )
