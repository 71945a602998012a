"""Cadre-facing exam endpoints: list, start or resume, save, submit, events."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.authentication import SessionAuthentication
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.common.arrival import arrived_at
from apps.common.errors import NotFound
from apps.common.filters import filter_parameters, valid_filters
from apps.common.pagination import StandardPagination, paginated
from apps.exams import selectors
from apps.exams.api import contract as c
from apps.exams.api import serializers as s
from apps.exams.api.auth import ExamTokenAuthentication
from apps.exams.api.filters import ExamFilter
from apps.exams.models import Exam
from apps.exams.services import attempts, extra_time, sheet_marks
from apps.exams.services.attempts import ATTEMPT_NOT_FOUND
from apps.exams.services.exams import in_audience


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
            selectors.mark_shared_pools([exam], request.user)
        # An admin may sit the exam too: both shapes carry the reader's own extra time.
        exam.extra_minutes = extra_time.minutes_for(exam.pk, request.user.pk)
        exam.score_held = selectors.score_held_for(exam, request.user)
        serializer = s.ExamAdminSerializer if admin else s.ExamDetailSerializer
        return Response(serializer(exam).data)


class StartAttemptView(APIView):
    authentication_classes = [ExamTokenAuthentication, SessionAuthentication]

    @extend_schema(
        request=None,
        responses={
            200: OpenApiResponse(c.AttemptSerializer, description="继续进行中的答卷"),
            201: OpenApiResponse(c.AttemptSerializer, description="新开始的答卷"),
        },
    )
    def post(self, request, pk):
        exam = get_object_or_404(Exam.objects.select_related("paper", "org_unit"), pk=pk)
        attempt, created, shown = attempts.start_or_resume(exam, request.user)
        body = selectors.attempt_payload(attempt, shown, fresh=created)
        return Response(body, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


def own_attempt(request, pk: int):
    attempt = selectors.attempt_for_cadre(pk, request.user)
    if attempt is None:
        raise NotFound(ATTEMPT_NOT_FOUND)
    return attempt


class AttemptView(APIView):
    authentication_classes = [ExamTokenAuthentication, SessionAuthentication]

    @extend_schema(responses=c.AttemptSerializer)
    def get(self, request, pk):
        attempt = attempts.finalize_if_expired(own_attempt(request, pk))
        return Response(selectors.attempt_payload(attempt))


class AttemptClockView(APIView):
    """GET attempts/{id}/clock: a phone left idle learns extra time, a longer window or an
    exam closed early (then the status is submitted) without loading the attempt again."""

    authentication_classes = [ExamTokenAuthentication, SessionAuthentication]

    @extend_schema(responses=c.AttemptClockSerializer)
    def get(self, request, pk):
        clock = selectors.attempt_clock(pk, request.user)
        if clock is None:
            raise NotFound(ATTEMPT_NOT_FOUND)
        response = Response({**clock, "server_now": timezone.now()})
        response["Cache-Control"] = "no-store"
        return response


class SaveBatchView(APIView):
    authentication_classes = [ExamTokenAuthentication, SessionAuthentication]

    @extend_schema(request=c.BatchSaveSerializer, responses=c.BatchSaveReplySerializer)
    def post(self, request, pk):
        data = s.BatchInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        answers = data.validated_data["answers"]
        results = attempts.save_batch(pk, request.user, answers, sent_at=arrived_at(request))
        return Response({"results": results})


class SubmitView(APIView):
    authentication_classes = [ExamTokenAuthentication, SessionAuthentication]

    @extend_schema(
        request=None,
        responses=c.SubmitReplySerializer,
        description=(
            "交卷（可重复调用，已交卷时返回同样的结果）。只返回交卷状态和（按成绩公布设置）"
            "得分；完整的成绩与答案解析请 GET attempts/{id}。"
        ),
    )
    def post(self, request, pk):
        return Response(selectors.submit_reply(attempts.submit_own(pk, request.user)))


class MarksView(APIView):
    """The answer sheet's marks (标记), replaced as a whole."""

    @extend_schema(request=s.MarksInputSerializer, responses=s.MarksSerializer)
    def put(self, request, pk):
        data = s.MarksInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        marks = sheet_marks.set_marks(own_attempt(request, pk), data.validated_data["question_ids"])
        return Response({"question_ids": marks})


class EventView(APIView):
    @extend_schema(request=s.EventInputSerializer, responses=c.AttemptEventReplySerializer)
    def post(self, request, pk):
        data = s.EventInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(attempts.record_event(own_attempt(request, pk), **data.validated_data))


class AnswerPutSchemaView(APIView):
    """Documents PUT attempts/{id}/answers/{question_id} in the OpenAPI schema only: the
    requests themselves go to apps.exams.api.fast_save.save_answer, a plain Django view."""

    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="v1_attempts_answers_update",
        request=c.AnswerPutSerializer,
        responses=c.AnswerAckSerializer,
        description=(
            "保存一题的作答。请求在截止时间 + 宽限（EXAM_SAVE_GRACE_SECONDS）之前到达即被接受，"
            "以到达时间为准；之后为 409 time_up，已交卷为 409 submitted；数据库不可用为 503"
            "（带 Retry-After）。accepted 为 false 时未保存，返回的是服务器保留的作答。"
        ),
    )
    def put(self, request, pk, question_id):  # pragma: no cover - never routed
        raise NotImplementedError
