"""Who sees which operation log entries: a superuser all of them; an org admin those by
people in their subtrees, and their own.

Blind review comes first: an entry of review work on a case call (actions.REVIEW_*) is shown
only to the call's organizer (cases.selectors.reviews_seen_by), whoever the actor is. A
township admin whose scope holds a village reviewer does not see that this reviewer claimed,
scored or declined a case of the county's call, not even without the name: the time and the
case alone would tell the author's unit who reviewed it. The organizer audits review work;
the township audits everything else its people do."""

from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast

from apps.accounts.models import User
from apps.audit import actions
from apps.audit.models import AuditEntry
from apps.cases import selectors as cases
from apps.common import scoping


def entries_for(user: User) -> QuerySet[AuditEntry]:
    qs = AuditEntry.objects.select_related("actor_unit").order_by("-at", "-id")
    if user.is_superuser:
        return qs
    if not user.admin_unit_paths:
        return qs.none()
    mine = Q(actor=user)
    return qs.filter(scoping.unit_scope_q(user, "actor_unit") | mine).filter(
        ~_review_work() | _review_work_organized_by(user) | mine
    )


def _review_work() -> Q:
    return (
        Q(object_type=actions.REVIEW_OBJECT_TYPE)
        | Q(action__in=actions.REVIEW_WORK_ON_CASE)
        | Q(action__in=actions.REVIEW_WORK_ON_CALL)
    )


def _ids(qs: QuerySet):
    """The pks as text, to match AuditEntry.object_id."""
    return qs.annotate(key=Cast("pk", CharField())).values("key")


def _review_work_organized_by(user: User) -> Q:
    seen = cases.reviews_seen_by(user)
    return (
        Q(object_type=actions.REVIEW_OBJECT_TYPE, object_id__in=_ids(seen))
        | Q(
            action__in=actions.REVIEW_WORK_ON_CASE,
            object_id__in=_ids(cases.cases_of_calls_organized_by(user).exclude(author=user)),
        )
        | Q(
            action__in=actions.REVIEW_WORK_ON_CALL,
            object_id__in=_ids(cases.calls_organized_by(user)),
        )
    )
