"""Creating, editing, deactivating users and resetting passwords, by an org admin.

The rules, strict by design:
- an admin manages people whose unit lies in their subtrees, and only people whose own
  admin scopes (if any) lie inside them too: a township admin never resets the password
  of someone who administers the county;
- an admin may appoint admins only for units inside their own subtrees, never above;
- staff and superuser status are never set here (only a superuser, in /admin/);
- an admin does not change their own scopes, deactivate themselves or reset their own
  password here (that is 修改密码).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction

from apps.accounts.models import AdminScope, OrgUnit, User
from apps.accounts.selectors import can_manage_user
from apps.accounts.services.auth import revoke_tokens
from apps.accounts.services.roster import BAD_ID, ID_RE, MOBILE_RE, new_initial_password
from apps.common import scoping
from apps.common.errors import Forbidden, InvalidInput
from apps.common.services import model_update

UNIT_REQUIRED = "请选择所属单位"
UNIT_OUT_OF_SCOPE = "所选单位不在您的管理范围内"
MOBILE_TAKEN = "该手机号已被其他用户使用"
USERNAME_REQUIRED = "请填写工号"
USERNAME_TAKEN = "该工号已存在"
USERNAME_FIXED = "工号创建后不能修改"
REAL_NAME_REQUIRED = "请填写姓名"
BAD_MOBILE = "手机号格式不正确（应为 11 位手机号）"
ADMIN_UNIT_OUT_OF_SCOPE = "只能在您自己的管理范围内指定管理范围"
NOT_MANAGEABLE = "该用户拥有超出您管理范围的管理权限，只能由上级管理员修改"
OWN_SCOPES = "不能修改自己的管理范围"
OWN_ACCOUNT = "不能停用自己的账号"
OWN_PASSWORD = "请在“修改密码”中修改自己的密码"
PASSWORD_SHEET_UNKNOWN = "以下工号不在您的管理范围内：{usernames}"
EDITABLE_FIELDS = ["real_name", "mobile", "org_unit", "position", "is_cadre", "is_reviewer"]


def _check_manageable(actor: User, user: User) -> None:
    if not can_manage_user(actor, user):
        raise Forbidden(NOT_MANAGEABLE)


def _check_fields(actor: User, data: dict[str, Any], user: User | None = None) -> None:
    needs_name = "real_name" in data or user is None
    if needs_name and not (data.get("real_name") or "").strip():
        raise InvalidInput(REAL_NAME_REQUIRED, {"real_name": [REAL_NAME_REQUIRED]})
    unit: OrgUnit | None = data.get("org_unit", user.org_unit if user else None)
    if unit is None:
        raise InvalidInput(UNIT_REQUIRED, {"org_unit": [UNIT_REQUIRED]})
    if not scoping.unit_in_scope(actor, unit):
        raise Forbidden(UNIT_OUT_OF_SCOPE, {"org_unit": [UNIT_OUT_OF_SCOPE]})
    mobile = data.get("mobile")
    if mobile:
        if not MOBILE_RE.match(mobile):
            raise InvalidInput(BAD_MOBILE, {"mobile": [BAD_MOBILE]})
        taken = User.objects.filter(mobile=mobile).exclude(pk=getattr(user, "pk", None)).exists()
        if taken:
            raise InvalidInput(MOBILE_TAKEN, {"mobile": [MOBILE_TAKEN]})
    for admin_unit in data.get("admin_units") or []:
        if not scoping.unit_in_scope(actor, admin_unit):
            raise Forbidden(ADMIN_UNIT_OUT_OF_SCOPE, {"admin_units": [ADMIN_UNIT_OUT_OF_SCOPE]})


def _set_admin_units(user: User, units: list[OrgUnit]) -> None:
    wanted = {unit.pk for unit in units}
    AdminScope.objects.filter(user=user).exclude(org_unit_id__in=wanted).delete()
    for unit_id in wanted - set(user.admin_scopes.values_list("org_unit_id", flat=True)):
        AdminScope(user=user, org_unit_id=unit_id).save()  # save() grants staff status
    if not wanted and not user.is_superuser:
        # Staff status came with the appointment; it goes with the last scope.
        User.objects.filter(pk=user.pk).update(is_staff=False)
    user.refresh_from_db(fields=["is_staff"])


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    data = dict(data)
    if "mobile" in data:
        data["mobile"] = (data["mobile"] or "").strip() or None
    for name in ("real_name", "position"):
        if name in data:
            data[name] = (data[name] or "").strip()
    return data


@transaction.atomic
def create_user(*, actor: User, data: dict[str, Any]) -> tuple[User, str]:
    """Create a user with a random initial password, returned once to the caller.

    By default the person must change it at the first login; an admin who turns that off
    hands over a password stored with the full-strength hasher.
    """
    data = _clean(data)
    username = (data.get("username") or "").strip()
    if not username:
        raise InvalidInput(USERNAME_REQUIRED, {"username": [USERNAME_REQUIRED]})
    if not ID_RE.match(username):
        raise InvalidInput(BAD_ID, {"username": [BAD_ID]})
    _check_fields(actor, data)
    if User.objects.filter(username=username).exists():
        raise InvalidInput(USERNAME_TAKEN, {"username": [USERNAME_TAKEN]})
    must_change = data.get("must_change_password", True)
    password = new_initial_password()
    fields = {name: data[name] for name in EDITABLE_FIELDS if name in data}
    user = User(username=username, must_change_password=must_change, **fields)
    user.password = make_password(password, hasher="initial_sha256" if must_change else None)
    user.save()
    if data.get("admin_units"):
        _set_admin_units(user, data["admin_units"])
    return user, password


@transaction.atomic
def update_user(*, actor: User, user: User, data: dict[str, Any]) -> User:
    _check_manageable(actor, user)
    data = _clean(data)
    if "username" in data and data["username"] != user.username:
        raise InvalidInput(USERNAME_FIXED, {"username": [USERNAME_FIXED]})
    if "org_unit" in data and data["org_unit"] is None:
        raise InvalidInput(UNIT_REQUIRED, {"org_unit": [UNIT_REQUIRED]})
    _check_fields(actor, data, user)
    if "admin_units" in data:
        current = set(user.admin_scopes.values_list("org_unit_id", flat=True))
        if user.pk == actor.pk and {u.pk for u in data["admin_units"]} != current:
            raise Forbidden(OWN_SCOPES, {"admin_units": [OWN_SCOPES]})
        _set_admin_units(user, data["admin_units"])
    user, _changed = model_update(user, data, EDITABLE_FIELDS)
    return user


@transaction.atomic
def deactivate_user(*, actor: User, user: User) -> User:
    """The person can no longer log in; their records, answers and history stay."""
    _check_manageable(actor, user)
    if user.pk == actor.pk:
        raise Forbidden(OWN_ACCOUNT)
    if user.is_active:
        user.is_active = False
        user.save(update_fields=["is_active"])
    revoke_tokens(user)  # (sessions of an inactive user no longer load)
    return user


@transaction.atomic
def activate_user(*, actor: User, user: User) -> User:
    _check_manageable(actor, user)
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    return user


@transaction.atomic
def reset_password(*, actor: User, user: User) -> str:
    """A new one-time password, returned once; the person must change it at the next login."""
    _check_manageable(actor, user)
    if user.pk == actor.pk:
        raise Forbidden(OWN_PASSWORD)
    password = new_initial_password()
    user.password = make_password(password, hasher="initial_sha256")
    user.must_change_password = True
    user.save(update_fields=["password", "must_change_password"])
    revoke_tokens(user)  # the hash was set directly, not through set_password()
    return password
