"""Compute a period's records: component scores, totals, ranks and grades.

Idempotent: a row is saved only when one of its numbers changes, so a recompute over
unchanged inputs writes nothing and adds no history. Every run first locks the period row,
so a recompute and an indicator import never interleave (PostgreSQL serializes them).
Locked records are never touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from apps.accounts.models import User
from apps.common.errors import Conflict
from apps.records.models import Component, ComponentScore, Period, Record
from apps.records.services import sources
from apps.records.services.periods import ensure_manageable
from apps.records.services.scoring import ZERO, GradeRule, clamp, competition_ranks, grades, q2

COMPUTE_NOT_OPEN = "考核周期已进入公示或已锁定，不能重新计算"
SCORE_FIELDS = ("computed", "score", "status", "points", "inputs")
RECORD_FIELDS = ("org_unit", "total", "rank_in_unit", "rank_in_scope", "grade")


def cadres_in_scope(period: Period):
    return User.objects.filter(
        is_cadre=True, is_active=True, org_unit__path__startswith=period.org_unit.path
    ).select_related("org_unit")


def compute_period(*, actor: User, period: Period) -> dict:
    """The admin's explicit compute: only while the period is open."""
    ensure_manageable(actor, period)
    if period.status != Period.Status.OPEN:
        raise Conflict(COMPUTE_NOT_OPEN)
    return recompute(period.pk, actor=actor, reason="管理员计算考核结果")


def _component_results(period: Period, components: list[Component], users: list[User]) -> dict:
    ids = [u.pk for u in users]
    results = {}
    for component in components:
        if component.kind == Component.Kind.EXAM:
            results[component.pk] = sources.exam_scores(period, component, ids)
        elif component.kind == Component.Kind.CASE:
            results[component.pk] = sources.case_scores(period, component, ids)
        elif component.kind == Component.Kind.INDICATOR:
            units = {u.pk: (u.org_unit_id, u.org_unit.path) for u in users}
            results[component.pk] = sources.indicator_scores(period, component, units)
        else:
            results[component.pk] = sources.adjustment_scores(component, ids)
    return results


def _apply_scores(
    record: Record, components: list[Component], results: dict, existing: dict, out: Writes
) -> Decimal | None:
    """Refresh a record's component rows in memory; return its total (weights rescaled over
    present parts), or None while any part is 待定: an unknown part never counts as 0."""
    rows: list[tuple[Component, ComponentScore]] = []
    for component in components:
        row = existing.get(component.pk) or ComponentScore(record=record, component=component)
        part = results[component.pk][record.user_id]
        row.computed, row.inputs, row.status = part.score, part.inputs, part.status
        if part.score is None:
            row.score = None
        elif component.kind == Component.Kind.ADJUST:
            row.score = q2(part.score + row.adjustment)
        else:
            row.score = q2(clamp(part.score + row.adjustment))
        rows.append((component, row))
    weighted = [
        c.weight for c, r in rows if c.kind != Component.Kind.ADJUST and r.score is not None
    ]
    present = sum(weighted, ZERO)
    total = ZERO
    for component, row in rows:
        if row.score is None:
            row.points = ZERO
        elif component.kind == Component.Kind.ADJUST:
            row.points = row.score
        else:
            row.points = q2(row.score * component.weight / present) if present else ZERO
        total += row.points
        if row.pk is None:
            out.new_rows.append(row)
        elif row._snapshot != _score_state(row):
            out.changed_rows.append(row)
    if any(row.status == ComponentScore.Status.PENDING for _, row in rows):
        return None
    return q2(total)


