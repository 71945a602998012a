from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from apps.accounts.models import AdminScope, OrgUnit, User
from apps.accounts.selectors import can_manage_user
from apps.common import scoping
from apps.common.admin import ScopedAdminMixin


class AdminScopeInline(admin.TabularInline):
    model = AdminScope
    extra = 0
    autocomplete_fields = ["org_unit"]


@admin.register(OrgUnit)
class OrgUnitAdmin(ScopedAdminMixin, admin.ModelAdmin):
    scope_field = None  # the unit itself
    list_display = ["full_name", "kind", "depth", "sort_order"]
    list_filter = ["kind", "depth"]
    search_fields = ["name", "full_name"]
    autocomplete_fields = ["parent"]
    ordering = ["path"]

    def get_queryset(self, request):
        qs = super(ScopedAdminMixin, self).get_queryset(request)
        if request.user.is_superuser:
            return qs
        from apps.common.scoping import units_in_scope

        return qs.filter(pk__in=units_in_scope(request.user))

    def has_change_permission(self, request, obj=None):
        # As in services.units.update_unit: the top of one's own scope is the level above's.
        user = request.user
        if (
            obj is not None
            and not user.is_superuser
            and obj.path in scoping.administered_paths(user)
        ):
            return False
        return super().has_change_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        # Moving a unit re-roots a subtree (and could put it under itself): superuser only.
        if obj is not None and not request.user.is_superuser:
            return ["parent"]
        return []

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is None and not request.user.is_superuser and "parent" in form.base_fields:
            form.base_fields["parent"].required = True  # a new unit sits inside the scope
        return form


@admin.register(User)
class UserAdmin(ScopedAdminMixin, DjangoUserAdmin):
    scope_field = "org_unit"
    list_display = [
        "username",
        "real_name",
        "mobile",
        "org_unit",
        "position",
        "is_cadre",
        "is_reviewer",
        "is_active",
    ]
    list_filter = ["is_cadre", "is_reviewer", "is_active", "must_change_password", "org_unit__kind"]
    search_fields = ["username", "real_name", "mobile", "org_unit__full_name"]
    autocomplete_fields = ["org_unit"]
    inlines = [AdminScopeInline]
    ordering = ["org_unit__path", "username"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("个人信息", {"fields": ("real_name", "mobile", "org_unit", "position")}),
        (
            "角色",
            {
                "fields": (
                    "is_cadre",
                    "is_reviewer",
                    "is_active",
                    "must_change_password",
                    "is_staff",
                    "is_superuser",
                )
            },
        ),
        ("时间", {"fields": ("last_login", "date_joined")}),
    )
    # An org admin manages people, not privileges: who is staff or superuser, and who
    # administers which subtree (the AdminScope inline), is for superusers.
    PRIVILEGE_FIELDS = ["is_staff", "is_superuser", "last_login", "date_joined"]

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(is_superuser=False)

    def has_change_permission(self, request, obj=None):
        # The API's rule (services.users): never someone who administers more than the
        # actor does, e.g. the county's admin living in the township. The password page
        # asks this too.
        if obj is not None and not can_manage_user(request.user, obj):
            return False
        return super().has_change_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly if request.user.is_superuser else readonly + self.PRIVILEGE_FIELDS

    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "real_name", "org_unit", "password1", "password2"),
            },
        ),
    )
