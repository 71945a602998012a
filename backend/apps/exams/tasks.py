"""Background work of the exams app (Celery beat schedules the two sweeps)."""

from celery import shared_task

from apps.exams.services import attempts, graded_feed


@shared_task(name="apps.exams.tasks.finalize_expired_attempts")
def finalize_expired_attempts() -> int:
    """Finalize every attempt past its deadline plus grace; returns how many."""
    return attempts.finalize_expired()


@shared_task(
    name="apps.exams.tasks.run_graded_feed",
    autoretry_for=(Exception,),
    retry_backoff=5,
    max_retries=5,
)
def run_graded_feed(attempt_ids: list[int]) -> int:
    """attempt_graded's listeners for freshly graded attempts, off the request."""
    return graded_feed.run(attempt_ids)


@shared_task(name="apps.exams.tasks.replay_graded_feeds")
def replay_graded_feeds() -> int:
    """Re-run the feed of graded attempts whose listeners never finished (a crash, an error)."""
    return graded_feed.replay_due()
