from django.db.models import QuerySet

from apps.accounts.models import User
from apps.common import scoping


def users_for_admin(actor: User) -> QuerySet[User]:
    """The people in the admin's subtrees, in tree order (filters: api/filters.UserFilter)."""
    qs = scoping.scope_queryset(User.objects.select_related("org_unit"), actor)
    return qs.order_by("org_unit__path", "username")
