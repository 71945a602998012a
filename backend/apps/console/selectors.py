"""The console's 工作台: what needs the department's action now, in the admin's scope.

Each count reuses the owning app's own scoped selector, so the dashboard can never show
more than the matching list would; with the scope switcher (X-Admin-Scope) the counts
narrow with everything else.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from apps.accounts.models import OrgUnit, User
from apps.cases.models import Case
from apps.cases.selectors import cases_organized_by
from apps.common import scoping
from apps.exams.models import Attempt, Exam, SubjectiveGrade
from apps.exams.selectors import exams_for_reports
from apps.exams.services.exams import audience_users_qs
from apps.questions.models import Question
from apps.questions.selectors import managed_banks
from apps.records.models import Objection, Period
from apps.records.selectors import objections_for_admin, periods_for

OPEN_EXAMS_SHOWN = 10


def questions_waiting(user: User, status: str) -> QuerySet[Question]:
    return Question.objects.filter(bank__in=managed_banks(user), is_current=True, status=status)


def open_exams(user: User) -> QuerySet[Exam]:
    now = timezone.now()
    return exams_for_reports(user).filter(
        status=Exam.Status.PUBLISHED, opens_at__lte=now, closes_at__gt=now
    )


def participation(exam: Exam, user: User) -> dict:
    """How many of the exam's audience in the admin's scope have started and submitted."""
    attempts = scoping.scope_queryset(Attempt.objects.filter(exam=exam), user, "user__org_unit")
    return {
        "id": exam.pk,
        "title": exam.title,
        "closes_at": exam.closes_at,
        "audience": scoping.scope_queryset(audience_users_qs(exam), user).count(),
        "started": attempts.values("user").distinct().count(),
        "submitted": attempts.filter(status=Attempt.Status.SUBMITTED)
        .values("user")
        .distinct()
        .count(),
    }


def answers_to_grade(user: User) -> QuerySet[SubjectiveGrade]:
    waiting = SubjectiveGrade.objects.filter(score__isnull=True, attempt__status="submitted")
    return scoping.scope_queryset(waiting, user, "attempt__exam__org_unit")


def periods_in_publicity(user: User) -> QuerySet[Period]:
    return periods_for(user).filter(status=Period.Status.PUBLICITY).order_by("publicity_ends_at")


def scope_units(user: User) -> list[OrgUnit]:
    """The top units this request sees (empty for a superuser, who sees every unit)."""
    return [] if user.is_superuser else list(scoping.scope_units(user))


def dashboard(user: User) -> dict:
    exams = open_exams(user).order_by("closes_at")
    periods = periods_in_publicity(user)
    return {
        "scope": scope_units(user),
        "all_units": user.is_superuser,
        "counts": {
            "questions_draft": questions_waiting(user, Question.Status.DRAFT).count(),
            "questions_pending": questions_waiting(user, Question.Status.PENDING).count(),
            "exams_open": exams.count(),
            "answers_to_grade": answers_to_grade(user).count(),
            # Only cases the admin can decide: a county call's are the county's.
            "cases_in_arbitration": cases_organized_by(user)
            .filter(status=Case.Status.ARBITRATION)
            .count(),
            "objections_pending": objections_for_admin(user, Objection.Status.PENDING).count(),
            "periods_in_publicity": periods.count(),
        },
        "open_exams": [participation(exam, user) for exam in exams[:OPEN_EXAMS_SHOWN]],
        "publicity_periods": list(periods[:OPEN_EXAMS_SHOWN]),
    }
