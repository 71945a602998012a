"""The database is unreachable: a Chinese 503 with Retry-After, and one log line.

A database outage is not a bug in a view: every request fails the same way until it is
back. So the API answers 503 in its usual JSON body (the exam phone keeps its queue and
retries after Retry-After), and the log gets one line per failed request instead of
tracebacks that would bury everything else.
"""

from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError
from django.http import JsonResponse

log = logging.getLogger("apps.database")

DATABASE_UNAVAILABLE = "系统暂时无法访问数据库，请稍后重试；已提交的内容不会丢失"
RETRY_AFTER_SECONDS = 5


def is_database_down(exc: BaseException | None) -> bool:
    """Lost or refused connections (OperationalError, InterfaceError) from any backend."""
    return isinstance(exc, OperationalError | InterfaceError)


def body() -> dict:
    return {"detail": DATABASE_UNAVAILABLE, "errors": {}, "code": "database_unavailable"}


def note(request, exc: BaseException) -> None:
    """The one log line for this failure."""
    reason = " ".join(str(exc).split())[:200] or type(exc).__name__
    log.error("数据库不可用，已回复 503：%s %s（%s）", request.method, request.path, reason)


def mark(response):
    """Retry-After, and tell Django's request logger this response was already logged."""
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response._has_been_logged = True
    return response


def response(request, exc: BaseException) -> JsonResponse:
    note(request, exc)
    return mark(JsonResponse(body(), status=503, json_dumps_params={"ensure_ascii": False}))
