"""Cadre-facing exam endpoints: list, start or resume, save, submit, events."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.authentication import SessionAuthentication
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.common.errors import NotFound
from apps.common.filters import filter_parameters, valid_filters
from apps.common.pagination import StandardPagination, paginated
from apps.exams import selectors
from apps.exams.api import serializers as s
from apps.exams.api.auth import ExamTokenAuthentication
from apps.exams.api.filters import ExamFilter
from apps.exams.models import Exam
from apps.exams.services import attempts
from apps.exams.services.attempts import ATTEMPT_NOT_FOUND
from apps.exams.services.exams import in_audience

OBJ = extend_schema(responses=OpenApiTypes.OBJECT)


class ExamListView(APIView):
    """A cadre's exams (?mine=1, or any non-admin); an admin's exams in scope otherwise."""

    @extend_schema(
        operation_id="v1_exams_list",
        parameters=filter_parameters(ExamFilter),
        responses=paginated("PaginatedExamCardList", s.ExamCardSerializer),
        description="分页；管理员（不带 mine=1）得到的每一项另有 ExamAdmin 的管理字段。",
    )
    def get(self, request):
        user = request.user
        # An admin's list: the exams they set, and those their people take (read-only).
        query = valid_filters(ExamFilter, request, selectors.exams_for_reports(user))
        kind = query.form.cleaned_data.get("kind")
        if query.form.cleaned_data.get("mine") or not user.is_org_admin:
            exams = [e for e in selectors.exams_for_cadre(user) if not kind or e.kind == kind]
            serializer_class = s.ExamCardSerializer
        else:
            exams = list(
                query.qs.prefetch_related(
                    "paper__items", "paper__rules", "audience_units", "audience_users"
                )
            )
            serializer_class = s.ExamAdminSerializer
        paginator = StandardPagination()
        page = paginator.paginate_queryset(exams, request, view=self)
        selectors.annotate_cards(page, user)
        if serializer_class is s.ExamAdminSerializer:
            selectors.mark_managed(page, user)
        return paginator.get_paginated_response(serializer_class(page, many=True).data)


def exam_visible_or_404(user, pk: int) -> Exam:
    exam = get_object_or_404(Exam.objects.select_related("paper", "org_unit"), pk=pk)
    if selectors.exams_for_reports(user).filter(pk=pk).exists():
        return exam
    if exam.status == Exam.Status.PUBLISHED and in_audience(exam, user):
        return exam
    raise NotFound()


class ExamDetailView(APIView):
    @extend_schema(responses=s.ExamDetailSerializer)
    def get(self, request, pk):
        exam = exam_visible_or_404(request.user, pk)
        selectors.annotate_cards([exam], request.user)
        admin = (
            request.user.is_org_admin
            and selectors.exams_for_reports(request.user).filter(pk=pk).exists()
        )
        if admin:
            selectors.mark_managed([exam], request.user)
        serializer = s.ExamAdminSerializer if admin else s.ExamDetailSerializer
        return Response(serializer(exam).data)


class StartAttemptView(APIView):
    authentication_classes = [ExamTokenAuthentication, SessionAuthentication]

    @extend_schema(request=None, responses=OpenApiTypes.OBJECT)
    def post(self, request, pk):
        exam = get_object_or_404(Exam.objects.select_related("paper", "org_unit"), pk=pk)
        attempt, created, questions = attempts.start_or_resume(exam, request.user)
        body = selectors.attempt_payload(attempt, questions, fresh=created)
        return Response(body, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


def own_attempt(request, pk: int):
    attempt = selectors.attempt_for_cadre(pk, request.user)
    if attempt is None:
        raise NotFound(ATTEMPT_NOT_FOUND)
    return attempt


class AttemptView(APIView):
    authentication_classes = [ExamTokenAuthentication, SessionAuthentication]

    @OBJ
    def get(self, request, pk):
        attempt = attempts.finalize_if_expired(own_attempt(request, pk))
        return Response(selectors.attempt_payload(attempt))


class SaveBatchView(APIView):
    authentication_classes = [ExamTokenAuthentication, SessionAuthentication]

    @extend_schema(request=s.BatchInputSerializer, responses=OpenApiTypes.OBJECT)
    def post(self, request, pk):
        data = s.BatchInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(
            {"results": attempts.save_batch(pk, request.user, data.validated_data["answers"])}
        )


class SubmitView(APIView):
    @extend_schema(request=None, responses=OpenApiTypes.OBJECT)
    def post(self, request, pk):
        attempt = attempts.submit(own_attempt(request, pk))
        attempt = selectors.attempt_for_cadre(attempt.pk, request.user)
        return Response(selectors.attempt_payload(attempt))


class EventView(APIView):
    @extend_schema(request=s.EventInputSerializer, responses=OpenApiTypes.OBJECT)
    def post(self, request, pk):
        data = s.EventInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(attempts.record_event(own_attempt(request, pk), **data.validated_data))
