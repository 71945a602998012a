"""Background recompute; runs in-process when no Redis is configured."""

from __future__ import annotations

from celery import shared_task

from apps.records.models import Period
from apps.records.services.compute import recompute


@shared_task(name="records.recompute_period")
def recompute_period(
    period_id: int, user_ids: list[int] | None = None, reason: str = "输入变动后自动重算"
) -> dict:
    """Automatic recompute: only while the period is open; published or locked ones stay as they are."""
    if not Period.objects.filter(pk=period_id, status=Period.Status.OPEN).exists():
        return {"skipped": True}
    return recompute(period_id, user_ids, reason=reason)
