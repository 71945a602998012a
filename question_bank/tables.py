"""Read spreadsheets (xlsx, or CSV in UTF-8/GBK) into numbered rows; write xlsx.

Every import in the platform (rosters, questions, indicators) reads through here, so
the limits (read-only mode, a row cap) and the Chinese error messages live in one place.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

EMPTY_FILE = "文件为空"
NOT_A_TABLE = "文件不是有效的 xlsx 或 CSV 表格"
OLD_XLS = "不支持旧版 .xls 文件，请在表格软件中另存为 .xlsx 后再导入"
NO_DATA_ROWS = "表格中没有数据行"
TOO_MANY_ROWS = "表格超过 {limit} 行的上限，请分批导入"
MISSING_HEADERS = "表头缺少必需的列：{names}"
UNKNOWN_ENCODING = "无法识别 CSV 文件的编码，请另存为 UTF-8 或 GBK 编码"

DEFAULT_MAX_ROWS = 20_000


class TableError(ValueError):
    """The file as a whole cannot be read as a table; the message is user-facing Chinese."""


@dataclass
class TableRow:
    number: int  # the row number the user sees in their spreadsheet program
    values: dict[str, str]

    def get(self, name: str, default: str = "") -> str:
        return self.values.get(name, default)


@dataclass
class Table:
    headers: list[str]
    rows: list[TableRow] = field(default_factory=list)


def read_table(
    data: bytes,
    *,
    required_headers: tuple[str, ...] = (),
    max_rows: int = DEFAULT_MAX_ROWS,
    header_search_rows: int = 5,
) -> Table:
    """Parse an xlsx or CSV file. The header is the first row (within the first few)
    that holds every required header, so a title row above it is tolerated."""
    if not data:
        raise TableError(EMPTY_FILE)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise TableError(OLD_XLS)
    raw_rows = _xlsx_rows(data) if data[:2] == b"PK" else _csv_rows(data)
    return _build_table(raw_rows, required_headers, max_rows, header_search_rows)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 13800000000.0 typed into a cell is a mobile number, not a float
    if isinstance(value, datetime):
        return (
            value.strftime("%Y-%m-%d %H:%M:%S")
            if (value.hour or value.minute)
            else value.strftime("%Y-%m-%d")
        )
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    return str(value).strip()


def _xlsx_rows(data: bytes):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise TableError(NOT_A_TABLE) from exc
    try:
        sheet = workbook.worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            yield [_cell_text(value) for value in row]
    finally:
        workbook.close()


def _decode_csv(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise TableError(NOT_A_TABLE)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TableError(UNKNOWN_ENCODING)


def _csv_rows(data: bytes):
    text = _decode_csv(data)
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        yield [cell.strip() for cell in row]


def _build_table(raw_rows, required: tuple[str, ...], max_rows: int, search: int) -> Table:
    headers: list[str] | None = None
    rows: list[TableRow] = []
    first_headers: list[str] | None = None
    for number, cells in enumerate(raw_rows, start=1):
        if headers is None:
            if not any(cells):
                continue
            candidate = [c.strip() for c in cells]
            first_headers = first_headers or candidate
            if all(name in candidate for name in required):
                headers = candidate
            elif number >= search:
                break
            continue
        if not any(cells):
            continue
        if len(rows) >= max_rows:
            raise TableError(TOO_MANY_ROWS.format(limit=max_rows))
        values = {
            name: (cells[i] if i < len(cells) else "") for i, name in enumerate(headers) if name
        }
        rows.append(TableRow(number=number, values=values))
    if headers is None:
        if first_headers is None:
            raise TableError(NO_DATA_ROWS)
        missing = [name for name in required if name not in first_headers]
        raise TableError(MISSING_HEADERS.format(names="、".join(missing)))
    if not rows:
        raise TableError(NO_DATA_ROWS)
    return Table(headers=headers, rows=rows)


def write_xlsx(sheets: list[tuple[str, list[str], list[list]]]) -> bytes:
    """Write sheets of (title, headers, rows) to xlsx bytes, header row in bold."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=False)
    workbook.remove(workbook.active)
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(title=_safe_sheet_title(title))
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                # Text such as "=1+1" typed by a user is data, never a formula to evaluate.
                if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                    cell.data_type = "s"
        for index, header in enumerate(headers, start=1):
            sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = max(
                10, len(header) * 2 + 4
            )
    if not workbook.worksheets:
        workbook.create_sheet("Sheet1")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _safe_sheet_title(title: str) -> str:
    for char in "[]:*?/\\":
        title = title.replace(char, "-")
    return (title or "Sheet")[:31]