def _rank(period: Period, records: list[Record]) -> None:
    """Rank and grade the complete records; a record with a 待定 part has neither yet."""
    for record in records:
        if record.total is None and not record.locked:
            record.rank_in_scope = record.rank_in_unit = None
            record.grade = ""
    records = [r for r in records if r.total is not None]
    rule = GradeRule(
        period.excellent_share,
        period.excellent_cap,
        period.excellent_min,
        period.pass_min,
        period.basic_min,
    )
    totals = [r.total for r in records]
    scope_ranks = competition_ranks(totals)
    record_grades = grades(totals, scope_ranks, rule)
    by_unit: dict[int, list[int]] = {}
    for index, record in enumerate(records):
        by_unit.setdefault(record.org_unit_id, []).append(index)
    unit_ranks = [0] * len(records)
    for indexes in by_unit.values():
        for index, rank in zip(
            indexes, competition_ranks([totals[i] for i in indexes]), strict=True
        ):
            unit_ranks[index] = rank
    for index, record in enumerate(records):
        if not record.locked:
            record.rank_in_scope, record.rank_in_unit = scope_ranks[index], unit_ranks[index]
            record.grade = record_grades[index]


def _score_state(row: ComponentScore) -> tuple:
    return tuple(getattr(row, f) for f in SCORE_FIELDS)


def _record_state(record: Record) -> tuple:
    return tuple(getattr(record, f) for f in RECORD_FIELDS)


@dataclass
class Writes:
    new_rows: list[ComponentScore] = field(default_factory=list)
    changed_rows: list[ComponentScore] = field(default_factory=list)

    def flush(self, records: list[Record], actor: User | None, reason: str) -> int:
        """Write only what changed, in bulk, each write with its history row (who and why)."""
        history = {"default_user": actor, "default_change_reason": reason, "batch_size": 500}
        now = timezone.now()
        new = [r for r in records if r.pk is None]
        changed = [
            r
            for r in records
            if r.pk is not None and not r.locked and r._snapshot != _record_state(r)
        ]
        for record in changed:
            record.updated_at = now
        bulk_create_with_history(new, Record, **history)
        bulk_update_with_history(changed, Record, [*RECORD_FIELDS, "updated_at"], **history)
        bulk_create_with_history(self.new_rows, ComponentScore, **history)
        bulk_update_with_history(self.changed_rows, ComponentScore, list(SCORE_FIELDS), **history)
        return len(new) + len(changed)


@transaction.atomic
def recompute(
    period_id: int,
    user_ids: list[int] | None = None,
    *,
    actor: User | None = None,
    reason: str = "重新计算",
) -> dict:
    """Recompute the given cadres (all when None) and re-rank the period."""
    period = Period.objects.select_for_update().select_related("org_unit").get(pk=period_id)
    components = list(period.components.all())
    cadres = cadres_in_scope(period)
    if user_ids is not None:
        cadres = cadres.filter(pk__in=user_ids)
    users = list(cadres)
    records = {r.user_id: r for r in period.records.select_related("org_unit")}
    for record in records.values():
        record._snapshot = _record_state(record)
    scores: dict[int, dict[int, ComponentScore]] = {}
    for row in ComponentScore.objects.filter(record__period=period, record__user__in=users):
        row._snapshot = _score_state(row)
        scores.setdefault(row.record_id, {})[row.component_id] = row
    results = _component_results(period, components, users)
    out = Writes()
    for user in users:
        record = records.get(user.pk)
        if record is not None and record.locked:
            continue
        if record is None:
            record = records[user.pk] = Record(period=period, user=user, org_unit=user.org_unit)
        else:
            record.org_unit = user.org_unit
        record.total = _apply_scores(record, components, results, scores.get(record.pk, {}), out)
    if user_ids is None:  # cadres who left the scope lose their unlocked records
        in_scope = {u.pk for u in users}
        gone = [uid for uid, r in records.items() if not r.locked and uid not in in_scope]
        period.records.filter(user_id__in=gone).delete()
        for uid in gone:
            records.pop(uid)
    ordered = sorted(
        records.values(), key=lambda r: r.user_id
    )  # ranks ignore order; ties stay stable
    _rank(period, ordered)
    changed = out.flush(ordered, actor, reason)
    Period.objects.filter(pk=period.pk).update(computed_at=timezone.now())
    return {"records": len(records), "changed": changed, "computed": len(users)}
