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
from apps.training import conf
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
    to_create: list[ExamResult] = []
    to_update: list[ExamResult] = []
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
            (to_update if result.pk else to_create).append(result)
        # One statement each, not one per question: a close rush feeds thousands of attempts.
        ExamResult.objects.bulk_create(to_create)
        ExamResult.objects.bulk_update(
            to_update, ["question", "is_correct", "graded_at", "answered_at", "response"]
        )
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
        # Only this cadre's own result rows: the questions are shared by every cadre.
        pending = list(
            ExamResult.objects.select_for_update(of=("self",))
            .filter(user=user, applied=False, exam_id__in=released)
            .select_related("question")
            .order_by("answered_at", "id")
        )
        if pending:
            _apply_many(user, pending, now)
            ExamResult.objects.filter(pk__in=[r.pk for r in pending]).update(applied=True)
    return len(pending)


ENTRY_FIELDS = [
    "question",
    "wrong_count",
    "right_streak",
    "last_response",
    "last_wrong_at",
    "resolved_at",
    "updated_at",
]
CARD_FIELDS = ["question", "box", "due_on", "last_reviewed_on"]


def _apply_many(user: User, results: list[ExamResult], now: dt.datetime) -> None:
    """What _apply does for one verdict (book_entries.note_wrong / note_right, then
    leitner.note_result), for many verdicts of one cadre in answer order, with a few
    statements in all instead of several per verdict."""
    today = timezone.localdate(now)
    lineages = {r.lineage for r in results}
    entries = {
        e.lineage: e
        for e in WrongBookEntry.objects.select_for_update().filter(user=user, lineage__in=lineages)
    }
    cards = {c.lineage: c for c in ReviewCard.objects.filter(user=user, lineage__in=lineages)}
    existing_entries, existing_cards = set(entries), set(cards)
    touched_entries, touched_cards = set(), set()
    exit_streak = conf.wrong_book_exit_streak()
    for result in results:
        question, lineage, correct = result.question, result.lineage, result.is_correct
        entry = entries.get(lineage)
        if correct:
            if entry is not None and entry.resolved_at is None:
                entry.right_streak += 1
                if entry.right_streak >= exit_streak:
                    entry.resolved_at = result.answered_at
                touched_entries.add(lineage)
        else:
            if entry is None:
                entry = entries[lineage] = WrongBookEntry(
                    user=user,
                    lineage=lineage,
                    question=question,
                    first_source=AnswerSource.EXAM,
                    last_wrong_at=result.answered_at,
                )
            entry.resolved_at = None  # back in the book if it had left
            entry.wrong_count += 1
            entry.right_streak = 0
            entry.question = question
            entry.last_response = result.response
            entry.last_wrong_at = max(entry.last_wrong_at, result.answered_at)
            touched_entries.add(lineage)
        card = cards.get(lineage)
        if card is None:
            if correct:
                continue
            card = cards[lineage] = ReviewCard(
                user=user, lineage=lineage, question=question, box=1, due_on=today
            )
            box, due_on = 1, today + leitner.interval(1)
        else:
            box, due_on = leitner.next_state(card.box, card.due_on, correct, today)
        card.box, card.due_on, card.question, card.last_reviewed_on = box, due_on, question, today
        touched_cards.add(lineage)
    for lineage in touched_entries & existing_entries:
        entries[lineage].updated_at = now
    WrongBookEntry.objects.bulk_create([entries[x] for x in touched_entries - existing_entries])
    WrongBookEntry.objects.bulk_update(
        [entries[x] for x in touched_entries & existing_entries], ENTRY_FIELDS
    )
    ReviewCard.objects.bulk_create([cards[x] for x in touched_cards - existing_cards])
    ReviewCard.objects.bulk_update([cards[x] for x in touched_cards & existing_cards], CARD_FIELDS)
