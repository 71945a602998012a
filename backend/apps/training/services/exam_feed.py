"""Feed graded exam attempts into the wrong-question book, Leitner cards and mastery.

attempt_graded is sent again at every regrade, so each (attempt, question) is remembered in
ExamResult and only a change of its right/wrong verdict has any effect. A verdict reaches
the book only once the exam's result policy releases its answers: at once, after the window
closes (applied the next time the cadre opens the book or the daily quiz), or never.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.exams.models import Attempt, Exam
from apps.exams.services import grading
from apps.questions.models import OBJECTIVE_TYPES, Question
from apps.training.models import AnswerSource, ExamResult, ReviewCard, WrongBookEntry
from apps.training.services import book_entries, leitner


def answers_released(exam: Exam, now: dt.datetime) -> bool:
    """Whether the exam's result policy lets a cadre see its keys at `now` (read each time,
    so a window that is extended keeps the answers back longer)."""
    if exam.answer_release == Exam.Release.IMMEDIATE:
        return True
    if exam.answer_release == Exam.Release.AFTER_CLOSE:
        return now >= exam.closes_at
    return False


def _original_response(response, order):
    """Exam responses use the displayed letters; the book shows the question's own keys."""
    if isinstance(response, list) and order:
        return [grading.to_original(r, order) for r in response]
    if isinstance(response, str) and order:
        return grading.to_original(response, order)
    return response


def _apply(result: ExamResult, now: dt.datetime) -> None:
    """First effect of a released verdict on the book and the Leitner card."""
    today = timezone.localdate(now)
    if result.is_correct:
        book_entries.note_right(result.user, result.question, result.answered_at)
    else:
        book_entries.note_wrong(
            result.user, result.question, result.response, AnswerSource.EXAM, result.answered_at
        )
    leitner.note_result(result.user, result.question, result.is_correct, today)


def _undo_wrong(result: ExamResult) -> None:
    """A regrade turned an applied wrong answer right: take back what it added."""
    entry = (
        WrongBookEntry.objects.select_for_update()
        .filter(user=result.user, lineage=result.lineage)
        .first()
    )
    if entry is None:
        return
    entry.wrong_count = max(entry.wrong_count - 1, 0)
    if entry.wrong_count == 0:
        entry.delete()
        ReviewCard.objects.filter(user=result.user, lineage=result.lineage).delete()
    else:
        entry.save(update_fields=["wrong_count", "updated_at"])


def ingest_attempt(attempt: Attempt, now: dt.datetime | None = None) -> int:
    """Record the attempt's per-question verdicts; returns how many were new or changed."""
    now = now or timezone.now()
    verdicts = {int(qid): item.get("c") for qid, item in (attempt.item_scores or {}).items()}
    verdicts = {qid: c for qid, c in verdicts.items() if c is not None}  # None: awaiting a reviewer
    if not verdicts:
        return 0
    responses = dict(attempt.answers.values_list("question_id", "response"))
    orders = {item["q"]: item.get("o") for item in attempt.layout or []}
    changed = 0
    with transaction.atomic():
        previous = {
            r.lineage: r
            for r in ExamResult.objects.select_for_update().filter(attempt_id=attempt.pk)
        }
        for question in Question.objects.filter(pk__in=list(verdicts), type__in=OBJECTIVE_TYPES):
            correct = bool(verdicts[question.pk])
            result = previous.get(question.lineage)
            if result is not None and result.is_correct == correct:
                continue
            changed += 1
            was_applied = result is not None and result.applied
            result = result or ExamResult(
                attempt_id=attempt.pk,
                lineage=question.lineage,
                exam_id=attempt.exam_id,
                user=attempt.user,
            )
            result.question, result.is_correct, result.graded_at = question, correct, now
            result.answered_at = attempt.submitted_at or now
            result.response = _original_response(
                responses.get(question.pk), orders.get(question.pk)
            )
            if was_applied:  # a regrade after release corrects what the book already shows
                if correct:
                    _undo_wrong(result)
                else:
                    _apply(result, now)
            result.save()
    apply_released(attempt.user, now)  # unapplied verdicts of released exams, this one included
    return changed


def apply_released(user: User, now: dt.datetime) -> int:
    """Apply this cadre's exam verdicts whose answers have been released since grading."""
    exam_ids = set(
        ExamResult.objects.filter(user=user, applied=False).values_list("exam_id", flat=True)
    )
    if not exam_ids:
        return 0
    released = [e.pk for e in Exam.objects.filter(pk__in=exam_ids) if answers_released(e, now)]
    if not released:
        return 0
    with transaction.atomic():
        pending = list(
            ExamResult.objects.select_for_update()
            .filter(user=user, applied=False, exam_id__in=released)
            .select_related("user", "question")
            .order_by("answered_at", "id")
        )
        for result in pending:
            _apply(result, now)
            result.applied = True
            result.save(update_fields=["applied"])
    return len(pending)
