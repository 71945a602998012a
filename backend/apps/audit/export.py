"""The operation log as an xlsx workbook, for an auditor's own records.

Written in openpyxl's streaming mode: half a year of a county's log fits in memory."""

import json
from io import BytesIO

from django.db.models import QuerySet
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from apps.audit import actions
from apps.audit.models import AuditEntry

MAX_ROWS = 100_000
HEADERS = [
    "时间",
    "工号",
    "姓名",
    "单位",
    "来源地址",
    "操作",
    "操作代码",
    "对象类型",
    "对象编号",
    "对象",
    "结果",
    "响应状态",
    "请求",
    "详情",
]
TRUNCATED = "（仅导出最近 {count} 条，请缩小筛选范围）"


def export_entries(entries: QuerySet[AuditEntry]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("操作日志")
    sheet.append(HEADERS)
    rows = entries.select_related("actor_unit").iterator(chunk_size=2000)
    for written, entry in enumerate(rows):
        if written == MAX_ROWS:
            sheet.append([TRUNCATED.format(count=MAX_ROWS)])
            break
        sheet.append([_cell(sheet, value) for value in _row(entry)])
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def _row(entry: AuditEntry) -> list:
    return [
        timezone.localtime(entry.at).strftime("%Y-%m-%d %H:%M:%S"),
        entry.actor_username,
        entry.actor_name,
        entry.actor_unit.full_name if entry.actor_unit else "",
        entry.ip or "",
        entry.action_label,
        entry.action,
        actions.object_type_label(entry.object_type),
        entry.object_id,
        entry.object_repr,
        "成功" if entry.succeeded else "失败",
        entry.status_code or "",
        f"{entry.method} {entry.path}".strip(),
        _detail_text(entry.detail),
    ]


def _cell(sheet, value) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    # A name typed at a failed login ("=HYPERLINK(…)") is data, never a formula.
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@")):
        cell.data_type = "s"
    return cell


def _detail_text(detail: dict) -> str:
    return json.dumps(detail, ensure_ascii=False) if detail else ""
