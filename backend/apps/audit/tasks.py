"""Background work of the operation log (beat runs it daily; see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from apps.audit import services


@shared_task(name="apps.audit.tasks.purge_expired_entries")
def purge_expired_entries() -> int:
    return services.purge_expired()
