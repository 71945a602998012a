"""Writing and purging the operation log. Entries are only ever added, never changed."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from apps.accounts.models import User
from apps.audit.actions import Action
from apps.audit.models import AuditEntry
from apps.common.net import client_ip

logger = logging.getLogger(__name__)

MIN_RETENTION_DAYS = 180  # 等保 2.0: audit records kept at least six months


def record(
    action: Action,
    *,
    request=None,
    actor: User | None = None,
    actor_username: str = "",
    object_id: object = "",
    object_repr: str = "",
    status_code: int | None = None,
    succeeded: bool = True,
    detail: dict | None = None,
) -> AuditEntry:
    """Add one entry. The actor's name and unit are copied, so the entry reads the same
    after the account changes; the address is the client's (see apps.common.net)."""
    if actor is not None and not actor.is_authenticated:
        actor = None
    return AuditEntry.objects.create(
        actor=actor,
        actor_username=(actor.username if actor else actor_username)[:150],
        actor_name=(actor.real_name if actor else "")[:50],
        actor_unit_id=actor.org_unit_id if actor else None,
        ip=client_ip(request) if request is not None else None,
        action=action.code,
        action_label=action.label,
        object_type=action.object_type,
        object_id=str(object_id or "")[:64],
        object_repr=(object_repr or "")[:200],
        method=(getattr(request, "method", None) or "")[:10],
        path=request.get_full_path()[:500] if request is not None else "",
        status_code=status_code,
        succeeded=succeeded,
        detail=detail or {},
    )


def retention_days() -> int:
    return max(settings.AUDIT_RETENTION_DAYS, MIN_RETENTION_DAYS)


def purge_expired() -> int:
    """Delete entries older than the retention period; returns how many went."""
    cutoff = timezone.now() - timedelta(days=retention_days())
    deleted, _ = AuditEntry.objects.filter(at__lt=cutoff).delete()
    if deleted:
        logger.info("purged %d operation log entries older than %s", deleted, cutoff.date())
    return deleted
