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


def export_records(period: Period, records: QuerySet[Record]) -> bytes:
    columns = selectors.table_columns(period)
    used: set[str] = set()
    sheets = [
        (_unique_title(unit.name, used), columns, rows)
        for unit, rows in selectors.table_by_unit(period, records)
    ]
    return write_xlsx(sheets)
