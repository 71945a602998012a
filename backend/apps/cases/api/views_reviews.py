"""A reviewer's own assignments (blind), and the admin's reassignment."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.cases import selectors
from apps.cases.api import review_serializers as rs
from apps.cases.api import serializers as s
from apps.cases.api.filters import ReviewFilter
from apps.cases.models import ReviewAssignment
from apps.cases.services import assignment, reviews
from apps.common import scoping
from apps.common.errors import NotFound
from apps.common.permissions import IsOrgAdmin, IsReviewer


def _detail(request, pk) -> dict:
    a = selectors.assignment_for(request.user, pk)
    return rs.CaseAssignmentSerializer(a, context={"request": request}).data


class ReviewListView(ListAPIView):
    permission_classes = [IsReviewer]
    serializer_class = rs.CaseAssignmentListSerializer
    queryset = ReviewAssignment.objects.none()  # for the schema; the real one is scoped
    filterset_class = ReviewFilter

    def get_queryset(self):
        return selectors.assignments_for(self.request.user)


class ReviewDetailView(APIView):
    permission_classes = [IsReviewer]

    @extend_schema(responses=rs.CaseAssignmentSerializer)
    def get(self, request, pk):
        return Response(_detail(request, pk))

    @extend_schema(request=s.CaseReviewInputSerializer, responses=rs.CaseAssignmentSerializer)
    def put(self, request, pk):
        """Save a draft (any subset of criteria)."""
        data = s.CaseReviewInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        reviews.save_review(pk, request.user, submit=False, **data.validated_data)
        return Response(_detail(request, pk))


class ReviewSubmitView(APIView):
    permission_classes = [IsReviewer]

    @extend_schema(request=s.CaseReviewInputSerializer, responses=rs.CaseAssignmentSerializer)
    def post(self, request, pk):
        data = s.CaseReviewInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        reviews.save_review(pk, request.user, submit=True, **data.validated_data)
        return Response(_detail(request, pk))


class ReviewClaimView(APIView):
    permission_classes = [IsReviewer]

    @extend_schema(request=None, responses=rs.CaseAssignmentSerializer)
    def post(self, request, pk):
        assignment.claim(pk, request.user)
        return Response(_detail(request, pk))


class ReviewDeclineView(APIView):
    permission_classes = [IsReviewer]

    @extend_schema(request=s.CaseDeclineSerializer, responses={200: dict})
    def post(self, request, pk):
        data = s.CaseDeclineSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        replacement = assignment.decline(pk, request.user, data.validated_data["reason"])
        return Response({"declined": pk, "replaced": replacement is not None})


class ReviewReassignView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(request=s.CaseReviewerChoiceSerializer, responses={200: dict})
    def post(self, request, pk):
        current = ReviewAssignment.objects.select_related("case__author_unit").filter(pk=pk).first()
        if current is None or not scoping.unit_in_scope(request.user, current.case.author_unit):
            raise NotFound()
        data = s.CaseReviewerChoiceSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        made = assignment.reassign(pk, data.validated_data["reviewer"], by=request.user)
        return Response({"assignment": made.pk, "reviewer": made.reviewer_id})
