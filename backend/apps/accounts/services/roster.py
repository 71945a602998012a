"""Roster import: 姓名, 工号, 手机号, 单位, 职务, 角色 → users, idempotent by 工号.

New users get a random initial password that is returned once in the report (never
logged or stored in clear) and must be changed at the first login.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from apps.accounts.models import AdminScope, OrgUnit, User
from apps.accounts.selectors import can_manage_user
from apps.accounts.services.units import ensure_unit_path, split_unit_path
from apps.common import scoping
from apps.common.imports import ImportReport, RowInvalid, read_upload, run_import
from question_bank.tables import TableRow

COLUMNS = ("姓名", "工号", "手机号", "单位", "职务", "角色")
REQUIRED_COLUMNS = ("姓名", "工号", "单位")
MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
ROLE_WORDS = {
    "干部": "cadre",
    "评审员": "reviewer",
    "评审": "reviewer",
    "组织部管理员": "org_admin",
    "管理员": "org_admin",
}
ROLE_SPLIT_RE = re.compile(r"[、,，;；/\s]+")
PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"

IMPORT_REASON = "导入花名册"
MISSING_NAME = "缺少姓名"
MISSING_ID = "缺少工号"
BAD_ID = "工号只能包含字母、数字、下划线和短横线，且不超过 64 位"
DUPLICATE_ID_IN_FILE = "工号与第{row}行重复"
BAD_MOBILE = "手机号格式不正确：{value}（应为 11 位手机号）"
DUPLICATE_MOBILE_IN_FILE = "手机号与第{row}行重复"
DUPLICATE_MOBILE_EXISTING = "手机号已被其他用户（工号 {username}）使用"
DUPLICATE_MOBILE_ELSEWHERE = "手机号已被您管理范围以外的用户使用"
MISSING_UNIT = "缺少单位"
UNKNOWN_UNIT = "单位不存在：{path}（如需自动创建，请勾选“自动创建单位”）"
UNIT_OUT_OF_SCOPE = "无权向该单位导入：{path}"
USER_OUT_OF_SCOPE = "该工号属于您管理范围以外的用户（或其管理权限超出您的范围），无权修改"
UNKNOWN_ROLE = "未知角色：{value}（可选：干部、评审员、组织部管理员）"
ID_RE = re.compile(r"^[A-Za-z0-9_\-]{1,64}$")
# The stored fields' own lengths (User, OrgUnit), so no row reaches the database too long.
COLUMN_LIMITS = {"姓名": 50, "工号": 64, "手机号": 11, "单位": 500, "职务": 100, "角色": 100}
UNIT_NAME_TOO_LONG = "单位名称“{name}…”超过 100 字"


def new_initial_password() -> str:
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(12))


@dataclass
class RosterRow:
    number: int
    real_name: str
    username: str
    mobile: str | None
    unit_parts: list[str]
    position: str
    roles: set[str]


class RosterImport:
    """One import run; holds the look-ups made once for the whole file."""

    def __init__(self, actor: User, *, create_units: bool):
        self.actor = actor
        self.create_units = create_units
        self.seen_ids: dict[str, int] = {}
        self.seen_mobiles: dict[str, int] = {}
        self.units_by_name = {u.full_name: u for u in OrgUnit.objects.all()}

    def prefetch(self, rows: list[TableRow]) -> None:
        ids = {row.get("工号") for row in rows if row.get("工号")}
        mobiles = {row.get("手机号") for row in rows if row.get("手机号")}
        self.existing = {
            u.username: u
            for u in User.objects.filter(username__in=ids)
            .select_related("org_unit")
            .prefetch_related("admin_scopes__org_unit")
        }
        self.mobile_owner = dict(
            User.objects.filter(mobile__in=mobiles).values_list("mobile", "username")
        )
        # Whose 工号 the error may name: the importer's own people only (the rest would let a
        # township admin look up who elsewhere holds a mobile number).
        self.nameable_owners = set(
            scoping.scope_queryset(User.objects.filter(mobile__in=mobiles), self.actor).values_list(
                "username", flat=True
            )
        )

    def parse(self, row: TableRow) -> RosterRow:
        problems: list[tuple[str, str]] = []
        real_name, username = row.get("姓名"), row.get("工号")
        mobile, unit_text = row.get("手机号") or None, row.get("单位")
        if not real_name:
            problems.append(("姓名", MISSING_NAME))
        if not username:
            problems.append(("工号", MISSING_ID))
        elif not ID_RE.match(username):
            problems.append(("工号", BAD_ID))
        elif username in self.seen_ids:
            problems.append(("工号", DUPLICATE_ID_IN_FILE.format(row=self.seen_ids[username])))
        if mobile:
            if not MOBILE_RE.match(mobile):
                problems.append(("手机号", BAD_MOBILE.format(value=mobile)))
            elif mobile in self.seen_mobiles:
                problems.append(
                    ("手机号", DUPLICATE_MOBILE_IN_FILE.format(row=self.seen_mobiles[mobile]))
                )
            elif (owner := self.mobile_owner.get(mobile, username)) != username:
                if owner in self.nameable_owners:
                    problems.append(("手机号", DUPLICATE_MOBILE_EXISTING.format(username=owner)))
                else:
                    problems.append(("手机号", DUPLICATE_MOBILE_ELSEWHERE))
        unit_parts = split_unit_path(unit_text)
        if not unit_parts:
            problems.append(("单位", MISSING_UNIT))
        elif long_names := [p for p in unit_parts if len(p) > 100]:
            problems.append(("单位", UNIT_NAME_TOO_LONG.format(name=long_names[0][:20])))
        else:
            problems.extend(("单位", m) for m in self._check_unit(unit_parts))
        roles = self._parse_roles(row.get("角色"), problems)
        existing = self.existing.get(username)
        if existing and not can_manage_user(self.actor, existing):
            problems.append(("工号", USER_OUT_OF_SCOPE))
        if username and username not in self.seen_ids:
            self.seen_ids[username] = row.number
        if mobile and mobile not in self.seen_mobiles:
            self.seen_mobiles[mobile] = row.number
        if problems:
            raise RowInvalid(problems)
        return RosterRow(
            row.number, real_name, username, mobile, unit_parts, row.get("职务"), roles
        )

    def _check_unit(self, parts: list[str]) -> list[str]:
        path = "/".join(parts)
        unit = self.units_by_name.get(path)
        if unit is None:
            if not self.create_units:
                return [UNKNOWN_UNIT.format(path=path)]
            # The nearest existing ancestor decides whether the admin may create below it.
            for cut in range(len(parts) - 1, 0, -1):
                unit = self.units_by_name.get("/".join(parts[:cut]))
                if unit is not None:
                    break
            if unit is None:
                return [] if self.actor.is_superuser else [UNIT_OUT_OF_SCOPE.format(path=path)]
        if not scoping.unit_in_scope(self.actor, unit):
            return [UNIT_OUT_OF_SCOPE.format(path=path)]
        return []

    @staticmethod
    def _parse_roles(text: str, problems: list[tuple[str, str]]) -> set[str]:
        roles = set()
        for word in ROLE_SPLIT_RE.split(text.strip()):
            if not word:
                continue
            if word not in ROLE_WORDS:
                problems.append(("角色", UNKNOWN_ROLE.format(value=word)))
            else:
                roles.add(ROLE_WORDS[word])
        return roles or {"cadre"}

    def apply(self, rows: list[RosterRow], report: ImportReport) -> None:
        passwords: list[dict[str, str]] = []
        to_create: list[User] = []
        to_update: list[User] = []
        admin_pairs: list[tuple[str, OrgUnit]] = []
        fields = ["real_name", "mobile", "org_unit", "position", "is_cadre", "is_reviewer"]
        for item in rows:
            unit = self.units_by_name.get("/".join(item.unit_parts))
            if unit is None:
                unit = ensure_unit_path(item.unit_parts)
                self.units_by_name[unit.full_name] = unit
            values = {
                "real_name": item.real_name,
                "mobile": item.mobile,
                "org_unit": unit,
                "position": item.position,
                "is_cadre": "cadre" in item.roles,
                "is_reviewer": "reviewer" in item.roles,
            }
            if "org_admin" in item.roles:
                admin_pairs.append((item.username, unit))
            user = self.existing.get(item.username)
            if user is None:
                password = new_initial_password()
                user = User(username=item.username, must_change_password=True, **values)
                user.password = make_password(password, hasher="initial_sha256")
                to_create.append(user)
                passwords.append(
                    {"工号": item.username, "姓名": item.real_name, "初始密码": password}
                )
            elif any(getattr(user, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(user, name, value)
                to_update.append(user)
            else:
                report.unchanged += 1
        # Roles and units keep their history, imported ones too: who imported, and when.
        history = {"default_user": self.actor, "default_change_reason": IMPORT_REASON}
        bulk_create_with_history(to_create, User, batch_size=1000, **history)
        bulk_update_with_history(to_update, User, fields, batch_size=1000, **history)
        report.created, report.updated = len(to_create), len(to_update)
        self._grant_admin_scopes(admin_pairs, history)
        if not report.dry_run:
            report.extra["initial_passwords"] = passwords

    @staticmethod
    def _grant_admin_scopes(pairs: list[tuple[str, OrgUnit]], history: dict) -> None:
        if not pairs:
            return
        users = dict(
            User.objects.filter(username__in=[u for u, _ in pairs]).values_list("username", "pk")
        )
        held = set(
            AdminScope.objects.filter(user_id__in=users.values()).values_list(
                "user_id", "org_unit_id"
            )
        )
        new = {(users[username], unit.pk) for username, unit in pairs} - held
        bulk_create_with_history(
            [AdminScope(user_id=user_id, org_unit_id=unit_id) for user_id, unit_id in sorted(new)],
            AdminScope,
            **history,
        )


def import_roster(
    *,
    actor: User,
    data: bytes,
    dry_run: bool = False,
    strict: bool = False,
    create_units: bool = False,
) -> ImportReport:
    table = read_upload(data, required_headers=REQUIRED_COLUMNS)
    run = RosterImport(actor, create_units=create_units)
    run.prefetch(table.rows)
    return run_import(
        table.rows,
        run.parse,
        run.apply,
        dry_run=dry_run,
        strict=strict,
        max_lengths=COLUMN_LIMITS,
    )
