from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.utils import timezone

from apps.accounts.models import AdminScope, OrgUnit, User, subtree_q
from apps.common import scoping


def users_for_admin(actor: User) -> QuerySet[User]:
    """The people an admin manages: everyone whose unit lies in the admin's subtrees,
    each marked `locked` when a login lockout holds them (a subquery, no query per row)."""
    return (
        scoping.scope_queryset(User.objects.select_related("org_unit"), actor)
        .annotate(locked=Exists(lockouts(OuterRef("username"))))
        .prefetch_related("admin_scopes__org_unit")
        .order_by("org_unit__path", "username")
    )


def lockouts(username) -> QuerySet[AccessAttempt]:
    """The sources from which django-axes refuses this account now: as axes counts them,
    the failures per (account, source) within the cool-off, at or over the limit.
    `username` is the 工号 (axes stores the account, apps.accounts.backends.axes_username)."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    return (
        AccessAttempt.objects.filter(username=username, attempt_time__gte=since)
        .values("ip_address")
        .annotate(failures=Sum("failures_since_start"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
    )


def is_locked(user: User) -> bool:
    """For a user not loaded through users_for_admin (one query)."""
    return lockouts(user.username).exists()


def filter_by_role(qs: QuerySet[User], role: str) -> QuerySet[User]:
    if role == "cadre":
        return qs.filter(is_cadre=True)
    if role == "reviewer":
        return qs.filter(is_reviewer=True)
    if role == "org_admin":
        return qs.filter(Exists(AdminScope.objects.filter(user=OuterRef("pk"))))
    return qs


def units_visible_to(user: User) -> QuerySet[OrgUnit]:
    """Admins: the units of their subtrees. Everyone: their own unit and its ancestors (for
    breadcrumbs and tables)."""
    qs = OrgUnit.objects.annotate(
        children_count=Count("children", distinct=True),
        member_count=Count("members", distinct=True),
    )
    if user.is_org_admin:
        return qs.filter(pk__in=scoping.units_in_scope(user)).order_by("path")
    if user.org_unit_id:
        return qs.filter(pk__in=[*user.org_unit.ancestor_ids(), user.org_unit_id]).order_by("path")
    return qs.none()


def can_manage_user(actor: User, user: User) -> bool:
    """The actor may change this person: their unit and every admin scope they hold lie
    inside the actor's subtrees (superusers only by superusers)."""
    if actor.is_superuser:
        return True
    if user.is_superuser or not scoping.unit_in_scope(actor, user.org_unit):
        return False
    return all(scoping.unit_in_scope(actor, scope.org_unit) for scope in user.admin_scopes.all())


def people_of_units_q(paths: list[str], *, subunits: bool, roles) -> Q:
    """The people of these units (and of the units below them when `subunits`), holding one of
    `roles` ("cadre", "reviewer") if any are given: an exam's or a notice's audience."""
    group = subtree_q(paths, "org_unit") if subunits else Q(org_unit__path__in=paths)
    if roles:
        by_role = Q(pk__in=[])
        if "cadre" in roles:
            by_role |= Q(is_cadre=True)
        if "reviewer" in roles:
            by_role |= Q(is_reviewer=True)
        group &= by_role
    return group
