"""Scoring. Every write goes through save_review, under the reviewer's lease.

The final score, once every regular reviewer of the current version has scored:
- the mean of their totals, when the spread (highest − lowest total) is at most the
  call's threshold (arbitration_threshold_pct % of the rubric's maximum);
- otherwise an arbitration review by a reviewer new to the case is assigned, and the
  final score is the mean of the arbitration total and the original total closest to it
  (when two originals are equally close, their mean stands in for "the closest").
All results are rounded half-up to 0.01.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone

from apps.cases import errors
from apps.cases.models import Case, CaseScore, ReviewAssignment, ReviewScore
from apps.cases.services import assignment as assign
from apps.cases.services.results import set_final_score
from apps.common.errors import InvalidInput

A = ReviewAssignment
CENT = Decimal("0.01")


def mean(values: list[Decimal]) -> Decimal:
    return (sum(values, Decimal(0)) / len(values)).quantize(CENT, rounding=ROUND_HALF_UP)


def needs_arbitration(totals: list[Decimal], threshold: Decimal) -> bool:
    """Strictly above the threshold: a spread equal to it is accepted."""
    return len(totals) >= 2 and max(totals) - min(totals) > threshold


def arbitrated_score(arbitration: Decimal, originals: list[Decimal]) -> Decimal:
    best = min(abs(t - arbitration) for t in originals)
    closest = [t for t in originals if abs(t - arbitration) == best]
    return mean([arbitration, mean(closest)])


def _parse_scores(
    assignment: ReviewAssignment, raw: dict[str, Any]
) -> dict[int, tuple[Decimal, str]]:
    criteria = {c.pk: c for c in assignment.rubric.criteria.all()}
    parsed: dict[int, tuple[Decimal, str]] = {}
    problems: dict[str, list[str]] = {}
    for key, item in raw.items():
        field = f"scores.{key}"
        criterion = criteria.get(int(key)) if str(key).isdigit() else None
        if criterion is None:
            problems[field] = [errors.SCORE_UNKNOWN_CRITERION]
            continue
        message = errors.SCORE_OUT_OF_RANGE.format(name=criterion.name, max=criterion.max_score)
        try:
            value = Decimal(str(item.get("score"))).quantize(CENT, rounding=ROUND_HALF_UP)
        except (InvalidOperation, ValueError):
            problems[field] = [message]
            continue
        if not Decimal(0) <= value <= criterion.max_score:
            problems[field] = [message]
            continue
        parsed[criterion.pk] = (value, str(item.get("comment") or "").strip())
    if problems:
        raise InvalidInput(next(iter(problems.values()))[0], problems)
    return parsed


@transaction.atomic
def save_review(
    assignment_id: int,
    reviewer,
    *,
    scores: dict[str, Any],
    overall_comment: str = "",
    submit: bool = False,
    decision: str = A.Decision.SCORE,
) -> ReviewAssignment:
    a = assign.claim_locked(assignment_id, reviewer)
    parsed = _parse_scores(a, scores)
    revise = decision == A.Decision.REVISE
    if submit and revise and a.kind == A.Kind.ARBITRATION:
        raise InvalidInput(
            errors.ARBITRATION_ONLY_SCORE, {"decision": [errors.ARBITRATION_ONLY_SCORE]}
        )
    if submit and revise and not overall_comment.strip():
        raise InvalidInput(
            errors.REVISION_COMMENT_REQUIRED,
            {"overall_comment": [errors.REVISION_COMMENT_REQUIRED]},
        )
    for criterion_id, (value, comment) in parsed.items():
        ReviewScore.objects.update_or_create(
            assignment=a, criterion_id=criterion_id, defaults={"score": value, "comment": comment}
        )
    given = {s.criterion_id: s.score for s in a.scores.all()}
    if submit and not revise:
        missing = [c.name for c in a.rubric.criteria.all() if c.pk not in given]
        if missing:
            message = errors.SCORE_MISSING.format(names="、".join(missing))
            raise InvalidInput(message, {"scores": [message]})
    a.overall_comment = overall_comment.strip()
    a.total = sum(given.values(), Decimal(0)) if given else None
    if submit:
        a.status, a.decision = A.Status.SUBMITTED, decision
        a.submitted_at, a.lease_expires_at = timezone.now(), None
    else:
        a.status = A.Status.DRAFT
    a._change_reason = "提交评审" if submit else "暂存评审"
    a.save()
    if submit:
        _after_submit(a)
    return a


def _after_submit(a: ReviewAssignment) -> None:
    case = Case.objects.select_for_update(of=("self",)).select_related("call").get(pk=a.case_id)
    if a.decision == A.Decision.REVISE:
        case.assignments.filter(round=case.version, status__in=A.OPEN).update(
            status=A.Status.SUPERSEDED
        )
        case.status = Case.Status.REVISION
        case.save(update_fields=["status", "updated_at"])
        return
    regular = case.assignments.filter(round=case.version, kind=A.Kind.REGULAR)
    done = list(regular.filter(status=A.Status.SUBMITTED, decision=A.Decision.SCORE))
    totals = [r.total for r in done]
    if a.kind == A.Kind.ARBITRATION:
        score = arbitrated_score(a.total, totals)
        note = f"仲裁分{a.total}，原评分{'、'.join(str(t) for t in totals)}，取仲裁分与最接近原评分的平均"
        set_final_score(case, score, CaseScore.Method.ARBITRATION, note)
        return
    if regular.filter(status__in=A.OPEN).exists() or len(done) < case.call.reviewers_per_case:
        return
    max_total = max(r.rubric.max_total for r in done)
    threshold = case.call.threshold_points(max_total)
    if needs_arbitration(totals, threshold):
        case.status = Case.Status.ARBITRATION
        case.save(update_fields=["status", "updated_at"])
        assign.assign_arbitrator(case)
        return
    note = f"{len(totals)}位评审员平均分（最大分差{max(totals) - min(totals)}，阈值{threshold}）"
    set_final_score(case, mean(totals), CaseScore.Method.MEAN, note)
