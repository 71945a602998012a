"""Read spreadsheets (xlsx, or CSV in UTF-8/GBK) into numbered rows; write xlsx.

Every import in the platform (rosters, questions, indicators) reads through here, so
the limits and the Chinese error messages live in one place: a byte cap checked before
anything is parsed; for xlsx, the archive's declared sizes checked before openpyxl opens
it (a few hundred KB can unpack to gigabytes); read-only mode; a row cap; and no cell
longer than a spreadsheet program can hold.
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
TOO_LARGE = "文件超过 {size} 的上限，请分批导入"
ARCHIVE_TOO_LARGE = "xlsx 文件解压后过大，不像是正常的表格，请检查后重新保存"
ARCHIVE_TOO_DENSE = "xlsx 文件的压缩比异常，不像是正常的表格，请检查后重新保存"
CELL_TOO_LONG = "第{row}行“{column}”列的内容超过 {limit} 字"

# A spreadsheet program runs a cell starting with these as a formula (=HYPERLINK(...)
# can send the sheet's contents elsewhere); exports write such text as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_GUARD = "'"  # what CSV cells get in front; the reader takes it off again

DEFAULT_MAX_ROWS = 20_000
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# A 20,000-row sheet of long question text unpacks to well under this; ordinary sheets
# compress 5-20 times, so a member packed over MAX_RATIO times is not a spreadsheet's.
DEFAULT_MAX_UNPACKED_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200
RATIO_CHECKED_FROM = 1024 * 1024
MAX_ARCHIVE_MEMBERS = 1000
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell


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
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES,
) -> Table:
    """Parse an xlsx or CSV file. The header is the first row (within the first few)
    that holds every required header, so a title row above it is tolerated."""
    if not data:
        raise TableError(EMPTY_FILE)
    if len(data) > max_bytes:
        raise TableError(TOO_LARGE.format(size=size_label(max_bytes)))
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise TableError(OLD_XLS)
    if data[:2] == b"PK":
        check_archive(data, max_unpacked_bytes)
        raw_rows = _xlsx_rows(data)
    else:
        raw_rows = _csv_rows(data)
    return _build_table(raw_rows, required_headers, max_rows, header_search_rows)


def size_label(size: int) -> str:
    return f"{size / 1024 / 1024:g} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"


def check_archive(data: bytes, max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES) -> None:
    """Refuse a zip bomb from the sizes the archive declares, before anything unpacks it.
    (zipfile never yields more than a member's declared size, so a lying header only
    truncates that member.)"""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise TableError(NOT_A_TABLE) from exc
    if len(members) > MAX_ARCHIVE_MEMBERS:
        raise TableError(ARCHIVE_TOO_LARGE)
    if sum(member.file_size for member in members) > max_unpacked_bytes:
        raise TableError(ARCHIVE_TOO_LARGE)
    for member in members:
        packed = max(member.compress_size, 1)
        if member.file_size > RATIO_CHECKED_FROM and member.file_size / packed > MAX_RATIO:
            raise TableError(ARCHIVE_TOO_DENSE)


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
    # Many NULs mean a binary file (or UTF-16); a stray one is left to the importer,
    # which names its row and column.
    if data[:4096].count(b"\x00") > 16:
        raise TableError(NOT_A_TABLE)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TableError(UNKNOWN_ENCODING)


def looks_like_formula(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def guard_formula(value):
    """A CSV cell's text that no spreadsheet program runs as a formula."""
    return FORMULA_GUARD + value if looks_like_formula(value) else value


def unguard_formula(cell: str) -> str:
    guarded = cell.startswith(FORMULA_GUARD) and looks_like_formula(cell[1:])
    return cell[1:] if guarded else cell


def _csv_rows(data: bytes):
    text = _decode_csv(data)
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        yield [unguard_formula(cell.strip()) for cell in row]


def write_csv(headers: list[str], rows) -> bytes:
    """CSV in UTF-8 with a BOM (so Excel opens it as UTF-8), formulas written as text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows([guard_formula(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def _check_cell_lengths(number: int, cells: list[str], headers: list[str] | None) -> None:
    for index, cell in enumerate(cells):
        if len(cell) > MAX_CELL_CHARS:
            has_name = headers is not None and index < len(headers) and headers[index]
            column = headers[index] if has_name else _column_letter(index)
            raise TableError(CELL_TOO_LONG.format(row=number, column=column, limit=MAX_CELL_CHARS))


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _build_table(raw_rows, required: tuple[str, ...], max_rows: int, search: int) -> Table:
    headers: list[str] | None = None
    rows: list[TableRow] = []
    first_headers: list[str] | None = None
    for number, cells in enumerate(raw_rows, start=1):
        _check_cell_lengths(number, cells, headers)
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
                if looks_like_formula(cell.value):
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
