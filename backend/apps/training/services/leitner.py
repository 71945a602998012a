"""Leitner review cards: a wrong answer puts a question in box 1; a right answer on or after
its due date moves it up one box, and each box waits longer (conf.leitner_intervals)."""

from __future__ import annotations

import datetime as dt

from apps.accounts.models import User
from apps.questions.models import Question
from apps.training import conf
from apps.training.models import ReviewCard


def interval(box: int) -> dt.timedelta:
    intervals = conf.leitner_intervals()
    return dt.timedelta(days=intervals[min(box, len(intervals)) - 1])


def next_state(box: int, due_on: dt.date, correct: bool, today: dt.date) -> tuple[int, dt.date]:
    """(box, due date) after one answer. Right before the due date changes nothing: a card
    climbs only when reviewed on schedule; wrong always sends it back to box 1."""
    if not correct:
        return 1, today + interval(1)
    if today < due_on:
        return box, due_on
    box = min(box + 1, len(conf.leitner_intervals()))
    return box, today + interval(box)


def note_result(user: User, question: Question, correct: bool, today: dt.date) -> ReviewCard | None:
    """Move (or create, on a wrong answer) the cadre's card for this question."""
    card = ReviewCard.objects.filter(user=user, lineage=question.lineage).first()
    if card is None:
        if correct:
            return None
        card = ReviewCard(
            user=user, lineage=question.lineage, question=question, box=1, due_on=today
        )
        box, due_on = 1, today + interval(1)
    else:
        box, due_on = next_state(card.box, card.due_on, correct, today)
    card.box, card.due_on, card.question, card.last_reviewed_on = box, due_on, question, today
    card.save()
    return card
