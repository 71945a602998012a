"""Demo period "2026年度考核" over the demo county: scheme, an imported indicator sheet, computed
records, and 公示 open. A missing demo exam or case call drops that component with a message."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from apps.accounts.models import OrgUnit, User
from apps.cases.models import CaseCall
from apps.exams.models import Exam
from apps.records.models import Component, Period
from apps.records.services import compute, indicators, objections, periods
from question_bank.tables import write_xlsx

PERIOD_NAME = "2026年度考核"
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


def _sheet(cadres: list[User], villages: list[OrgUnit]) -> bytes:
    """The county's own figures, made up: steady per cadre so every load gives the same table."""
    rng = random.Random(2026)
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
    data = {
        "name": PERIOD_NAME,
        "kind": Period.Kind.YEAR,
        "start_date": date(2026, 1, 1),
        "end_date": date(2026, 12, 31),
        "org_unit": county,
        "excellent_min": D(80),
        "exams": [exam] if exam else [],
        "case_calls": [call] if call else [],
    }
    period = periods.create_period(
        actor=admin, data=data, components=_scheme(bool(exam), bool(call))
    )

    cadres = list(compute.cadres_in_scope(period).order_by("username"))
    villages = list(OrgUnit.objects.filter(path__startswith=county.path, kind=OrgUnit.Kind.VILLAGE))
    villages += list(
        OrgUnit.objects.filter(path__startswith=county.path, kind=OrgUnit.Kind.COMMUNITY)
    )
    report = indicators.import_indicators(
        actor=admin, period=period, data=_sheet(cadres, villages), file_name="2026年度考核指标.xlsx"
    )
    bonus = period.components.get(kind=Component.Kind.ADJUST)
    if len(cadres) >= 3:
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
    result = compute.compute_period(actor=admin, period=period)
    periods.publish_period(actor=admin, period=period, days=10)
    stdout.write(
        f"  考核档案：{PERIOD_NAME}，导入指标 {report.created} 项，"
        f"计算 {result['records']} 份档案，已进入公示"
    )
