"""Is a period's every number final? Each reason it is not yet, in words an admin acts on.

Checked before compute (which may still run, as a preview) and before publish (which is
refused until every reason is resolved, or overridden with a written reason).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from django.utils import timezone

from apps.cases.models import Case
from apps.exams.models import Attempt, SubjectiveGrade
from apps.records.models import Component, Period
from apps.records.services import sources

EXAM_OPEN = "考试“{exam}”尚未结束（{closes_at} 结束）"
EXAM_GRADING = "考试“{exam}”还有 {count} 道主观题答案待评分"
EXAM_IN_PROGRESS = "考试“{exam}”还有 {count} 份答卷未交卷"
CALL_OPEN = "案例征集“{call}”尚未截止（{closes_at} 截止）"
CASES_IN_REVIEW = "案例征集“{call}”还有 {count} 篇案例在评审、仲裁或退回修改中"
INDICATOR_MISSING = "指标“{name}”还有 {count} 名干部没有数值"
NOT_COMPUTED = "尚未计算考核结果"
NOT_READY = "考核结果尚未最终确定，不能公示：{reasons}"


@dataclass(frozen=True)
class Reason:
    code: str
    message: str

    def to_dict(self) -> dict:
        return asdict(self)


def counted_exams(period: Period):
    """The exams some exam component counts: its picks, or every linked exam if it picks none."""
    linked = period.exams.order_by("opens_at", "pk")
    ids: set[int] = set()
    for component in period.components.filter(kind=Component.Kind.EXAM):
        picked = set(component.exams.values_list("pk", flat=True))
        ids |= picked or set(linked.values_list("pk", flat=True))
    return linked.filter(pk__in=ids)


def _exam_reasons(period: Period, user_ids: list[int]) -> list[Reason]:
    now = timezone.now()
    reasons = []
    for exam in counted_exams(period):
        if exam.closes_at > now:
            closes = sources.local(exam.closes_at)
            reasons.append(Reason("exam_open", EXAM_OPEN.format(exam=exam.title, closes_at=closes)))
            continue
        in_progress = Attempt.objects.filter(
            exam=exam, user_id__in=user_ids, status=Attempt.Status.IN_PROGRESS
        ).count()
        if in_progress:
            message = EXAM_IN_PROGRESS.format(exam=exam.title, count=in_progress)
            reasons.append(Reason("exam_in_progress", message))
        waiting = SubjectiveGrade.objects.filter(
            attempt__exam=exam, attempt__user_id__in=user_ids, score__isnull=True
        ).count()
        if waiting:
            reasons.append(
                Reason("exam_grading", EXAM_GRADING.format(exam=exam.title, count=waiting))
            )
    return reasons


def _call_reasons(period: Period, user_ids: list[int]) -> list[Reason]:
    now = timezone.now()
    reasons = []
    for call in period.case_calls.order_by("opens_at", "pk"):
        if call.closes_at > now:
            closes = sources.local(call.closes_at)
            reasons.append(Reason("call_open", CALL_OPEN.format(call=call.title, closes_at=closes)))
            continue
        count = Case.objects.filter(
            call=call, author_id__in=user_ids, status__in=sources.CASE_IN_PROGRESS
        ).count()
        if count:
            reasons.append(
                Reason("cases_in_review", CASES_IN_REVIEW.format(call=call.title, count=count))
            )
    return reasons


def _indicator_reasons(period: Period, users) -> list[Reason]:
    units = {u.pk: (u.org_unit_id, u.org_unit.path) for u in users}
    reasons = []
    for component in period.components.filter(kind=Component.Kind.INDICATOR):
        parts = sources.indicator_scores(period, component, units)
        count = sum(1 for part in parts.values() if part.status == sources.PENDING)
        if count:
            message = INDICATOR_MISSING.format(name=component.name, count=count)
            reasons.append(Reason("indicator_missing", message))
    return reasons


def readiness(period: Period) -> list[Reason]:
    """Every reason the period's numbers are not final yet; empty when they are."""
    from apps.records.services.compute import cadres_in_scope

    users = list(cadres_in_scope(period))
    ids = [u.pk for u in users]
    reasons = [
        *_exam_reasons(period, ids),
        *_call_reasons(period, ids),
        *_indicator_reasons(period, users),
    ]
    if not period.records.exists():
        reasons.append(Reason("not_computed", NOT_COMPUTED))
    return reasons


def report(period: Period) -> dict:
    reasons = readiness(period)
    return {"ready": not reasons, "reasons": [r.to_dict() for r in reasons]}
