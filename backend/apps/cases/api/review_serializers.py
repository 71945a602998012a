"""The reviewer's view: the version under review, blind. No author, unit, mobile, dates of
writing or file names; photos are served under random names with EXIF removed."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.cases.api.serializers import CaseImageSerializer, CaseRubricSerializer
from apps.cases.body import render_body
from apps.cases.models import CaseImage, ReviewAssignment


class CaseMyScoreSerializer(serializers.Serializer):
    criterion = serializers.IntegerField(source="criterion_id")
    score = serializers.DecimalField(max_digits=5, decimal_places=2)
    comment = serializers.CharField()


class BlindCaseSerializer(serializers.Serializer):
    """Built from the CaseVersion the assignment reviews."""

    id = serializers.IntegerField(source="case_id")
    call_title = serializers.CharField(source="case.call.title")
    theme = serializers.CharField(source="case.call.theme")
    title = serializers.CharField()
    body_html = serializers.SerializerMethodField()
    char_count = serializers.IntegerField()
    version = serializers.IntegerField(source="number")
    images = serializers.SerializerMethodField()

    def get_body_html(self, obj) -> str:
        return render_body(obj.body)

    @extend_schema_field(CaseImageSerializer(many=True))
    def get_images(self, obj) -> list[dict]:
        images = CaseImage.objects.filter(pk__in=obj.image_ids)
        return CaseImageSerializer(images, many=True, context=self.context).data


class CaseAssignmentListSerializer(serializers.ModelSerializer):
    case_title = serializers.SerializerMethodField()
    call_title = serializers.CharField(source="case.call.title")
    status = serializers.CharField(read_only=True)
    kind = serializers.CharField(read_only=True)
    status_label = serializers.CharField(source="get_status_display")
    kind_label = serializers.CharField(source="get_kind_display")

    class Meta:
        model = ReviewAssignment
        fields = [
            "id",
            "kind",
            "kind_label",
            "status",
            "status_label",
            "round",
            "case_title",
            "call_title",
            "total",
            "submitted_at",
            "lease_expires_at",
            "created_at",
        ]

    def get_case_title(self, obj) -> str:
        version = next((v for v in obj.case.versions.all() if v.number == obj.round), None)
        return version.title if version else ""


class CaseAssignmentSerializer(CaseAssignmentListSerializer):
    case = serializers.SerializerMethodField()
    decision = serializers.CharField(read_only=True)
    rubric = CaseRubricSerializer()
    scores = CaseMyScoreSerializer(many=True)

    class Meta(CaseAssignmentListSerializer.Meta):
        fields = [
            *CaseAssignmentListSerializer.Meta.fields,
            "decision",
            "overall_comment",
            "rubric",
            "scores",
            "case",
        ]

    def get_case(self, obj) -> dict:
        version = next(v for v in obj.case.versions.all() if v.number == obj.round)
        return BlindCaseSerializer(version, context=self.context).data
