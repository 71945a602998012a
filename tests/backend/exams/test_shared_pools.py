"""The console names the other exams an exam shares questions with.

Whoever sits two exams that share questions gets the one's score only when the other's hold
ends (verdicts_held), so the organizer must learn it on the exam's page, not from cadres
asking where their score went. Another unit's exam is counted without its title.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.exams.models import Exam, Paper, PaperItem
from tests import factories
from tests.backend.exams import test_held_keys
from tests.backend.training.conftest import make_question

pytestmark = pytest.mark.django_db

world = test_held_keys.world  # a county formal exam holding its bank, a mock, an old exam
_exam = test_held_keys._exam


def _fixed_exam(tree, unit, questions, **extra) -> Exam:
    paper = Paper.objects.create(title=f"{unit.name}卷", org_unit=unit)
    for position, question in enumerate(questions, start=1):
        PaperItem.objects.create(paper=paper, position=position, question=question, points=2)
    exam = _exam(tree, paper, org_unit=unit, **extra)
    exam.audience_units.set([unit])
    return exam


def _shared(admin, exam) -> list[dict]:
    response = factories.client_for(admin).get(f"/api/v1/exams/{exam.pk}")
    assert response.status_code == 200, response.content
    return [(row["id"], row["title"]) for row in response.json()["shares_questions_with"]]


def test_an_exam_page_names_the_exams_holding_its_questions(tree, world, town_a_admin):
    town_exam = _fixed_exam(tree, tree.town_a, [world["held"][1]], title="甲镇测验")
    other_town = _fixed_exam(tree, tree.town_b, [world["held"][1]], title="乙镇测验")
    formal = world["formal"]

    # The county's exam concerns 甲镇 (its people sit it): named. 乙镇's is counted only.
    assert _shared(town_a_admin, town_exam) == [
        (formal.pk, formal.title),
        (None, "其他单位主办的考试"),
    ]
    # A draft or a cancelled exam makes nobody wait.
    Exam.objects.filter(pk=other_town.pk).update(status=Exam.Status.CANCELLED)
    assert _shared(town_a_admin, town_exam) == [(formal.pk, formal.title)]
    # Once the formal exam has closed, nothing waits for it.
    Exam.objects.filter(pk=formal.pk).update(closes_at=timezone.now() - timedelta(hours=1))
    assert _shared(town_a_admin, town_exam) == []


def test_an_exam_on_questions_no_other_exam_uses_names_none(tree, world, county_admin):
    fresh = make_question(world["free_bank"], "true_false")
    alone = _fixed_exam(tree, tree.county, [fresh], title="独立测验")
    assert _shared(county_admin, alone) == []
    # The formal exam's bank is in the world mock's fixed paper: each names the other.
    assert (world["mock"].pk, world["mock"].title) in _shared(county_admin, world["formal"])


def test_publishing_replies_with_the_sharing_exams(tree, world, county_admin):
    draft = _fixed_exam(
        tree, tree.county, [world["held"][3]], title="草稿测验", status=Exam.Status.DRAFT
    )
    response = factories.client_for(county_admin).post(
        f"/api/v1/exams/{draft.pk}/publish", {}, format="json"
    )
    assert response.status_code == 200, response.content
    titles = [row["title"] for row in response.json()["shares_questions_with"]]
    assert titles == [world["formal"].title]
