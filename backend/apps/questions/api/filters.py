"""Filters of the bank's lists (see apps.common.filters)."""

from __future__ import annotations

import django_filters as df
from django.db.models import Q

from apps.common.filters import ChoiceFilter, FlagFilter, IdFilter, TextFilter
from apps.questions.models import KnowledgePoint, Material, Question, QuestionType


class QuestionFilter(df.FilterSet):
    bank = IdFilter(field_name="bank_id", label="题库")
    type = ChoiceFilter(choices=QuestionType.choices, label="题型")
    knowledge_point = IdFilter(field_name="knowledge_points__id", label="知识点")
    difficulty = ChoiceFilter(choices=[(str(n), str(n)) for n in range(1, 6)], label="难度（1-5）")
    status = ChoiceFilter(choices=Question.Status.choices, label="状态")
    batch = IdFilter(field_name="generation_batch_id", label="生成批次")
    lineage = df.UUIDFilter(label="题目标识（同一道题的各版本）")
    search = TextFilter(method="matching", label="题干或标签关键词")
    all_versions = FlagFilter(method="keep_versions", label="包含历史版本（仅管理员）")
    ordering = df.OrderingFilter(
        fields=(
            ("created_at", "created_at"),
            ("updated_at", "updated_at"),
            ("type", "type"),
            ("bank__name", "bank"),
            ("difficulty", "difficulty"),
            ("version", "version"),
            ("status", "status"),
        ),
        field_labels={
            "created_at": "创建时间",
            "updated_at": "修改时间",
            "type": "题型",
            "bank__name": "题库",
            "difficulty": "难度",
            "version": "版本",
            "status": "状态",
        },
        label="排序",
    )

    def matching(self, qs, name, text):
        return qs.filter(Q(stem__icontains=text) | Q(tags__icontains=text)) if text else qs

    def keep_versions(self, qs, name, value):
        return qs  # applied in filter_queryset, which also sees its absence

    def filter_queryset(self, queryset):
        qs = super().filter_queryset(queryset)
        wanted = self.form.cleaned_data.get("all_versions")
        if not (wanted and self.request.user.is_org_admin):
            qs = qs.filter(is_current=True)
        qs = qs.distinct()
        # Newest first unless the list asks for a column's order; id keeps pages stable.
        sort = self.form.cleaned_data.get("ordering")
        return qs.order_by(*sort, "-id") if sort else qs.order_by("-created_at", "-id")


class KnowledgePointFilter(df.FilterSet):
    status = ChoiceFilter(choices=KnowledgePoint.Status.choices, label="状态")
    material = IdFilter(method="of_material", label="只列出与该材料段落关联的知识点")
    tree = FlagFilter(method="as_tree", label="按树形返回（含 children）")

    def of_material(self, qs, name, material_id):
        return qs.filter(passages__material_id=material_id).distinct()

    def as_tree(self, qs, name, value):
        return qs  # the view shapes the output


class MaterialFilter(df.FilterSet):
    status = ChoiceFilter(choices=Material.Status.choices, label="处理状态")
    search = TextFilter(field_name="title", lookup_expr="icontains", label="标题关键词")


class GenerationBatchFilter(df.FilterSet):
    material = IdFilter(field_name="material_id", label="材料")
    bank = IdFilter(field_name="bank_id", label="题库")


class BankFilter(df.FilterSet):
    org_unit = IdFilter(field_name="org_unit_id", label="所属单位")
