"""Feed graded exam attempts into the wrong-question book, Leitner cards and mastery.

attempt_graded is sent again at every regrade, so each (attempt, question) is remembered in
ExamResult and only a change of its right/wrong verdict has any effect. A verdict reaches
the book only once the exam's result policy releases its answers: at once, after the window
closes (applied the next time the cadre opens the book or the daily quiz), or never.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.exams import held_keys
from apps.exams.models import Answer, Attempt, Exam
from apps.exams.services import grading
from apps.exams.services.exams import sittings_over
from apps.questions.models import OBJECTIVE_TYPES, Question
from apps.training import conf
from apps.training.models import AnswerSource, ExamResult, ReviewCard, WrongBookEntry
from apps.training.services import book_entries, leitner


def released_exam_ids(exams, now: dt.datetime) -> set[int]:
    """The exams whose result policy lets a cadre see their keys at `now` (read each time,
    so a window that is extended, or a person's extra time past it, keeps them back longer)."""
    after_close = [e for e in exams if e.answer_release == Exam.Release.AFTER_CLOSE]
    immediate = {e.pk for e in exams if e.answer_release == Exam.Release.IMMEDIATE}
    return immediate | sittings_over(after_close, now)


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
    """Record one attempt's per-question verdicts; returns how many were new or changed."""
    return ingest_attempts([attempt], now)


def ingest_attempts(attempts: list[Attempt], now: dt.datetime | None = None) -> int:
    """Record the per-question verdicts of many graded attempts (a close rush feeds them in
    batches), then apply those whose answers are released; returns how many verdicts were
    new or changed. A few statements per batch, not per attempt or per question.

    Idempotent: a verdict already recorded with the same right/wrong changes nothing, so a
    retry or the sweep may run it again. Only the attempts' own result rows are locked."""
    now = now or timezone.now()
    verdicts = {
        a.pk: {
            int(qid): item.get("c")
            for qid, item in (a.item_scores or {}).items()
            if item.get("c") is not None  # None: awaiting a reviewer
        }
        for a in attempts
    }
    todo = [a for a in attempts if verdicts[a.pk]]
    if not todo:
        return 0
    ids = [a.pk for a in todo]
    responses: dict[int, dict[int, object]] = defaultdict(dict)
    for attempt_id, qid, response in Answer.objects.filter(attempt_id__in=ids).values_list(
        "attempt_id", "question_id", "response"
    ):
        responses[attempt_id][qid] = response
    lineages = dict(
        Question.objects.filter(
            pk__in={qid for v in verdicts.values() for qid in v}, type__in=OBJECTIVE_TYPES
        ).values_list("id", "lineage")
    )
    changed = 0
    to_create: list[ExamResult] = []
    to_update: list[ExamResult] = []
    with transaction.atomic():
        previous = {
            (r.attempt_id, r.lineage): r
            for r in ExamResult.objects.select_for_update(of=("self",))
            .filter(attempt_id__in=ids)
            .order_by("pk")
        }
        for attempt in todo:
            orders = {item["q"]: item.get("o") for item in attempt.layout or []}
            answered_at = attempt.submitted_at or now
            for qid, correct in verdicts[attempt.pk].items():
                lineage = lineages.get(qid)
                if lineage is None:
                    continue
                correct = bool(correct)
                result = previous.get((attempt.pk, lineage))
                if result is not None and result.is_correct == correct:
                    continue
                changed += 1
                was_applied = result is not None and result.applied
                result = result or ExamResult(
                    attempt_id=attempt.pk,
                    lineage=lineage,
                    exam_id=attempt.exam_id,
                    user_id=attempt.user_id,
                )
                result.question_id, result.is_correct, result.graded_at = qid, correct, now
                result.answered_at = answered_at
                result.response = _original_response(
                    responses[attempt.pk].get(qid), orders.get(qid)
                )
                if was_applied:  # a regrade after release corrects what the book already shows
                    if correct:
                        _undo_wrong(result)
                    else:
                        _apply(result, now)
                (to_update if result.pk else to_create).append(result)
        # One statement each, not one per question: a close rush feeds thousands of attempts.
        ExamResult.objects.bulk_update(
            to_update,
            ["question", "is_correct", "graded_at", "answered_at", "response"],
            batch_size=500,
        )
        # Earlier unapplied verdicts of released exams (and those just updated) first...
        apply_released_many({a.user_id for a in todo}, now)
        # ...then the new ones of an exam whose answers are out: applied as they are stored,
        # without reading them back (they are the latest answers of their cadres).
        released = released_exam_ids({a.exam_id: a.exam for a in todo}.values(), now)
        fresh = _releasable([r for r in to_create if r.exam_id in released], now)
        if fresh:
            fresh.sort(key=lambda r: (r.user_id, r.answered_at))
            _apply_many(fresh, now)
            for result in fresh:
                result.applied = True
        ExamResult.objects.bulk_create(to_create, batch_size=2000)
    return changed


def _releasable(results: list[ExamResult], now: dt.datetime) -> list[ExamResult]:
    """The verdicts the book may take now: not one on a question whose key another exam still
    holds from its cadre (apps.exams.held_keys). Whether a question is in the book says
    whether the answer was right, so a mock exam sat three times would find the key of a
    formal exam's question. Those wait, unapplied, until the hold ends."""
    pooled = held_keys.HeldKeys.of(held_keys.holding_exams(now))
    if not pooled or not results:
        return results
    questions = Question.objects.only("bank_id", "lineage").in_bulk(
        {r.question_id for r in results}
    )
    suspects = [r for r in results if pooled.holds(questions[r.question_id])]
    if not suspects:
        return results
    users = User.objects.select_related("org_unit").in_bulk({r.user_id for r in suspects})
    holding = {pk: held_keys.exams_holding_from(user, now) for pk, user in users.items()}
    held = {
        id(r)
        for r in suspects
        if held_keys.HeldKeys.of(
            row for row in holding[r.user_id] if row["exam"] != r.exam_id
        ).holds(questions[r.question_id])
    }
    return [r for r in results if id(r) not in held]


def apply_released(user: User, now: dt.datetime) -> int:
    """Apply this cadre's exam verdicts whose answers have been released since grading."""
    with transaction.atomic():
        return apply_released_many({user.pk}, now)


def apply_released_many(user_ids: set[int], now: dt.datetime) -> int:
    """apply_released for many cadres at once (call inside a transaction)."""
    exam_ids = set(
        ExamResult.objects.filter(user_id__in=user_ids, applied=False)
        .values_list("exam_id", flat=True)
        .distinct()
    )
    if not exam_ids:
        return 0
    released = released_exam_ids(Exam.objects.filter(pk__in=exam_ids), now)
    if not released:
        return 0
    # Only these cadres' own result rows (never the questions every cadre shares), in one
    # order, so two feeds that meet on a cadre wait for each other instead of deadlocking.
    pending = list(
        ExamResult.objects.select_for_update(of=("self",))
        .filter(user_id__in=user_ids, applied=False, exam_id__in=released)
        .order_by("user_id", "answered_at", "id")
    )
    pending = _releasable(pending, now)
    if pending:
        _apply_many(pending, now)
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


def _apply_many(results: list[ExamResult], now: dt.datetime) -> None:
    """What _apply does for one verdict (book_entries.note_wrong / note_right, then
    leitner.note_result), for many verdicts of many cadres (each cadre's in answer order),
    with a few statements in all instead of several per verdict."""
    today = timezone.localdate(now)
    users = {r.user_id for r in results}
    lineages = {r.lineage for r in results}
    entries = {
        (e.user_id, e.lineage): e
        for e in WrongBookEntry.objects.select_for_update()
        .filter(user_id__in=users, lineage__in=lineages)
        .order_by("pk")
    }
    cards = {
        (c.user_id, c.lineage): c
        for c in ReviewCard.objects.select_for_update()
        .filter(user_id__in=users, lineage__in=lineages)
        .order_by("pk")
    }
    existing_entries, existing_cards = set(entries), set(cards)
    touched_entries, touched_cards = set(), set()
    exit_streak = conf.wrong_book_exit_streak()
    for result in results:
        key, question_id, correct = (
            (result.user_id, result.lineage),
            result.question_id,
            result.is_correct,
        )
        entry = entries.get(key)
        if correct:
            if entry is not None and entry.resolved_at is None:
                entry.right_streak += 1
                if entry.right_streak >= exit_streak:
                    entry.resolved_at = result.answered_at
                touched_entries.add(key)
        else:
            if entry is None:
                entry = entries[key] = WrongBookEntry(
                    user_id=result.user_id,
                    lineage=result.lineage,
                    question_id=question_id,
                    first_source=AnswerSource.EXAM,
                    last_wrong_at=result.answered_at,
                )
            entry.resolved_at = None  # back in the book if it had left
            entry.wrong_count += 1
            entry.right_streak = 0
            entry.question_id = question_id
            entry.last_response = result.response
            entry.last_wrong_at = max(entry.last_wrong_at, result.answered_at)
            touched_entries.add(key)
        card = cards.get(key)
        if card is None:
            if correct:
                continue
            card = cards[key] = ReviewCard(
                user_id=result.user_id,
                lineage=result.lineage,
                question_id=question_id,
                box=1,
                due_on=today,
            )
            box, due_on = 1, today + leitner.interval(1)
        else:
            box, due_on = leitner.next_state(card.box, card.due_on, correct, today)
        card.box, card.due_on, card.question_id, card.last_reviewed_on = (
            box,
            due_on,
            question_id,
            today,
        )
        touched_cards.add(key)
    for key in touched_entries & existing_entries:
        entries[key].updated_at = now
    WrongBookEntry.objects.bulk_create(
        [entries[x] for x in touched_entries - existing_entries], batch_size=2000
    )
    WrongBookEntry.objects.bulk_update(
        [entries[x] for x in touched_entries & existing_entries], ENTRY_FIELDS, batch_size=500
    )
    ReviewCard.objects.bulk_create(
        [cards[x] for x in touched_cards - existing_cards], batch_size=2000
    )
    ReviewCard.objects.bulk_update(
        [cards[x] for x in touched_cards & existing_cards], CARD_FIELDS, batch_size=500
    )
