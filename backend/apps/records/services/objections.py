"""Objections during 公示, their resolution, manual component adjustments and 加减分 items."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.common import scoping
from apps.common.errors import Conflict, Forbidden, InvalidInput, NotFound
from apps.records.models import (
    RECORD_LOCKED,
    Adjustment,
    Component,
    ComponentScore,
    Objection,
    Period,
    Record,
)
from apps.records.services.compute import recompute
from apps.records.services.periods import ensure_manageable

REASON_REQUIRED = "请填写理由"
REPLY_REQUIRED = "请填写答复"
NOT_IN_PUBLICITY = "当前不在公示期内，不能提出异议"
OBJECTION_PENDING = "您对该档案已有待处理的异议"
COMPONENT_NOT_IN_PERIOD = "该分项不属于本考核周期"
ALREADY_RESOLVED = "该异议已处理"
BAD_ACTION = "处理方式须为 adjust（调整）或 reject（驳回）"
ADJUSTMENT_REQUIRED = "调整须填写非零的调整分"
ADJUST_ITEM_ONLY = "只能在“加减分”类组成部分中录入加减分"
ADJUST_NOT_OPEN = "只有考核中的周期可以录入加减分"
USER_NOT_IN_SCOPE = "该干部不在本周期考核范围内"
RECORD_NOT_MANAGEABLE = "该档案不在您的管理范围内"
PERIOD_NOT_OWNED = "该考核周期由上级单位组织，只有其管理员可以调整分数或处理异议"


def ensure_record_manageable(actor: User, record: Record) -> None:
    """The record lies in the actor's scope, and so does the period's organizing unit: a
    township admin reads their part of the county's period but changes none of it."""
    if not scoping.unit_in_scope(actor, record.org_unit):
        raise Forbidden(RECORD_NOT_MANAGEABLE)
    if not scoping.unit_in_scope(actor, record.period.org_unit):
        raise Forbidden(PERIOD_NOT_OWNED)


def _component_of(
    period: Period, component_id: int | None, field: str = "component"
) -> Component | None:
    if component_id is None:
        return None
    component = period.components.filter(pk=component_id).first()
    if component is None:
        raise InvalidInput(COMPONENT_NOT_IN_PERIOD, {field: [COMPONENT_NOT_IN_PERIOD]})
    return component


def _refuse_locked(record: Record) -> None:
    if record.locked:
        raise Conflict(RECORD_LOCKED, code="record_locked")


@transaction.atomic
def file_objection(
    *, actor: User, record: Record, reason: str, component_id: int | None = None
) -> Objection:
    if record.user_id != actor.pk:
        raise NotFound()
    record = Record.objects.select_for_update().select_related("period").get(pk=record.pk)
    _refuse_locked(record)
    period = record.period
    if period.status != Period.Status.PUBLICITY or timezone.now() >= period.publicity_ends_at:
        raise Conflict(NOT_IN_PUBLICITY)
    if not (reason or "").strip():
        raise InvalidInput(REASON_REQUIRED, {"reason": [REASON_REQUIRED]})
    if record.objections.filter(status=Objection.Status.PENDING).exists():
        raise Conflict(OBJECTION_PENDING)
    component = _component_of(period, component_id)
    return Objection.objects.create(
        record=record, filed_by=actor, component=component, reason=reason.strip()
    )


@transaction.atomic
def adjust_component(
    *, actor: User, record: Record, component: Component, delta: Decimal, reason: str
) -> Record:
    """Add delta to one component's score of one record, keeping who and why in its history."""
    if not (reason or "").strip():
        raise InvalidInput(REASON_REQUIRED, {"reason": [REASON_REQUIRED]})
    if not delta:
        raise InvalidInput(ADJUSTMENT_REQUIRED, {"adjustment": [ADJUSTMENT_REQUIRED]})
    ensure_record_manageable(actor, record)
    _refuse_locked(record)
    if component.period_id != record.period_id:
        raise InvalidInput(COMPONENT_NOT_IN_PERIOD, {"component": [COMPONENT_NOT_IN_PERIOD]})
    # The period lock first, in the same order as recompute, so the two never deadlock.
    Period.objects.select_for_update().get(pk=record.period_id)
    row = (
        ComponentScore.objects.select_for_update()
        .filter(record=record, component=component)
        .first()
    )
    if row is None:
        row = ComponentScore(record=record, component=component)
    row.adjustment += delta
    row.adjustment_reason = reason.strip()[:200]
    row._history_user, row._change_reason = actor, f"人工调整 {delta:+}：{reason.strip()}"
    row.save()
    recompute(record.period_id, [record.user_id], actor=actor, reason=f"人工调整：{reason.strip()}")
    return Record.objects.get(pk=record.pk)


@transaction.atomic
def resolve_objection(
    *,
    actor: User,
    objection: Objection,
    action: str,
    reply: str,
    component_id: int | None = None,
    adjustment: Decimal | None = None,
) -> Objection:
    objection = (
        Objection.objects.select_for_update().select_related("record__period").get(pk=objection.pk)
    )
    record = objection.record
    ensure_record_manageable(actor, record)
    if objection.status != Objection.Status.PENDING:
        raise Conflict(ALREADY_RESOLVED)
    if not (reply or "").strip():
        raise InvalidInput(REPLY_REQUIRED, {"reply": [REPLY_REQUIRED]})
    if action == "adjust":
        component = _component_of(record.period, component_id or objection.component_id)
        if component is None:
            raise InvalidInput(COMPONENT_NOT_IN_PERIOD, {"component": [COMPONENT_NOT_IN_PERIOD]})
        adjust_component(
            actor=actor,
            record=record,
            component=component,
            delta=adjustment or Decimal(0),
            reason=f"异议处理：{reply.strip()}",
        )
        objection.component, objection.status = component, Objection.Status.ADJUSTED
    elif action == "reject":
        _refuse_locked(record)
        objection.status = Objection.Status.REJECTED
    else:
        raise InvalidInput(BAD_ACTION, {"action": [BAD_ACTION]})
    objection.reply, objection.resolved_by, objection.resolved_at = (
        reply.strip(),
        actor,
        timezone.now(),
    )
    objection.save()
    return objection


@transaction.atomic
def add_adjustment(
    *, actor: User, period: Period, user: User, component_id: int, points: Decimal, reason: str
) -> Adjustment:
    ensure_manageable(actor, period)
    if period.status != Period.Status.OPEN:
        raise Conflict(ADJUST_NOT_OPEN)
    component = _component_of(period, component_id)
    if component.kind != Component.Kind.ADJUST:
        raise InvalidInput(ADJUST_ITEM_ONLY, {"component": [ADJUST_ITEM_ONLY]})
    if not (reason or "").strip():
        raise InvalidInput(REASON_REQUIRED, {"reason": [REASON_REQUIRED]})
    if not points:
        raise InvalidInput(ADJUSTMENT_REQUIRED, {"points": [ADJUSTMENT_REQUIRED]})
    if not (user.org_unit_id and user.org_unit.path.startswith(period.org_unit.path)):
        raise InvalidInput(USER_NOT_IN_SCOPE, {"user": [USER_NOT_IN_SCOPE]})
    record = period.records.filter(user=user).first()
    if record is not None:
        _refuse_locked(record)
    item = Adjustment.objects.create(
        period=period,
        component=component,
        user=user,
        points=points,
        reason=reason.strip(),
        created_by=actor,
    )
    recompute(period.pk, [user.pk], actor=actor, reason=f"加减分：{reason.strip()}")
    return item
