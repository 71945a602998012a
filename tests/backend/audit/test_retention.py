"""The operation log keeps at least 180 days, and a daily task purges what is older."""

from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.core.checks import run_checks
from django.core.management import call_command
from django.utils import timezone

from apps.audit import actions, services
from apps.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def aged(days: int) -> AuditEntry:
    made = services.record(actions.LOGIN_FAILED, actor_username=f"{days}天前")
    AuditEntry.objects.filter(pk=made.pk).update(at=timezone.now() - timedelta(days=days))
    return made


def kept() -> list[str]:
    return sorted(AuditEntry.objects.values_list("actor_username", flat=True))


def test_the_purge_removes_only_entries_past_retention(settings):
    settings.AUDIT_RETENTION_DAYS = 200
    for days in (1, 179, 199, 201, 400):
        aged(days)
    assert services.purge_expired() == 2
    assert kept() == ["179天前", "199天前", "1天前"]


def test_a_retention_below_180_days_still_keeps_180_and_warns(settings):
    settings.AUDIT_RETENTION_DAYS = 30
    for days in (31, 179, 181):
        aged(days)
    services.purge_expired()
    assert kept() == ["179天前", "31天前"]
    warnings = [m for m in run_checks() if m.id == "audit.W001"]
    assert warnings and "180" in warnings[0].msg


def test_the_purge_is_on_beats_schedule_and_runs_in_the_embedded_mode():
    names = {entry["task"] for entry in django_settings.CELERY_BEAT_SCHEDULE.values()}
    assert "apps.audit.tasks.purge_expired_entries" in names
    aged(400)
    call_command("run_periodic_tasks", "--except", "daily-backup")
    assert kept() == []
