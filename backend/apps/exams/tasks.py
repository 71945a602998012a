"""Background work of the exams app (Celery beat schedules finalize_expired_attempts)."""

from celery import shared_task

from apps.exams.services import attempts


@shared_task(name="apps.exams.tasks.finalize_expired_attempts")
def finalize_expired_attempts() -> int:
    """Finalize every attempt past its deadline plus grace; returns how many."""
    return attempts.finalize_expired()
