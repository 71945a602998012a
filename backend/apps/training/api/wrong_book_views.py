"""The cadre's wrong-question book: list and retry."""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.common.permissions import IsCadre
from apps.training import selectors
from apps.training.api import serializers as s
from apps.training.api.filters import WrongBookFilter
from apps.training.models import WrongBookEntry
from apps.training.services import wrong_book


class WrongBookListView(ListAPIView):
    permission_classes = [IsCadre]
    serializer_class = s.WrongBookEntrySerializer
    filterset_class = WrongBookFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return WrongBookEntry.objects.none()
        return wrong_book.open_book(self.request.user)

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return selectors.attach_display_questions(list(page)) if page is not None else page


class WrongBookDetailView(APIView):
    permission_classes = [IsCadre]

    @extend_schema(responses=s.WrongBookEntrySerializer)
    def get(self, request, pk: int):
        entry = wrong_book.get_active_entry(request.user, pk)
        selectors.attach_display_questions([entry])
        return Response(s.WrongBookEntrySerializer(entry).data)


class WrongBookRetryView(APIView):
    permission_classes = [IsCadre]

    @extend_schema(
        request=s.RetryInSerializer,
        responses=inline_serializer(
            "WrongBookRetry",
            {
                "feedback": s.FeedbackSerializer(),
                "wrong_count": serializers.IntegerField(),
                "right_streak": serializers.IntegerField(),
                "removed": serializers.BooleanField(),
            },
        ),
    )
    def post(self, request, pk: int):
        data = s.RetryInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        result, entry = wrong_book.retry(request.user, pk, data.validated_data["response"])
        return Response(
            {
                "feedback": s.FeedbackSerializer(result).data,
                "wrong_count": entry.wrong_count,
                "right_streak": entry.right_streak,
                "removed": entry.resolved_at is not None,
            }
        )


class WrongBookSummaryView(APIView):
    permission_classes = [IsCadre]

    @extend_schema(responses=s.WrongBookSummarySerializer)
    def get(self, request):
        wrong_book.open_book(request.user)
        return Response(selectors.wrong_book_summary(request.user))
