"""The one home of a graded training answer and its side effects: the answer row, the
wrong-question book and the Leitner card move together in one transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.common.errors import Conflict
from apps.exams import held_keys
from apps.questions.models import Question
from apps.training import selectors
from apps.training.models import PracticeAnswer, PracticeSession
from apps.training.services import book_entries, leitner
from apps.training.services.feedback import feedback, grade
from apps.training.services.responses import validate_response

TRAINING_DURING_EXAM = "您正在参加考试，交卷后再来练习"
TRAINING_QUESTION_HELD = "这道题正用于尚未结束的考试，考试结束后再练习"


@dataclass
class RecordedAnswer:
    answer: PracticeAnswer
    feedback: dict


def record_answer(
    *,
    user: User,
    question: Question,
    response,
    source: str,
    session: PracticeSession | None = None,
    now: dt.datetime | None = None,
) -> RecordedAnswer:
    now = now or timezone.now()
    if selectors.in_exam(user, now):
        raise Conflict(TRAINING_DURING_EXAM)
    if held_keys.held_for(user, now=now).holds(question):
        raise Conflict(TRAINING_QUESTION_HELD)
    validate_response(question, response)
    result = grade(question, response)
    with transaction.atomic():
        answer = PracticeAnswer.objects.create(
            user=user,
            session=session,
            source=source,
            question=question,
            lineage=question.lineage,
            response=response,
            is_correct=result.is_correct,
            score=result.score,
            answered_at=now,
        )
        if result.is_correct:
            book_entries.note_right(user, question, now)
        else:
            book_entries.note_wrong(user, question, response, source, now)
        leitner.note_result(user, question, result.is_correct, timezone.localdate(now))
    return RecordedAnswer(answer=answer, feedback=feedback(question, response, result))
