"""Who may see what: org admins see their subtrees, everyone else only themselves.

Every app filters its admin querysets through these helpers, so the rule lives here once.
"""

from __future__ import annotations

from django.db.models import Model, Q, QuerySet
from django.shortcuts import get_object_or_404

from apps.accounts.models import OrgUnit, User, subtree_q


def unit_scope_q(user: User, unit_field: str = "org_unit") -> Q:
    """Q for rows whose unit lies in the user's administered subtrees (all for superusers)."""
    if user.is_superuser:
        return Q()
    return subtree_q(user.admin_unit_paths, unit_field)


def units_in_scope(user: User) -> QuerySet[OrgUnit]:
    if user.is_superuser:
        return OrgUnit.objects.all()
    return OrgUnit.objects.filter(subtree_q(user.admin_unit_paths, field=""))


def scope_queryset(qs: QuerySet, user: User, unit_field: str = "org_unit") -> QuerySet:
    if user.is_superuser:
        return qs
    if not user.admin_unit_paths:
        return qs.none()
    return qs.filter(unit_scope_q(user, unit_field))


def unit_in_scope(user: User, unit: OrgUnit | None) -> bool:
    if user.is_superuser:
        return True
    if unit is None:
        return False
    return any(unit.path.startswith(path) for path in user.admin_unit_paths)


def get_in_scope_or_404(qs: QuerySet, user: User, unit_field: str = "org_unit", **lookup) -> Model:
    """Fetch one object the admin may see; anything outside the scope is a plain 404."""
    return get_object_or_404(scope_queryset(qs, user, unit_field), **lookup)
