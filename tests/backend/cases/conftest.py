"""Case-flow fixtures: the default rubric (100 points), an open call over the whole county,
reviewers placed so that conflicts are easy to reason about."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from apps.cases.models import Case, ReviewAssignment
from apps.cases.services import calls, cases, rubrics
from tests import factories

CRITERIA = [
    {"name": "真实性", "max_score": "20"},
    {"name": "典型性", "max_score": "20"},
    {"name": "实效性", "max_score": "25"},
    {"name": "启示性", "max_score": "20"},
    {"name": "文字表达", "max_score": "15"},
]
BODY = "## 基本情况\n\n村里两个组因为水管维修费用起了争执，驻村干部上门走访，把账目公开。\n\n## 做法\n\n召开议事会，约定按户分摊。"


@pytest.fixture
def rubric(db):
    return rubrics.create_rubric(name="案例评分标准", criteria=CRITERIA)


@pytest.fixture
def make_call(tree, county_admin, rubric):
    def make(**overrides):
        now = timezone.now()
        data = {
            "title": "典型案例征集",
            "theme": "基层治理",
            "opens_at": now - timedelta(days=1),
            "closes_at": now + timedelta(days=7),
            "audience_units": [tree.county],
            "rubric": rubric,
        }
        data.update(overrides)
        return calls.create_call(by=county_admin, data=data)

    return make


@pytest.fixture
def call(make_call):
    return make_call()


@pytest.fixture
def reviewers(tree):
    """Two in the county department and one in another township's village (none related to 甲镇一村)."""
    return [
        factories.make_user(tree.department, is_cadre=False, is_reviewer=True, real_name="评审甲"),
        factories.make_user(tree.department, is_cadre=False, is_reviewer=True, real_name="评审乙"),
        factories.make_user(tree.village_b1, is_cadre=False, is_reviewer=True, real_name="评审丙"),
    ]


def submit(author, call, *, title="饮水纠纷调解记", body=BODY, show_author_name=True) -> Case:
    case = cases.start_case(call, author, title=title, body=body, show_author_name=show_author_name)
    return cases.submit_case(case.pk, author)


def open_assignments(case) -> list[ReviewAssignment]:
    return list(
        case.assignments.filter(status__in=ReviewAssignment.OPEN)
        .select_related("reviewer")
        .order_by("id")
    )


def score_payload(assignment, values, comment="事实清楚") -> dict:
    """values: one number per criterion in rubric order, or a single total spread by max score."""
    criteria = list(assignment.rubric.criteria.all())
    if not isinstance(values, (list, tuple)):
        total = Decimal(str(values))
        max_total = assignment.rubric.max_total
        values = [(c.max_score * total / max_total).quantize(Decimal("0.01")) for c in criteria]
        values[-1] += total - sum(values)
    return {
        str(c.pk): {"score": str(v), "comment": comment}
        for c, v in zip(criteria, values, strict=True)
    }
