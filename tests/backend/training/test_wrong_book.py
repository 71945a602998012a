"""The wrong-question book: fed by practice and by graded exams (via attempts_graded),
left after two right answers in a row."""

import datetime as dt

import pytest
from django.utils import timezone

from apps.exams.models import Answer, Attempt, Exam, Paper
from apps.exams.signals import attempts_graded
from apps.training.models import AnswerSource, ReviewCard, WrongBookEntry
from apps.training.services import wrong_book
from apps.training.services.answers import record_answer
from tests.backend.training.conftest import ANSWER_FIELDS, right_response, wrong_response

pytestmark = pytest.mark.django_db


def _practise(user, question, response, now=None):
    return record_answer(
        user=user, question=question, response=response, source=AnswerSource.PRACTICE, now=now
    )


def _retry(client, entry_id, response):
    return client.post(
        f"/api/v1/wrong-book/{entry_id}/retry", {"response": response}, format="json"
    )


def _graded_attempt(
    user, tree, verdicts, *, policy=Exam.Release.IMMEDIATE, closes_in=dt.timedelta(hours=-1)
):
    """A submitted attempt whose item_scores hold `verdicts` {question: correct}; each wrong
    answer was given with the options shown in reverse (displayed "A" = the last key)."""
    now = timezone.now()
    paper = Paper.objects.create(title="测试卷", org_unit=tree.county)
    exam = Exam.objects.create(
        title="测试考试",
        org_unit=tree.county,
        paper=paper,
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + closes_in,
        duration_minutes=60,
        answer_release=policy,
    )
    layout, scores = [], {}
    for question, correct in verdicts.items():
        order = [o["key"] for o in question.options][::-1] or None
        layout.append({"q": question.id, "p": "2.00", "o": order, "s": ""})
        scores[str(question.id)] = {"s": "2.00" if correct else "0.00", "c": correct}
    attempt = Attempt.objects.create(
        exam=exam,
        user=user,
        status=Attempt.Status.SUBMITTED,
        started_at=now - dt.timedelta(minutes=30),
        deadline=now,
        submitted_at=now - dt.timedelta(minutes=5),
        layout=layout,
        item_scores=scores,
        graded_at=now,
    )
    for question, correct in verdicts.items():
        Answer.objects.create(
            attempt=attempt,
            question=question,
            response="A" if not correct else None,
            seq=1,
            saved_at=now,
            first_saved_at=now,
        )
    return attempt


def test_wrong_practice_answer_enters_and_two_right_in_a_row_take_it_out(
    cadre, content, client_for
):
    question = content.questions[0]
    _practise(cadre, question, wrong_response(question))
    client = client_for(cadre)
    listing = client.get("/api/v1/wrong-book/").json()
    assert listing["count"] == 1
    entry = listing["results"][0]
    assert entry["wrong_count"] == 1 and entry["question"]["id"] == question.id
    assert not ANSWER_FIELDS & set(entry["question"])

    first = _retry(client, entry["id"], right_response(question)).json()
    assert first["feedback"]["is_correct"] and first["right_streak"] == 1 and not first["removed"]
    assert client.get("/api/v1/wrong-book/").json()["count"] == 1
    second = _retry(client, entry["id"], right_response(question)).json()
    assert second["removed"] is True
    assert client.get("/api/v1/wrong-book/").json()["count"] == 0
    gone = _retry(client, entry["id"], right_response(question))
    assert gone.status_code == 404 and gone.json()["detail"] == wrong_book.WRONG_ENTRY_NOT_FOUND


def test_a_wrong_answer_between_right_ones_restarts_the_count(cadre, content, client_for):
    question = content.questions[0]
    _practise(cadre, question, wrong_response(question))
    entry = WrongBookEntry.objects.get(user=cadre)
    client = client_for(cadre)
    _retry(client, entry.id, right_response(question))
    wrong = _retry(client, entry.id, wrong_response(question)).json()
    assert wrong["right_streak"] == 0 and wrong["wrong_count"] == 2
    assert _retry(client, entry.id, right_response(question)).json()["removed"] is False
    assert _retry(client, entry.id, right_response(question)).json()["removed"] is True


def test_right_answers_anywhere_count_toward_leaving(cadre, content):
    question = content.questions[1]
    _practise(cadre, question, wrong_response(question))
    _practise(cadre, question, right_response(question))
    _practise(cadre, question, right_response(question))
    assert WrongBookEntry.objects.get(user=cadre).resolved_at is not None


def test_exam_attempt_feeds_the_book_through_the_signal(cadre, content, tree, client_for):
    wrong_q, right_q = content.questions[0], content.questions[2]
    attempt = _graded_attempt(cadre, tree, {wrong_q: False, right_q: True})
    attempts_graded.send(sender=Attempt, attempts=[attempt])
    entries = client_for(cadre).get("/api/v1/wrong-book/").json()["results"]
    assert [e["question"]["id"] for e in entries] == [wrong_q.id]
    assert entries[0]["first_source"] == "exam"
    # Displayed "A" of the reversed option order is the question's own last key.
    assert entries[0]["last_response"] == wrong_q.options[-1]["key"]
    assert ReviewCard.objects.filter(user=cadre, lineage=wrong_q.lineage, box=1).exists()


