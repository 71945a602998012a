"""Admin pages are scoped like the API: a non-superuser staff admin sees only their subtree."""

from apps.common import scoping


class ScopedAdminMixin:
    scope_field: str | None = "org_unit"

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser or self.scope_field is None:
            return qs
        return scoping.scope_queryset(qs, request.user, self.scope_field)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        from apps.accounts.models import OrgUnit

        if db_field.related_model is OrgUnit and not request.user.is_superuser:
            kwargs["queryset"] = scoping.units_in_scope(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
