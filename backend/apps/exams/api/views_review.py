"""Reviewers grading subjective answers, blind to who wrote them."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.common.errors import NotFound
from apps.common.filters import filter_parameters, valid_filters
from apps.common.pagination import StandardPagination
from apps.common.permissions import IsReviewer
from apps.exams import selectors_review as selectors
from apps.exams.api import serializers as s
from apps.exams.api.filters import GradingTaskFilter
from apps.exams.services import review


class GradingTaskListView(APIView):
    """?pending=0 also lists what is already graded."""

    permission_classes = [IsReviewer]

    @extend_schema(
        operation_id="v1_grading_tasks_list",
        parameters=filter_parameters(GradingTaskFilter),
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request):
        everything = selectors.grading_tasks(request.user, pending_only=False)
        query = valid_filters(GradingTaskFilter, request, everything)
        pending = query.form.cleaned_data.get("pending") is not False
        tasks = query.qs.filter(score__isnull=True) if pending else query.qs
        paginator = StandardPagination()
        page = paginator.paginate_queryset(tasks.order_by("created_at", "id"), request, view=self)
        return paginator.get_paginated_response([selectors.grading_task_payload(t) for t in page])


class GradingTaskView(APIView):
    permission_classes = [IsReviewer]

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request, pk):
        task = selectors.grading_tasks(request.user, pending_only=False).filter(pk=pk).first()
        if task is None:
            raise NotFound(review.TASK_NOT_FOUND)
        return Response(selectors.grading_task_payload(task))


class GradeView(APIView):
    permission_classes = [IsReviewer]

    @extend_schema(request=s.GradeInputSerializer, responses=OpenApiTypes.OBJECT)
    def post(self, request, pk):
        data = s.GradeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        task = review.grade(pk, request.user, **data.validated_data)
        task = selectors.grading_tasks(request.user, pending_only=False).get(pk=task.pk)
        return Response(selectors.grading_task_payload(task))
