"""Input and output shapes. Reviewer-facing shapes carry nothing that identifies the author."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.accounts.models import OrgUnit, User
from apps.cases import selectors
from apps.cases.body import render_body
from apps.cases.models import Case, CaseCall, CaseImage, ReviewAssignment, Rubric
from apps.common.api.serializers import MomentField

CHINESE_NUMERALS = "一二三四五六七八九十"


class CaseRubricCriterionSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(max_length=50)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    max_score = serializers.DecimalField(max_digits=5, decimal_places=2)
    levels = serializers.ListField(child=serializers.DictField(), required=False, default=list)


class CaseRubricSerializer(serializers.ModelSerializer):
    criteria = CaseRubricCriterionSerializer(many=True)
    max_total = serializers.DecimalField(max_digits=6, decimal_places=2, read_only=True)
    in_use = serializers.SerializerMethodField(
        help_text="已有评分按此版本给出：再修改会保存为新版本，已给的分仍指向此版本"
    )
    is_latest = serializers.SerializerMethodField(help_text="是否为同一评分标准的最新版本")

    class Meta:
        model = Rubric
        fields = [
            "id",
            "name",
            "description",
            "version",
            "max_total",
            "in_use",
            "is_latest",
            "criteria",
        ]
        read_only_fields = ["version"]

    def get_in_use(self, rubric: Rubric) -> bool:
        return rubric.is_used()

    def get_is_latest(self, rubric: Rubric) -> bool:
        return not Rubric.objects.filter(family=rubric.family, version__gt=rubric.version).exists()


class RubricPermissionsSerializer(serializers.Serializer):
    """Whether the viewer may revise a rubric (selectors.rubric_permissions, the write's check)."""

    can_revise = serializers.BooleanField(
        help_text="可修改：使用它的每个案例征集都由当前用户所在单位组织（或无征集使用）"
    )
    hint = serializers.CharField(
        help_text="不能修改时的原因，写明组织单位（管理员可见），可以修改时为空"
    )


class RubricSerializer(CaseRubricSerializer):
    """A rubric in the rubric list and editor, with what the viewer may do to it. (A call's
    own rubric is the plain CaseRubricSerializer: its permissions are the call's.)"""

    permissions = serializers.SerializerMethodField(
        help_text="当前用户能否修改本评分标准：管理端据此只在接口会接受时提供“编辑”"
    )

    class Meta(CaseRubricSerializer.Meta):
        fields = [*CaseRubricSerializer.Meta.fields, "permissions"]

    @extend_schema_field(RubricPermissionsSerializer)
    def get_permissions(self, rubric: Rubric) -> dict:
        request = self.context.get("request")
        if request is None or not request.user.is_authenticated:
            return {"can_revise": False, "hint": ""}
        return selectors.rubric_permissions(request.user, rubric)


class CaseCallInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    theme = serializers.CharField(max_length=100)
    description = serializers.CharField(required=False, allow_blank=True)
    opens_at = MomentField()
    closes_at = MomentField()
    audience_units = serializers.PrimaryKeyRelatedField(queryset=OrgUnit.objects.all(), many=True)
    rubric = serializers.PrimaryKeyRelatedField(queryset=Rubric.objects.all())
    reviewers_per_case = serializers.IntegerField(required=False, min_value=1, max_value=5)
    arbitration_threshold_pct = serializers.DecimalField(
        max_digits=5, decimal_places=2, required=False
    )
    assign_mode = serializers.ChoiceField(choices=CaseCall.AssignMode.choices, required=False)
    reviewer_pool = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.filter(is_reviewer=True), many=True, required=False
    )


class CaseCallPermissionsSerializer(serializers.Serializer):
    """What the viewer may do on a call (selectors.call_permissions, the writes' own check)."""

    can_edit = serializers.BooleanField(help_text="修改征集")
    can_assign = serializers.BooleanField(help_text="为待分配案例分配评审")
    can_reassign = serializers.BooleanField(help_text="改派评审任务")
    can_add_reviewer = serializers.BooleanField(help_text="补派评审员、指派仲裁评审员")
    can_arbitrate = serializers.BooleanField(help_text="直接裁定仲裁中的案例")
    can_adjust_score = serializers.BooleanField(help_text="调整最终得分")
    can_publish = serializers.BooleanField(help_text="发布到案例库或撤下")
    can_see_reviewers = serializers.BooleanField(
        help_text="看得到评审员是谁（姓名、单位）；否则评审员显示为“评审员1”“评审员2”……"
    )
    hint = serializers.CharField(help_text="不能操作时的原因（管理员可见），可以操作时为空")


