"""The same fill-in answer scores the same in an exam, in practice and in the daily quiz:
a number typed in digits matches a key written in Chinese numerals, and back."""

import datetime as dt
from decimal import Decimal

import pytest

from apps.exams.models import Exam, Paper, PaperItem
from apps.questions.models import Bank
from apps.training.services import daily_quiz
from tests.backend.exams.conftest import make_exam, put, start, submit
from tests.backend.training.conftest import at, make_question

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 3, 2)
CASES = [([["十五"]], ["15"]), ([["15"]], ["十五"]), ([["百分之十"]], ["10%"])]


def _fill_in(bank, key):
    return make_question(bank, "fill_in", stem="每月至少走访____户。", answer=key)


@pytest.mark.parametrize(("key", "response"), CASES)
def test_exam(tree, cadre, client_for, key, response):
    bank = Bank.objects.create(name="数字题库", org_unit=tree.county)
    question = _fill_in(bank, key)
    paper = Paper.objects.create(title="数字卷", org_unit=tree.county, mode=Paper.Mode.FIXED)
    PaperItem.objects.create(paper=paper, position=1, question=question, points=Decimal(4))
    exam = make_exam(tree, paper, pass_mark=Decimal(1), answer_release=Exam.Release.IMMEDIATE)
    client = client_for(cadre)
    attempt_id = start(client, exam).json()["id"]
    assert put(client, attempt_id, question.pk, response, 1).status_code == 200
    result = submit(client, attempt_id)["result"]
    assert result["score"] == "4.00"
    assert result["items"][0]["correct"] is True


@pytest.mark.parametrize(("key", "response"), CASES)
def test_practice(tree, cadre, client_for, key, response):
    bank = Bank.objects.create(name="数字题库", org_unit=tree.county)
    question = _fill_in(bank, key)
    client = client_for(cadre)
    session = client.post("/api/v1/practice/", {"bank": bank.id}, format="json").json()["session"]
    body = client.post(
        f"/api/v1/practice/{session['id']}/answers",
        {"question_id": question.id, "response": response},
        format="json",
    ).json()
    assert body["is_correct"] is True and body["score"] == "2.00"


@pytest.mark.parametrize(("key", "response"), CASES)
def test_daily_quiz(tree, cadre, key, response):
    bank = Bank.objects.create(name="数字题库", org_unit=tree.county)
    question = _fill_in(bank, key)
    quiz = daily_quiz.today_quiz(cadre, now=at(DAY, 8))
    assert list(quiz.items.values_list("question_id", flat=True)) == [question.pk]
    shown = daily_quiz.answer(cadre, question.pk, response, now=at(DAY, 9))
    assert shown["is_correct"] is True
