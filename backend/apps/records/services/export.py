"""The xlsx export: one sheet per unit, in the on-screen column order."""

from __future__ import annotations

from django.db.models import QuerySet

from apps.records import selectors
from apps.records.models import Period, Record
from question_bank.tables import write_xlsx

MAX_TITLE = 31


def _unique_title(name: str, used: set[str]) -> str:
    title = name.replace("/", "-")[-MAX_TITLE:]
    for char in "[]:*?\\":
        title = title.replace(char, "-")
    candidate, n = title, 2
    while candidate in used:
        suffix = f"({n})"
        candidate, n = title[: MAX_TITLE - len(suffix)] + suffix, n + 1
    used.add(candidate)
    return candidate


FOOTNOTE = "注：本表在部分成绩尚未最终确定时提前公示（标“待定”的项不计 0 分），理由：{reason}"


def export_records(period: Period, records: QuerySet[Record]) -> bytes:
    """One sheet per unit; a period published before every part was final carries the
    written reason under each table, as on the 公示 page."""
    columns = selectors.table_columns(period)
    note = [[], [FOOTNOTE.format(reason=period.override_reason)]] if period.override_reason else []
    used: set[str] = set()
    sheets = [
        (_unique_title(unit.name, used), columns, [*rows, *note])
        for unit, rows in selectors.table_by_unit(period, records)
    ]
    return write_xlsx(sheets)
