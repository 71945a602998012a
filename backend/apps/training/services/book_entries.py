"""Entries of the wrong-question book (错题本): every wrong answer puts the question in (or
back in); conf.wrong_book_exit_streak() right answers in a row take it out."""

from __future__ import annotations

import datetime as dt

from apps.accounts.models import User
from apps.questions.models import Question
from apps.training import conf
from apps.training.models import WrongBookEntry


def note_wrong(
    user: User, question: Question, response, source: str, now: dt.datetime
) -> WrongBookEntry:
    entry, _ = WrongBookEntry.objects.select_for_update().get_or_create(
        user=user,
        lineage=question.lineage,
        defaults={
            "question": question,
            "first_source": source,
            "last_wrong_at": now,
        },
    )
    entry.resolved_at = None  # back in the book if it had left
    entry.wrong_count += 1
    entry.right_streak = 0
    entry.question = question
    entry.last_response = response
    entry.last_wrong_at = max(entry.last_wrong_at, now)
    entry.save()
    return entry


def note_right(user: User, question: Question, now: dt.datetime) -> WrongBookEntry | None:
    entry = (
        WrongBookEntry.objects.select_for_update()
        .filter(user=user, lineage=question.lineage, resolved_at__isnull=True)
        .first()
    )
    if entry is None:
        return None
    entry.right_streak += 1
    if entry.right_streak >= conf.wrong_book_exit_streak():
        entry.resolved_at = now
    entry.save(update_fields=["right_streak", "resolved_at", "updated_at"])
    return entry
