from django.contrib import admin

from apps.common.admin import ScopedAdminMixin
from apps.training.models import (
    DailyQuiz,
    PracticeSession,
    ReviewCard,
    StudyTopic,
    StudyVote,
    WrongBookEntry,
)


class ReadOnlyScopedAdmin(ScopedAdminMixin, admin.ModelAdmin):
    """Training rows are written by cadres' own actions; admins only look."""

    scope_field = "user__org_unit"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(PracticeSession)
class PracticeSessionAdmin(ReadOnlyScopedAdmin):
    list_display = ["user", "knowledge_point", "bank", "created_at"]
    search_fields = ["user__username", "user__real_name"]
    list_select_related = ["user", "knowledge_point", "bank"]


@admin.register(WrongBookEntry)
class WrongBookEntryAdmin(ReadOnlyScopedAdmin):
    list_display = [
        "user",
        "question",
        "first_source",
        "wrong_count",
        "right_streak",
        "last_wrong_at",
        "resolved_at",
    ]
    list_filter = ["first_source"]
    search_fields = ["user__username", "user__real_name"]
    list_select_related = ["user", "question"]


@admin.register(ReviewCard)
class ReviewCardAdmin(ReadOnlyScopedAdmin):
    list_display = ["user", "question", "box", "due_on", "last_reviewed_on"]
    list_filter = ["box"]
    search_fields = ["user__username", "user__real_name"]
    list_select_related = ["user", "question"]


@admin.register(DailyQuiz)
class DailyQuizAdmin(ReadOnlyScopedAdmin):
    list_display = ["user", "day", "created_at", "completed_at"]
    date_hierarchy = "day"
    search_fields = ["user__username", "user__real_name"]
    list_select_related = ["user"]


@admin.register(StudyTopic)
class StudyTopicAdmin(ScopedAdminMixin, admin.ModelAdmin):
    scope_field = "root_unit"
    list_display = ["title", "root_unit", "proposed_by", "created_at"]
    search_fields = ["title", "description"]


@admin.register(StudyVote)
class StudyVoteAdmin(ReadOnlyScopedAdmin):
    scope_field = "org_unit"
    list_display = ["user", "org_unit", "knowledge_point", "topic", "created_at"]
    list_select_related = ["user", "org_unit", "knowledge_point", "topic"]
