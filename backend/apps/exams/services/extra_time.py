"""Extra time for one person in one exam (models.ExtraTime). The console grants it with a
reason (services.lifecycle.extra_time); an attempt started afterwards adds the whole grant to
its deadline (services.attempts.start_or_resume), past the window's end if need be."""

from __future__ import annotations

from datetime import timedelta

from apps.exams.models import Exam, ExtraTime


def granted(exam: Exam, user) -> timedelta:
    """What a fresh attempt of `user` in `exam` adds to min(start + duration, window end)."""
    return timedelta(minutes=minutes_for(exam, user))


def minutes_for(exam: Exam, user) -> int:
    minutes = (
        ExtraTime.objects.filter(exam_id=exam.pk, user_id=user.pk)
        .values_list("minutes", flat=True)
        .first()
    )
    return minutes or 0


def add(exam: Exam, user, minutes: int) -> int:
    """Adds `minutes` to the person's grant and returns the total; the caller holds the exam's
    row lock, so two grants at once add up."""
    grant, created = ExtraTime.objects.get_or_create(
        exam=exam, user=user, defaults={"minutes": minutes}
    )
    if not created:
        grant.minutes += minutes
        grant.save(update_fields=["minutes", "updated_at"])
    return grant.minutes


def minutes_by_user(exam: Exam) -> dict[int, int]:
    """{user id: extra minutes} for the exam's monitor."""
    return dict(ExtraTime.objects.filter(exam=exam).values_list("user_id", "minutes"))
