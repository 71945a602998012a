"""Training never shows a key that a running exam still needs hidden."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from apps.common.errors import Conflict
from apps.exams.models import Attempt, Exam, Paper, PaperItem
from apps.training import selectors
from apps.training.models import AnswerSource
from apps.training.services import answers, daily_quiz, practice
from apps.training.services.answers import record_answer
from tests.backend.training.conftest import right_response

pytestmark = pytest.mark.django_db


def _open_exam(tree, questions, closes_in=dt.timedelta(hours=2)):
    now = timezone.now()
    paper = Paper.objects.create(title="进行中的考试卷", org_unit=tree.county)
    for position, question in enumerate(questions, start=1):
        PaperItem.objects.create(
            paper=paper, position=position, question=question, points=Decimal(2)
        )
    exam = Exam.objects.create(
        title="进行中的考试",
        org_unit=tree.county,
        paper=paper,
        opens_at=now - dt.timedelta(hours=1),
        closes_at=now + closes_in,
        duration_minutes=30,
    )
    exam.audience_units.set([tree.county])  # the cadre could sit it: its keys are held
    return exam


def test_questions_of_an_unclosed_fixed_paper_are_kept_out_of_practice(
    cadre, tree, content, client_for
):
    held = content.questions[:2]
    _open_exam(tree, held)
    pool = set(selectors.practice_questions(cadre).values_list("id", flat=True))
    assert pool == {q.id for q in content.questions[2:]}
    session = practice.start_session(cadre, bank=content.bank.id, count=50)
    assert not {q.id for q in held} & set(session.question_ids)
    assert not {q.id for q in held} & {
        qid for qid, _ in daily_quiz.choose_questions(cadre, timezone.localdate())
    }


def test_a_question_put_on_a_paper_after_the_session_started_is_refused(
    cadre, tree, content, client_for
):
    session = practice.start_session(cadre, bank=content.bank.id, count=3, seed=1)
    question = next(q for q in content.questions if q.id == session.question_ids[0])
    _open_exam(tree, [question])
    response = client_for(cadre).post(
        f"/api/v1/practice/{session.id}/answers",
        {"question_id": question.id, "response": right_response(question)},
        format="json",
    )
    assert (
        response.status_code == 409 and response.json()["detail"] == answers.TRAINING_QUESTION_HELD
    )
    assert "correct_answer" not in response.json()


def test_a_closed_exam_frees_its_questions(cadre, tree, content):
    _open_exam(tree, content.questions[:2], closes_in=dt.timedelta(seconds=-1))
    assert selectors.practice_questions(cadre).count() == len(content.questions)


def test_no_feedback_while_the_cadre_sits_an_exam(cadre, tree, content):
    exam = _open_exam(tree, [content.questions[0]])
    now = timezone.now()
    Attempt.objects.create(
        exam=exam, user=cadre, started_at=now, deadline=now + dt.timedelta(minutes=30)
    )
    question = content.questions[3]
    with pytest.raises(Conflict) as exc:
        record_answer(
            user=cadre,
            question=question,
            response=right_response(question),
            source=AnswerSource.PRACTICE,
            now=now,
        )
    assert exc.value.message == answers.TRAINING_DURING_EXAM
    # Past the attempt's deadline the cadre may practise again, even before the sweep runs.
    later = now + dt.timedelta(minutes=31)
    assert record_answer(
        user=cadre,
        question=question,
        response=right_response(question),
        source=AnswerSource.PRACTICE,
        now=later,
    ).feedback["is_correct"]
