"""Logins, failed logins and lockouts, from Django's and django-axes' signals."""

from __future__ import annotations

import functools
import logging

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from apps.audit import actions, services
from apps.audit.recorder import find_user

ADMIN_PREFIX = "/admin/"
logger = logging.getLogger(__name__)


def _never_blocks_login(receiver_function):
    """A failed log write is reported, but must not lock people out of the site."""

    @functools.wraps(receiver_function)
    def wrapper(*args, **kwargs):
        try:
            receiver_function(*args, **kwargs)
        except Exception:
            logger.exception("operation log: %s failed", receiver_function.__name__)

    return wrapper


def _mark_recorded(request) -> None:
    # DRF wraps the request; the flag goes on Django's own, which the middleware sees.
    getattr(request, "_request", request).audit_recorded = True


def _channel(request) -> str:
    if request is None:
        return ""
    path = getattr(request, "path", "")
    if path.startswith(ADMIN_PREFIX):
        return "管理后台"
    if path.endswith("/auth/token"):
        return "接口令牌"
    return "网页"


@receiver(user_logged_in, dispatch_uid="audit-login")
@_never_blocks_login
def log_login(sender, request, user, **kwargs):
    services.record(
        actions.LOGIN,
        request=request,
        actor=user,
        object_id=user.pk,
        object_repr=str(user),
        status_code=200,
        detail={"channel": _channel(request)},
    )
    if request is not None:
        _mark_recorded(request)


@receiver(user_login_failed, dispatch_uid="audit-login-failed")
@_never_blocks_login
def log_login_failure(sender, credentials, request=None, **kwargs):
    # Django has already replaced the password in `credentials` with asterisks.
    typed = str(credentials.get("username") or "")
    user = find_user(typed)
    services.record(
        actions.LOGIN_FAILED,
        request=request,
        actor=user,
        actor_username=typed,
        object_id=user.pk if user else "",
        object_repr=str(user) if user else "",
        status_code=None,
        succeeded=False,
        detail={"channel": _channel(request)},
    )
    if request is not None:
        _mark_recorded(request)


@receiver(user_locked_out, dispatch_uid="audit-locked-out")
@_never_blocks_login
def log_lockout(sender, request=None, username=None, ip_address=None, **kwargs):
    typed = str(username or "")
    user = find_user(typed)
    services.record(
        actions.LOCKED_OUT,
        request=request,
        actor=user,
        actor_username=typed,
        object_id=user.pk if user else "",
        object_repr=str(user) if user else "",
        succeeded=False,
        detail={"channel": _channel(request)},
    )
    if request is not None:
        _mark_recorded(request)
