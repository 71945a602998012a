from django.contrib import admin

from apps.common.admin import ScopedAdminMixin
from apps.notices.models import Notice


@admin.register(Notice)
class NoticeAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "org_unit", "published_at", "expires_at", "created_by"]
    list_filter = ["published_at"]
    search_fields = ["title", "body"]
    list_select_related = ["org_unit", "created_by"]
    filter_horizontal = ["audience_units"]
    readonly_fields = ["created_by", "created_at", "updated_at"]
    date_hierarchy = "published_at"

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        from apps.common import scoping

        if db_field.name == "audience_units" and not request.user.is_superuser:
            kwargs["queryset"] = scoping.units_in_scope(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