class CaseCallSerializer(serializers.ModelSerializer):
    state = serializers.CharField(read_only=True)
    rubric = CaseRubricSerializer(read_only=True)
    audience_units = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    reviewer_pool = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True, help_text="评审员库；为空时全部评审员均可分配"
    )
    org_unit_name = serializers.CharField(source="org_unit.full_name", read_only=True)
    permissions = serializers.SerializerMethodField(
        help_text="当前用户在本征集上可做的操作：管理端据此只显示接口会接受的操作"
    )

    class Meta:
        model = CaseCall
        fields = [
            "id",
            "title",
            "theme",
            "description",
            "opens_at",
            "closes_at",
            "state",
            "org_unit",
            "org_unit_name",
            "audience_units",
            "rubric",
            "reviewers_per_case",
            "arbitration_threshold_pct",
            "assign_mode",
            "reviewer_pool",
            "permissions",
        ]

    @extend_schema_field(CaseCallPermissionsSerializer)
    def get_permissions(self, call: CaseCall) -> dict:
        request = self.context.get("request")
        if request is None or not request.user.is_authenticated:
            return {**dict.fromkeys(CaseCallPermissionsSerializer().fields, False), "hint": ""}
        return selectors.call_permissions(request.user, call)


class CaseImageSerializer(serializers.ModelSerializer):
    # Paths on our own site (/media/…), never with the host the request came in on: the
    # editor writes them into the body, which must work under any address.
    url = serializers.SerializerMethodField()
    thumbnail_url = serializers.SerializerMethodField()

    def get_url(self, obj) -> str | None:
        return obj.file.url if obj.file else None

    def get_thumbnail_url(self, obj) -> str | None:
        return obj.thumbnail.url if obj.thumbnail else None

    class Meta:
        model = CaseImage
        fields = ["id", "url", "thumbnail_url", "width", "height", "format", "size"]


class CaseReviewScoreSerializer(serializers.Serializer):
    criterion = serializers.IntegerField(source="criterion_id")
    criterion_name = serializers.CharField(source="criterion.name")
    max_score = serializers.DecimalField(
        source="criterion.max_score", max_digits=5, decimal_places=2
    )
    score = serializers.DecimalField(max_digits=5, decimal_places=2)
    comment = serializers.CharField()


class CaseAnonymousReviewSerializer(serializers.Serializer):
    """What an author sees of a review: the words and numbers, never who wrote them."""

    label = serializers.SerializerMethodField()
    kind = serializers.CharField()
    round = serializers.IntegerField()
    decision = serializers.CharField()
    total = serializers.DecimalField(max_digits=6, decimal_places=2)
    overall_comment = serializers.CharField()
    submitted_at = serializers.DateTimeField()
    scores = CaseReviewScoreSerializer(many=True)

    def get_label(self, obj) -> str:
        index = self.context["labels"][obj.pk]
        prefix = "仲裁意见" if obj.kind == ReviewAssignment.Kind.ARBITRATION else "评审意见"
        return f"第{obj.round}版·{prefix}{CHINESE_NUMERALS[index % 10]}"


class CaseReturnNoteSerializer(serializers.Serializer):
    criterion_name = serializers.CharField()
    comment = serializers.CharField()


class CaseReturnCommentSerializer(serializers.Serializer):
    """One reviewer's words on a returned version, labelled by order, never by name."""

    label = serializers.CharField(help_text="评审意见1、评审意见2……")
    asked_revision = serializers.BooleanField(help_text="该评审员是否要求退回修改")
    overall_comment = serializers.CharField()
    criterion_comments = CaseReturnNoteSerializer(many=True)


class CaseAdminReviewSerializer(CaseAnonymousReviewSerializer):
    """A review as an admin over the author's unit reads it; who wrote it only for the call's
    organizer (context "identities": selectors.reviewer_identities)."""

    id = serializers.IntegerField()
    reviewer = serializers.SerializerMethodField(help_text="评审员身份仅征集组织单位可见，否则为空")
    reviewer_name = serializers.SerializerMethodField(
        help_text="评审员姓名；非组织单位看到的是“评审员1”“评审员2”……（同一案例内固定）"
    )
    status = serializers.CharField()

    def get_reviewer(self, obj) -> int | None:
        return self.context["identities"][obj.pk]["reviewer"]

    def get_reviewer_name(self, obj) -> str:
        return self.context["identities"][obj.pk]["reviewer_name"]


