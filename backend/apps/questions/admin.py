from django.contrib import admin
from django.contrib.admin import RelatedOnlyFieldListFilter

from apps.common import scoping
from apps.common.admin import ScopedAdminMixin
from apps.exams import held_keys
from apps.questions import selectors
from apps.questions.models import (
    Bank,
    GenerationBatch,
    KnowledgePoint,
    Material,
    Passage,
    Question,
    QuestionImage,
    QuestionReview,
)


class PassageInline(admin.TabularInline):
    model = Passage
    fields = ["position", "kind", "text"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False


@admin.register(Material)
class MaterialAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "org_unit", "file_kind", "status", "created_by", "created_at"]
    list_filter = ["status", "file_kind"]
    search_fields = ["title", "original_name"]
    readonly_fields = ["status", "error", "text", "file_kind", "original_name", "created_by"]
    inlines = [PassageInline]


@admin.register(KnowledgePoint)
class KnowledgePointAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "parent", "org_unit", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "description"]
    raw_id_fields = ["parent"]
    filter_horizontal = ["passages"]
    actions = ["confirm_selected"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # Passages of the admin's own materials only, as services.knowledge checks.
        if db_field.name == "passages" and not request.user.is_superuser:
            kwargs["queryset"] = scoping.scope_queryset(
                Passage.objects.all(), request.user, "material__org_unit"
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.action(description="确认所选建议知识点")
    def confirm_selected(self, request, queryset):
        count = queryset.filter(status=KnowledgePoint.Status.SUGGESTED).update(
            status=KnowledgePoint.Status.CONFIRMED
        )
        self.message_user(request, f"已确认 {count} 个知识点")


@admin.register(Bank)
class BankAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "org_unit", "shared_down", "created_by", "created_at"]
    list_filter = ["shared_down"]
    search_fields = ["name", "description"]


class ReviewInline(admin.TabularInline):
    model = QuestionReview
    fields = ["action", "from_status", "to_status", "reason", "comment", "actor", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Question)
class QuestionAdmin(ScopedAdminMixin, admin.ModelAdmin):
    scope_field = "bank__org_unit"
    list_display = [
        "short_stem",
        "type",
        "bank",
        "status",
        "difficulty",
        "version",
        "is_current",
        "created_at",
    ]
    # Only the banks of the questions listed (already scoped), not every bank's name.
    list_filter = [
        "type",
        "status",
        "difficulty",
        "is_current",
        ("bank", RelatedOnlyFieldListFilter),
    ]
    search_fields = ["stem", "explanation"]
    readonly_fields = [
        "lineage",
        "version",
        "is_current",
        "stem_html",
        "explanation_html",
        "fingerprint",
        "quality",
    ]
    raw_id_fields = ["source_passage", "generation_batch"]
    filter_horizontal = ["knowledge_points"]
    inlines = [ReviewInline]

    @admin.display(description="题干")
    def short_stem(self, obj):
        return obj.stem[:40]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "bank" and not request.user.is_superuser:
            kwargs["queryset"] = selectors.managed_banks(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "knowledge_points" and not request.user.is_superuser:
            kwargs["queryset"] = selectors.visible_knowledge_points(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_queryset(self, request):
        # An admin who could still sit an exam does not open the questions it holds.
        return super().get_queryset(request).exclude(held_keys.held_for(request.user).q())

    def has_change_permission(self, request, obj=None):
        # Edits go through the API so that published questions get a new version.
        return (
            False
            if obj is not None and obj.status != Question.Status.DRAFT
            else super().has_change_permission(request, obj)
        )


@admin.register(GenerationBatch)
class GenerationBatchAdmin(ScopedAdminMixin, admin.ModelAdmin):
    scope_field = "bank__org_unit"
    list_display = ["id", "material", "bank", "candidate_count", "created_by", "created_at"]
    search_fields = ["material__title"]
    readonly_fields = ["material", "bank", "params", "candidate_count", "created_by"]


@admin.register(QuestionReview)
class QuestionReviewAdmin(ScopedAdminMixin, admin.ModelAdmin):
    scope_field = "question__bank__org_unit"
    list_display = [
        "question",
        "action",
        "from_status",
        "to_status",
        "reason",
        "actor",
        "created_at",
    ]
    list_filter = ["action", "reason"]
    search_fields = ["question__stem", "comment"]

    def get_queryset(self, request):
        # A key correction's note names the old and new keys.
        held = held_keys.held_for(request.user)
        return super().get_queryset(request).exclude(held.q("question__"))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(QuestionImage)
class QuestionImageAdmin(ScopedAdminMixin, admin.ModelAdmin):
    scope_field = "bank__org_unit"
    list_display = ["image", "bank", "width", "height", "created_at"]
    readonly_fields = ["image", "thumbnail", "width", "height"]
