"""Reads for reviewers: the blind queue of subjective answers."""

from __future__ import annotations

from apps.exams.models import Answer
from apps.exams.selectors import render_text
from apps.exams.services.review import reviewer_tasks


def grading_tasks(user, pending_only: bool = True):
    qs = reviewer_tasks(user).select_related("question", "attempt__exam")
    return qs.filter(score__isnull=True) if pending_only else qs


def grading_task_payload(task) -> dict:
    """What a reviewer sees: the question, its scoring points and the answer text; never the author."""
    q = task.question
    response = (
        Answer.objects.filter(attempt_id=task.attempt_id, question_id=q.pk)
        .values_list("response", flat=True)
        .first()
    )
    return {
        "id": task.pk,
        "exam": {"id": task.attempt.exam_id, "title": task.attempt.exam.title},
        "question": {
            "id": q.pk,
            "type": q.type,
            "stem_html": q.stem_html or render_text(q.stem),
            "scoring_points": q.scoring_points,
            "reference_answer": q.answer,
        },
        "points": str(task.points),
        "answer_text": response if isinstance(response, str) else "",
        "score": None if task.score is None else str(task.score),
        "comment": task.comment,
        "graded_at": task.graded_at,
    }
