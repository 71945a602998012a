"""Every question type through every path that handles it: made through the bank's API,
exported and imported again, answered in an exam, in practice (landing in the
wrong-question book when wrong) and in the daily quiz, and its key corrected by a regrade.
Each path asks the one type registry (question_bank/question_types.py), so one right and
one wrong response per type must score the same everywhere."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.exams.models import Attempt, Exam, Paper, PaperItem
from apps.exams.services import regrade
from apps.questions.models import Bank, Question
from apps.training.models import WrongBookEntry
from apps.training.services import daily_quiz
from question_bank import question_types
from tests.backend.exams.conftest import make_exam, put, start, submit
from tests.backend.training.conftest import at

pytestmark = pytest.mark.django_db
OPTIONS = [
    {"key": k, "text": t} for k, t in zip("ABCD", ["每月", "每季度", "每半年", "每年"], strict=True)
]
CONTENT = {
    "single": {"stem": "村务公开至少多久一次？", "options": OPTIONS, "answer": "B"},
    "multiple": {"stem": "哪些是回访方式？", "options": OPTIONS, "answer": ["A", "B"]},
    "true_false": {"stem": "台账可以事后补记。", "answer": False},
    "fill_in": {"stem": "一般诉求____个工作日内答复。", "answer": [["五"]]},
    "short_answer": {"stem": "简述走访要求。", "answer": "每月走访，当天录入台账。"},
    "case_analysis": {"stem": "分析下面的案例。", "answer": "先核实，再分类办理。"},
}


def _made_through_the_api(client, bank, code) -> Question:
    body = {"bank": bank.pk, "type": code, **CONTENT[code]}
    response = client.post("/api/v1/questions/", body, format="json")
    assert response.status_code == 201, response.content
    question = Question.objects.get(pk=response.json()["id"])
    question.status = Question.Status.PUBLISHED
    question.save(update_fields=["status"])
    return question


@pytest.mark.parametrize("code", question_types.CODES)
def test_every_type_through_every_path(code, tree, cadre, county_admin, client_for):
    kind = question_types.get(code)
    admin = client_for(county_admin)
    bank = Bank.objects.create(name=f"{kind.label}题库", org_unit=tree.county, shared_down=True)
    question = _made_through_the_api(admin, bank, code)
    assert question.default_points == kind.default_points
    right = kind.right_response(question.answer)
    wrong = kind.wrong_response(question.answer, len(question.options))

    # export and import: the same content comes back
    exported = admin.get(f"/api/v1/questions/export?format=json&bank={bank.pk}").content
    copy = Bank.objects.create(name="副本", org_unit=tree.county)
    report = admin.post(
        f"/api/v1/questions/import?bank={copy.pk}",
        {"file": SimpleUploadedFile("q.json", exported, "application/json")},
        format="multipart",
    ).json()
    assert report.get("created") == 1, report
    again = Question.objects.get(bank=copy)
    assert (again.type, again.answer, again.options) == (code, question.answer, question.options)

    # an exam: the right response scores (or waits for a reviewer), the wrong one does not
    paper = Paper.objects.create(title="卷", org_unit=tree.county, mode=Paper.Mode.FIXED)
    PaperItem.objects.create(paper=paper, position=1, question=question, points=Decimal(4))
    exam = make_exam(tree, paper, pass_mark=Decimal(1), attempts_allowed=2)
    cadre_client = client_for(cadre)
    scores = []
    for response in (right, wrong):
        attempt_id = start(cadre_client, exam).json()["id"]
        assert put(cadre_client, attempt_id, question.pk, response, 1).status_code == 200
        result = submit(cadre_client, attempt_id)["result"]
        scores.append(result["items"][0]["correct"])
    assert scores == ([None, None] if kind.subjective else [True, False])
    now = timezone.now()  # closed: it no longer holds the key from the cadre
    Exam.objects.filter(pk=exam.pk).update(
        opens_at=now - dt.timedelta(hours=3), closes_at=now - dt.timedelta(minutes=1)
    )

    if kind.subjective:
        return  # practice, the daily quiz and regrades take objective questions only

    # practice: right is right, wrong lands in the wrong-question book
    session = cadre_client.post("/api/v1/practice/", {"bank": bank.pk}, format="json").json()
    for response, correct in ((right, True), (wrong, False)):
        body = cadre_client.post(
            f"/api/v1/practice/{session['session']['id']}/answers",
            {"question_id": question.pk, "response": response},
            format="json",
        ).json()
        if correct:
            assert body["is_correct"] is True
            session = cadre_client.post(
                "/api/v1/practice/", {"bank": bank.pk}, format="json"
            ).json()
        else:
            assert body["is_correct"] is False
    assert WrongBookEntry.objects.filter(user=cadre, question__lineage=question.lineage).exists()

    # the daily quiz
    other = Bank.objects.create(name="每日", org_unit=tree.county, shared_down=True)
    Question.objects.filter(pk=question.pk).update(bank=other)
    quiz = daily_quiz.today_quiz(cadre, now=at(dt.date(2030, 3, 2), 8))
    assert quiz.items.filter(question=question).exists()
    shown = daily_quiz.answer(cadre, question.pk, right, now=at(dt.date(2030, 3, 2), 9))
    assert shown["is_correct"] is True

    # a regrade: the key corrected to the wrong response makes the first attempt wrong
    question.refresh_from_db()
    new_key = wrong if code != "fill_in" else [[w] for w in wrong]
    if code == "multiple" and len(new_key) < 2:
        new_key = ["A", "C"]
    run = regrade.correct_key(question, new_key, "答案有误", county_admin)
    assert run.attempts_rescored == 2
    first = Attempt.objects.filter(exam=exam).order_by("id").first()
    assert first.item_scores[str(question.pk)]["c"] is False
