"""Django admin for exams, in Chinese, scoped to the admin's units."""

from django.contrib import admin
from django.utils.html import format_html

from apps.common.admin import ScopedAdminMixin
from apps.exams import held_keys, selectors
from apps.exams.models import (
    Attempt,
    Exam,
    GradeRevision,
    Paper,
    PaperItem,
    PaperRule,
    RegradeRun,
    ScoreChange,
    SubjectiveGrade,
)


class PaperItemInline(admin.TabularInline):
    model = PaperItem
    extra = 0
    raw_id_fields = ["question"]


class PaperRuleInline(admin.TabularInline):
    model = PaperRule
    extra = 0


@admin.register(Paper)
class PaperAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "mode", "org_unit", "created_at"]
    list_filter = ["mode"]
    search_fields = ["title"]
    inlines = [PaperItemInline, PaperRuleInline]


@admin.register(Exam)
class ExamAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = [
        "title",
        "kind",
        "org_unit",
        "opens_at",
        "closes_at",
        "duration_minutes",
        "status",
        "report_link",
    ]
    list_filter = ["kind", "status"]
    search_fields = ["title"]
    filter_horizontal = ["audience_units"]
    raw_id_fields = ["audience_users", "paper"]

    def get_queryset(self, request):
        # Org admins only view exams here (no change permission), so they see every exam
        # their people take; the monitor page shows only those people.
        if request.user.is_superuser:
            return super().get_queryset(request)
        return selectors.exams_for_reports(request.user)

    def _owns(self, request, obj) -> bool:
        if obj is None or request.user.is_superuser:
            return True
        return selectors.exams_for_admin(request.user).filter(pk=obj.pk).exists()

    def has_change_permission(self, request, obj=None):
        # Following another unit's exam is reading only, whatever permissions are granted.
        return self._owns(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._owns(request, obj) and super().has_delete_permission(request, obj)

    def get_fields(self, request, obj=None):
        # Who grades an exam is its owner's to set and know (as exams/{id}/graders): an admin
        # following the exam for their people does not see the graders' names here.
        fields = super().get_fields(request, obj)
        return fields if self._owns(request, obj) else [f for f in fields if f != "graders"]

    @admin.display(description="监控")
    def report_link(self, obj):
        # One monitor only: the console's (实时监控, 成绩与分析) replaced the page that was here.
        return format_html('<a href="/console/exams/{}">在管理台查看</a>', obj.pk)


@admin.register(Attempt)
class AttemptAdmin(ScopedAdminMixin, admin.ModelAdmin):
    scope_field = "user__org_unit"
    list_display = [
        "id",
        "exam",
        "user",
        "status",
        "started_at",
        "deadline",
        "score",
        "passed",
        "pending_review",
    ]
    list_filter = ["status", "pending_review", "submit_reason"]
    search_fields = ["user__username", "user__real_name", "exam__title"]
    # Scores change only through services (submit, review, regrade), never by hand here.
    readonly_fields = [f.name for f in Attempt._meta.fields]


class GradeRevisionInline(admin.TabularInline):
    model = GradeRevision
    extra = 0
    can_delete = False
    readonly_fields = ["score", "comment", "reviewer", "created_at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(SubjectiveGrade)
class SubjectiveGradeAdmin(ScopedAdminMixin, admin.ModelAdmin):
    scope_field = "attempt__exam__org_unit"
    inlines = [GradeRevisionInline]
    list_display = ["id", "attempt", "question", "points", "score", "reviewer", "graded_at"]
    list_filter = ["graded_at"]
    readonly_fields = ["attempt", "question", "points", "score", "comment", "reviewer", "graded_at"]


@admin.register(ScoreChange)
class ScoreChangeAdmin(ScopedAdminMixin, admin.ModelAdmin):
    scope_field = "attempt__user__org_unit"
    list_display = ["attempt", "kind", "old_score", "new_score", "reason", "actor", "created_at"]
    list_filter = ["kind"]
    readonly_fields = ["attempt", "kind", "old_score", "new_score", "reason", "actor"]


@admin.register(RegradeRun)
class RegradeRunAdmin(ScopedAdminMixin, admin.ModelAdmin):
    scope_field = "question__bank__org_unit"

    def get_queryset(self, request):
        # Old and new keys of a question an exam holds from this admin stay hidden.
        return (
            super().get_queryset(request).exclude(held_keys.held_for(request.user).q("question__"))
        )

    list_display = [
        "question",
        "reason",
        "attempts_rescored",
        "scores_changed",
        "actor",
        "created_at",
    ]
    readonly_fields = [
        "question",
        "old_answer",
        "new_answer",
        "reason",
        "actor",
        "attempts_rescored",
        "scores_changed",
    ]
