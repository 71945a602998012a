"""Admin pages in Chinese, scoped like the API (a township admin sees only their township)."""

from django.contrib import admin
from django.contrib.admin import RelatedOnlyFieldListFilter
from simple_history.admin import SimpleHistoryAdmin

from apps.cases.models import (
    Case,
    CaseCall,
    CaseImage,
    CaseScore,
    CaseVersion,
    ReviewAssignment,
    ReviewScore,
    Rubric,
    RubricCriterion,
)
from apps.cases.selectors import is_organizer
from apps.common.admin import ScopedAdminMixin


class CriterionInline(admin.TabularInline):
    model = RubricCriterion
    extra = 0
    fields = ["order", "name", "max_score", "description", "levels"]


@admin.register(Rubric)
class RubricAdmin(admin.ModelAdmin):
    list_display = ["name", "version", "family", "created_at"]
    search_fields = ["name"]
    inlines = [CriterionInline]

    def has_change_permission(self, request, obj=None):
        # A used rubric is read-only here too; a new version is made through the API.
        return super().has_change_permission(request, obj) and not (obj and obj.is_used())


@admin.register(CaseCall)
class CaseCallAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = [
        "title",
        "theme",
        "opens_at",
        "closes_at",
        "org_unit",
        "reviewers_per_case",
        "assign_mode",
    ]
    list_filter = ["assign_mode", "theme"]
    search_fields = ["title", "theme"]
    filter_horizontal = ["audience_units", "reviewer_pool"]
    autocomplete_fields = ["org_unit"]


class VersionInline(admin.TabularInline):
    model = CaseVersion
    extra = 0
    fields = ["number", "title", "char_count", "submitted_at"]
    readonly_fields = fields
    can_delete = False


class ImageInline(admin.TabularInline):
    model = CaseImage
    extra = 0
    fields = ["file", "width", "height", "format", "size"]
    readonly_fields = fields


@admin.register(Case)
class CaseAdmin(ScopedAdminMixin, admin.ModelAdmin):
    scope_field = "author_unit"
    list_display = [
        "title",
        "call",
        "author",
        "author_unit",
        "status",
        "version",
        "submitted_at",
        "is_excellent",
        "published_at",
    ]
    list_filter = ["status", "is_excellent", ("call", RelatedOnlyFieldListFilter)]
    search_fields = ["title", "author__real_name", "author__username", "author_unit__full_name"]
    # The text is the author's; admins mark 优秀 and publish, everything else goes through the API.
    readonly_fields = [
        "call",
        "author",
        "author_unit",
        "title",
        "body",
        "show_author_name",
        "status",
        "version",
        "submitted_at",
    ]
    inlines = [VersionInline, ImageInline]


@admin.register(CaseScore)
class CaseScoreAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    scope_field = "case__author_unit"
    list_display = ["case", "score", "method", "note", "updated_at"]
    list_filter = ["method"]
    readonly_fields = ["case", "score", "method", "note"]

    def has_view_history_or_change_history_permission(self, request, obj=None):
        # A score computed when a review came in is recorded as changed by that reviewer:
        # the history is the call organizer's to read (blind review).
        organizer = obj is None or is_organizer(request.user, obj.case.call)
        return organizer and super().has_view_history_or_change_history_permission(request, obj)


class ScoreInline(admin.TabularInline):
    model = ReviewScore
    extra = 0
    fields = ["criterion", "score", "comment"]
    readonly_fields = fields
    can_delete = False


@admin.register(ReviewAssignment)
class ReviewAssignmentAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    # Who reviews a case is its call organizer's to know (blind review, selectors.is_organizer):
    # the author's own township admin does not find the reviewers of a county call here.
    scope_field = "case__call__org_unit"
    list_display = ["case", "reviewer", "kind", "round", "status", "total", "submitted_at"]
    list_filter = ["kind", "status", "decision"]
    search_fields = ["case__title", "reviewer__real_name", "reviewer__username"]
    readonly_fields = [
        "case",
        "rubric",
        "round",
        "total",
        "decision",
        "submitted_at",
        "lease_expires_at",
    ]
    inlines = [ScoreInline]
