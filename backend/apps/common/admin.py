"""Admin pages are scoped like the API: a non-superuser staff admin sees only their subtree."""

from apps.common import scoping


class ScopedAdminMixin:
    scope_field: str | None = "org_unit"

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser or self.scope_field is None:
            return qs
        return scoping.scope_queryset(qs, request.user, self.scope_field)

    def _in_scope(self, request, obj) -> bool:
        if obj is None or request.user.is_superuser:
            return True
        return self.get_queryset(request).filter(pk=obj.pk).exists()

    # django-simple-history's history pages find a row outside get_queryset (through its
    # history table) and then ask only this: a row outside the scope has no history to show.
    def has_view_history_or_change_history_permission(self, request, obj=None):
        return self._in_scope(
            request, obj
        ) and super().has_view_history_or_change_history_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        from apps.accounts.models import OrgUnit

        if db_field.related_model is OrgUnit and not request.user.is_superuser:
            kwargs["queryset"] = scoping.units_in_scope(request.user)
        elif (choices := self._scoped_choices(db_field, request)) is not None:
            kwargs["queryset"] = choices
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if (choices := self._scoped_choices(db_field, request)) is not None:
            kwargs["queryset"] = choices
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def _scoped_choices(self, db_field, request):
        """A form's choices of another scoped model (a bank's created_by, a topic's proposer)
        are that model's own admin rows: a select must not list, nor a raw id accept, every
        person or knowledge point of the county."""
        if request.user.is_superuser:
            return None
        related = self.admin_site._registry.get(db_field.related_model)
        if isinstance(related, ScopedAdminMixin):
            return related.get_queryset(request)
        return None
