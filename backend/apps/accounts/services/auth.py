"""Log in, log out, change passwords, issue and revoke API tokens."""

from __future__ import annotations

import logging
from datetime import timedelta

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import (
    authenticate,
    login,
    logout,
    password_validation,
    update_session_auth_hash,
)
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.accounts.backends import login_account
from apps.accounts.models import AuthToken, User
from apps.accounts.selectors import can_manage_user
from apps.accounts.services import login_throttle
from apps.common.errors import Forbidden, InvalidInput, TooManyRequests
from apps.common.net import client_ip

logger = logging.getLogger(__name__)

BAD_CREDENTIALS = "工号/手机号或密码错误"
LOCKED_OUT = "登录失败次数过多，该账号在此网络上已锁定，请 {minutes} 分钟后再试，或请管理员解除锁定"
THROTTLED = "该账号近期登录失败次数较多，请 {seconds} 秒后再试"
ACCOUNT_UNLOCKED = "已解除该账号的登录锁定"
WRONG_OLD_PASSWORD = "原密码不正确"
SAME_PASSWORD = "新密码不能与原密码相同"
MISSING_CREDENTIALS = "请输入工号/手机号和密码"
NOT_MANAGEABLE = "该用户拥有超出您管理范围的管理权限，只能由上级管理员解除锁定"


def _locked_out_error() -> Forbidden:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return Forbidden(LOCKED_OUT.format(minutes=minutes), code="locked")


def check_login_throttle(request, username: str) -> None:
    """Raise TooManyRequests when this account must wait before another try from here.
    Checked before the password, so a refused attempt is neither evaluated nor counted."""
    wait = login_throttle.seconds_to_wait(login_account(username), client_ip(request))
    if wait:
        raise TooManyRequests(THROTTLED.format(seconds=wait), retry_after=wait)


def authenticate_credentials(request, username: str, password: str) -> User:
    """Check credentials. django-axes counts failures per (account, source) pair, with the
    account canonicalised (apps.accounts.backends.axes_username); login_throttle slows
    down an account under attack from many sources."""
    if not username or not password:
        raise InvalidInput(MISSING_CREDENTIALS, {"username": [MISSING_CREDENTIALS]})
    credentials = {"username": username}
    if AxesProxyHandler.is_locked(request, credentials):
        raise _locked_out_error()
    check_login_throttle(request, username)
    user = authenticate(request, username=username, password=password)
    if getattr(request, "axes_locked_out", False) or AxesProxyHandler.is_locked(
        request, credentials
    ):
        raise _locked_out_error()
    if user is None:
        raise InvalidInput(BAD_CREDENTIALS, {"password": [BAD_CREDENTIALS]}, code="bad_credentials")
    return user


def unlock_account(*, actor: User, user: User) -> int:
    """Lift every lockout and slowdown of the user's account; the number of locked
    sources cleared is returned. The caller's lookup keeps to the actor's units; someone who
    administers more than the actor (the county's admin living in the township) is refused,
    as for a password reset."""
    if not can_manage_user(actor, user):
        raise Forbidden(NOT_MANAGEABLE)
    cleared = AxesProxyHandler.reset_attempts(username=user.username)
    login_throttle.clear(user.username)
    logger.warning(
        "login unlocked: account=%s by=%s cleared=%s", user.username, actor.username, cleared
    )
    return cleared


def log_in(request, username: str, password: str) -> User:
    user = authenticate_credentials(request, username, password)
    login(request, user, backend="apps.accounts.backends.UsernameOrMobileBackend")
    return user


def log_out(request) -> None:
    """End the session, or revoke the token the request was made with."""
    if isinstance(request.auth, AuthToken):
        request.auth.delete()
    logout(request)


def issue_token(user: User) -> tuple[AuthToken, str]:
    """A new token for this login (and the user's expired ones dropped); the key is
    returned once and never stored."""
    AuthToken.objects.filter(user=user, expires_at__lte=timezone.now()).delete()
    token, key = AuthToken.build(user, timedelta(hours=settings.AUTH_TOKEN_HOURS))
    token.save(force_insert=True)
    return token, key


def revoke_tokens(user: User) -> None:
    """Every API token of the user stops working at once. User.save() calls this on a
    password change or a deactivation, whichever path made it."""
    AuthToken.objects.filter(user=user).delete()


def change_password(request, user: User, old_password: str, new_password: str) -> User:
    if not user.check_password(old_password):
        raise InvalidInput(WRONG_OLD_PASSWORD, {"old_password": [WRONG_OLD_PASSWORD]})
    if old_password == new_password:
        raise InvalidInput(SAME_PASSWORD, {"new_password": [SAME_PASSWORD]})
    try:
        password_validation.validate_password(new_password, user)
    except ValidationError as exc:
        raise InvalidInput(exc.messages[0], {"new_password": list(exc.messages)}) from exc
    store_new_password(user, new_password)
    if request is not None and request.user.is_authenticated:
        update_session_auth_hash(request, user)
    return user


def store_new_password(user: User, new_password: str) -> None:
    """Save a password the user chose (already validated). It ends the first-login
    obligation; User.save() revokes the user's API tokens."""
    user.set_password(new_password)
    user.must_change_password = False
    user.save(update_fields=["password", "must_change_password"])