class CaseSerializer(serializers.ModelSerializer):
    call_title = serializers.CharField(source="call.title", read_only=True)
    theme = serializers.CharField(source="call.theme", read_only=True)
    body_html = serializers.SerializerMethodField()
    char_count = serializers.IntegerField(read_only=True)
    # Plain strings in the schema: the codes are listed in the model's Status choices.
    status = serializers.CharField(read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    final_score = serializers.DecimalField(
        max_digits=6, decimal_places=2, read_only=True, allow_null=True, help_text="评审完成前为空"
    )
    max_total = serializers.DecimalField(
        source="call.rubric.max_total", max_digits=6, decimal_places=2, read_only=True
    )
    images = serializers.SerializerMethodField()
    return_comments = serializers.SerializerMethodField(
        help_text="退回修改时评审员的意见（不含评审员身份）；其他状态为空"
    )

    class Meta:
        model = Case
        fields = [
            "id",
            "call",
            "call_title",
            "theme",
            "title",
            "body",
            "body_html",
            "char_count",
            "show_author_name",
            "status",
            "status_label",
            "version",
            "submitted_at",
            "updated_at",
            "final_score",
            "max_total",
            "is_excellent",
            "published_at",
            "images",
            "return_comments",
        ]

    def get_body_html(self, obj) -> str:
        return render_body(obj.body)

    @extend_schema_field(CaseImageSerializer(many=True))
    def get_images(self, obj) -> list[dict]:
        current = [i for i in obj.images.all() if i.removed_at is None]
        return CaseImageSerializer(current, many=True, context=self.context).data

    @extend_schema_field(CaseReturnCommentSerializer(many=True))
    def get_return_comments(self, obj) -> list[dict]:
        # Only the case-detail presenter (author or admin in scope) supplies them.
        rows = self.context.get("return_comments") or []
        return CaseReturnCommentSerializer(rows, many=True).data


class CaseListSerializer(CaseSerializer):
    author_name = serializers.CharField(source="author.display_name", read_only=True)
    author_unit_name = serializers.CharField(source="author_unit.full_name", read_only=True)

    class Meta(CaseSerializer.Meta):
        fields = [
            "id",
            "call",
            "call_title",
            "theme",
            "title",
            "char_count",
            "status",
            "status_label",
            "version",
            "submitted_at",
            "final_score",
            "is_excellent",
            "published_at",
            "author_name",
            "author_unit_name",
            "show_author_name",
        ]


class CaseInputSerializer(serializers.Serializer):
    call = serializers.PrimaryKeyRelatedField(queryset=CaseCall.objects.all())
    title = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    body = serializers.CharField(
        required=False, allow_blank=True, default="", trim_whitespace=False
    )
    show_author_name = serializers.BooleanField(required=False, default=True)


class CaseDraftSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    body = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    show_author_name = serializers.BooleanField(required=False)


class CaseSubmitSerializer(serializers.Serializer):
    show_author_name = serializers.BooleanField(required=False, allow_null=True, default=None)


class CaseReviewerChoiceSerializer(serializers.Serializer):
    reviewer = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True))


class CaseDeclineSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300, allow_blank=True)


class CaseScoreAdjustSerializer(serializers.Serializer):
    score = serializers.CharField()
    reason = serializers.CharField(allow_blank=True)


class CasePublishSerializer(serializers.Serializer):
    excellent = serializers.BooleanField(required=False, default=True)


class CaseReviewInputSerializer(serializers.Serializer):
    scores = serializers.DictField(child=serializers.DictField(), required=False, default=dict)
    overall_comment = serializers.CharField(required=False, allow_blank=True, default="")
    decision = serializers.ChoiceField(
        choices=ReviewAssignment.Decision.choices, required=False, default="score"
    )


class CaseReviewerSerializer(serializers.Serializer):
    """One review assignment of a case, as its admins see it (never shown to the author); who
    the reviewer is only for the call's organizer (selectors.reviewer_identities)."""

    assignment = serializers.IntegerField()
    reviewer = serializers.IntegerField(
        allow_null=True, help_text="评审员身份仅征集组织单位可见，否则为空"
    )
    reviewer_name = serializers.CharField(
        help_text="评审员姓名；非组织单位看到的是“评审员1”“评审员2”……（同一案例内固定）"
    )
    reviewer_unit = serializers.CharField(allow_blank=True, help_text="非组织单位为空")
    kind = serializers.CharField()
    round = serializers.IntegerField()
    status = serializers.CharField()
    total = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True)
    decline_reason = serializers.CharField(allow_blank=True, help_text="谢绝理由；非组织单位为空")


class ReviewerCandidateSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    unit = serializers.CharField(allow_blank=True)
    open_load = serializers.IntegerField(help_text="手上未完成的评审任务数")
    eligible = serializers.BooleanField(help_text="能否评审此案例")
    reason = serializers.CharField(allow_blank=True, help_text="不能评审的原因")


class ReviewerSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    unit = serializers.CharField(allow_blank=True)
    open_load = serializers.IntegerField(help_text="手上未完成的评审任务数")


class OpenAssignmentSerializer(serializers.Serializer):
    """An unfinished review; who holds it only for the call's organizer (context "identities":
    selectors.reviewer_identities)."""

    id = serializers.IntegerField()
    case = serializers.IntegerField(source="case_id")
    case_title = serializers.CharField(source="case.title")
    case_status = serializers.CharField(source="case.get_status_display")
    reviewer = serializers.SerializerMethodField(help_text="评审员身份仅征集组织单位可见，否则为空")
    reviewer_name = serializers.SerializerMethodField(
        help_text="评审员姓名；非组织单位看到的是“评审员1”“评审员2”……（同一案例内固定）"
    )
    kind = serializers.CharField(source="get_kind_display")
    status = serializers.CharField(source="get_status_display")
    created_at = serializers.DateTimeField()
    lease_expires_at = serializers.DateTimeField(allow_null=True)

    def get_reviewer(self, obj) -> int | None:
        return self.context["identities"][obj.pk]["reviewer"]

    def get_reviewer_name(self, obj) -> str:
        return self.context["identities"][obj.pk]["reviewer_name"]


class CaseArbitrateSerializer(serializers.Serializer):
    score = serializers.CharField(label="仲裁得分")
    reason = serializers.CharField(label="裁定理由", max_length=300, allow_blank=True)
