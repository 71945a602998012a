"""The one runner behind every spreadsheet import.

Each import supplies `parse_row` (raise RowInvalid for a bad row) and `apply`
(write the valid rows, return counts). The runner gives all imports the same
behaviour: per-row Chinese errors with row numbers, `dry_run` (apply inside a
transaction that is rolled back, so the counts are exact), and `strict` (nothing
is written when any row is bad).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from apps.common.errors import InvalidInput
from question_bank.tables import Table, TableError, TableRow, read_table

STRICT_REFUSED = "有 {count} 行数据有误，严格模式下未导入任何数据"
ROW_LABEL = "第{number}行"


class RowInvalid(Exception):
    def __init__(self, problems: list[tuple[str, str]] | str, field_name: str = ""):
        if isinstance(problems, str):
            problems = [(field_name, problems)]
        self.problems = problems
        super().__init__("; ".join(message for _, message in problems))


@dataclass
class RowError:
    row: int
    field: str
    message: str


@dataclass
class ImportReport:
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False
    strict: bool = False
    applied: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def errors_by_row(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for error in self.errors:
            label = ROW_LABEL.format(number=error.row)
            text = f"{error.field}：{error.message}" if error.field else error.message
            grouped.setdefault(label, []).append(text)
        return grouped

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "error_count": len({e.row for e in self.errors}),
            "rows": [{"row": e.row, "field": e.field, "message": e.message} for e in self.errors],
            "errors": self.errors_by_row(),
            "dry_run": self.dry_run,
            "strict": self.strict,
            "applied": self.applied,
            **self.extra,
        }


class _DryRunRollback(Exception):
    pass


def read_upload(
    data: bytes, required_headers: tuple[str, ...] = (), max_rows: int = 20_000
) -> Table:
    try:
        return read_table(data, required_headers=required_headers, max_rows=max_rows)
    except TableError as exc:
        raise InvalidInput(str(exc), {"file": [str(exc)]}) from exc


def run_import(
    rows: Iterable[TableRow],
    parse_row: Callable[[TableRow], Any],
    apply: Callable[[list[Any], ImportReport], None],
    *,
    dry_run: bool = False,
    strict: bool = False,
) -> ImportReport:
    report = ImportReport(dry_run=dry_run, strict=strict)
    parsed: list[Any] = []
    for row in rows:
        report.total += 1
        try:
            parsed.append(parse_row(row))
        except RowInvalid as invalid:
            report.errors.extend(RowError(row.number, f, m) for f, m in invalid.problems)
    if strict and report.errors:
        count = len({e.row for e in report.errors})
        raise InvalidInput(
            STRICT_REFUSED.format(count=count), report.errors_by_row(), code="import_rejected"
        )
    try:
        with transaction.atomic():
            apply(parsed, report)
            if dry_run:
                raise _DryRunRollback
    except _DryRunRollback:
        pass
    report.applied = not dry_run and bool(parsed)
    return report
