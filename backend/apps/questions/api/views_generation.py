from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.common.permissions import IsOrgAdmin
from apps.questions import selectors
from apps.questions.api import question_serializers as qs
from apps.questions.api import serializers as s
from apps.questions.api.filters import GenerationBatchFilter
from apps.questions.models import GenerationBatch, Question
from apps.questions.services import generation
from apps.questions.services.review import REJECT_REASONS


def _batches(user):
    pending = Q(questions__status=Question.Status.PENDING, questions__is_current=True)
    return (
        GenerationBatch.objects.filter(bank__in=selectors.managed_banks(user))
        .select_related("material", "bank")
        .annotate(pending_count=Count("questions", filter=pending))
        .order_by("-created_at", "-id")
    )


class GenerationBatchListView(ListAPIView):
    permission_classes = [IsOrgAdmin]
    serializer_class = s.GenerationBatchSerializer
    queryset = GenerationBatch.objects.none()  # for the schema; the real one is scoped
    filterset_class = GenerationBatchFilter

    def get_queryset(self):
        return _batches(self.request.user)


class GenerationBatchDetailView(APIView):
    """The review screen: the batch, its current drafts with their sources, and the reasons."""

    permission_classes = [IsOrgAdmin]

    @extend_schema(
        responses=inline_serializer(
            "GenerationBatchReview",
            {
                "batch": s.GenerationBatchSerializer(),
                "questions": qs.QuestionSerializer(many=True),
                "passages": s.PassageSerializer(many=True),
                "reject_reasons": serializers.DictField(child=serializers.CharField()),
            },
        ),
        description="审核工作台：批次、其当前试题、试题引用的段落（passages，按 id 对应 source_passage）和退回原因。",
    )
    def get(self, request, pk: int):
        batch = get_object_or_404(_batches(request.user), pk=pk)
        questions = (
            Question.objects.filter(generation_batch=batch, is_current=True)
            .select_related("source_passage")
            .prefetch_related("knowledge_points")
            .order_by("id")
        )
        questions = list(questions)
        cited = {q.source_passage for q in questions if q.source_passage is not None}
        return Response(
            {
                "batch": s.GenerationBatchSerializer(batch).data,
                "questions": qs.QuestionSerializer(
                    questions, many=True, context={"request": request}
                ).data,
                "passages": s.PassageSerializer(
                    sorted(cited, key=lambda p: p.position), many=True
                ).data,
                "reject_reasons": REJECT_REASONS,
            }
        )


class GeneratorStatsView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(
        responses=s.RuleStatsSerializer(many=True), description="按生成规则统计通过与退回（含原因）"
    )
    def get(self, request):
        return Response(generation.generator_stats(request.user))
