from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.common.api.serializers import MomentField, id_field
from apps.common.markdown import render_markdown
from apps.notices.models import NOTICE_ROLES, NOTICE_STATUSES, Notice

ROLE_WORDS = {"cadre": "干部", "reviewer": "评审员"}


class NoticeSerializer(serializers.ModelSerializer):
    """What a reader sees: the body only as sanitized HTML rendered on the server."""

    body_html = serializers.SerializerMethodField()
    org_unit_name = serializers.CharField(source="org_unit.name", read_only=True)

    class Meta:
        model = Notice
        fields = ["id", "title", "body_html", "org_unit_name", "published_at", "expires_at"]
        read_only_fields = fields

    def get_body_html(self, obj) -> str:
        return render_markdown(obj.body)


class NoticeAudienceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class NoticeAudienceUserSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    username = serializers.CharField()


class NoticeAdminSerializer(NoticeSerializer):
    audience = serializers.SerializerMethodField()
    audience_users = serializers.SerializerMethodField()
    audience_summary = serializers.SerializerMethodField()
    is_live = serializers.SerializerMethodField()
    status = serializers.SerializerMethodField()
    exam_title = serializers.CharField(
        source="exam.title",
        read_only=True,
        default=None,
        allow_null=True,
        help_text="由发布考试生成时：考试名称",
    )

    class Meta(NoticeSerializer.Meta):
        fields = [
            *NoticeSerializer.Meta.fields,
            "body",
            "org_unit",
            "audience",
            "include_subunits",
            "audience_roles",
            "audience_users",
            "audience_summary",
            "is_live",
            "status",
            "exam",
            "exam_title",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(NoticeAudienceSerializer(many=True))
    def get_audience(self, obj) -> list[dict]:
        units = obj.audience_units.all()
        return NoticeAudienceSerializer(
            [{"id": u.id, "name": u.name} for u in units], many=True
        ).data

    @extend_schema_field(NoticeAudienceUserSerializer(many=True))
    def get_audience_users(self, obj) -> list[dict]:
        return NoticeAudienceUserSerializer(
            [
                {"id": u.id, "name": u.display_name, "username": u.username}
                for u in obj.audience_users.all()
            ],
            many=True,
        ).data

    def get_is_live(self, obj) -> bool:
        return obj.is_live()

    @extend_schema_field(serializers.ChoiceField(choices=NOTICE_STATUSES))
    def get_status(self, obj) -> str:
        return obj.status()

    def get_audience_summary(self, obj) -> str:
        """The audience in words, e.g. "甲镇、乙镇（含下级单位）；干部；指定人员 2 人", or with no units chosen "甲镇（发布单位，含下级单位）；不限角色"."""
        units = [u.name for u in obj.audience_units.all()]
        named = len(obj.audience_users.all())
        parts = []
        if units or not named:
            scope = "含下级单位" if obj.include_subunits else "仅本单位"
            where = "、".join(units) or f"{obj.org_unit.name}（发布单位，{scope}）"
            parts.append(where if not units else f"{where}（{scope}）")
            roles = [ROLE_WORDS.get(r, r) for r in obj.audience_roles or []]
            parts.append("、".join(roles) if roles else "不限角色")
        if named:
            parts.append(f"指定人员 {named} 人")
        return "；".join(parts)


class NoticeInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=100, allow_blank=True)
    body = serializers.CharField(allow_blank=True, trim_whitespace=False)
    published_at = MomentField(required=False, allow_null=True)
    expires_at = MomentField(required=False, allow_null=True)
    org_unit = id_field(
        required=False, allow_null=True, help_text="发布单位；只管理一个单位时可省略"
    )
    audience_units = serializers.ListField(
        child=id_field(),
        required=False,
        default=list,
        help_text="接收单位；单位和人员都为空则发给发布单位的人员",
    )
    include_subunits = serializers.BooleanField(
        required=False,
        default=True,
        label="含下级单位",
        help_text="false：只发给接收单位（或发布单位）本单位的人员，不含下级单位",
    )
    audience_roles = serializers.ListField(
        child=serializers.ChoiceField(choices=NOTICE_ROLES),
        required=False,
        default=list,
        help_text="接收单位中只发给这些角色的人员；为空则不限角色",
    )
    audience_users = serializers.ListField(
        child=id_field(), required=False, default=list, help_text="指定人员（发布单位之下）"
    )


class NoticeReachInputSerializer(serializers.Serializer):
    org_unit = id_field(
        required=False, allow_null=True, help_text="发布单位；只管理一个单位时可省略"
    )
    audience_units = serializers.ListField(child=id_field(), required=False, default=list)
    include_subunits = serializers.BooleanField(required=False, default=True, label="含下级单位")
    audience_roles = serializers.ListField(
        child=serializers.ChoiceField(choices=NOTICE_ROLES), required=False, default=list
    )
    audience_users = serializers.ListField(child=id_field(), required=False, default=list)


class NoticeReachSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="能收到通知的在岗人数")


class NoticePreviewInputSerializer(serializers.Serializer):
    body = serializers.CharField(
        allow_blank=True, trim_whitespace=False, max_length=20000, label="正文"
    )


class NoticePreviewSerializer(serializers.Serializer):
    body_html = serializers.CharField(help_text="净化后的 HTML，与手机端显示一致")


class NoticeUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=100, allow_blank=True, required=False)
    body = serializers.CharField(allow_blank=True, trim_whitespace=False, required=False)
    published_at = MomentField(required=False, allow_null=True)
    expires_at = MomentField(required=False, allow_null=True)
    audience_units = serializers.ListField(child=id_field(), required=False)
    include_subunits = serializers.BooleanField(required=False, label="含下级单位")
    audience_roles = serializers.ListField(
        child=serializers.ChoiceField(choices=NOTICE_ROLES), required=False
    )
    audience_users = serializers.ListField(child=id_field(), required=False)
