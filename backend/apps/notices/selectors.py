"""Which notices a cadre receives, and which an admin manages."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from django.utils import timezone

from apps.accounts.models import User
from apps.common.scoping import scope_queryset
from apps.notices.models import Notice


def notices_for_admin(admin: User) -> QuerySet[Notice]:
    """Every notice published by a unit in the admin's scope, newest first."""
    return (
        scope_queryset(Notice.objects.all(), admin, "org_unit")
        .select_related("org_unit")
        .prefetch_related("audience_units")
        .order_by("-published_at", "-id")
    )


def notices_for_reader(user: User, now: dt.datetime | None = None) -> QuerySet[Notice]:
    """Live notices whose audience includes the user's unit (an audience unit is the user's
    unit or one above it; with no audience units, the publishing unit is), newest first."""
    unit = user.org_unit
    if unit is None:
        return Notice.objects.none()
    now = now or timezone.now()
    chain = [*unit.ancestor_ids(), unit.pk]
    everyone_below = Notice.objects.filter(audience_units__isnull=True, org_unit_id__in=chain)
    chosen = Notice.objects.filter(audience_units__in=chain)
    return (
        Notice.objects.filter(Q(pk__in=everyone_below.values("pk")) | Q(pk__in=chosen.values("pk")))
        .filter(published_at__lte=now)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .select_related("org_unit")
        .order_by("-published_at", "-id")
    )
