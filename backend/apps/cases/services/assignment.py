"""Who reviews what. Reviewers come from the call's pool (or every reviewer when the pool
is empty), least-loaded first, and never from the author's unit, an ancestor or a
descendant of it. A reviewer's claim holds a lease: while it runs nobody can move the
assignment to someone else, and a moved (cancelled) assignment can no longer be graded."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils import timezone

from apps.accounts.models import User
from apps.cases import conf, errors
from apps.cases.models import Case, ReviewAssignment
from apps.cases.selectors import ensure_organizer
from apps.common.errors import Conflict, InvalidInput, NotFound

A = ReviewAssignment


def reviewer_pool(call) -> QuerySet[User]:
    pool = User.objects.filter(is_reviewer=True, is_active=True)
    if call.reviewer_pool.exists():
        pool = pool.filter(pk__in=call.reviewer_pool.values("pk"))
    return pool.select_related("org_unit")


def conflict_reason(case: Case, reviewer: User) -> str | None:
    if reviewer.pk == case.author_id:
        return errors.REVIEWER_IS_AUTHOR
    if not reviewer.is_reviewer:
        return errors.REVIEWER_NOT_REVIEWER
    if reviewer.org_unit_id and reviewer.org_unit.is_related_to(case.author_unit):
        return errors.REVIEWER_CONFLICT
    return None


def pick_reviewers(case: Case, count: int) -> list[User]:
    """The `count` least-loaded eligible reviewers who have not yet touched this case."""
    if count <= 0:
        return []
    taken = set(case.assignments.values_list("reviewer_id", flat=True))
    candidates = [
        u
        for u in reviewer_pool(case.call).exclude(pk__in=taken)
        if conflict_reason(case, u) is None
    ]
    open_load = dict(
        A.objects.filter(reviewer__in=candidates, status__in=A.OPEN)
        .values_list("reviewer")
        .annotate(n=Count("id"))
    )
    call_load = dict(
        A.objects.filter(reviewer__in=candidates, case__call=case.call)
        .values_list("reviewer")
        .annotate(n=Count("id"))
    )
    candidates.sort(key=lambda u: (open_load.get(u.pk, 0), call_load.get(u.pk, 0), u.pk))
    return candidates[:count]


def _create(case: Case, reviewer: User, kind: str) -> ReviewAssignment:
    return A.objects.create(
        case=case, reviewer=reviewer, kind=kind, round=case.version, rubric=case.call.rubric
    )


def _active_regular(case: Case) -> QuerySet[ReviewAssignment]:
    return case.assignments.filter(round=case.version, kind=A.Kind.REGULAR).exclude(
        status__in=[A.Status.DECLINED, A.Status.CANCELLED]
    )


def assign_reviewers(case: Case) -> list[ReviewAssignment]:
    """Fill the open regular slots of the current version; a short pool fills what it can."""
    missing = case.call.reviewers_per_case - _active_regular(case).count()
    created = [_create(case, r, A.Kind.REGULAR) for r in pick_reviewers(case, missing)]
    if case.status == Case.Status.SUBMITTED and _active_regular(case).exists():
        case.status = Case.Status.UNDER_REVIEW
        case.save(update_fields=["status", "updated_at"])
    return created


def start_revision_round(case: Case) -> list[ReviewAssignment]:
    """The reviewers of the returned version review the revised one."""
    previous = case.assignments.filter(
        round=case.version - 1,
        kind=A.Kind.REGULAR,
        status__in=[A.Status.SUBMITTED, A.Status.SUPERSEDED],
    ).select_related("reviewer")
    created = [_create(case, a.reviewer, A.Kind.REGULAR) for a in previous if a.reviewer.is_active]
    return created + assign_reviewers(case)


def assign_arbitrator(case: Case) -> ReviewAssignment | None:
    picked = pick_reviewers(case, 1)
    return _create(case, picked[0], A.Kind.ARBITRATION) if picked else None


def _check_candidate(case: Case, reviewer: User) -> None:
    reason = conflict_reason(case, reviewer)
    if (
        reason is None
        and case.assignments.filter(
            reviewer=reviewer, round=case.version, status__in=[*A.OPEN, A.Status.SUBMITTED]
        ).exists()
    ):
        reason = errors.REVIEWER_ALREADY_ON_CASE
    if reason:
        raise InvalidInput(reason, {"reviewer": [reason]})


def _lock_assignment(assignment_id: int) -> ReviewAssignment:
    """Lock the case row, then the assignment: one lock order for every writer of a case."""
    case_id = A.objects.filter(pk=assignment_id).values_list("case_id", flat=True).first()
    if case_id is None:
        raise NotFound()
    list(Case.objects.select_for_update().filter(pk=case_id).values_list("pk", flat=True))
    return (
        A.objects.select_for_update(of=("self",))
        .select_related("case__call", "case__author_unit")
        .get(pk=assignment_id)
    )


@transaction.atomic
def add_reviewer(case_id: int, reviewer: User, by: User | None = None) -> ReviewAssignment:
    """The organizer assigns by hand: a missing regular slot, or the arbitration review."""
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("call", "author_unit")
        .get(pk=case_id)
    )
    ensure_organizer(by, case)
    if case.status not in (
        Case.Status.SUBMITTED,
        Case.Status.UNDER_REVIEW,
        Case.Status.ARBITRATION,
    ):
        raise Conflict(errors.CASE_NOT_IN_REVIEW)
    _check_candidate(case, reviewer)
    if case.status == Case.Status.ARBITRATION:
        if (
            case.assignments.filter(round=case.version, kind=A.Kind.ARBITRATION)
            .exclude(status__in=[A.Status.DECLINED, A.Status.CANCELLED])
            .exists()
        ):
            raise Conflict(errors.REVIEWERS_FULL)
        return _create(case, reviewer, A.Kind.ARBITRATION)
    if _active_regular(case).count() >= case.call.reviewers_per_case:
        raise Conflict(errors.REVIEWERS_FULL)
    assignment = _create(case, reviewer, A.Kind.REGULAR)
    if case.status == Case.Status.SUBMITTED:
        case.status = Case.Status.UNDER_REVIEW
        case.save(update_fields=["status", "updated_at"])
    return assignment


@transaction.atomic
def reassign(assignment_id: int, reviewer: User, by: User | None = None) -> ReviewAssignment:
    old = _lock_assignment(assignment_id)
    ensure_organizer(by, old.case)
    if not old.is_open:
        raise Conflict(errors.ASSIGNMENT_CLOSED)
    if old.lease_active():
        until = timezone.localtime(old.lease_expires_at).strftime("%H:%M")
        raise Conflict(errors.ASSIGNMENT_LEASED.format(until=until), code="leased")
    _check_candidate(old.case, reviewer)
    old.status = A.Status.CANCELLED
    old.save(update_fields=["status", "updated_at"])
    return _create(old.case, reviewer, old.kind)


@transaction.atomic
def decline(assignment_id: int, reviewer: User, reason: str) -> ReviewAssignment | None:
    """The reviewer steps back with a reason; a replacement is picked at once when possible."""
    if not reason.strip():
        raise InvalidInput(
            errors.DECLINE_REASON_REQUIRED, {"reason": [errors.DECLINE_REASON_REQUIRED]}
        )
    assignment = _lock_assignment(assignment_id)
    if assignment.reviewer_id != reviewer.pk:
        raise NotFound()
    if not assignment.is_open:
        raise Conflict(errors.ASSIGNMENT_CLOSED)
    assignment.status = A.Status.DECLINED
    assignment.decline_reason = reason.strip()[:300]
    assignment.lease_expires_at = None
    assignment.save(update_fields=["status", "decline_reason", "lease_expires_at", "updated_at"])
    picked = pick_reviewers(assignment.case, 1)
    return _create(assignment.case, picked[0], assignment.kind) if picked else None


def claim_locked(assignment_id: int, reviewer: User) -> ReviewAssignment:
    """Inside a transaction: lock the caller's own open assignment and (re)start its lease."""
    assignment = _lock_assignment(assignment_id)
    if assignment.reviewer_id != reviewer.pk:
        raise NotFound()
    if not assignment.is_open:
        raise Conflict(errors.ASSIGNMENT_CLOSED)
    assignment.lease_expires_at = timezone.now() + conf.review_lease()
    assignment.save(update_fields=["lease_expires_at", "updated_at"])
    return assignment


@transaction.atomic
def claim(assignment_id: int, reviewer: User) -> ReviewAssignment:
    return claim_locked(assignment_id, reviewer)


def assign_waiting_cases(call) -> int:
    """Fill missing reviewers on every submitted case of the call; returns how many were made."""
    created = 0
    for case_id in call.cases.filter(
        status__in=[Case.Status.SUBMITTED, Case.Status.UNDER_REVIEW]
    ).values_list("pk", flat=True):
        with transaction.atomic():
            case = (
                Case.objects.select_for_update(of=("self",))
                .select_related("call", "author_unit")
                .get(pk=case_id)
            )
            created += len(assign_reviewers(case))
    return created
