"""Practice by knowledge point, bank, material or passage: thin views over services.practice."""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.common.permissions import IsCadre
from apps.training import selectors
from apps.training.api import serializers as s
from apps.training.services import practice
from apps.training.services.feedback import feedback_for_answer

SESSION_DETAIL = inline_serializer(
    "PracticeSessionDetail",
    {"session": s.PracticeSessionSerializer(), "items": s.PracticeItemSerializer(many=True)},
)


def session_detail(session) -> dict:
    hidden = selectors.hides_key(session.user)
    items = [
        {
            "question": s.QuestionPublicSerializer(q).data,
            "feedback": s.FeedbackSerializer(feedback_for_answer(a, hidden(q))).data if a else None,
        }
        for q, a in selectors.session_items(session)
    ]
    answered = sum(1 for item in items if item["feedback"])
    correct = sum(1 for item in items if item["feedback"] and item["feedback"]["is_correct"])
    session.answered, session.correct = answered, correct
    return {"session": s.PracticeSessionSerializer(session).data, "items": items}


class PracticeOptionsView(APIView):
    permission_classes = [IsCadre]

    @extend_schema(
        responses=inline_serializer(
            "PracticeOptions",
            {
                "banks": s.PracticeOptionSerializer(many=True),
                "knowledge_points": s.PracticeOptionSerializer(many=True),
            },
        )
    )
    def get(self, request):
        def rows(qs):
            return [{"id": o.id, "name": o.name, "question_count": o.question_count} for o in qs]

        return Response(
            {
                "banks": rows(selectors.banks_with_counts(request.user)),
                "knowledge_points": rows(selectors.available_knowledge_points(request.user)),
            }
        )


class PracticePassagesView(APIView):
    """Which passages of a material have questions to practise ("练一练" in the reader)."""

    permission_classes = [IsCadre]

    @extend_schema(
        parameters=[s.PracticeMaterialQuerySerializer],
        responses=s.PassagePracticeSerializer(many=True),
    )
    def get(self, request):
        query = s.PracticeMaterialQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        rows = practice.passage_counts(request.user, query.validated_data["material"])
        return Response(s.PassagePracticeSerializer(rows, many=True).data)


class PracticeListView(ListAPIView):
    permission_classes = [IsCadre]
    serializer_class = s.PracticeSessionSerializer
    filter_backends: list = []

    def get_queryset(self):
        return selectors.practice_sessions(self.request.user)

    @extend_schema(request=s.PracticeStartSerializer, responses={201: SESSION_DETAIL})
    def post(self, request):
        data = s.PracticeStartSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        session = practice.start_session(request.user, **data.validated_data)
        return Response(session_detail(session), status=status.HTTP_201_CREATED)


class PracticeDetailView(APIView):
    permission_classes = [IsCadre]

    @extend_schema(responses=SESSION_DETAIL)
    def get(self, request, pk: int):
        return Response(session_detail(practice.get_session(request.user, pk)))


class PracticeAnswerView(APIView):
    permission_classes = [IsCadre]

    @extend_schema(request=s.AnswerInSerializer, responses=s.FeedbackSerializer)
    def post(self, request, pk: int):
        data = s.AnswerInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        result = practice.answer(request.user, pk, **data.validated_data)
        return Response(s.FeedbackSerializer(result).data)
