"""Demo periods over the demo county, each with a scheme and an imported indicator sheet:

- "2026年上半年考核": indicators and bonus items only, every part final, in 公示;
- "2026年度考核": with the demo exam and case call. Both are still open, so it is computed as
  a preview (those parts 待定, never 0) and waits for them: the readiness check names each.

A missing demo exam or case call drops that component with a message."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from apps.accounts.models import OrgUnit, User
from apps.cases.models import CaseCall
from apps.exams.models import Exam
from apps.records.models import Component, Period
from apps.records.services import compute, indicators, objections, periods, readiness
from question_bank.tables import write_xlsx

PERIOD_NAME = "2026年度考核"
HALF_NAME = "2026年上半年考核"
COUNTY = "青山县"
EXAM_TITLE = "2026年度应知应会知识测试（正式）"
CALL_TITLE = "2026年度典型群众工作案例征集"
D = Decimal
RATE_BANDS = [
    {"min": 95, "points": 100},
    {"min": 90, "points": 90},
    {"min": 80, "points": 75},
    {"min": 0, "points": 50},
]
POLL_BANDS = [
    {"min": 90, "points": 100},
    {"min": 85, "points": 90},
    {"min": 75, "points": 75},
    {"min": 0, "points": 60},
]


def _scheme(has_exam: bool, has_call: bool) -> list[dict]:
    parts = [
        {
            "name": "入户走访率",
            "kind": "indicator",
            "weight": D(15),
            "level": "user",
            "mapping": "linear",
        },
        {
            "name": "问题解决率",
            "kind": "indicator",
            "weight": D(15),
            "level": "user",
            "mapping": "linear",
        },
        {
            "name": "群众满意率",
            "kind": "indicator",
            "weight": D(10),
            "level": "user",
            "mapping": "bands",
            "bands": RATE_BANDS,
        },
        {
            "name": "民调",
            "kind": "indicator",
            "weight": D(10),
            "level": "unit",
            "mapping": "bands",
            "bands": POLL_BANDS,
        },
        {"name": "加减分", "kind": "adjust", "weight": D(0), "cap": D(5)},
    ]
    if has_exam:
        parts.insert(
            0, {"name": "理论考试", "kind": "exam", "weight": D(35), "aggregation": "best"}
        )
    if has_call:
        parts.insert(
            1 if has_exam else 0,
            {
                "name": "案例评审",
                "kind": "case",
                "weight": D(15),
                "aggregation": "best",
                "missing": "exclude",
            },
        )
    # A dropped exam or case component hands its weight to 问题解决率, so the total stays 100%.
    missing = D(100) - sum((p["weight"] for p in parts), D(0))
    next(p for p in parts if p["name"] == "问题解决率")["weight"] += missing
    return parts


def _sheet(cadres: list[User], villages: list[OrgUnit], seed: int = 2026) -> bytes:
    """The county's own figures, made up: steady per cadre so every load gives the same table."""
    rng = random.Random(seed)
    rows = []
    for user in cadres:
        visit, solved = rng.randint(70, 100), rng.randint(65, 100)
        satisfied = round(rng.uniform(78, 99.5), 1)
        rows.append(
            [user.username, user.real_name, "", f"{visit}%", f"{solved}%", f"{satisfied}%", ""]
        )
    for village in villages:
        rows.append(["", "", village.full_name, "", "", "", round(rng.uniform(72, 96), 1)])
    headers = ["工号", "姓名", "单位", "入户走访率", "问题解决率", "群众满意率", "民调"]
    return write_xlsx([("2026年度指标", headers, rows)])


def _units(county: OrgUnit) -> list[OrgUnit]:
    """Every unit gets a 民调 figure (the nearest one counts), so no cadre's poll is 待定."""
    return list(OrgUnit.objects.filter(path__startswith=county.path).order_by("path"))


def _bonus_items(admin: User, period: Period, cadres: list[User]) -> None:
    bonus = period.components.get(kind=Component.Kind.ADJUST)
    if len(cadres) < 3:
        return
    objections.add_adjustment(
        actor=admin,
        period=period,
        user=cadres[2],
        component_id=bonus.pk,
        points=D(3),
        reason="防汛抢险中表现突出，受县委通报表扬",
    )
    objections.add_adjustment(
        actor=admin,
        period=period,
        user=cadres[-1],
        component_id=bonus.pk,
        points=D(-2),
        reason="民生台账填报多次逾期",
    )


def _make_period(admin, county, name, kind, dates, exam, call, seed) -> tuple[Period, int]:
    data = {
        "name": name,
        "kind": kind,
        "start_date": dates[0],
        "end_date": dates[1],
        "org_unit": county,
        "excellent_min": D(80),
        "exams": [exam] if exam else [],
        "case_calls": [call] if call else [],
    }
    period = periods.create_period(
        actor=admin, data=data, components=_scheme(bool(exam), bool(call))
    )
    cadres = list(compute.cadres_in_scope(period).order_by("username"))
    report = indicators.import_indicators(
        actor=admin,
        period=period,
        data=_sheet(cadres, _units(county), seed),
        file_name=f"{name}指标.xlsx",
    )
    _bonus_items(admin, period, cadres)
    compute.compute_period(actor=admin, period=period)
    return period, report.created


def load(stdout) -> None:
    county = OrgUnit.objects.filter(name=COUNTY, parent=None).first()
    admin = User.objects.filter(username="admin").first()
    if county is None or admin is None:
        stdout.write("  考核档案：缺少演示县或管理员，跳过")
        return
    exam = (
        Exam.objects.filter(title=EXAM_TITLE).first()
        or Exam.objects.filter(kind=Exam.Kind.FORMAL).first()
    )
    call = CaseCall.objects.filter(title=CALL_TITLE).first()
    if exam is None:
        stdout.write("  考核档案：未找到演示正式考试，方案中不含考试成绩")
    if call is None:
        stdout.write("  考核档案：未找到演示案例征集，方案中不含案例评分")
    half, created = _make_period(
        admin,
        county,
        HALF_NAME,
        Period.Kind.HALF,
        (date(2026, 1, 1), date(2026, 6, 30)),
        None,
        None,
        2025,
    )
    periods.publish_period(actor=admin, period=half, days=10)
    stdout.write(f"  考核档案：{HALF_NAME}，导入指标 {created} 项，已计算并进入公示")
    year, created = _make_period(
        admin,
        county,
        PERIOD_NAME,
        Period.Kind.YEAR,
        (date(2026, 1, 1), date(2026, 12, 31)),
        exam,
        call,
        2026,
    )
    reasons = readiness.readiness(year)
    if reasons:
        waiting = "；".join(r.message for r in reasons)
        stdout.write(
            f"  考核档案：{PERIOD_NAME}，导入指标 {created} 项，已预计算，尚不能公示：{waiting}"
        )
    else:
        periods.publish_period(actor=admin, period=year, days=10)
        stdout.write(f"  考核档案：{PERIOD_NAME}，导入指标 {created} 项，已计算并进入公示")
