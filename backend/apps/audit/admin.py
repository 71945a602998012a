"""The operation log in the Django admin: superusers read it; nobody edits or deletes."""

from django.contrib import admin

from apps.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_username", "actor_name", "ip", "action_label", "object_repr"]
    list_filter = ["succeeded", "object_type"]
    search_fields = ["actor_username", "actor_name", "object_repr", "action", "ip"]
    date_hierarchy = "at"

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
