"""Sending questions that fail to discriminate back to the bank's review queue."""

from __future__ import annotations

from django.db import transaction

from apps.exams import analytics
from apps.questions.models import Question, QuestionReview

FLAG_NOTE = "考试「{exam}」试题分析：区分度 {d}（{n} 人作答），低于 {limit}，请复核题目与答案"


@transaction.atomic
def flag_low_discrimination(exam, admin) -> list[int]:
    """Published questions with negative or near-zero discrimination go back to pending,
    each with a review note; returns their ids. Already flagged ones are left alone."""
    from apps.exams import conf

    flagged = []
    for row in analytics.item_analysis(exam, admin)["items"]:
        if not row["low_discrimination"]:
            continue
        question = (
            Question.objects.select_for_update()
            .filter(pk=row["question_id"], status=Question.Status.PUBLISHED)
            .first()
        )
        if question is None:
            continue
        Question.objects.filter(pk=question.pk).update(status=Question.Status.PENDING)
        QuestionReview.objects.create(
            question=question,
            action="flag",
            from_status=Question.Status.PUBLISHED,
            to_status=Question.Status.PENDING,
            reason="low_discrimination",
            actor=admin,
            comment=FLAG_NOTE.format(
                exam=exam.title,
                d=row["discrimination"],
                n=row["responses"],
                limit=conf.low_discrimination(),
            ),
        )
        flagged.append(question.pk)
    return flagged


NOT_IN_EXAM = "这道题不在本场考试的答卷中"
ALREADY_PENDING = "这道题已在复审中（状态：{status}）"
ONE_FLAG_NOTE = "考试「{exam}」试题分析退回复审：{reason}"
REASON_REQUIRED = "请填写退回复审的原因"


@transaction.atomic
def flag_question(exam, question_id: int, admin, reason: str) -> Question:
    """One item of the exam back to the bank's review queue (published → pending), noted."""
    from apps.common import scoping
    from apps.common.errors import Conflict, InvalidInput, NotFound

    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(REASON_REQUIRED, errors={"reason": [REASON_REQUIRED]})
    question = (
        scoping.scope_queryset(Question.objects.select_for_update(), admin, "bank__org_unit")
        .filter(pk=question_id)
        .first()
    )
    if question is None or not _in_exam(exam, question_id):
        raise NotFound(NOT_IN_EXAM)
    if question.status != Question.Status.PUBLISHED:
        message = ALREADY_PENDING.format(status=question.get_status_display())
        raise Conflict(message, code="not_published")
    Question.objects.filter(pk=question.pk).update(status=Question.Status.PENDING)
    QuestionReview.objects.create(
        question=question,
        action="flag",
        from_status=Question.Status.PUBLISHED,
        to_status=Question.Status.PENDING,
        reason="exam_item_analysis",
        actor=admin,
        comment=ONE_FLAG_NOTE.format(exam=exam.title, reason=reason),
    )
    question.status = Question.Status.PENDING
    return question


def _in_exam(exam, question_id: int) -> bool:
    """In some attempt's frozen layout (JSON containment differs by backend: read the rows)."""
    from apps.exams.models import Attempt

    for layout in Attempt.objects.filter(exam=exam).values_list("layout", flat=True).iterator():
        if any(entry["q"] == question_id for entry in layout):
            return True
    return False
