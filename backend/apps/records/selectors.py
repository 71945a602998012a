"""Reads: which periods and records a user may see, the on-screen table, distributions."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import Q, QuerySet

from apps.accounts.models import OrgUnit, User, path_ids
from apps.common import scoping
from apps.common.errors import NotFound
from apps.records.models import Component, ComponentScore, Objection, Period, Record

VISIBLE_TO_CADRES = (Period.Status.PUBLICITY, Period.Status.LOCKED)
BINS = [
    (Decimal(0), Decimal(60)),
    (Decimal(60), Decimal(70)),
    (Decimal(70), Decimal(80)),
    (Decimal(80), Decimal(90)),
    (Decimal(90), None),
]


def tree_key(path: str) -> tuple[int, ...]:
    """ "1/12/5/" → (1, 12, 5): sorts units in tree order, numerically."""
    return tuple(path_ids(path))


def cell(value):
    """Table cells for JSON: Decimals as strings, like every other score in the API."""
    return str(value) if isinstance(value, Decimal) else value


def periods_for(user: User) -> QuerySet[Period]:
    """Admins: periods over or inside their subtrees. Others: published periods covering their unit."""
    qs = Period.objects.select_related("org_unit").prefetch_related("components")
    if user.is_superuser:
        return qs
    condition = Q(pk__in=[])
    if user.is_org_admin:
        condition |= scoping.unit_scope_q(user, "org_unit")
        # A township admin also sees the county's period, for their own part of it.
        for path in user.admin_unit_paths:
            condition |= Q(org_unit_id__in=tree_key(path))
    if user.org_unit_id:
        ancestors = [*user.org_unit.ancestor_ids(), user.org_unit_id]
        condition |= Q(org_unit_id__in=ancestors, status__in=VISIBLE_TO_CADRES)
    return qs.filter(condition)


def period_for_admin(user: User, pk: int) -> Period:
    period = periods_for(user).filter(pk=pk).first()
    if period is None or not user.is_org_admin:
        raise NotFound()
    return period


def records_for_admin(
    user: User, period: Period | None = None, unit: OrgUnit | None = None
) -> QuerySet[Record]:
    qs = scoping.scope_queryset(Record.objects.all(), user, "org_unit")
    if period is not None:
        qs = qs.filter(period=period)
    if unit is not None:
        qs = qs.filter(org_unit__path__startswith=unit.path)
    return qs.select_related("user", "org_unit", "period").prefetch_related("scores__component")


def components_of(period: Period) -> list[Component]:
    return sorted(period.components.all(), key=lambda c: (c.order, c.pk))


def table_columns(period: Period) -> list[str]:
    """The on-screen column order, shared by the API table and the xlsx export."""
    return [
        "单位内排名",
        "工号",
        "姓名",
        "单位",
        *[c.name for c in components_of(period)],
        "总分",
        "总排名",
        "等级",
    ]


PENDING = "待定"
EXCLUDED = "不计入"


def score_cell(row: ComponentScore | None):
    """A part's cell: its score, 待定 while unknown, 不计入 when the scheme leaves it out."""
    if row is None or row.status == ComponentScore.Status.PENDING:
        return PENDING
    if row.score is None:
        return EXCLUDED
    return row.score


def table_row(record: Record, components: list[Component]) -> list:
    scores = {s.component_id: s for s in record.scores.all()}
    final = record.total is not None
    return [
        record.rank_in_unit,
        record.user.username,
        record.user.display_name,
        record.org_unit.full_name,
        *[score_cell(scores.get(c.pk)) for c in components],
        record.total if final else PENDING,
        record.rank_in_scope,
        record.get_grade_display() if final else PENDING,
    ]


def table_by_unit(period: Period, records: QuerySet[Record]) -> list[tuple[OrgUnit, list[list]]]:
    """Rows grouped by unit (tree order), each unit's rows by rank."""
    components = components_of(period)
    grouped: dict[int, list[Record]] = defaultdict(list)
    units: dict[int, OrgUnit] = {}
    for record in records:
        grouped[record.org_unit_id].append(record)
        units[record.org_unit_id] = record.org_unit
    result = []
    for unit_id in sorted(grouped, key=lambda uid: tree_key(units[uid].path)):
        rows = sorted(grouped[unit_id], key=lambda r: (r.rank_in_unit or 0, r.user.username))
        result.append((units[unit_id], [table_row(r, components) for r in rows]))
    return result


def distribution(period: Period, records: QuerySet[Record]) -> list[dict]:
    by_unit: dict[int, list[Record]] = defaultdict(list)
    for record in records:
        by_unit[record.org_unit_id].append(record)
    result = []
    for rows in sorted(by_unit.values(), key=lambda rs: tree_key(rs[0].org_unit.path)):
        totals = [r.total for r in rows if r.total is not None]
        grades = {value: 0 for value in Record.Grade.values}
        for record in rows:
            if record.grade:
                grades[record.grade] += 1
        bins = [
            {
                "from": int(low),
                "to": int(high) if high is not None else None,
                "count": sum(1 for t in totals if t >= low and (high is None or t < high)),
            }
            for low, high in BINS
        ]
        mean = (sum(totals, Decimal(0)) / len(totals)).quantize(Decimal("0.01")) if totals else None
        result.append(
            {
                "unit": {"id": rows[0].org_unit_id, "name": rows[0].org_unit.full_name},
                "count": len(rows),
                "pending": len(rows) - len(totals),
                "mean": cell(mean),
                "max": cell(max(totals)) if totals else None,
                "min": cell(min(totals)) if totals else None,
                "grades": [
                    {"grade": k, "label": Record.Grade(k).label, "count": v}
                    for k, v in grades.items()
                ],
                "bins": bins,
            }
        )
    return result


def my_records(user: User) -> QuerySet[Record]:
    return (
        Record.objects.filter(user=user, period__status__in=VISIBLE_TO_CADRES)
        .select_related("period", "org_unit", "user")
        .prefetch_related("scores__component", "objections")
        .order_by("-period__start_date", "-period_id")
    )


def unit_table(record: Record) -> dict | None:
    """During 公示 a cadre sees their own unit's table; never another unit's."""
    if record.period.status != Period.Status.PUBLICITY:
        return None
    records = (
        Record.objects.filter(period=record.period, org_unit_id=record.org_unit_id)
        .select_related("user", "org_unit")
        .prefetch_related("scores")
    )
    groups = table_by_unit(record.period, records)
    rows = groups[0][1] if groups else []
    return {
        "columns": table_columns(record.period),
        "rows": [[cell(v) for v in row] for row in rows],
    }


def objections_for_admin(user: User, status: str | None = None) -> QuerySet[Objection]:
    qs = scoping.scope_queryset(Objection.objects.all(), user, "record__org_unit")
    if status:
        qs = qs.filter(status=status)
    return qs.select_related(
        "record__user",
        "record__org_unit",
        "record__period__org_unit",
        "component",
        "filed_by",
    )
