"""Reviewers grading subjective answers, blind to who wrote them."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from apps.common.errors import Conflict, InvalidInput, NotFound
from apps.exams import held_keys
from apps.exams.models import Exam, GradeRevision, ScoreChange, SubjectiveGrade
from apps.exams.services import attempts, graders

TASK_NOT_FOUND = "评分任务不存在或无权访问"
SCORE_RANGE = "得分应在 0 到 {points} 分之间，最多两位小数"
OWN_ANSWER = "不能评阅自己的答卷"
ATTEMPT_OPEN = "考生尚未交卷，暂不能评分"


def reviewer_tasks(user):
    """What a user may grade: submitted answers of the exams assigned to them (or owned by
    their admin scope), never an exam they sit, never a question whose key an exam they
    could still sit holds from them."""
    exams = graders.exams_graded_by(user)
    qs = SubjectiveGrade.objects.filter(attempt__exam__in=exams, attempt__status="submitted")
    with_tasks = Exam.objects.filter(pk__in=qs.values("attempt__exam_id")).select_related(
        "org_unit"
    )
    sat = [exam.pk for exam in with_tasks if graders.sits_exam(exam, user)]
    held = held_keys.held_for(user)
    return qs.exclude(attempt__exam_id__in=sat).exclude(held.q("question__"))


@transaction.atomic
def grade(task_id: int, reviewer, score, comment: str = "") -> SubjectiveGrade:
    task = reviewer_tasks(reviewer).select_for_update().filter(pk=task_id).first()
    if task is None:
        raise NotFound(TASK_NOT_FOUND)
    try:
        value = Decimal(str(score))
    except (InvalidOperation, ValueError):
        value = None
    if (
        value is None
        or not value.is_finite()
        or value < 0
        or value > task.points
        or value != value.quantize(Decimal("0.01"))
    ):
        message = SCORE_RANGE.format(points=task.points)
        raise InvalidInput(message, errors={"score": [message]})
    if task.attempt.user_id == reviewer.pk:
        raise Conflict(OWN_ANSWER)
    old = task.score
    task.score, task.comment, task.reviewer, task.graded_at = (
        value,
        comment,
        reviewer,
        timezone.now(),
    )
    task.save(update_fields=["score", "comment", "reviewer", "graded_at"])
    GradeRevision.objects.create(grade=task, score=value, comment=comment, reviewer=reviewer)
    reason = "主观题评分" if old is None else f"主观题改判（{old} → {value}）"
    attempts.rescore([task.attempt_id], kind=ScoreChange.Kind.REVIEW, reason=reason, actor=reviewer)
    return task
