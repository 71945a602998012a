"""Fixtures for records: a period over the test county with every kind of component,
cadres in three villages, and helpers that create exam attempts and scored cases."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from apps.cases.models import Case, CaseCall, CaseScore, Rubric, RubricCriterion
from apps.exams.models import Attempt, Exam, Paper
from apps.records.models import Component
from apps.records.services import periods
from tests import factories

D = Decimal


def make_exam(unit, title="年度理论考试") -> Exam:
    now = timezone.now()
    paper = Paper.objects.create(title=f"{title}试卷", org_unit=unit)
    return Exam.objects.create(
        title=title,
        org_unit=unit,
        paper=paper,
        opens_at=now - timedelta(days=10),
        closes_at=now - timedelta(days=1),
        duration_minutes=60,
    )


def make_attempt(exam, user, score, max_score="100", minutes_ago=60) -> Attempt:
    at = timezone.now() - timedelta(minutes=minutes_ago)
    return Attempt.objects.create(
        exam=exam,
        user=user,
        status=Attempt.Status.SUBMITTED,
        started_at=at - timedelta(minutes=30),
        deadline=at + timedelta(minutes=30),
        submitted_at=at,
        score=D(score),
        max_score=D(max_score),
    )


def make_call(unit, title="典型案例征集", max_score="50") -> CaseCall:
    rubric = Rubric.objects.create(name="案例评分标准")
    RubricCriterion.objects.create(rubric=rubric, name="实效", max_score=D(max_score))
    now = timezone.now()
    call = CaseCall.objects.create(
        title=title,
        theme="群众工作",
        opens_at=now - timedelta(days=30),
        closes_at=now - timedelta(days=2),
        org_unit=unit,
        rubric=rubric,
    )
    call.audience_units.add(unit)
    return call


def make_case(call, user, score) -> Case:
    case = Case.objects.create(
        call=call,
        author=user,
        author_unit=user.org_unit,
        title=f"{user.real_name}的案例",
        body="走访记录",
        status=Case.Status.FINISHED,
        submitted_at=timezone.now(),
    )
    CaseScore.objects.create(case=case, score=D(score), method=CaseScore.Method.MEAN)
    return case


SCHEME = [
    {
        "name": "理论考试",
        "kind": "exam",
        "weight": D("40"),
        "aggregation": "best",
        "missing": "zero",
    },
    {
        "name": "案例评审",
        "kind": "case",
        "weight": D("20"),
        "aggregation": "best",
        "missing": "zero",
    },
    {
        "name": "入户走访率",
        "kind": "indicator",
        "weight": D("20"),
        "level": "user",
        "value_min": D("0"),
        "value_max": D("100"),
        "mapping": "linear",
    },
    {
        "name": "民调",
        "kind": "indicator",
        "weight": D("20"),
        "level": "unit",
        "value_min": D("0"),
        "value_max": D("100"),
        "mapping": "bands",
        "bands": [{"min": 90, "points": 100}, {"min": 80, "points": 85}, {"min": 60, "points": 70}],
    },
    {"name": "加减分", "kind": "adjust", "weight": D("0"), "cap": D("10")},
]


@pytest.fixture
def people(tree, county_admin):
    """Two cadres in 一村, one in 二村 (both 甲镇), two in 三村 (乙镇)."""
    make = factories.make_user
    return {
        "a1": make(tree.village_a1, username="c_a1", real_name="甲一"),
        "a2": make(tree.village_a1, username="c_a2", real_name="甲二"),
        "a3": make(tree.village_a2, username="c_a3", real_name="甲三"),
        "b1": make(tree.village_b1, username="c_b1", real_name="乙一"),
        "b2": make(tree.village_b1, username="c_b2", real_name="乙二"),
    }


@pytest.fixture
def period(tree, county_admin, people):
    exam, call = make_exam(tree.county), make_call(tree.county)
    data = {
        "name": "2026年度考核",
        "kind": "year",
        "start_date": date(2026, 1, 1),
        "end_date": date(2026, 12, 31),
        "org_unit": tree.county,
        "exams": [exam],
        "case_calls": [call],
    }
    result = periods.create_period(
        actor=county_admin, data=data, components=[dict(c) for c in SCHEME]
    )
    result.exam, result.call = exam, call
    return result


def component(period, name) -> Component:
    return period.components.get(name=name)


def xlsx_bytes(headers, rows) -> bytes:
    from question_bank.tables import write_xlsx

    return write_xlsx([("指标", headers, rows)])


def fill_indicators(period, people, value="0"):
    """Every cadre gets every indicator (default 0 points), so no part is left 待定."""
    from apps.records.models import IndicatorImport, IndicatorValue

    batch = IndicatorImport.objects.create(period=period, file_name="测试.xlsx")
    for component_row in period.components.filter(kind="indicator"):
        targets = (
            [{"user": u} for u in people.values()]
            if component_row.level == "user"
            else [{"org_unit": period.org_unit}]
        )
        for number, target in enumerate(targets, start=2):
            IndicatorValue.objects.create(
                period=period,
                component=component_row,
                value=D(value),
                source=batch,
                row_number=number,
                **target,
            )
