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
    each with a review note; returns their ids. Already flagged ones are left alone."""
    from apps.exams import conf

    flagged = []
    for row in analytics.item_analysis(exam, admin)["items"]:
        if not row["low_discrimination"]:
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
