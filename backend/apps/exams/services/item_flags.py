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
