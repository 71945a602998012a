"""Which notices a cadre receives, and which an admin manages."""

from __future__ import annotations

import datetime as dt
from itertools import combinations

from django.db.models import Q, QuerySet
from django.utils import timezone

from apps.accounts.models import OrgUnit, User
from apps.accounts.selectors import people_of_units_q
from apps.common.scoping import scope_queryset
from apps.notices.models import NOTICE_ROLES, Notice


def notices_for_admin(admin: User) -> QuerySet[Notice]:
    """Every notice published by a unit in the admin's scope, newest first."""
    return (
        scope_queryset(Notice.objects.all(), admin, "org_unit")
        .select_related("org_unit", "exam")
        .prefetch_related("audience_units", "audience_users")
        .order_by("-published_at", "-id")
    )


def with_status(qs: QuerySet[Notice], status: str, now: dt.datetime | None = None):
    """The notices in one of NOTICE_STATUSES (derived from the times, as Notice.status)."""
    now = now or timezone.now()
    if status == "scheduled":
        return qs.filter(published_at__gt=now)
    live_until = Q(expires_at__isnull=True) | Q(expires_at__gt=now)
    if status == "live":
        return qs.filter(live_until, published_at__lte=now)
    return qs.filter(published_at__lte=now, expires_at__lte=now)


def reach(
    unit: OrgUnit,
    units: list[OrgUnit],
    *,
    include_subunits: bool,
    roles: list[str],
    named: list[User],
) -> QuerySet[User]:
    """The active people a notice with this audience reaches (as notices_for_reader reads it
    from the other side): the units' people (the publishing unit's when neither units nor
    people are chosen) of the roles, if any, plus the people named."""
    condition = Q(pk__in=[u.pk for u in named])
    paths = [u.path for u in units] or ([] if named else [unit.path])
    if paths:
        condition |= people_of_units_q(paths, subunits=include_subunits, roles=roles)
    return User.objects.filter(condition, is_active=True)


def _roles_q(user: User) -> Q:
    """Notices for any role, or for a set of roles (stored sorted) that includes one of the
    user's."""
    mine = set(user.roles) & set(NOTICE_ROLES)
    sets = [
        sorted(combo)
        for n in range(1, len(NOTICE_ROLES) + 1)
        for combo in combinations(NOTICE_ROLES, n)
        if mine & set(combo)
    ]
    condition = Q(audience_roles=[])
    for roles in sets:
        condition |= Q(audience_roles=roles)
    return condition


def notices_for_reader(user: User, now: dt.datetime | None = None) -> QuerySet[Notice]:
    """Live notices addressed to the user, newest first: naming them, or naming their unit or
    (with sub-units) one above it; with no units and no people named, the publishing unit
    stands for the audience units."""
    now = now or timezone.now()
    named = Notice.objects.filter(audience_users=user)
    unit = user.org_unit
    if unit is None:
        addressed = Q(pk__in=named.values("pk"))
    else:
        chain = [*unit.ancestor_ids(), unit.pk]
        own = Q(include_subunits=False)
        below = Q(include_subunits=True)
        everyone = Notice.objects.filter(
            audience_units__isnull=True, audience_users__isnull=True
        ).filter((below & Q(org_unit_id__in=chain)) | (own & Q(org_unit_id=unit.pk)))
        chosen = Notice.objects.filter(
            (below & Q(audience_units__in=chain)) | (own & Q(audience_units=unit.pk))
        )
        by_unit = Q(pk__in=everyone.values("pk")) | Q(pk__in=chosen.values("pk"))
        addressed = (by_unit & _roles_q(user)) | Q(pk__in=named.values("pk"))
    return (
        Notice.objects.filter(addressed)
        .filter(published_at__lte=now)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .select_related("org_unit")
        .order_by("-published_at", "-id")
    )
