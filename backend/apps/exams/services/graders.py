"""Who grades an exam: the reviewers its owner admins choose, never anyone who sits it.

The owner admins (whose scope holds the exam's organizing unit) set the list; they may also
grade themselves. A grader must be a reviewer the admin can see (in their scope), and must
not be in the exam's audience nor have an attempt at it.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet

from apps.accounts.models import User
from apps.common import scoping
from apps.common.errors import InvalidInput
from apps.exams.models import Attempt, Exam
from apps.exams.services.exams import in_audience

GRADER_NOT_FOUND = "第{index}位评分人不存在或不在您的管理范围内"
GRADER_NOT_REVIEWER = "{name}不是评审员，不能担任评分人"
GRADER_SITS_EXAM = "{name}是本场考试的考生，不能评阅本场考试"
GRADERS_TOO_MANY = "评分人最多 {limit} 位"
MAX_GRADERS = 200


def sits_exam(exam: Exam, user: User) -> bool:
    """In the audience, or already holding an attempt (the audience may have changed since)."""
    return in_audience(exam, user) or Attempt.objects.filter(exam=exam, user=user).exists()


@transaction.atomic
def set_graders(*, exam: Exam, user_ids: list[int], actor: User) -> QuerySet[User]:
    """Replace the exam's grader list; every id is checked, and nothing changes on an error."""
    if len(user_ids) > MAX_GRADERS:
        message = GRADERS_TOO_MANY.format(limit=MAX_GRADERS)
        raise InvalidInput(message, errors={"graders": [message]})
    visible = scoping.scope_queryset(User.objects.filter(is_active=True), actor)
    found = visible.in_bulk(user_ids)
    errors: dict[str, list[str]] = {}
    for index, user_id in enumerate(user_ids):
        user = found.get(user_id)
        if user is None:
            errors[f"graders.{index}"] = [GRADER_NOT_FOUND.format(index=index + 1)]
        elif not user.is_reviewer:
            errors[f"graders.{index}"] = [GRADER_NOT_REVIEWER.format(name=user.display_name)]
        elif sits_exam(exam, user):
            errors[f"graders.{index}"] = [GRADER_SITS_EXAM.format(name=user.display_name)]
    if errors:
        raise InvalidInput(next(iter(errors.values()))[0], errors=errors)
    exam.graders.set(list(found.values()))
    return graders_of(exam)


def graders_of(exam: Exam) -> QuerySet[User]:
    return exam.graders.select_related("org_unit").order_by("username")


def exams_graded_by(user: User) -> QuerySet[Exam]:
    """Exams whose answers the user may grade: assigned to them, or owned by their scope."""
    if user.is_superuser:
        return Exam.objects.all()
    assigned = Exam.objects.filter(graders=user).values("pk")
    if not user.admin_unit_paths:
        return Exam.objects.filter(pk__in=assigned)
    owned = scoping.scope_queryset(Exam.objects.all(), user).values("pk")
    return Exam.objects.filter(pk__in=assigned) | Exam.objects.filter(pk__in=owned)
