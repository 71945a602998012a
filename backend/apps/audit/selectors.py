"""Who sees which operation log entries: a superuser all of them; an org admin those by
people in their subtrees, and their own."""

from django.db.models import Q, QuerySet

from apps.accounts.models import User
from apps.audit.models import AuditEntry
from apps.common import scoping


def entries_for(user: User) -> QuerySet[AuditEntry]:
    qs = AuditEntry.objects.select_related("actor_unit").order_by("-at", "-id")
    if user.is_superuser:
        return qs
    if not user.admin_unit_paths:
        return qs.none()
    return qs.filter(scoping.unit_scope_q(user, "actor_unit") | Q(actor=user))
