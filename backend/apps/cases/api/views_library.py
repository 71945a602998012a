"""The case library: published cases, searchable by theme and keyword."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.cases import selectors
from apps.cases.api.filters import LibraryFilter
from apps.cases.api.serializers import CaseSerializer
from apps.cases.models import Case
from apps.common.filters import valid_filters

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
    filterset_class = LibraryFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Case.objects.none()
        query = valid_filters(LibraryFilter, self.request, Case.objects.none()).form.cleaned_data
        return selectors.library(
            self.request.user, theme=query.get("theme") or "", keyword=query.get("search") or ""
        ).prefetch_related("images")


class LibraryDetailView(APIView):
    @extend_schema(responses=LibraryCaseSerializer)
    def get(self, request, pk):
        case = selectors.library_case(request.user, pk)
        return Response(LibraryCaseSerializer(case, context={"request": request}).data)
