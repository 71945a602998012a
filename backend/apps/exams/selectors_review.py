"""Reads for reviewers: the blind queue of subjective answers."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from apps.exams.models import Answer, GradeRevision
from apps.exams.selectors import render_text
from apps.exams.services.review import reviewer_tasks
from question_bank.question_types import q2


def grading_tasks(user, pending_only: bool = True):
    qs = (
        reviewer_tasks(user)
        .select_related("question", "attempt__exam")
        .prefetch_related("revisions__reviewer")
    )
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
            "scoring_points": scaled_points(q.scoring_points, task.points),
            "reference_answer": q.answer,
        },
        "points": str(task.points),
        "answer_text": response if isinstance(response, str) else "",
        "score": None if task.score is None else str(task.score),
        "comment": task.comment,
        "graded_at": task.graded_at,
        "history": [_revision(r) for r in task.revisions.all()],
    }


def _revision(revision: GradeRevision) -> dict:
    reviewer = revision.reviewer
    return {
        "score": str(revision.score),
        "comment": revision.comment,
        "reviewer": reviewer.display_name if reviewer else "",
        "at": revision.created_at,
    }


def scaled_points(points: list[dict], paper_points: Decimal) -> list[dict]:
    """The bank's scoring points rescaled so they add up to what this paper gives the
    question (the bank writes them against its default, e.g. 10, the paper may give 8)."""
    try:
        scores = [Decimal(str(p.get("score", "0"))) for p in points]
    except InvalidOperation:
        return points
    total = sum(scores, Decimal(0))
    if not points or total <= 0:
        return points
    scaled = [q2(s * paper_points / total) for s in scores]
    scaled[-1] += q2(paper_points) - sum(scaled, Decimal(0))  # cents add up exactly
    return [
        {**p, "score": str(s), "bank_score": str(q2(b))}
        for p, s, b in zip(points, scaled, scores, strict=True)
    ]
