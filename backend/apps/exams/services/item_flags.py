"""Sending questions that fail to discriminate back to the bank's review queue."""

from __future__ import annotations

from django.db import transaction

from apps.exams import analytics
from apps.questions.models import Question
from apps.questions.services.review import flag_question

FLAG_NOTE = "考试「{exam}」试题分析：区分度 {d}（{n} 人作答），低于 {limit}，请复核题目与答案"


@transaction.atomic
def flag_low_discrimination(exam, admin) -> list[int]:
    """Published questions with negative or near-zero discrimination go back to pending,
    each with a review note; returns their ids. Already flagged ones are left alone, and
    so are questions of banks outside the admin's scope (a county bank a township's exam
    drew from is the county's to review), as flag_exam_item refuses them one by one."""
    from apps.common import scoping
    from apps.exams import conf

    rows = [r for r in analytics.item_analysis(exam, admin)["items"] if r["low_discrimination"]]
    own = set(
        scoping.scope_queryset(Question.objects.all(), admin, "bank__org_unit")
        .filter(pk__in=[r["question_id"] for r in rows])
        .values_list("pk", flat=True)
    )
    flagged = []
    for row in rows:
        if row["question_id"] not in own:
            continue
        note = FLAG_NOTE.format(
            exam=exam.title,
            d=row["discrimination"],
            n=row["responses"],
            limit=conf.low_discrimination(),
        )
        question = Question(pk=row["question_id"])
        if flag_question(question=question, actor=admin, reason="low_discrimination", comment=note):
            flagged.append(question.pk)
    return flagged


NOT_IN_EXAM = "这道题不在本场考试的答卷中"
ALREADY_PENDING = "这道题已在复审中（状态：{status}）"
ONE_FLAG_NOTE = "考试「{exam}」试题分析退回复审：{reason}"
REASON_REQUIRED = "请填写退回复审的原因"


@transaction.atomic
def flag_exam_item(exam, question_id: int, admin, reason: str) -> Question:
    """One item of the exam back to the bank's review queue (published → pending), noted."""
    from apps.common import scoping
    from apps.common.errors import Conflict, InvalidInput, NotFound

    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(REASON_REQUIRED, errors={"reason": [REASON_REQUIRED]})
    question = (
        scoping.scope_queryset(Question.objects.all(), admin, "bank__org_unit")
        .filter(pk=question_id)
        .first()
    )
    if question is None or not _in_exam(exam, question_id):
        raise NotFound(NOT_IN_EXAM)
    note = ONE_FLAG_NOTE.format(exam=exam.title, reason=reason)
    if not flag_question(question=question, actor=admin, reason="exam_item_analysis", comment=note):
        message = ALREADY_PENDING.format(status=question.get_status_display())
        raise Conflict(message, code="not_published")
    question.refresh_from_db(fields=["status"])
    return question


def _in_exam(exam, question_id: int) -> bool:
    """In some attempt's frozen layout (JSON containment differs by backend: read the rows)."""
    from apps.exams.models import Attempt

    for layout in Attempt.objects.filter(exam=exam).values_list("layout", flat=True).iterator():
        if any(entry["q"] == question_id for entry in layout):
            return True
    return False
