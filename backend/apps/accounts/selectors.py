from django.db.models import Count, Exists, OuterRef, QuerySet

from apps.accounts.models import AdminScope, OrgUnit, User
from apps.common import scoping


def users_for_admin(actor: User) -> QuerySet[User]:
    """The people an admin manages: everyone whose unit lies in the admin's subtrees."""
    return (
        scoping.scope_queryset(User.objects.select_related("org_unit"), actor)
        .prefetch_related("admin_scopes__org_unit")
        .order_by("org_unit__path", "username")
    )


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
