"""The one runner behind every spreadsheet import.

Each import supplies `parse_row` (raise RowInvalid for a bad row) and `apply`
(write the valid rows, return counts). The runner gives all imports the same
behaviour: per-row Chinese errors with row numbers, `dry_run` (apply inside a
transaction that is rolled back, so the counts are exact), and `strict` (nothing
is written when any row is bad). Every cell is checked before `parse_row` sees it:
a NUL or a cell longer than its column allows is that row's error, and invisible
direction and zero-width characters are stripped (apps.common.text).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction

from apps.common.errors import InvalidInput
from apps.common.text import NUL_REFUSED, NulCharacter, clean_text
from question_bank.tables import Table, TableError, TableRow, read_table

STRICT_REFUSED = "有 {count} 行数据有误，严格模式下未导入任何数据"
ROW_LABEL = "第{number}行"
CELL_TOO_LONG = "内容过长（{length} 字，最多 {limit} 字）"


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
    """Read an uploaded table within IMPORT_MAX_MB, and for xlsx within
    IMPORT_MAX_UNPACKED_MB once unpacked."""
    try:
        return read_table(
            data,
            required_headers=required_headers,
            max_rows=max_rows,
            max_bytes=settings.IMPORT_MAX_BYTES,
            max_unpacked_bytes=settings.IMPORT_MAX_UNPACKED_BYTES,
        )
    except TableError as exc:
        raise InvalidInput(str(exc), {"file": [str(exc)]}) from exc


def check_cells(row: TableRow, max_lengths: Mapping[str, int]) -> None:
    """Clean the row's text cells in place; RowInvalid names each column with a NUL or
    longer than its limit."""
    problems: list[tuple[str, str]] = []
    for column, value in row.values.items():
        if not isinstance(value, str):
            continue
        try:
            value = row.values[column] = clean_text(value)
        except NulCharacter:
            problems.append((column, NUL_REFUSED))
            continue
        limit = max_lengths.get(column)
        if limit is not None and len(value) > limit:
            problems.append((column, CELL_TOO_LONG.format(length=len(value), limit=limit)))
    if problems:
        raise RowInvalid(problems)


def run_import(
    rows: Iterable[TableRow],
    parse_row: Callable[[TableRow], Any],
    apply: Callable[[list[Any], ImportReport], None],
    *,
    dry_run: bool = False,
    strict: bool = False,
    max_lengths: Mapping[str, int] | None = None,
) -> ImportReport:
    report = ImportReport(dry_run=dry_run, strict=strict)
    parsed: list[Any] = []
    for row in rows:
        report.total += 1
        try:
            check_cells(row, max_lengths or {})
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
