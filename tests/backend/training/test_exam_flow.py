"""End to end through the exams API: a wrong answer in a submitted exam lands in the
wrong-question book (attempt_graded), with the answer the cadre gave in its own keys."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from apps.exams.models import Exam, Paper, PaperItem
from tests.backend.training.conftest import right_response

pytestmark = pytest.mark.django_db


def _exam(tree, questions, policy):
    now = timezone.now()
    paper = Paper.objects.create(title="培训测试卷", org_unit=tree.county, mode=Paper.Mode.FIXED)
    for position, question in enumerate(questions, start=1):
        PaperItem.objects.create(
            paper=paper, position=position, question=question, points=Decimal(2)
        )
    exam = Exam.objects.create(
        title="培训测试",
        org_unit=tree.county,
        paper=paper,
        opens_at=now - dt.timedelta(hours=1),
        closes_at=now + dt.timedelta(hours=2),
        duration_minutes=30,
        answer_release=policy,
    )
    exam.audience_units.set([tree.county])
    return exam


def test_submitted_exam_mistakes_reach_the_wrong_book(
    cadre, tree, content, client_for, django_capture_on_commit_callbacks
):
    single, true_false = content.questions[0], content.questions[1]
    exam = _exam(tree, [single, true_false], Exam.Release.IMMEDIATE)
    client = client_for(cadre)
    attempt = client.post(f"/api/v1/exams/{exam.pk}/attempts").json()
    responses = {single.id: "C", true_false.id: right_response(true_false)}
    for seq, (qid, response) in enumerate(responses.items(), start=1):
        saved = client.put(
            f"/api/v1/attempts/{attempt['id']}/answers/{qid}",
            {"response": response, "seq": seq},
            format="json",
        )
        assert saved.status_code == 200, saved.content
    # The book is fed after the grade commits (apps.exams.services.graded_feed).
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/api/v1/attempts/{attempt['id']}/submit").status_code == 200

    book = client.get("/api/v1/wrong-book/").json()
    assert [e["question"]["id"] for e in book["results"]] == [single.id]
    assert (
        book["results"][0]["last_response"] == "C" and book["results"][0]["first_source"] == "exam"
    )


def test_after_close_policy_keeps_the_book_unchanged_while_the_exam_runs(
    cadre, tree, content, client_for, django_capture_on_commit_callbacks
):
    single = content.questions[0]
    exam = _exam(tree, [single], Exam.Release.AFTER_CLOSE)
    client = client_for(cadre)
    attempt = client.post(f"/api/v1/exams/{exam.pk}/attempts").json()
    client.put(
        f"/api/v1/attempts/{attempt['id']}/answers/{single.id}",
        {"response": "D", "seq": 1},
        format="json",
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/api/v1/attempts/{attempt['id']}/submit")
    assert client.get("/api/v1/wrong-book/").json()["count"] == 0
    exam.closes_at = timezone.now() - dt.timedelta(seconds=1)
    exam.opens_at = exam.closes_at - dt.timedelta(hours=3)
    exam.save()
    assert client.get("/api/v1/wrong-book/").json()["count"] == 1
