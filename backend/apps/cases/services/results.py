"""Final scores and the case library. Every change of a final score is kept in its
history with who and why, and announced with case_final_score_changed."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from apps.cases import errors
from apps.cases.models import Case, CaseScore
from apps.cases.selectors import ensure_organizer
from apps.cases.signals import case_final_score_changed
from apps.common.errors import Conflict, InvalidInput


def set_final_score(case: Case, score: Decimal, method: str, note: str, by=None) -> CaseScore:
    result = CaseScore.objects.filter(case=case).first() or CaseScore(case=case)
    changed = result.pk is None or result.score != score
    result.score, result.method, result.note = score, method, note[:300]
    result._change_reason = note[:100]
    if by is not None:
        result._history_user = by
    result.save()
    if case.status != Case.Status.FINISHED:
        case.status = Case.Status.FINISHED
        case.save(update_fields=["status", "updated_at"])
    if changed:
        case_final_score_changed.send(sender=Case, case=case)
    return result


@transaction.atomic
def adjust_score(case_id: int, *, score, reason: str, by) -> CaseScore:
    case = Case.objects.select_for_update(of=("self",)).select_related("call").get(pk=case_id)
    ensure_organizer(by, case)
    if case.status != Case.Status.FINISHED:
        raise Conflict(errors.CASE_NOT_FINISHED)
    if not reason.strip():
        raise InvalidInput(
            errors.ADJUST_REASON_REQUIRED, {"reason": [errors.ADJUST_REASON_REQUIRED]}
        )
    max_total = case.assignments.filter(round=case.version).first().rubric.max_total
    message = errors.SCORE_OUT_OF_RANGE.format(name="最终得分", max=max_total)
    try:
        value = Decimal(str(score)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError) as exc:
        raise InvalidInput(message, {"score": [message]}) from exc
    if not Decimal(0) <= value <= max_total:
        raise InvalidInput(message, {"score": [message]})
    return set_final_score(case, value, CaseScore.Method.ADJUSTED, reason.strip(), by=by)


@transaction.atomic
def publish(case_id: int, *, excellent: bool = True, by=None) -> Case:
    case = Case.objects.select_for_update(of=("self",)).select_related("call").get(pk=case_id)
    ensure_organizer(by, case)
    if case.status != Case.Status.FINISHED:
        raise Conflict(errors.CASE_NOT_FINISHED)
    case.is_excellent = excellent
    case.published_at = case.published_at or timezone.now()
    case.save(update_fields=["is_excellent", "published_at", "updated_at"])
    return case


@transaction.atomic
def unpublish(case_id: int, *, by=None) -> Case:
    case = Case.objects.select_for_update(of=("self",)).select_related("call").get(pk=case_id)
    ensure_organizer(by, case)
    case.published_at = None
    case.save(update_fields=["published_at", "updated_at"])
    return case
