"""Probe 17: a mock exam's verdicts are no oracle for a key another exam still holds.

The mock exam of the demo repeats, on a fixed paper, questions of the bank the formal exam
draws from, with three attempts and its answers "released at once". The keys of those
questions stayed hidden in its result, but whether each answer was right did not: the item's
`correct` and `score`, the total score (answer one question, hand in, read the score), the
knowledge-point breakdown and the wrong-question book (the question is there or it is not).
Three sittings find a single-choice key; one finds a true/false key.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.exams.models import Exam, Paper, PaperItem
from apps.training.selectors import mastery_by_knowledge_point
from tests import factories
from tests.backend.exams import test_held_keys
from tests.backend.training.conftest import make_question, right_response, wrong_response

pytestmark = pytest.mark.django_db

world = test_held_keys.world  # the fixture: a formal exam holding its bank, a mock
_exam = test_held_keys._exam


@pytest.fixture
def mock(tree, world):
    """A mock exam on one held and one free true/false question, answers out at once."""
    held, free = world["held"][2], world["free"][1]
    assert held.type == free.type == "true_false"
    paper = Paper.objects.create(title="判断模拟卷", org_unit=tree.county)
    for position, question in enumerate([held, free], start=1):
        PaperItem.objects.create(paper=paper, position=position, question=question, points=2)
    exam = _exam(
        tree,
        paper,
        title="判断模拟",
        kind=Exam.Kind.MOCK,
        attempts_allowed=3,
        answer_release=Exam.Release.IMMEDIATE,
    )
    return exam, held, free


def _sit(client, exam, answers: dict) -> tuple[dict, dict]:
    """Start, answer {question: response}, hand in; (submit reply, attempt) bodies."""
    started = client.post(f"/api/v1/exams/{exam.pk}/attempts").json()
    for seq, (question, response) in enumerate(answers.items(), start=1):
        saved = client.put(
            f"/api/v1/attempts/{started['id']}/answers/{question.pk}",
            {"response": response, "seq": seq},
            format="json",
        )
        assert saved.status_code == 200, saved.content
    reply = client.post(f"/api/v1/attempts/{started['id']}/submit").json()
    return reply, client.get(f"/api/v1/attempts/{started['id']}").json()


def test_a_mock_result_says_nothing_of_whether_a_held_answer_was_right(
    tree,
    client_for,
    world,
    mock,
):
    exam, held, free = mock
    client = client_for(factories.make_user(tree.village_a1))
    reply, attempt = _sit(client, exam, {held: right_response(held)})
    result = attempt["result"]
    # The score would say it: one question answered, 2 points or 0.
    assert reply["score"] is None and reply["passed"] is None
    assert result["score"] is None and result["passed"] is None
    assert result["knowledge_points"] == []
    assert result["rank_in_unit"] is None
    items = {item["question_id"]: item for item in result["items"]}
    assert items[held.pk]["key_held"] is True
    assert items[held.pk]["correct"] is None and items[held.pk]["score"] is None
    # The free question's verdict and key are the mock's to show.
    assert items[free.pk]["key_held"] is False and items[free.pk]["correct"] is False


def test_a_mock_result_shows_the_score_once_the_hold_ends(
    tree,
    client_for,
    world,
    mock,
):
    exam, held, free = mock
    client = client_for(factories.make_user(tree.village_a1))
    _, attempt = _sit(client, exam, {held: right_response(held), free: right_response(free)})
    Exam.objects.filter(pk=world["formal"].pk).update(closes_at=timezone.now() - timedelta(hours=1))
    result = client.get(f"/api/v1/attempts/{attempt['id']}").json()["result"]
    assert result["score"] == "4.00"
    assert {item["question_id"]: item["correct"] for item in result["items"]} == {
        held.pk: True,
        free.pk: True,
    }


def test_the_exam_page_says_when_a_shared_question_will_hold_the_score_back(
    tree, client_for, world, mock
):
    """The page must not promise "交卷后立即公布" where the result page will withhold it."""
    exam, _, _ = mock
    free_only = Paper.objects.create(title="自学模拟卷", org_unit=tree.county)
    in_no_other_exam = make_question(world["free_bank"], "true_false")
    PaperItem.objects.create(paper=free_only, position=1, question=in_no_other_exam, points=2)
    free_exam = _exam(tree, free_only, title="自学模拟", kind=Exam.Kind.MOCK)
    sitting_formal, not_sitting = (factories.make_user(tree.village_a1) for _ in range(2))
    formal = world["formal"]
    formal.audience_units.clear()
    formal.audience_users.set([sitting_formal])
    formal.save()  # an audience edit touches the exam, as the console's save does
    cadre, outsider = client_for(sitting_formal), client_for(not_sitting)

    def score_held(client, target) -> bool:
        response = client.get(f"/api/v1/exams/{target.pk}")
        assert response.status_code == 200, response.content
        return response.json()["score_held"]

    assert score_held(cadre, exam) is True
    assert score_held(cadre, free_exam) is False  # nothing of it is held
    assert score_held(outsider, exam) is False  # not in the formal exam's audience
    Exam.objects.filter(pk=formal.pk).update(closes_at=timezone.now() - timedelta(hours=1))
    assert score_held(cadre, exam) is False


def test_the_wrong_book_takes_a_held_question_only_when_the_hold_ends(
    tree,
    client_for,
    world,
    mock,
    django_capture_on_commit_callbacks,
):
    exam, held, free = mock
    cadre = factories.make_user(tree.village_a1)
    client = client_for(cadre)
    with django_capture_on_commit_callbacks(execute=True):
        _sit(client, exam, {held: wrong_response(held), free: wrong_response(free)})
    book = client.get("/api/v1/wrong-book/").json()["results"]
    assert [entry["question"]["id"] for entry in book] == [free.pk]
    summary = client.get("/api/v1/wrong-book/summary").json()
    assert summary["total"] == 1
    # Nor does the knowledge point's mastery (the daily quiz picks weak points by it) count it.
    assert mastery_by_knowledge_point(cadre)[world["kp"].pk] == pytest.approx(1 / 3)
    Exam.objects.filter(pk=world["formal"].pk).update(closes_at=timezone.now() - timedelta(hours=1))
    book = client.get("/api/v1/wrong-book/").json()["results"]
    assert sorted(entry["question"]["id"] for entry in book) == sorted([held.pk, free.pk])
