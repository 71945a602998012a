"""The organizer's oversight of a call: who could review a case, which assignments are stuck,
and deciding an arbitration directly when no arbitrator can (or should) be waited for."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils import timezone

from apps.accounts.models import User
from apps.cases import errors
from apps.cases.models import Case, CaseScore, ReviewAssignment
from apps.cases.selectors import ensure_organizer
from apps.cases.services import assignment
from apps.cases.services.results import set_final_score
from apps.common.errors import Conflict, InvalidInput

A = ReviewAssignment
CENT = Decimal("0.01")


def open_load(users: list[User]) -> dict[int, int]:
    """How many unfinished assignments each reviewer holds now, across every call."""
    return dict(
        A.objects.filter(reviewer__in=users, status__in=A.OPEN)
        .values_list("reviewer")
        .annotate(n=Count("id"))
    )


def candidates(case: Case, by: User | None = None) -> list[dict]:
    """Every reviewer of the call's pool with whether they may take this case, and why not.
    Only the organizer, who alone picks reviewers, reads it: the pool holds reviewers outside
    a township admin's scope."""
    ensure_organizer(by, case)
    pool = list(assignment.reviewer_pool(case.call).order_by("username"))
    on_case = set(
        case.assignments.filter(
            round=case.version, status__in=[*A.OPEN, A.Status.SUBMITTED]
        ).values_list("reviewer_id", flat=True)
    )
    load = open_load(pool)
    rows = []
    for user in pool:
        reason = assignment.conflict_reason(case, user)
        if reason is None and user.pk in on_case:
            reason = errors.REVIEWER_ALREADY_ON_CASE
        rows.append(
            {
                "id": user.pk,
                "name": user.display_name,
                "unit": user.org_unit.full_name if user.org_unit_id else "",
                "open_load": load.get(user.pk, 0),
                "eligible": reason is None,
                "reason": reason or "",
            }
        )
    rows.sort(key=lambda r: (not r["eligible"], r["open_load"], r["name"]))
    return rows


def open_assignments(cases: QuerySet[Case]) -> QuerySet[ReviewAssignment]:
    """Unfinished reviews of these cases, oldest first: the ones to chase or reassign."""
    return (
        A.objects.filter(case__in=cases, status__in=A.OPEN)
        .select_related("case__call__org_unit", "reviewer__org_unit")
        .order_by("created_at", "pk")
    )


@transaction.atomic
def arbitrate(case_id: int, *, score, reason: str, by: User) -> CaseScore:
    """The organizer sets the final score of a case in arbitration; open arbitration reviews
    are cancelled, and the decision with its reason is kept in the score's history."""
    case = Case.objects.select_for_update(of=("self",)).select_related("call").get(pk=case_id)
    ensure_organizer(by, case)
    if case.status != Case.Status.ARBITRATION:
        raise Conflict(errors.CASE_NOT_IN_ARBITRATION)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(
            errors.ARBITRATE_REASON_REQUIRED, {"reason": [errors.ARBITRATE_REASON_REQUIRED]}
        )
    # The rubric the reviewers scored against, which a later revision does not change.
    first = case.assignments.filter(round=case.version).select_related("rubric").first()
    max_total = (first.rubric if first else case.call.rubric).max_total
    message = errors.SCORE_OUT_OF_RANGE.format(name="仲裁得分", max=max_total)
    try:
        value = Decimal(str(score)).quantize(CENT)
    except (InvalidOperation, ValueError) as exc:
        raise InvalidInput(message, {"score": [message]}) from exc
    if not Decimal(0) <= value <= max_total:
        raise InvalidInput(message, {"score": [message]})
    case.assignments.filter(kind=A.Kind.ARBITRATION, status__in=A.OPEN).update(
        status=A.Status.CANCELLED, updated_at=timezone.now()
    )
    note = f"组织方仲裁裁定：{reason}"
    return set_final_score(case, value, CaseScore.Method.ARBITRATION, note, by=by)
