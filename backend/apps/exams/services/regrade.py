"""Correcting an answer key and rescoring every attempt that was given that question.

Decision: the correction is made IN PLACE on the question row (the version the attempts
froze), because the key was wrong for everyone who saw that version; the old and new keys
are kept in RegradeRun and a QuestionReview note, and each changed score in ScoreChange.
Later versions of the question are edited through the question bank as usual.
"""

from __future__ import annotations

from django.db import transaction

from apps.common.errors import InvalidInput
from apps.exams.models import Attempt, Exam, RegradeRun, ScoreChange
from apps.exams.services import attempts
from apps.questions.models import Question
from apps.questions.services import review
from apps.questions.services.review import KEY_CORRECTION, SUBJECTIVE_KEY

__all__ = ["KEY_CORRECTION", "SUBJECTIVE_KEY", "affected_attempt_ids", "correct_key"]
REASON_REQUIRED = "请填写更正原因"


def affected_attempt_ids(question: Question) -> list[int]:
    """Submitted attempts whose frozen layout contains this question row."""
    exams = Exam.objects.filter(paper__items__question=question) | Exam.objects.filter(
        paper__rules__bank=question.bank_id
    )
    rows = Attempt.objects.filter(
        exam__in=exams.distinct(), status=Attempt.Status.SUBMITTED
    ).values_list("id", "layout")
    return [pk for pk, layout in rows if any(e["q"] == question.pk for e in layout)]


def correct_key(question: Question, answer, reason: str, actor) -> RegradeRun:
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(REASON_REQUIRED, errors={"reason": [REASON_REQUIRED]})
    answer = review.check_key(question, answer)
    with transaction.atomic():
        old = review.correct_key(question=question, answer=answer, actor=actor, reason=reason)
        run = RegradeRun.objects.create(
            question=question, old_answer=old, new_answer=answer, reason=reason, actor=actor
        )
    ids = affected_attempt_ids(question)
    run.attempts_rescored, run.scores_changed = attempts.rescore(
        ids, kind=ScoreChange.Kind.REGRADE, reason=f"更正试题答案：{reason}", actor=actor
    )
    run.save(update_fields=["attempts_rescored", "scores_changed"])
    return run
