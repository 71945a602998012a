"""每日一练: today's five questions, answering one, and the streak."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.common.permissions import IsCadre
from apps.training import selectors
from apps.training.api import serializers as s
from apps.training.services import daily_quiz
from apps.training.services.feedback import feedback_for_answer

DAILY = inline_serializer(
    "DailyQuiz",
    {
        "day": serializers.DateField(),
        "completed": serializers.BooleanField(),
        "items": s.DailyItemSerializer(many=True),
        "streak": s.StreakSerializer(),
    },
)


def quiz_body(quiz, user) -> dict:
    items = quiz.items.select_related(
        "question__source_passage", "answer__question__source_passage"
    ).prefetch_related("question__knowledge_points")
    hidden = selectors.hides_key(user)
    return {
        "day": quiz.day,
        "completed": quiz.completed_at is not None,
        "items": [
            {
                "position": item.position,
                "reason": item.reason,
                "reason_label": item.get_reason_display(),
                "question": s.QuestionPublicSerializer(item.question).data,
                "feedback": s.FeedbackSerializer(
                    feedback_for_answer(item.answer, hidden(item.question))
                ).data
                if item.answer
                else None,
            }
            for item in items
        ],
        "streak": selectors.streak(user, quiz.day),
    }


class DailyQuizView(APIView):
    permission_classes = [IsCadre]

    @extend_schema(responses=DAILY)
    def get(self, request):
        return Response(quiz_body(daily_quiz.today_quiz(request.user), request.user))


class DailyQuizAnswerView(APIView):
    permission_classes = [IsCadre]

    @extend_schema(
        request=s.AnswerInSerializer,
        responses=inline_serializer(
            "DailyQuizAnswer",
            {
                "feedback": s.FeedbackSerializer(),
                "completed": serializers.BooleanField(),
                "streak": s.StreakSerializer(),
            },
        ),
    )
    def post(self, request):
        data = s.AnswerInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        now = timezone.now()
        result = daily_quiz.answer(request.user, now=now, **data.validated_data)
        streak = selectors.streak(request.user, timezone.localdate(now))
        return Response(
            {
                "feedback": s.FeedbackSerializer(result).data,
                "completed": streak["today_done"],
                "streak": streak,
            }
        )
