"""Creating and editing users by an org admin, within their scope."""

from __future__ import annotations

from django.contrib.auth.hashers import make_password
from django.db import transaction

from apps.accounts.models import OrgUnit, User
from apps.accounts.services.auth import revoke_tokens
from apps.accounts.services.roster import MOBILE_RE, new_initial_password
from apps.common import scoping
from apps.common.errors import Forbidden, InvalidInput
from apps.common.services import model_update

UNIT_REQUIRED = "请选择所属单位"
UNIT_OUT_OF_SCOPE = "所选单位不在您的管理范围内"
MOBILE_TAKEN = "该手机号已被其他用户使用"
USERNAME_TAKEN = "该工号已存在"
BAD_MOBILE = "手机号格式不正确"
EDITABLE_FIELDS = [
    "real_name",
    "mobile",
    "org_unit",
    "position",
    "is_cadre",
    "is_reviewer",
    "is_active",
]


def _check(actor: User, data: dict, user: User | None = None) -> None:
    unit: OrgUnit | None = data.get("org_unit", user.org_unit if user else None)
    if unit is None:
        raise InvalidInput(UNIT_REQUIRED, {"org_unit": [UNIT_REQUIRED]})
    if not scoping.unit_in_scope(actor, unit):
        raise Forbidden(UNIT_OUT_OF_SCOPE)
    mobile = data.get("mobile")
    if mobile:
        if not MOBILE_RE.match(mobile):
            raise InvalidInput(BAD_MOBILE, {"mobile": [BAD_MOBILE]})
        taken = User.objects.filter(mobile=mobile).exclude(pk=getattr(user, "pk", None)).exists()
        if taken:
            raise InvalidInput(MOBILE_TAKEN, {"mobile": [MOBILE_TAKEN]})


@transaction.atomic
def create_user(*, actor: User, data: dict) -> tuple[User, str]:
    """Create a user with a random initial password, returned once to the caller."""
    _check(actor, data)
    if User.objects.filter(username=data["username"]).exists():
        raise InvalidInput(USERNAME_TAKEN, {"username": [USERNAME_TAKEN]})
    password = new_initial_password()
    fields = {name: data[name] for name in EDITABLE_FIELDS if name in data}
    fields["mobile"] = fields.get("mobile") or None
    user = User(username=data["username"], must_change_password=True, **fields)
    user.password = make_password(password, hasher="initial_sha256")
    user.save()
    return user, password


@transaction.atomic
def update_user(*, actor: User, user: User, data: dict) -> User:
    if "mobile" in data:
        data = {**data, "mobile": data["mobile"] or None}
    _check(actor, data, user)
    user, _ = model_update(user, data, EDITABLE_FIELDS)
    return user


@transaction.atomic
def reset_password(*, actor: User, user: User) -> str:
    if not scoping.unit_in_scope(actor, user.org_unit):
        raise Forbidden(UNIT_OUT_OF_SCOPE)
    password = new_initial_password()
    user.password = make_password(password, hasher="initial_sha256")
    user.must_change_password = True
    user.save(update_fields=["password", "must_change_password"])
    revoke_tokens(user)  # the hash was set directly, not through set_password()
    return password
