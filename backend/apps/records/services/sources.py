"""Where each component's numbers come from, with the inputs that produced them.

Each source returns {user_id: Part}: the score on a 0–100 scale (or direct points for 加减分),
a list of dicts naming the attempt, case, indicator row or item used, and the part's status.
A part that is not known yet (the exam is still open, answers or the case are still in
review, no indicator value was imported) is 待定: score None, never 0.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import NamedTuple

from django.utils import timezone

from apps.cases.models import Case
from apps.exams.models import Attempt
from apps.records.models import Adjustment, Component, ComponentScore, IndicatorValue, Period
from apps.records.services.scoring import HUNDRED, ZERO, aggregate, clamp, map_bands, map_linear, q2

FINAL, EXCLUDED, PENDING = (
    ComponentScore.Status.FINAL,
    ComponentScore.Status.EXCLUDED,
    ComponentScore.Status.PENDING,
)
CASE_IN_PROGRESS = (
    Case.Status.SUBMITTED,
    Case.Status.UNDER_REVIEW,
    Case.Status.ARBITRATION,
    Case.Status.REVISION,
)


class Part(NamedTuple):
    score: Decimal | None
    inputs: list[dict]
    status: str = FINAL


Result = dict[int, Part]


def local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def pending(inputs: list[dict]) -> Part:
    return Part(None, inputs, PENDING)


def _percent(score: Decimal, full: Decimal) -> Decimal:
    return q2(clamp(score * HUNDRED / full)) if full > 0 else ZERO


def _missing(component: Component, inputs: list[dict] | None = None) -> Part:
    if component.missing == Component.Missing.ZERO:
        return Part(ZERO, inputs or [])
    return Part(None, inputs or [], EXCLUDED)


def exam_scores(period: Period, component: Component, user_ids: list[int]) -> Result:
    """Per exam: best/latest/mean of graded attempts; then the mean over the period's exams.

    While an exam is still open, or a cadre's answers still wait for grading, the part is 待定.
    """
    now = timezone.now()
    chosen = component.exams.order_by("opens_at", "pk")
    exams = list(chosen) or list(period.exams.order_by("opens_at", "pk"))
    attempts = (
        Attempt.objects.filter(exam__in=exams, user_id__in=user_ids)
        .order_by("submitted_at", "pk")
        .values(
            "pk",
            "exam_id",
            "user_id",
            "status",
            "score",
            "max_score",
            "pending_review",
            "submitted_at",
        )
    )
    by_user_exam: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for row in attempts:
        by_user_exam[(row["user_id"], row["exam_id"])].append(row)
    result: Result = {}
    for user_id in user_ids:
        per_exam: list[Decimal] = []
        inputs: list[dict] = []
        waiting = False
        for exam in exams:
            rows = by_user_exam.get((user_id, exam.pk), [])
            graded = [
                r
                for r in rows
                if r["status"] == Attempt.Status.SUBMITTED
                and r["score"] is not None
                and not r["pending_review"]
            ]
            if exam.closes_at > now:
                waiting = True
                inputs.append(
                    {
                        "type": "exam_open",
                        "exam_id": exam.pk,
                        "exam": exam.title,
                        "closes_at": local(exam.closes_at),
                    }
                )
                continue
            if len(graded) < len(rows):
                waiting = True
                inputs.append({"type": "exam_grading", "exam_id": exam.pk, "exam": exam.title})
                continue
            if not graded:
                missed = _missing(component)
                inputs.append(
                    {
                        "type": "exam_missed",
                        "exam_id": exam.pk,
                        "exam": exam.title,
                        "counted": "0" if missed.score is not None else "不计入",
                    }
                )
                if missed.score is not None:
                    per_exam.append(missed.score)
                continue
            percents = [_percent(r["score"], r["max_score"]) for r in graded]
            per_exam.append(aggregate(percents, component.aggregation))
            inputs.extend(
                {
                    "type": "attempt",
                    "attempt_id": r["pk"],
                    "exam_id": exam.pk,
                    "exam": exam.title,
                    "score": str(r["score"]),
                    "max_score": str(r["max_score"]),
                    "percent": str(p),
                    "submitted_at": r["submitted_at"].isoformat() if r["submitted_at"] else None,
                }
                for r, p in zip(graded, percents, strict=True)
            )
        if waiting:
            result[user_id] = pending(inputs)
        elif per_exam:
            result[user_id] = Part(aggregate(per_exam, "mean"), inputs)
        else:
            result[user_id] = Part(None, inputs, EXCLUDED)
    return result


def case_scores(period: Period, component: Component, user_ids: list[int]) -> Result:
    """Scored cases count; a case still in review, or a call still open, leaves the part 待定."""
    now = timezone.now()
    calls = list(period.case_calls.all())
    cases = (
        Case.objects.filter(call__in=calls, author_id__in=user_ids)
        .exclude(status__in=[Case.Status.DRAFT, Case.Status.WITHDRAWN])
        .select_related("call__rubric", "result")
        .prefetch_related("call__rubric__criteria")
        .order_by("submitted_at", "pk")
    )
    by_user: dict[int, list[Case]] = defaultdict(list)
    for case in cases:
        by_user[case.author_id].append(case)
    open_calls = [c for c in calls if c.closes_at > now]
    cap = component.cap or HUNDRED
    result: Result = {}
    for user_id in user_ids:
        rows = by_user.get(user_id, [])
        scored = [c for c in rows if c.status == Case.Status.FINISHED and hasattr(c, "result")]
        in_review = [c for c in rows if c.status in CASE_IN_PROGRESS]
        inputs = [
            {"type": "case_in_review", "case_id": c.pk, "call": c.call.title, "title": c.title}
            for c in in_review
        ]
        answered = {c.call_id for c in scored}
        inputs += [
            {"type": "call_open", "call_id": c.pk, "call": c.title, "closes_at": local(c.closes_at)}
            for c in open_calls
            if c.pk not in answered
        ]
        if inputs:
            result[user_id] = pending(inputs)
            continue
        if not scored:
            result[user_id] = _missing(component, [{"type": "case_missing"}])
            continue
        percents = [_percent(c.result.score, c.call.rubric.max_total) for c in scored]
        if component.aggregation == Component.Aggregation.CAPPED_SUM:
            score = q2(min(sum(percents, ZERO), cap) * HUNDRED / cap)
        else:
            score = aggregate(percents, component.aggregation)
        inputs = [
            {
                "type": "case",
                "case_id": c.pk,
                "call_id": c.call_id,
                "call": c.call.title,
                "title": c.title,
                "score": str(c.result.score),
                "max_score": str(c.call.rubric.max_total),
                "percent": str(p),
            }
            for c, p in zip(scored, percents, strict=True)
        ]
        result[user_id] = Part(score, inputs)
    return result


def indicator_scores(
    period: Period, component: Component, users: dict[int, tuple[int, str]]
) -> Result:
    """users: {user_id: (org_unit_id, unit path)}; a unit value applies to its whole subtree.

    No value yet is 待定: values can be imported until the period is published."""
    values = list(component.values.select_related("source", "org_unit"))
    by_user = {v.user_id: v for v in values if v.user_id}
    # The nearest unit (longest path) wins when both a township and its village have a value.
    by_unit = sorted(
        (v for v in values if v.org_unit_id), key=lambda v: len(v.org_unit.path), reverse=True
    )
    result: Result = {}
    for user_id, (_, path) in users.items():
        value = (
            by_user.get(user_id)
            if component.level == Component.Level.USER
            else next((v for v in by_unit if path.startswith(v.org_unit.path)), None)
        )
        if value is None:
            result[user_id] = pending([{"type": "indicator_missing"}])
            continue
        if component.mapping == Component.Mapping.BANDS:
            score = map_bands(value.value, component.bands)
        else:
            score = map_linear(value.value, component.value_min, component.value_max)
        result[user_id] = Part(score, [_indicator_input(value)])
    return result


def _indicator_input(value: IndicatorValue) -> dict:
    return {
        "type": "indicator",
        "value_id": value.pk,
        "import_id": value.source_id,
        "file": value.source.file_name,
        "row": value.row_number,
        "value": str(value.value),
        "unit": value.org_unit.full_name if value.org_unit_id else None,
    }


def adjustment_scores(component: Component, user_ids: list[int]) -> Result:
    """Bonus and penalty items add up, bounded by the component's cap when one is set."""
    items = Adjustment.objects.filter(component=component, user_id__in=user_ids).select_related(
        "created_by"
    )
    by_user: dict[int, list[Adjustment]] = defaultdict(list)
    for item in items:
        by_user[item.user_id].append(item)
    result: Result = {}
    for user_id in user_ids:
        rows = by_user.get(user_id, [])
        total = sum((r.points for r in rows), ZERO)
        if component.cap is not None:
            total = clamp(total, -component.cap, component.cap)
        inputs = [
            {
                "type": "adjustment",
                "adjustment_id": r.pk,
                "points": str(r.points),
                "reason": r.reason,
                "by": r.created_by.display_name if r.created_by else "",
            }
            for r in rows
        ]
        result[user_id] = Part(q2(total), inputs)
    return result
