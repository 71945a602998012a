"""Spreadsheets of the people area: the roster template, the one-time password sheet and
the roster export. None of them is stored; each is built for one response."""

from __future__ import annotations

import io
from collections.abc import Iterable

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from apps.accounts.models import OrgUnit, User
from apps.accounts.services.roster import COLUMNS
from question_bank.tables import write_xlsx

TEXT = "@"  # Excel's text format: 工号 0012 and 11-digit mobiles stay as typed
TEMPLATE_ROWS = 2000  # rows prepared with formats and dropdowns
ROLE_CHOICES = ["干部", "评审员", "干部、评审员", "组织部管理员"]
UNITS_SHEET = "单位列表"
EXAMPLE = ["王建国", "0012001", "13800000000", None, "驻村干部", "干部"]
NOTES = [
    ("姓名", "必填"),
    ("工号", "必填；登录账号，以工号为准重复导入只更新不新增；按文本填写，前导 0 会保留"),
    ("手机号", "选填；11 位手机号，可用于登录，不能与他人重复"),
    ("单位", "必填；从下拉列表选择，或写完整路径，如 某县/某镇/某村"),
    ("职务", "选填"),
    ("角色", "从下拉列表选择；留空为干部。组织部管理员的管理范围是其所在单位"),
    ("初始密码", "新用户的初始密码在导入结果中只显示一次，首次登录必须修改"),
]


def _column(index: int) -> str:
    return chr(ord("A") + index)


def roster_template(units: Iterable[OrgUnit]) -> bytes:
    """The roster template: the six columns, 工号 and 手机号 as text, a dropdown of roles
    and one of the units the requesting admin may import into (and no others)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "花名册"
    sheet.append(list(COLUMNS))
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
    widths = {"姓名": 12, "工号": 14, "手机号": 16, "单位": 40, "职务": 16, "角色": 16}
    for index, name in enumerate(COLUMNS):
        sheet.column_dimensions[_column(index)].width = widths[name]
    for name in ("工号", "手机号"):
        letter = _column(COLUMNS.index(name))
        for row in range(2, TEMPLATE_ROWS + 2):
            sheet[f"{letter}{row}"].number_format = TEXT

    names = [unit.full_name for unit in units]

    last = TEMPLATE_ROWS + 1
    role_letter = _column(COLUMNS.index("角色"))
    roles = DataValidation(
        type="list", formula1='"' + ",".join(ROLE_CHOICES) + '"', allow_blank=True
    )
    roles.error, roles.errorTitle = "请从下拉列表中选择角色", "角色不正确"
    roles.add(f"{role_letter}2:{role_letter}{last}")
    sheet.add_data_validation(roles)

    if names:
        listing = workbook.create_sheet(UNITS_SHEET)
        listing.append(["可导入的单位"])
        for name in names:
            listing.append([name])
        listing.column_dimensions["A"].width = 50
        unit_letter = _column(COLUMNS.index("单位"))
        # Typed paths stay allowed (the import creates missing units when asked to).
        pick = DataValidation(
            type="list",
            formula1=f"'{UNITS_SHEET}'!$A$2:$A${len(names) + 1}",
            allow_blank=True,
            showErrorMessage=False,
        )
        pick.add(f"{unit_letter}2:{unit_letter}{last}")
        sheet.add_data_validation(pick)

    notes = workbook.create_sheet("填写说明")
    notes.append(["列", "说明"])
    for row in NOTES:
        notes.append(list(row))
    # The example lives here, not on the roster sheet, where it would be imported.
    notes.append([])
    notes.append(["示例", "（请在“花名册”工作表中按下行格式填写，从第 2 行开始）"])
    notes.append(list(COLUMNS))
    example = list(EXAMPLE)
    example[COLUMNS.index("单位")] = names[0] if names else "某县/某镇/某村"
    notes.append(example)
    for cell in notes[notes.max_row]:
        cell.number_format = TEXT
    notes.column_dimensions["A"].width = 12
    notes.column_dimensions["B"].width = 80
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def password_sheet(rows: list[dict[str, str]]) -> bytes:
    """The one-time passwords the admin hands out, as they were shown on screen."""
    body = [[row["username"], row["real_name"], row["password"]] for row in rows]
    return write_xlsx([("初始密码", ["工号", "姓名", "初始密码"], body)])


def roster_export(users: Iterable[User]) -> bytes:
    """The filtered people list, in the import's columns plus state and last login."""
    headers = [*COLUMNS, "管理范围", "状态", "最后登录"]
    body = []
    for user in users:
        scopes = list(user.admin_scopes.all())
        roles = [
            word
            for flag, word in (
                (user.is_cadre, "干部"),
                (user.is_reviewer, "评审员"),
                (scopes, "组织部管理员"),
            )
            if flag
        ]
        body.append(
            [
                user.real_name,
                user.username,
                user.mobile or "",
                user.org_unit.full_name if user.org_unit else "",
                user.position,
                "、".join(roles),
                "、".join(scope.org_unit.full_name for scope in scopes),
                "启用" if user.is_active else "停用",
                _local(user.last_login),
            ]
        )
    return write_xlsx([("人员", headers, body)])


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""
