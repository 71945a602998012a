"""Background work: assign reviewers once an at-close call has closed, and retry cases
that were left short of reviewers. Scheduled by beat (see the report for the entry)."""

from __future__ import annotations

import logging

from celery import shared_task
from django.utils import timezone

from apps.cases.models import Case, CaseCall
from apps.cases.services.assignment import assign_waiting_cases

logger = logging.getLogger(__name__)


@shared_task(name="apps.cases.tasks.assign_closed_calls")
def assign_closed_calls() -> int:
    now = timezone.now()
    created = 0
    due = CaseCall.objects.filter(
        assign_mode=CaseCall.AssignMode.AT_CLOSE, closes_at__lte=now, assigned_at_close__isnull=True
    )
    for call in due:
        created += assign_waiting_cases(call)
        CaseCall.objects.filter(pk=call.pk).update(assigned_at_close=now)
    # Cases an earlier pass could not fully staff (a short pool) get another try.
    short = (
        CaseCall.objects.filter(cases__status=Case.Status.SUBMITTED)
        .exclude(assign_mode=CaseCall.AssignMode.AT_CLOSE, assigned_at_close__isnull=True)
        .distinct()
    )
    for call in short:
        created += assign_waiting_cases(call)
    if created:
        logger.info("assigned %d case reviews", created)
    return created
