"""The cadre's side of the wrong-question book: list, open and retry entries.

Exam results whose answers have since been released are applied first, so the book is up
to date whenever the cadre looks at it.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from apps.accounts.models import User
from apps.common.errors import NotFound
from apps.training import selectors
from apps.training.models import AnswerSource, WrongBookEntry
from apps.training.services import exam_feed
from apps.training.services.answers import record_answer

WRONG_ENTRY_NOT_FOUND = "错题不存在，或已移出错题本"


def open_book(
    user: User, knowledge_point: int | None = None, now: dt.datetime | None = None
) -> QuerySet[WrongBookEntry]:
    exam_feed.apply_released(user, now or timezone.now())
    return selectors.wrong_book_entries(user, knowledge_point)


def get_active_entry(user: User, entry_id: int, now: dt.datetime | None = None) -> WrongBookEntry:
    exam_feed.apply_released(user, now or timezone.now())
    entry = selectors.wrong_book_entries(user).filter(pk=entry_id).first()
    if entry is None:
        raise NotFound(WRONG_ENTRY_NOT_FOUND)
    return entry


def retry(
    user: User, entry_id: int, response, now: dt.datetime | None = None
) -> tuple[dict, WrongBookEntry]:
    """Answer a wrong-book question again; returns the feedback and the entry's new state."""
    now = now or timezone.now()
    with transaction.atomic():
        entry = get_active_entry(user, entry_id, now)
        question = selectors.current_version(entry.lineage, entry.question)
        result = record_answer(
            user=user, question=question, response=response, source=AnswerSource.WRONG_BOOK, now=now
        )
        entry.refresh_from_db()
    return result.feedback, entry
