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
from apps.exams.services.answer_store import question_spec
from apps.exams.services.responses import check_response
from apps.questions.models import Question, QuestionReview

KEY_CORRECTION = "key_correction"  # the QuestionReview action of a correction
REASON_REQUIRED = "请填写更正原因"
SUBJECTIVE_KEY = "主观题没有标准答案可更正，请由评审员改判"
BAD_FILL_KEY = '填空题答案应为每空一个可接受答案列表，例如 [["答案", "同义词"]]'


def _check_key(question: Question, answer) -> None:
    if question.type in {"short_answer", "case_analysis"}:
        raise InvalidInput(SUBJECTIVE_KEY, errors={"answer": [SUBJECTIVE_KEY]})
    if question.type == "fill_in":
        ok = (
            isinstance(answer, list)
            and answer
            and all(
                isinstance(b, list) and b and all(isinstance(x, str) and x.strip() for x in b)
                for b in answer
            )
        )
        if not ok:
            raise InvalidInput(BAD_FILL_KEY, errors={"answer": [BAD_FILL_KEY]})
        return
    if answer is None:
        raise InvalidInput(SUBJECTIVE_KEY, errors={"answer": [SUBJECTIVE_KEY]})
    check_response(question_spec(question), answer, "answer")  # keys use the question's own letters


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
    _check_key(question, answer)
    with transaction.atomic():
        question = Question.objects.select_for_update().get(pk=question.pk)
        old = question.answer
        Question.objects.filter(pk=question.pk).update(answer=answer)
        QuestionReview.objects.create(
            question=question,
            action=KEY_CORRECTION,
            from_status=question.status,
            to_status=question.status,
            reason="answer_key",
            comment=f"更正答案：{old!r} → {answer!r}；原因：{reason}",
            actor=actor,
        )
        run = RegradeRun.objects.create(
            question=question, old_answer=old, new_answer=answer, reason=reason, actor=actor
        )
    ids = affected_attempt_ids(question)
    run.attempts_rescored, run.scores_changed = attempts.rescore(
        ids, kind=ScoreChange.Kind.REGRADE, reason=f"更正试题答案：{reason}", actor=actor
    )
    run.save(update_fields=["attempts_rescored", "scores_changed"])
    return run
