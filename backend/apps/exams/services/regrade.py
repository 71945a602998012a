"""Correcting an answer key and rescoring every attempt that was given that question.

Decision: the correction is made IN PLACE on the question row (the version the attempts
froze), because the key was wrong for everyone who saw that version; the old and new keys
are kept in RegradeRun and a QuestionReview note, and each changed score in ScoreChange.
Later versions of the question are edited through the question bank as usual.
"""

from __future__ import annotations

from django.db import transaction

from apps.common import scoping
from apps.common.errors import Forbidden, InvalidInput
from apps.exams.models import Attempt, Exam, RegradeRun, ScoreChange
from apps.exams.services import attempts
from apps.questions.models import Question
from apps.questions.services import review
from apps.questions.services.questions import check_not_held_from
from apps.questions.services.review import KEY_CORRECTION, SUBJECTIVE_KEY

__all__ = ["KEY_CORRECTION", "SUBJECTIVE_KEY", "affected_attempt_ids", "correct_key"]
REASON_REQUIRED = "请填写更正原因"
USED_OUTSIDE_SCOPE = "该题已用于您管理范围以外单位组织的考试，须由该考试的组织单位更正答案"


def affected_attempt_ids(question: Question, *, submitted_only: bool = True) -> list[int]:
    """Submitted (or all) attempts whose frozen layout contains this question row."""
    exams = Exam.objects.filter(paper__items__question=question) | Exam.objects.filter(
        paper__rules__bank=question.bank_id
    )
    rows = Attempt.objects.filter(exam__in=exams.distinct())
    if submitted_only:
        rows = rows.filter(status=Attempt.Status.SUBMITTED)
    return [
        pk
        for pk, layout in rows.values_list("id", "layout")
        if any(e["q"] == question.pk for e in layout)
    ]


def check_may_correct(question: Question, actor) -> None:
    """A key correction rescores everyone given the question, so the actor must organize
    every exam that gave it: a township's question in the county's exam is the county's to
    correct."""
    if actor.is_superuser:
        return
    given = Attempt.objects.filter(pk__in=affected_attempt_ids(question, submitted_only=False))
    if given.exclude(scoping.unit_scope_q(actor, "exam__org_unit")).exists():
        raise Forbidden(USED_OUTSIDE_SCOPE)


def correct_key(question: Question, answer, reason: str, actor) -> RegradeRun:
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(REASON_REQUIRED, errors={"reason": [REASON_REQUIRED]})
    check_may_correct(question, actor)
    check_not_held_from(actor, question.bank, question.lineage)
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
