"""Case calls and rubrics: admins write, everyone in the audience reads."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.accounts.models import User
from apps.cases import selectors, stats
from apps.cases.api import serializers as s
from apps.cases.api.filters import CallFilter
from apps.cases.models import CaseCall, ReviewAssignment, Rubric
from apps.cases.services import assignment, calls, oversight, rubrics
from apps.common import scoping
from apps.common.errors import NotFound
from apps.common.permissions import IsOrgAdmin, IsOrgAdminOrReadOnly


class RubricListView(ListAPIView):
    permission_classes = [IsOrgAdminOrReadOnly]
    serializer_class = s.RubricSerializer
    queryset = Rubric.objects.prefetch_related("criteria")

    @extend_schema(request=s.CaseRubricSerializer, responses={201: s.RubricSerializer})
    def post(self, request):
        data = s.CaseRubricSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        rubric = rubrics.create_rubric(by=request.user, **data.validated_data)
        out = s.RubricSerializer(rubric, context={"request": request})
        return Response(out.data, status=status.HTTP_201_CREATED)


class RubricDetailView(APIView):
    permission_classes = [IsOrgAdminOrReadOnly]

    def _get(self, pk) -> Rubric:
        rubric = Rubric.objects.filter(pk=pk).first()
        if rubric is None:
            raise NotFound()
        return rubric

    @extend_schema(responses=s.RubricSerializer)
    def get(self, request, pk):
        return Response(s.RubricSerializer(self._get(pk), context={"request": request}).data)

    @extend_schema(request=s.CaseRubricSerializer, responses=s.RubricSerializer)
    def put(self, request, pk):
        """Returns the same rubric, or its new version when the old one was already used."""
        data = s.CaseRubricSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        rubric = rubrics.revise_rubric(self._get(pk), by=request.user, **data.validated_data)
        return Response(s.RubricSerializer(rubric, context={"request": request}).data)


class CallListView(ListAPIView):
    permission_classes = [IsOrgAdminOrReadOnly]
    serializer_class = s.CaseCallSerializer
    queryset = CaseCall.objects.none()  # for the schema; the real one is scoped
    filterset_class = CallFilter

    def get_queryset(self):
        return selectors.calls_visible_to(self.request.user).prefetch_related(
            "audience_units", "rubric__criteria"
        )

    @extend_schema(request=s.CaseCallInputSerializer, responses={201: s.CaseCallSerializer})
    def post(self, request):
        data = s.CaseCallInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        call = calls.create_call(by=request.user, data=data.validated_data)
        body = s.CaseCallSerializer(call, context={"request": request}).data
        return Response(body, status=status.HTTP_201_CREATED)


class CallDetailView(APIView):
    permission_classes = [IsOrgAdminOrReadOnly]

    @extend_schema(responses=s.CaseCallSerializer)
    def get(self, request, pk):
        call = selectors.calls_visible_to(request.user).filter(pk=pk).first()
        if call is None:
            raise NotFound()
        return Response(s.CaseCallSerializer(call, context={"request": request}).data)

    @extend_schema(request=s.CaseCallInputSerializer, responses=s.CaseCallSerializer)
    def patch(self, request, pk):
        call = selectors.call_for_admin(request.user, pk)
        data = s.CaseCallInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        call = calls.update_call(call, by=request.user, data=data.validated_data)
        return Response(s.CaseCallSerializer(call, context={"request": request}).data)


class CallAssignView(APIView):
    """Assign reviewers now to every submitted case still waiting for them."""

    permission_classes = [IsOrgAdmin]

    @extend_schema(request=None, responses={200: dict})
    def post(self, request, pk):
        call = selectors.call_for_admin(request.user, pk)
        created = assignment.assign_waiting_cases(call)
        return Response({"assigned": created})


class CallStatsView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(
        parameters=[OpenApiParameter("call", int, location=OpenApiParameter.PATH)],
        responses={200: dict},
    )
    def get(self, request, pk):
        call = selectors.calls_visible_to(request.user).filter(pk=pk).first()
        if call is None:
            raise NotFound()
        return Response(stats.call_statistics(call, request.user))


class ReviewerListView(APIView):
    """The reviewers an admin can put in a call's pool: those in the admin's scope."""

    permission_classes = [IsOrgAdmin]

    @extend_schema(responses=s.ReviewerSerializer(many=True))
    def get(self, request):
        users = list(
            scoping.scope_queryset(
                User.objects.filter(is_reviewer=True, is_active=True), request.user
            )
            .select_related("org_unit")
            .order_by("username")
        )
        load = oversight.open_load(users)
        rows = [
            {
                "id": u.pk,
                "name": u.display_name,
                "unit": u.org_unit.full_name if u.org_unit_id else "",
                "open_load": load.get(u.pk, 0),
            }
            for u in users
        ]
        return Response(s.ReviewerSerializer(rows, many=True).data)


class CallAssignmentsView(ListAPIView):
    """A call's unfinished reviews in the admin's scope, oldest first: chase or reassign them
    (the organizer), or follow their own people's cases without who reviews them (anyone else)."""

    permission_classes = [IsOrgAdmin]
    serializer_class = s.OpenAssignmentSerializer
    queryset = ReviewAssignment.objects.none()  # for the schema; the real one is scoped

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ReviewAssignment.objects.none()
        call = selectors.calls_visible_to(self.request.user).filter(pk=self.kwargs["pk"]).first()
        if call is None:
            raise NotFound()
        return oversight.open_assignments(
            selectors.cases_for_admin(self.request.user).filter(call=call)
        )

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        # Who holds each task: by name for the call's organizer, else 评审员1, 评审员2…
        who = selectors.reviewer_identities(request.user, page)
        context = {**self.get_serializer_context(), "identities": who}
        return self.get_paginated_response(
            self.get_serializer(page, many=True, context=context).data
        )
