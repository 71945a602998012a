"""Indicator import: one row per cadre (by 工号) or per unit, one column per indicator.

Columns: 工号 or 单位 (a unit's full name such as 青山县/东湖镇/桃源村, or its own name when
that is unique in the period's scope), 姓名 (ignored), then a column for each indicator
component of the period's scheme, named exactly like the component. A value may carry a %.
Values are upserted by (indicator, cadre or unit); the committed import triggers a recompute.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from apps.accounts.models import OrgUnit, User
from apps.common import scoping
from apps.common.errors import Conflict, InvalidInput
from apps.common.imports import ImportReport, RowInvalid, read_upload, run_import
from apps.records import conf
from apps.records.models import Component, IndicatorImport, IndicatorValue, Period
from apps.records.services.periods import ensure_manageable
from apps.records.services.scoring import plain
from question_bank.tables import TableRow, write_xlsx

NO_INDICATOR_COLUMNS = "表头中没有本周期方案里的指标列，可用的列名：{names}"
NO_INDICATORS_IN_SCHEME = "本周期的评分方案中没有外部指标"
IMPORT_NOT_OPEN = "考核周期已进入公示或已锁定，不能再导入指标"
MISSING_TARGET = "须填写工号（按干部的指标）或单位（按单位的指标）"
UNKNOWN_ID = "工号不存在或不在本周期考核范围内：{value}"
UNKNOWN_UNIT = "单位不存在或不在本周期考核范围内：{value}"
AMBIGUOUS_UNIT = "单位名称“{value}”不唯一，请填写完整路径（如 县/镇/村）"
DUPLICATE_ROW = "与第{row}行重复"
NOT_A_NUMBER = "数值无效：{value}"
OUT_OF_RANGE = "数值 {value} 超出范围 {low}–{high}"
WRONG_LEVEL_USER = "该指标按单位导入，干部行不能填写"
WRONG_LEVEL_UNIT = "该指标按干部导入，单位行不能填写"


@dataclass
class ParsedRow:
    number: int
    user: User | None
    unit: OrgUnit | None
    values: list[tuple[Component, Decimal]]


def parse_number(text: str) -> Decimal:
    cleaned = text.replace("％", "%").replace(",", "").strip().rstrip("%").strip()
    value = Decimal(cleaned)
    if not value.is_finite():
        raise InvalidOperation
    return value


class IndicatorImportRun:
    def __init__(self, period: Period, headers: list[str]):
        self.period = period
        components = {c.name: c for c in period.components.filter(kind=Component.Kind.INDICATOR)}
        if not components:
            raise InvalidInput(NO_INDICATORS_IN_SCHEME, {"file": [NO_INDICATORS_IN_SCHEME]})
        self.columns = [components[h] for h in headers if h in components]
        if not self.columns:
            message = NO_INDICATOR_COLUMNS.format(names="、".join(components))
            raise InvalidInput(message, {"file": [message]})
        scope = period.org_unit.path
        self.units = {u.full_name: u for u in OrgUnit.objects.filter(path__startswith=scope)}
        self.unit_names: dict[str, list[OrgUnit]] = {}
        for unit in self.units.values():
            self.unit_names.setdefault(unit.name, []).append(unit)
        self.seen: dict[tuple[str, str], int] = {}

    def prefetch(self, rows: list[TableRow]) -> None:
        ids = {row.get("工号") for row in rows if row.get("工号")}
        self.users = {
            u.username: u
            for u in User.objects.filter(
                username__in=ids, org_unit__path__startswith=self.period.org_unit.path
            )
        }

    def _target(self, row: TableRow, problems: list) -> tuple[User | None, OrgUnit | None]:
        username, unit_text = row.get("工号"), row.get("单位").strip("/")
        if username:
            user = self.users.get(username)
            if user is None:
                problems.append(("工号", UNKNOWN_ID.format(value=username)))
            return user, None
        if not unit_text:
            problems.append(("工号", MISSING_TARGET))
            return None, None
        unit = self.units.get(unit_text)
        if unit is None:
            matches = self.unit_names.get(unit_text, [])
            if len(matches) > 1:
                problems.append(("单位", AMBIGUOUS_UNIT.format(value=unit_text)))
                return None, None
            unit = matches[0] if matches else None
        if unit is None:
            problems.append(("单位", UNKNOWN_UNIT.format(value=unit_text)))
        return None, unit

    def parse(self, row: TableRow) -> ParsedRow | None:
        if not any(row.get(c.name) for c in self.columns):
            return None  # a template row left blank: nothing to import, nothing wrong
        problems: list[tuple[str, str]] = []
        user, unit = self._target(row, problems)
        by_user = bool(row.get("工号"))
        key = ("user", user.username) if user else ("unit", unit.full_name) if unit else None
        if key is not None:
            if key in self.seen:
                field = "工号" if by_user else "单位"
                problems.append((field, DUPLICATE_ROW.format(row=self.seen[key])))
            else:
                self.seen[key] = row.number
        values: list[tuple[Component, Decimal]] = []
        for component in self.columns:
            text = row.get(component.name)
            if not text:
                continue
            if (component.level == Component.Level.USER) != by_user:
                problems.append(
                    (component.name, WRONG_LEVEL_UNIT if not by_user else WRONG_LEVEL_USER)
                )
                continue
            try:
                value = parse_number(text)
            except (InvalidOperation, ValueError):
                problems.append((component.name, NOT_A_NUMBER.format(value=text)))
                continue
            if not component.value_min <= value <= component.value_max:
                problems.append(
                    (
                        component.name,
                        OUT_OF_RANGE.format(
                            value=text,
                            low=plain(component.value_min),
                            high=plain(component.value_max),
                        ),
                    )
                )
                continue
            values.append((component, value.quantize(Decimal("0.01"))))
        if problems:
            raise RowInvalid(problems)
        return ParsedRow(row.number, user, unit, values)

    def apply(
        self, rows: list[ParsedRow], report: ImportReport, actor: User, file_name: str
    ) -> None:
        # The same row lock as recompute: an import and a recompute never interleave.
        if Period.objects.select_for_update().get(pk=self.period.pk).status != Period.Status.OPEN:
            raise Conflict(IMPORT_NOT_OPEN)
        rows = [row for row in rows if row is not None]
        if not rows:
            return
        batch = IndicatorImport.objects.create(
            period=self.period, file_name=file_name[:200], imported_by=actor, row_count=len(rows)
        )
        existing = {
            (v.component_id, v.user_id, v.org_unit_id): v
            for v in IndicatorValue.objects.filter(period=self.period, component__in=self.columns)
        }
        created: list[IndicatorValue] = []
        changed: list[IndicatorValue] = []
        for row in rows:
            for component, value in row.values:
                key = (
                    component.pk,
                    row.user.pk if row.user else None,
                    row.unit.pk if row.unit else None,
                )
                current = existing.get(key)
                if current is None:
                    created.append(
                        IndicatorValue(
                            period=self.period,
                            component=component,
                            user=row.user,
                            org_unit=row.unit,
                            value=value,
                            source=batch,
                            row_number=row.number,
                        )
                    )
                elif current.value != value:
                    current.value, current.source, current.row_number = value, batch, row.number
                    changed.append(current)
                else:
                    report.unchanged += 1
        # In bulk, each value with its history row: who imported it and from which file.
        history = {
            "default_user": actor,
            "default_change_reason": f"导入 {file_name}",
            "batch_size": 500,
        }
        now = timezone.now()
        for value in changed:
            value.updated_at = now
        bulk_create_with_history(created, IndicatorValue, **history)
        bulk_update_with_history(
            changed, IndicatorValue, ["value", "source", "row_number", "updated_at"], **history
        )
        report.created, report.updated = len(created), len(changed)
        if not report.dry_run:
            report.extra["import_id"] = batch.pk
            transaction.on_commit(lambda: _after_import(self.period.pk))


def _after_import(period_id: int) -> None:
    from apps.records.tasks import recompute_period

    recompute_period.delay(period_id, None, "指标导入后自动重算")


def import_indicators(
    *,
    actor: User,
    period: Period,
    data: bytes,
    file_name: str = "",
    dry_run: bool = False,
    strict: bool = False,
) -> ImportReport:
    ensure_manageable(actor, period)
    if period.status != Period.Status.OPEN:
        raise Conflict(IMPORT_NOT_OPEN)
    table = read_upload(data, max_rows=conf.import_max_rows())
    run = IndicatorImportRun(period, table.headers)
    run.prefetch(table.rows)

    return run_import(
        table.rows,
        run.parse,
        lambda rows, report: run.apply(rows, report, actor, file_name),
        dry_run=dry_run,
        strict=strict,
    )


def indicator_template(period: Period, actor) -> bytes:
    """A sheet to fill in: one row per cadre of the period inside the actor's scope, then one
    row per unit for unit indicators (a township admin gets only their township's)."""
    from apps.records.services.compute import cadres_in_scope

    components = list(
        period.components.filter(kind=Component.Kind.INDICATOR).order_by("order", "pk")
    )
    headers = ["工号", "姓名", "单位", *[c.name for c in components]]
    rows: list[list] = []
    if any(c.level == Component.Level.USER for c in components):
        rows += [
            [u.username, u.display_name, "", *[""] * len(components)]
            for u in scoping.scope_queryset(cadres_in_scope(period), actor).order_by(
                "org_unit__path", "username"
            )
        ]
    if any(c.level == Component.Level.UNIT for c in components):
        units = OrgUnit.objects.filter(
            path__startswith=period.org_unit.path, pk__in=scoping.units_in_scope(actor)
        ).order_by("path")
        rows += [["", "", unit.full_name, *[""] * len(components)] for unit in units]
    return write_xlsx([("指标导入", headers, rows)])