def test_regrade_resend_is_idempotent_and_a_corrected_key_takes_the_question_out(
    cadre, content, tree
):
    question = content.questions[0]
    attempt = _graded_attempt(cadre, tree, {question: False})
    attempts_graded.send(sender=Attempt, attempts=[attempt])
    attempts_graded.send(sender=Attempt, attempts=[attempt])
    assert WrongBookEntry.objects.get(user=cadre).wrong_count == 1

    attempt.item_scores = {str(question.id): {"s": "2.00", "c": True}}
    attempt.save()
    attempts_graded.send(sender=Attempt, attempts=[attempt])
    assert not WrongBookEntry.objects.filter(user=cadre).exists()
    assert not ReviewCard.objects.filter(user=cadre).exists()


def test_answers_released_after_close_hold_the_entry_back_until_then(
    cadre, content, tree, client_for
):
    question = content.questions[0]
    attempt = _graded_attempt(
        cadre,
        tree,
        {question: False},
        policy=Exam.Release.AFTER_CLOSE,
        closes_in=dt.timedelta(hours=2),
    )
    attempts_graded.send(sender=Attempt, attempts=[attempt])
    assert client_for(cadre).get("/api/v1/wrong-book/").json()["count"] == 0
    assert not ReviewCard.objects.filter(user=cadre).exists()
    later = timezone.now() + dt.timedelta(hours=3)
    assert [e.question_id for e in wrong_book.open_book(cadre, now=later)] == [question.id]
    assert ReviewCard.objects.filter(user=cadre, lineage=question.lineage).exists()
    # Opening the book again applies nothing twice.
    wrong_book.open_book(cadre, now=later + dt.timedelta(hours=1))
    assert WrongBookEntry.objects.get(user=cadre).wrong_count == 1


def test_an_unreleased_exam_mistake_does_not_show_on_a_question_already_in_the_book(
    cadre, content, tree, client_for
):
    question = content.questions[0]
    _practise(cadre, question, wrong_response(question))
    attempt = _graded_attempt(
        cadre,
        tree,
        {question: False},
        policy=Exam.Release.AFTER_CLOSE,
        closes_in=dt.timedelta(hours=2),
    )
    attempts_graded.send(sender=Attempt, attempts=[attempt])
    entry = client_for(cadre).get("/api/v1/wrong-book/").json()["results"][0]
    assert entry["wrong_count"] == 1 and entry["first_source"] == "practice"


def test_exams_that_never_release_answers_add_nothing_to_retry(cadre, content, tree):
    question = content.questions[0]
    attempt = _graded_attempt(cadre, tree, {question: False}, policy=Exam.Release.NEVER)
    attempts_graded.send(sender=Attempt, attempts=[attempt])
    assert not WrongBookEntry.objects.filter(user=cadre).exists()


def test_subjective_items_awaiting_review_are_skipped(cadre, content, tree):
    question = content.questions[0]
    attempt = _graded_attempt(cadre, tree, {question: False})
    attempt.item_scores = {str(question.id): {"s": "0.00", "c": None}}
    attempt.save()
    attempts_graded.send(sender=Attempt, attempts=[attempt])
    assert not WrongBookEntry.objects.filter(user=cadre).exists()


def test_the_book_lists_only_my_entries_and_filters_by_knowledge_point(
    cadre, content, tree, client_for
):
    from tests import factories

    other = factories.make_user(tree.village_b1)
    weak_q, strong_q = content.questions[0], content.questions[1]
    _practise(cadre, weak_q, wrong_response(weak_q))
    _practise(cadre, strong_q, wrong_response(strong_q))
    _practise(other, weak_q, wrong_response(weak_q))
    client = client_for(cadre)
    assert client.get("/api/v1/wrong-book/").json()["count"] == 2
    only = client.get(f"/api/v1/wrong-book/?knowledge_point={content.kp_weak.id}").json()
    assert [e["question"]["id"] for e in only["results"]] == [weak_q.id]
    theirs = WrongBookEntry.objects.get(user=other)
    assert _retry(client, theirs.id, right_response(weak_q)).status_code == 404


def test_summary_counts_my_wrong_questions_per_knowledge_point(cadre, content, client_for):
    weak = [q for q in content.questions if content.kp_weak in q.knowledge_points.all()]
    strong = [q for q in content.questions if content.kp_strong in q.knowledge_points.all()]
    for question in [*weak[:3], strong[0]]:
        _practise(cadre, question, wrong_response(question))
    _practise(cadre, weak[0], wrong_response(weak[0]))  # twice wrong is still one question
    summary = client_for(cadre).get("/api/v1/wrong-book/summary").json()
    assert summary["total"] == 4
    assert [(r["name"], r["count"]) for r in summary["by_knowledge_point"]] == [
        ("低保政策", 3),
        ("村务公开", 1),
    ]


def test_the_exit_streak_is_a_setting(cadre, content, settings):
    settings.TRAINING_WRONG_BOOK_EXIT_STREAK = 3
    question = content.questions[1]
    _practise(cadre, question, wrong_response(question))
    for _ in range(2):
        _practise(cadre, question, right_response(question))
    assert WrongBookEntry.objects.get(user=cadre).resolved_at is None
    _practise(cadre, question, right_response(question))
    assert WrongBookEntry.objects.get(user=cadre).resolved_at is not None
