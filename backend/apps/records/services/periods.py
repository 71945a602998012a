"""A period's life: create and edit while open, publish (公示), lock, and a superuser's unlock."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from apps.accounts.models import User
from apps.cases.selectors import calls_visible_to
from apps.common import scoping
from apps.common.errors import Conflict, Forbidden, InvalidInput
from apps.exams.selectors import exams_for_reports
from apps.records import conf
from apps.records.models import Objection, Period, Record
from apps.records.services import readiness
from apps.records.services.scheme import save_components

NOT_MANAGEABLE = "该考核周期不在您的管理范围内"
UNIT_OUT_OF_SCOPE = "考核范围须在您管理的单位之内"
DATES_INVALID = "结束日期不能早于开始日期"
THRESHOLDS_INVALID = "分数线须满足：基本合格 ≤ 合格 ≤ 优秀最低分"
SHARE_INVALID = "优秀比例须在 0 到 100 之间"
NOT_OPEN = "考核周期已进入公示或已锁定，不能修改方案"
PUBLISH_NOT_OPEN = "只有考核中的周期可以发布公示"
PUBLISH_NOT_COMPUTED = "请先计算考核结果再发布公示"
PUBLICITY_END_INVALID = "公示结束时间须晚于当前时间"
LOCK_NOT_PUBLISHED = "须先公示，公示期结束后才能锁定"
LOCK_WINDOW_OPEN = "公示期尚未结束（{end} 结束），不能锁定"
LOCK_PENDING_OBJECTIONS = "尚有 {count} 条异议未处理，不能锁定"
UNLOCK_SUPERUSER_ONLY = "只有超级管理员可以解锁"
UNLOCK_REASON_REQUIRED = "解锁须填写理由"
UNLOCK_NOT_LOCKED = "未处于锁定状态"
DELETE_NOT_OPEN = "已公示或锁定的考核周期不能删除"
EXAM_NOT_USABLE = "考试不存在或不在您的管理范围内"
CALL_NOT_USABLE = "案例征集不存在或不在您的管理范围内"

PERIOD_FIELDS = [
    "name",
    "kind",
    "start_date",
    "end_date",
    "org_unit",
    "excellent_share",
    "excellent_cap",
    "excellent_min",
    "pass_min",
    "basic_min",
]


def _set_links(period: Period, data: dict[str, Any]) -> None:
    if "exams" in data:
        period.exams.set(data["exams"])
    if "case_calls" in data:
        period.case_calls.set(data["case_calls"])


def _check_links(
    actor: User, period: Period, data: dict[str, Any], components: list[dict[str, Any]] | None
) -> None:
    """A period counts only exams whose results the admin may read (their own, or one their
    people sat) and case calls they see. Links already stored stay: a county admin may have
    set them. The messages name no title: the admin may not know the exam exists."""
    kept_exams = set(period.exams.values_list("pk", flat=True)) if period.pk else set()
    kept_calls = set(period.case_calls.values_list("pk", flat=True)) if period.pk else set()
    named = {
        "exams": data.get("exams") or [],
        **{
            f"components.{i}.exams": item.get("exams") or []
            for i, item in enumerate(components or [])
        },
    }
    wanted = {exam.pk for exams in named.values() for exam in exams} - kept_exams
    readable = set(exams_for_reports(actor).filter(pk__in=wanted).values_list("pk", flat=True))
    errors: dict[str, list[str]] = {}
    for field, exams in named.items():
        for index, exam in enumerate(exams):
            if exam.pk not in kept_exams and exam.pk not in readable:
                key = f"{field}.{index}" if field == "exams" else field
                errors.setdefault(key, [EXAM_NOT_USABLE])
    calls = data.get("case_calls") or []
    wanted_calls = {call.pk for call in calls} - kept_calls
    visible = set(calls_visible_to(actor).filter(pk__in=wanted_calls).values_list("pk", flat=True))
    for index, call in enumerate(calls):
        if call.pk not in kept_calls and call.pk not in visible:
            errors[f"case_calls.{index}"] = [CALL_NOT_USABLE]
    if errors:
        raise InvalidInput(next(iter(errors.values()))[0], errors)


def ensure_manageable(actor: User, period: Period) -> None:
    if not scoping.unit_in_scope(actor, period.org_unit):
        raise Forbidden(NOT_MANAGEABLE)


def _check_period(actor: User, period: Period) -> None:
    errors: dict[str, list[str]] = {}
    if not scoping.unit_in_scope(actor, period.org_unit):
        errors["org_unit"] = [UNIT_OUT_OF_SCOPE]
    if period.end_date < period.start_date:
        errors["end_date"] = [DATES_INVALID]
    if not (period.basic_min <= period.pass_min <= period.excellent_min):
        errors["pass_min"] = [THRESHOLDS_INVALID]
    if not (0 <= period.excellent_share <= 100):
        errors["excellent_share"] = [SHARE_INVALID]
    if errors:
        raise InvalidInput(next(iter(errors.values()))[0], errors)


@transaction.atomic
def create_period(*, actor: User, data: dict[str, Any], components: list[dict[str, Any]]) -> Period:
    period = Period(created_by=actor, **{k: v for k, v in data.items() if k in PERIOD_FIELDS})
    _check_period(actor, period)
    _check_links(actor, period, data, components)
    period._change_reason = "新建考核周期"
    period.save()
    _set_links(period, data)  # first: exam components may count only linked exams
    save_components(period, components)
    return period


@transaction.atomic
def update_period(
    *, actor: User, period: Period, data: dict[str, Any], components: list[dict[str, Any]] | None
) -> Period:
    period = Period.objects.select_for_update().get(pk=period.pk)
    ensure_manageable(actor, period)
    if period.status != Period.Status.OPEN:
        raise Conflict(NOT_OPEN)
    for name in PERIOD_FIELDS:
        if name in data:
            setattr(period, name, data[name])
    _check_period(actor, period)
    _check_links(actor, period, data, components)
    period._change_reason = "修改考核周期"
    period.save()
    _set_links(period, data)  # first: exam components may count only linked exams
    if components is not None:
        save_components(period, components)
    if period.records.exists():  # computed records follow the edited scheme at once
        transaction.on_commit(lambda: _recompute_later(period.pk))
    return period


def _recompute_later(period_id: int) -> None:
    from apps.records.tasks import recompute_period

    recompute_period.delay(period_id, None, "评分方案修改后自动重算")


@transaction.atomic
def delete_period(*, actor: User, period: Period) -> None:
    ensure_manageable(actor, period)
    if period.status != Period.Status.OPEN:
        raise Conflict(DELETE_NOT_OPEN)
    period.delete()


@transaction.atomic
def publish_period(
    *,
    actor: User,
    period: Period,
    ends_at=None,
    days: int | None = None,
    override_reason: str = "",
) -> Period:
    """Publish for 公示 only when every number is final; otherwise refuse with each reason,
    unless the admin writes why it must go out now (kept on the period, shown under 公示)."""
    period = Period.objects.select_for_update().get(pk=period.pk)
    ensure_manageable(actor, period)
    if period.status != Period.Status.OPEN:
        raise Conflict(PUBLISH_NOT_OPEN)
    if not period.records.exists():
        raise Conflict(PUBLISH_NOT_COMPUTED)
    now = timezone.now()
    ends_at = ends_at or now + timedelta(days=days or conf.publicity_days())
    if ends_at <= now:
        raise InvalidInput(PUBLICITY_END_INVALID, {"ends_at": [PUBLICITY_END_INVALID]})
    reasons = readiness.readiness(period)
    override_reason = (override_reason or "").strip()
    if reasons and not override_reason:
        messages = [r.message for r in reasons]
        raise Conflict(
            readiness.NOT_READY.format(reasons="；".join(messages)),
            {"readiness": messages},
            code="not_ready",
        )
    # Recompute first so what goes public is what the inputs say now.
    from apps.records.services.compute import recompute

    recompute(period.pk, actor=actor, reason="发布公示前重新计算")
    period.refresh_from_db()
    period.status = Period.Status.PUBLICITY
    period.publicity_starts_at, period.publicity_ends_at = now, ends_at
    if reasons:
        period.override_reason = override_reason
        period.override_blockers = [r.message for r in reasons]
        period.override_by = actor
        why = f"未就绪仍发布公示：{override_reason}"
    else:
        period.override_reason, period.override_blockers, period.override_by = "", [], None
        why = "发布公示"
    period._history_user, period._change_reason = actor, why[:100]
    period.save()
    return period


@transaction.atomic
def lock_period(*, actor: User, period: Period) -> Period:
    """Lock every record; on an already locked period this re-locks records a superuser unlocked."""
    period = Period.objects.select_for_update().get(pk=period.pk)
    ensure_manageable(actor, period)
    if period.status == Period.Status.OPEN:
        raise Conflict(LOCK_NOT_PUBLISHED)
    if period.status == Period.Status.PUBLICITY and timezone.now() < period.publicity_ends_at:
        end = timezone.localtime(period.publicity_ends_at).strftime("%Y-%m-%d %H:%M")
        raise Conflict(LOCK_WINDOW_OPEN.format(end=end))
    pending = Objection.objects.filter(
        record__period=period, status=Objection.Status.PENDING
    ).count()
    if pending:
        raise Conflict(LOCK_PENDING_OBJECTIONS.format(count=pending))
    records = list(period.records.filter(locked=False))
    now = timezone.now()
    for record in records:
        record.locked, record.updated_at = True, now
    bulk_update_with_history(
        records,
        Record,
        ["locked", "updated_at"],
        default_user=actor,
        default_change_reason="锁定考核档案",
    )
    if period.status != Period.Status.LOCKED:
        period.status = Period.Status.LOCKED
        period._history_user, period._change_reason = actor, "锁定考核周期"
        period.save()
    return period


@transaction.atomic
def unlock_record(*, actor: User, record: Record, reason: str) -> Record:
    if not actor.is_superuser:
        raise Forbidden(UNLOCK_SUPERUSER_ONLY)
    if not (reason or "").strip():
        raise InvalidInput(UNLOCK_REASON_REQUIRED, {"reason": [UNLOCK_REASON_REQUIRED]})
    record = Record.objects.select_for_update().get(pk=record.pk)
    if not record.locked:
        raise Conflict(UNLOCK_NOT_LOCKED)
    record.locked = False
    record._unlocking = True
    record._history_user, record._change_reason = actor, f"解锁：{reason.strip()}"
    record.save(update_fields=["locked", "updated_at"])
    return record


@transaction.atomic
def unlock_period(*, actor: User, period: Period, reason: str) -> Period:
    """A superuser reopens a locked period (back to 公示, window unchanged) with every record."""
    if not actor.is_superuser:
        raise Forbidden(UNLOCK_SUPERUSER_ONLY)
    if not (reason or "").strip():
        raise InvalidInput(UNLOCK_REASON_REQUIRED, {"reason": [UNLOCK_REASON_REQUIRED]})
    period = Period.objects.select_for_update().get(pk=period.pk)
    if period.status != Period.Status.LOCKED:
        raise Conflict(UNLOCK_NOT_LOCKED)
    why = f"解锁：{reason.strip()}"
    records = list(period.records.filter(locked=True))
    now = timezone.now()
    for record in records:
        record.locked, record.updated_at = False, now
    bulk_update_with_history(
        records, Record, ["locked", "updated_at"], default_user=actor, default_change_reason=why
    )
    period.status = Period.Status.PUBLICITY
    period._history_user, period._change_reason = actor, why
    period.save()
    return period
