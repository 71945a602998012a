"""Subjective grading against the paper's points: scoring points scaled to them, graded
answers listed again after a reload, and a revised grade keeping its history."""

from decimal import Decimal

import pytest

from apps.exams.selectors_review import scaled_points
from tests.backend.exams.test_results_and_review import _assign_grader, _submitted

pytestmark = pytest.mark.django_db


def test_scoring_points_are_scaled_to_the_papers_points_and_add_up():
    bank = [
        {"point": "一", "score": "4.00"},
        {"point": "二", "score": "3.00"},
        {"point": "三", "score": "3.00"},
    ]
    scaled = scaled_points(bank, Decimal("8.00"))
    assert [p["score"] for p in scaled] == ["3.20", "2.40", "2.40"]
    odd = scaled_points(bank, Decimal("7.00"))
    assert sum(Decimal(p["score"]) for p in odd) == Decimal("7.00")
    assert odd[0]["bank_score"] == "4.00"


def test_graded_answers_are_listed_and_a_revision_keeps_history(
    client_for, cadre, reviewer, exam, questions
):
    _assign_grader(exam, reviewer)
    _submitted(client_for, cadre, exam, questions)
    rev = client_for(reviewer)
    task = rev.get("/api/v1/grading-tasks/").json()["results"][0]
    # the bank's one scoring point is worth 4; the paper gives the question 8
    assert task["points"] == "8.00" and task["question"]["scoring_points"][0]["score"] == "8.00"
    too_much = rev.post(
        f"/api/v1/grading-tasks/{task['id']}/grade", {"score": "8.5"}, format="json"
    )
    assert too_much.status_code == 400
    rev.post(
        f"/api/v1/grading-tasks/{task['id']}/grade",
        {"score": "5", "comment": "初评"},
        format="json",
    )
    revised = rev.post(
        f"/api/v1/grading-tasks/{task['id']}/grade",
        {"score": "6.5", "comment": "复核"},
        format="json",
    ).json()
    assert revised["score"] == "6.50"
    assert [(h["score"], h["comment"]) for h in revised["history"]] == [
        ("5.00", "初评"),
        ("6.50", "复核"),
    ]
    # after a reload, the graded answer is still there to see and revise
    graded = rev.get("/api/v1/grading-tasks/?pending=0").json()["results"]
    assert [t["id"] for t in graded if t["graded_at"]] == [task["id"]]
