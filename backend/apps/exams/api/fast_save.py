"""PUT attempts/{id}/answers/{question_id} as a plain Django view: the hottest path of an exam.

Every cadre saves every few seconds, so this skips DRF's request machinery: the body is
parsed with json.loads, a token's user comes from the cache (sessions go through Django's
middleware, with the same CSRF check DRF makes), and the service runs one upsert statement
in autocommit, so a 200 is only sent after the answer is committed. Errors use the common
{"detail", "errors", "code"} body; an unreachable database gets the API's 503. Its OpenAPI
description comes from AnswerPutSchemaView (views_cadre), which never serves a request.
"""

from __future__ import annotations

import json

from django.db import DatabaseError
from django.http import JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.views.decorators.csrf import csrf_exempt

from apps.common import unavailable
from apps.common.arrival import arrived_at
from apps.common.errors import DomainError
from apps.common.permissions import PASSWORD_CHANGE_REQUIRED
from apps.exams.api import views_cadre
from apps.exams.api.auth import token_user
from apps.exams.services import attempts

NOT_AUTHENTICATED = "请先登录"
CSRF_FAILED = "CSRF 校验失败，请刷新页面后重试"
BAD_JSON = "请求内容不是有效的 JSON"
FIELD_REQUIRED = "该字段是必填项。"
METHOD_NOT_ALLOWED = "不支持该请求方法"


class _CsrfCheck(CsrfViewMiddleware):
    def _reject(self, request, reason):
        return reason


def _error(status: int, detail: str, code: str, errors: dict | None = None) -> JsonResponse:
    return JsonResponse({"detail": detail, "errors": errors or {}, "code": code}, status=status)


def _authenticate(request):
    """(user or None, error response or None)."""
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if header.startswith("Token "):
        user = token_user(header[6:].strip())
        return user, None if user else _error(401, NOT_AUTHENTICATED, "authentication_failed")
    user = request.user
    if not user.is_authenticated:
        return None, _error(401, NOT_AUTHENTICATED, "not_authenticated")
    check = _CsrfCheck(lambda req: None)
    check.process_request(request)
    if check.process_view(request, None, (), {}):
        return None, _error(403, CSRF_FAILED, "csrf_failed")
    return user, None


@csrf_exempt  # enforced above for session-authenticated requests only, as DRF does
def save_answer(request, pk: int, question_id: int):
    if request.method != "PUT":
        return _error(405, METHOD_NOT_ALLOWED, "method_not_allowed")
    try:
        return _save(request, pk, question_id)
    except DatabaseError as exc:
        if unavailable.is_database_down(exc):
            return unavailable.response(request, exc)
        raise


def _save(request, pk: int, question_id: int):
    user, failure = _authenticate(request)
    if failure:
        return failure
    if user.must_change_password:
        return _error(403, PASSWORD_CHANGE_REQUIRED, "password_change_required")
    try:
        body = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return _error(400, BAD_JSON, "parse_error")
    missing = [f for f in ("response", "seq") if not isinstance(body, dict) or f not in body]
    if missing:
        return _error(
            400,
            "提交的内容有误，请检查标出的字段",
            "invalid",
            {f: [FIELD_REQUIRED] for f in missing},
        )
    try:
        result = attempts.save_answer(
            pk,
            user,
            question_id,
            body["response"],
            body["seq"],
            device=body.get("device", ""),
            sent_at=arrived_at(request),
        )
    except DomainError as exc:
        return _error(exc.status_code, exc.message, exc.code, exc.errors)
    return JsonResponse(result, json_dumps_params={"ensure_ascii": False})


def _documented_by(view_class) -> None:
    """Let drf-spectacular describe this plain view as if it were view_class (an APIView)."""
    save_answer.cls = view_class
    save_answer.initkwargs = {}


_documented_by(views_cadre.AnswerPutSchemaView)
