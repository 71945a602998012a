"""Who may see what: org admins see their subtrees, everyone else only themselves.

Every app filters its admin querysets through these helpers, so the rule lives here once.

An admin with several subtrees can narrow one request to one of them (or to any unit
inside them) with the `X-Admin-Scope: <unit id>` header: the console's scope switcher.
`narrow_scope` replaces the user's `admin_unit_paths` for that request, so every helper
below, and every selector built on them, reads and writes inside the chosen subtree only.
"""

from __future__ import annotations

from django.db.models import Model, Q, QuerySet
from django.shortcuts import get_object_or_404

from apps.accounts.models import OrgUnit, User, subtree_q
from apps.common.errors import Forbidden

SCOPE_HEADER = "X-Admin-Scope"
SCOPE_BAD_VALUE = "管理范围参数无效：应为单位编号"
SCOPE_OUTSIDE = "所选单位不在您的管理范围内，请重新选择管理范围"
SCOPE_SUPERUSER = "超级管理员始终查看全部单位，不能限定管理范围"
SCOPE_INVALID_CODE = "scope_invalid"


def narrow_scope(user: User, value: str) -> OrgUnit:
    """Limit this request's view of an org admin's scope to the subtree of unit `value`.

    The unit must lie inside the scope the admin really holds; anything else is refused,
    so a stale or forged header can never widen what the admin sees.
    """
    if user.is_superuser:
        raise Forbidden(SCOPE_SUPERUSER, code=SCOPE_INVALID_CODE)
    if not value.strip().isdigit():
        raise Forbidden(SCOPE_BAD_VALUE, code=SCOPE_INVALID_CODE)
    unit = OrgUnit.objects.filter(pk=int(value)).first()
    if unit is None or not unit_in_scope(user, unit):
        raise Forbidden(SCOPE_OUTSIDE, code=SCOPE_INVALID_CODE)
    user._administered_paths = administered_paths(user)
    user._admin_unit_paths = [unit.path]
    user.scope_unit = unit
    return unit


def administered_paths(user: User) -> list[str]:
    """The subtrees the user was appointed to, whatever this request is narrowed to."""
    return getattr(user, "_administered_paths", None) or user.admin_unit_paths


def scope_units(user: User) -> QuerySet[OrgUnit]:
    """The top units of what this request sees: the chosen unit, or every appointed scope."""
    return OrgUnit.objects.filter(path__in=user.admin_unit_paths).order_by("path")


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
