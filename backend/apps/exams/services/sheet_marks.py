"""The answer sheet's marks (标记): questions a cadre wants to look at again.

They are kept with the attempt, not on one phone, so they survive a reload and follow
the cadre to a second device. They are a note to oneself: they never change a score,
and they are kept apart from the answer save path."""

from __future__ import annotations

from django.db import transaction

from apps.common.errors import Conflict, InvalidInput
from apps.exams.models import Attempt

MARKS_AFTER_SUBMIT = "本次考试已交卷，不能再标记题目"
MARK_NOT_IN_ATTEMPT = "第 {index} 项不是本次答卷中的题目：{value}"


@transaction.atomic
def set_marks(attempt: Attempt, question_ids: list[int]) -> list[int]:
    """Replace the attempt's marks; returns them in the paper's order."""
    attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.status != Attempt.Status.IN_PROGRESS:
        raise Conflict(MARKS_AFTER_SUBMIT, code="submitted")
    order = {qid: i for i, qid in enumerate(attempt.question_ids)}
    for index, qid in enumerate(question_ids, start=1):
        if qid not in order:
            message = MARK_NOT_IN_ATTEMPT.format(index=index, value=qid)
            raise InvalidInput(message, errors={"question_ids": [message]})
    marks = sorted(set(question_ids), key=order.__getitem__)
    attempt.flagged = marks
    attempt.save(update_fields=["flagged"])
    return marks
