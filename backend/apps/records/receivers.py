"""Listeners for the inputs of open periods: a (re)graded attempt, a case's final score.

Each schedules a recompute of exactly the affected cadres after the sender's transaction
commits, so the recompute reads the committed score. A regrade of many attempts in one
transaction is coalesced into one recompute per period (the pending set is per thread; every
registered callback flushes whatever is pending, so a rolled-back transaction only leaves
harmless extra work for the next commit).
"""

from __future__ import annotations

import threading

from django.db import transaction

from apps.records.models import Period

_local = threading.local()


def _schedule(period_ids: list[int], user_id: int, reason: str) -> None:
    pending: dict[int, dict] = _local.__dict__.setdefault("pending", {})
    for period_id in period_ids:
        item = pending.setdefault(period_id, {"users": set(), "reasons": []})
        item["users"].add(user_id)
        item["reasons"].append(reason)
    transaction.on_commit(_flush)


def _flush() -> None:
    from apps.records.tasks import recompute_period

    pending = _local.__dict__.pop("pending", {})
    for period_id, item in pending.items():
        reasons = item["reasons"]
        reason = (
            reasons[0]
            if len(reasons) == 1
            else f"{reasons[0]}等 {len(reasons)} 项输入变动后自动重算"
        )
        recompute_period.delay(period_id, sorted(item["users"]), reason)


def on_attempts_graded(sender, attempts, **kwargs) -> None:
    """One query for the open periods of all the attempts' exams, whatever their number."""
    by_exam: dict[int, list[int]] = {}
    for period_id, exam_id in Period.objects.filter(
        status=Period.Status.OPEN, exams__in={a.exam_id for a in attempts}
    ).values_list("pk", "exams"):
        by_exam.setdefault(exam_id, []).append(period_id)
    if not by_exam:
        return
    with transaction.atomic():  # one recompute per period for the whole batch, at its commit
        for attempt in attempts:
            periods = by_exam.get(attempt.exam_id)
            if periods:
                _schedule(periods, attempt.user_id, f"考试成绩变动（答卷 #{attempt.pk}）")


def on_case_final_score_changed(sender, case, **kwargs) -> None:
    periods = list(
        Period.objects.filter(status=Period.Status.OPEN, case_calls=case.call_id).values_list(
            "pk", flat=True
        )
    )
    if periods:
        _schedule(periods, case.author_id, f"案例得分变动（案例 #{case.pk}）")
