"""Publishing notices: an admin writes for units inside their own scope only."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from apps.accounts.models import OrgUnit, User
from apps.common.errors import Conflict, InvalidInput, NotFound
from apps.common.scoping import unit_in_scope
from apps.notices import selectors
from apps.notices.models import Notice

NOTICE_NOT_FOUND = "通知不存在或不在您的管理范围内"
TITLE_REQUIRED = "请填写通知标题"
BODY_REQUIRED = "请填写通知正文"
BODY_TOO_LONG = "通知正文不能超过 {max} 字"
UNIT_REQUIRED = "您管理多个单位，请选择发布单位"
UNIT_OUT_OF_SCOPE = "发布单位不在您的管理范围内"
# By position in the list, never by name: ids can be guessed, and a name would tell who or
# what sits behind an id outside the admin's scope.
AUDIENCE_OUT_OF_SCOPE = "第{index}个接收单位不存在或不在发布单位之下"
EXPIRY_BEFORE_PUBLISH = "截止时间应晚于发布时间"
USERS_OUT_OF_SCOPE = "第{index}位指定人员不存在或不属于发布单位及其下级单位"
ONLY_LIVE_WITHDRAWN = "只有生效中的通知可以撤回；未发布的通知可以修改或删除"

BODY_MAX = 5000
FIELDS = ["title", "body", "published_at", "expires_at"]


def _publishing_unit(admin: User, unit_id: int | None) -> OrgUnit:
    if unit_id is None:
        # The units the admin was given (not those below them); one means no choice to make.
        roots = list(OrgUnit.objects.filter(path__in=admin.admin_unit_paths))
        if len(roots) != 1:
            raise InvalidInput(UNIT_REQUIRED, errors={"org_unit": [UNIT_REQUIRED]})
        return roots[0]
    unit = OrgUnit.objects.filter(pk=unit_id).first()
    if unit is None or not unit_in_scope(admin, unit):
        raise InvalidInput(UNIT_OUT_OF_SCOPE, errors={"org_unit": [UNIT_OUT_OF_SCOPE]})
    return unit


def _audience(unit: OrgUnit, audience_ids: list[int]) -> list[OrgUnit]:
    chosen = {u.pk: u for u in OrgUnit.objects.filter(pk__in=set(audience_ids))}
    for index, pk in enumerate(audience_ids):
        if pk not in chosen or not chosen[pk].path.startswith(unit.path):
            message = AUDIENCE_OUT_OF_SCOPE.format(index=index + 1)
            raise InvalidInput(message, errors={"audience_units": [message]})
    return list(chosen.values())


def _named(unit: OrgUnit, user_ids: list[int]) -> list[User]:
    chosen = {u.pk: u for u in User.objects.filter(pk__in=set(user_ids)).select_related("org_unit")}
    for index, pk in enumerate(user_ids):
        person = chosen.get(pk)
        if person is None or person.org_unit is None or not person.org_unit.is_within(unit):
            message = USERS_OUT_OF_SCOPE.format(index=index + 1)
            raise InvalidInput(message, errors={"audience_users": [message]})
    return list(chosen.values())


def _check(data: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    data["title"] = (data.get("title") or "").strip()
    data["body"] = (data.get("body") or "").strip()
    if not data["title"]:
        errors["title"] = [TITLE_REQUIRED]
    if not data["body"]:
        errors["body"] = [BODY_REQUIRED]
    elif len(data["body"]) > BODY_MAX:
        errors["body"] = [BODY_TOO_LONG.format(max=BODY_MAX)]
    published, expires = data.get("published_at"), data.get("expires_at")
    if published and expires and expires <= published:
        errors["expires_at"] = [EXPIRY_BEFORE_PUBLISH]
    if errors:
        raise InvalidInput(next(iter(errors.values()))[0], errors=errors)
    return data


def get_for_admin(admin: User, notice_id: int) -> Notice:
    notice = selectors.notices_for_admin(admin).filter(pk=notice_id).first()
    if notice is None:
        raise NotFound(NOTICE_NOT_FOUND)
    return notice


@transaction.atomic
def create_notice(
    admin: User,
    *,
    title: str,
    body: str,
    published_at: dt.datetime | None = None,
    expires_at: dt.datetime | None = None,
    org_unit: int | None = None,
    audience_units: list[int] | None = None,
    include_subunits: bool = True,
    audience_roles: list[str] | None = None,
    audience_users: list[int] | None = None,
    exam=None,
) -> Notice:
    """Addressed to the people of `audience_units` (with sub-units unless `include_subunits`
    is off; of `audience_roles`, if any) and to the `audience_users` named; with neither
    units nor people, the publishing unit stands for the units."""
    data = _check(
        {
            "title": title,
            "body": body,
            "published_at": published_at or timezone.now(),
            "expires_at": expires_at,
        }
    )
    unit = _publishing_unit(admin, org_unit)
    audience = _audience(unit, audience_units or [])
    named = _named(unit, audience_users or [])
    notice = Notice.objects.create(
        org_unit=unit,
        created_by=admin,
        exam=exam,
        include_subunits=include_subunits,
        audience_roles=sorted(set(audience_roles or [])),
        **data,
    )
    notice.audience_units.set(audience)
    notice.audience_users.set(named)
    return notice


@transaction.atomic
def update_notice(admin: User, notice_id: int, **changes: Any) -> Notice:
    notice = get_for_admin(admin, notice_id)
    merged = {f: changes.get(f, getattr(notice, f)) for f in FIELDS}
    if merged["published_at"] is None:
        merged["published_at"] = notice.published_at
    data = _check(merged)
    audience = named = None
    if "audience_units" in changes:
        audience = _audience(notice.org_unit, changes["audience_units"] or [])
    if "audience_users" in changes:
        named = _named(notice.org_unit, changes["audience_users"] or [])
    for field in FIELDS:
        setattr(notice, field, data[field])
    if "include_subunits" in changes:
        notice.include_subunits = changes["include_subunits"]
    if "audience_roles" in changes:
        notice.audience_roles = sorted(set(changes["audience_roles"] or []))
    notice.save()
    if audience is not None:
        notice.audience_units.set(audience)
    if named is not None:
        notice.audience_users.set(named)
    return notice


def delete_notice(admin: User, notice_id: int) -> None:
    get_for_admin(admin, notice_id).delete()


@transaction.atomic
def withdraw_notice(admin: User, notice_id: int) -> Notice:
    """End a live notice now: it leaves the readers' lists and stays in the admin's."""
    notice = get_for_admin(admin, notice_id)
    now = timezone.now()
    if notice.status(now) != "live":
        raise Conflict(ONLY_LIVE_WITHDRAWN, code="not_live")
    notice.expires_at = now
    notice.save(update_fields=["expires_at", "updated_at"])
    return notice


def withdraw_exam_notices(exam) -> int:
    """A cancelled exam's notices, live or still to come, end now (a scheduled one is marked
    published and ended at once, so that it never shows); returns how many."""
    now = timezone.now()
    ending = Notice.objects.filter(exam=exam).exclude(expires_at__lte=now)
    scheduled = ending.filter(published_at__gt=now).update(
        published_at=now, expires_at=now, updated_at=now
    )
    return scheduled + ending.update(expires_at=now, updated_at=now)


def reach_count(
    admin: User,
    *,
    org_unit: int | None = None,
    audience_units: list[int] | None = None,
    include_subunits: bool = True,
    audience_roles: list[str] | None = None,
    audience_users: list[int] | None = None,
) -> int:
    """How many active people a notice with this audience would reach, checked as a save."""
    unit = _publishing_unit(admin, org_unit)
    return selectors.reach(
        unit,
        _audience(unit, audience_units or []),
        include_subunits=include_subunits,
        roles=audience_roles or [],
        named=_named(unit, audience_users or []),
    ).count()
