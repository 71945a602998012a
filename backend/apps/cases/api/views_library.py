"""The case library: published cases, searchable by theme and keyword."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.cases import selectors
from apps.cases.api.serializers import CaseSerializer
from apps.cases.models import Case

ANONYMOUS = "匿名作者"


class LibraryCaseSerializer(CaseSerializer):
    author_name = serializers.SerializerMethodField()
    author_unit_name = serializers.SerializerMethodField()

    class Meta(CaseSerializer.Meta):
        fields = [
            "id",
            "call_title",
            "theme",
            "title",
            "body_html",
            "char_count",
            "final_score",
            "max_total",
            "is_excellent",
            "published_at",
            "images",
            "author_name",
            "author_unit_name",
        ]

    def get_author_name(self, obj: Case) -> str:
        return obj.author.display_name if obj.show_author_name else ANONYMOUS

    def get_author_unit_name(self, obj: Case) -> str:
        return obj.author_unit.full_name if obj.show_author_name else ""


class LibraryListView(ListAPIView):
    serializer_class = LibraryCaseSerializer
    queryset = Case.objects.none()  # for the schema; the real one is scoped

    @extend_schema(
        parameters=[
            OpenApiParameter("theme", str, description="按主题筛选"),
            OpenApiParameter("search", str, description="标题或正文关键词，空格分隔多个"),
        ]
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        params = self.request.query_params
        return selectors.library(
            self.request.user, theme=params.get("theme", ""), keyword=params.get("search", "")
        ).prefetch_related("images")


class LibraryDetailView(APIView):
    @extend_schema(responses=LibraryCaseSerializer)
    def get(self, request, pk):
        case = selectors.library_case(request.user, pk)
        return Response(LibraryCaseSerializer(case, context={"request": request}).data)
