"""Background work shared by every app: the daily backup (scheduled by beat)."""

from pathlib import Path

from celery import shared_task
from django.conf import settings

from apps.common import backup

# Beat runs the task once a day; the embedded mode runs the whole schedule every minute.
# Skipping while the newest copy is younger than this keeps both to one backup a day.
MIN_HOURS_BETWEEN = 20


@shared_task(name="apps.common.tasks.scheduled_backup")
def scheduled_backup() -> str:
    directory = Path(settings.BACKUP_DIR)
    if backup.newest_is_younger_than(directory, MIN_HOURS_BETWEEN):
        return "skipped"
    result = backup.back_up(
        directory,
        keep=settings.BACKUP_KEEP,
        media_root=Path(settings.MEDIA_ROOT),
        media_keep=settings.BACKUP_MEDIA_KEEP,
    )
    return str(result.database)
