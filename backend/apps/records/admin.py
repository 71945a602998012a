"""Admin pages in Chinese, scoped like the API. Scores are read-only here: they change only
through the services (compute, objections, adjustments), which keep who and why."""

from django.contrib import admin
from django.contrib.admin import RelatedOnlyFieldListFilter
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from simple_history.admin import SimpleHistoryAdmin

from apps.common.admin import ScopedAdminMixin
from apps.common.errors import InvalidInput
from apps.records.models import (
    Adjustment,
    Component,
    ComponentScore,
    IndicatorImport,
    IndicatorValue,
    Objection,
    Period,
    Record,
)


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SchemeFormSet(BaseInlineFormSet):
    """The same scheme rules as the API (weights total exactly 100%, ...)."""

    def clean(self):
        super().clean()
        items = [
            dict(form.cleaned_data)
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        try:
            from apps.records.services.scheme import validate_components

            validate_components(items)
        except InvalidInput as exc:
            raise ValidationError(
                [m for messages in exc.errors.values() for m in messages]
            ) from exc


class ComponentInline(admin.TabularInline):
    model = Component
    formset = SchemeFormSet
    extra = 0
    fields = [
        "order",
        "name",
        "kind",
        "weight",
        "aggregation",
        "missing",
        "cap",
        "level",
        "value_min",
        "value_max",
        "mapping",
        "bands",
    ]

    def has_change_permission(self, request, obj=None):
        return obj is None or obj.status == Period.Status.OPEN

    has_add_permission = has_delete_permission = has_change_permission


@admin.register(Period)
class PeriodAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "kind", "org_unit", "start_date", "end_date", "status", "computed_at"]
    list_filter = ["status", "kind"]
    search_fields = ["name"]
    readonly_fields = [
        "status",
        "publicity_starts_at",
        "publicity_ends_at",
        "computed_at",
        "created_by",
    ]
    filter_horizontal = ["exams", "case_calls"]
    inlines = [ComponentInline]


class ComponentScoreInline(ReadOnlyMixin, admin.TabularInline):
    model = ComponentScore
    extra = 0
    fields = [
        "component",
        "computed",
        "adjustment",
        "adjustment_reason",
        "score",
        "points",
        "inputs",
    ]
    readonly_fields = fields


@admin.register(Record)
class RecordAdmin(ScopedAdminMixin, ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = [
        "user",
        "period",
        "org_unit",
        "total",
        "rank_in_unit",
        "rank_in_scope",
        "grade",
        "locked",
    ]
    list_filter = [("period", RelatedOnlyFieldListFilter), "grade", "locked"]
    search_fields = ["user__username", "user__real_name"]
    inlines = [ComponentScoreInline]


@admin.register(IndicatorImport)
class IndicatorImportAdmin(ScopedAdminMixin, ReadOnlyMixin, admin.ModelAdmin):
    scope_field = "period__org_unit"
    list_display = ["period", "file_name", "imported_by", "row_count", "created_at"]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(ScopedAdminMixin, ReadOnlyMixin, SimpleHistoryAdmin):
    scope_field = "period__org_unit"
    list_display = ["period", "component", "user", "org_unit", "value", "source", "row_number"]
    list_filter = [
        ("period", RelatedOnlyFieldListFilter),
        ("component", RelatedOnlyFieldListFilter),
    ]
    search_fields = ["user__username", "org_unit__full_name"]


@admin.register(Adjustment)
class AdjustmentAdmin(ScopedAdminMixin, ReadOnlyMixin, admin.ModelAdmin):
    scope_field = "user__org_unit"
    list_display = ["period", "user", "component", "points", "reason", "created_by", "created_at"]
    list_filter = [("period", RelatedOnlyFieldListFilter)]


@admin.register(Objection)
class ObjectionAdmin(ScopedAdminMixin, ReadOnlyMixin, admin.ModelAdmin):
    scope_field = "record__org_unit"
    list_display = ["record", "component", "status", "created_at", "resolved_by", "resolved_at"]
    list_filter = ["status"]
