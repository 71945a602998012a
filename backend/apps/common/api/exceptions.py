"""One error body for the whole API: {"detail": ..., "errors": {...}, "code": ...}."""

from django.conf import settings
from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from apps.common import unavailable
from apps.common.errors import DomainError, TooManyRequests

FIELD_ERRORS = "提交的内容有误，请检查标出的字段"
BODY_TOO_LARGE = "提交的内容过大（上限 {size}），请精简后重试"
TOO_MANY_FIELDS = "提交的字段或文件过多"
BAD_REQUEST = "请求无效"


def error_body(detail: str, code: str, errors: dict | None = None) -> dict:
    return {"detail": detail, "errors": errors or {}, "code": code}


def json_error(status: int, detail: str, code: str, errors: dict | None = None) -> JsonResponse:
    """The common error body outside DRF views (middleware, Django's error handlers)."""
    return JsonResponse(
        error_body(detail, code, errors), status=status, json_dumps_params={"ensure_ascii": False}
    )


def refused_request(exc: SuspiciousOperation) -> tuple[int, dict]:
    """Django's refusals of a request (too big, too many fields, a bad Host) in Chinese:
    (status, body)."""
    if isinstance(exc, RequestDataTooBig):
        size = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        label = f"{size / 1024 / 1024:g} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"
        return 413, error_body(BODY_TOO_LARGE.format(size=label), "too_large")
    if isinstance(exc, TooManyFieldsSent | TooManyFilesSent):
        return 400, error_body(TOO_MANY_FIELDS, "too_many_fields")
    return 400, error_body(BAD_REQUEST, "bad_request")


def _flatten(detail) -> dict[str, list[str]]:
    """DRF's nested error detail → {"field" or "field.sub" or "0.field": [messages]}."""
    flat: dict[str, list[str]] = {}

    def walk(value, prefix: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{prefix}.{key}" if prefix else str(key))
        elif isinstance(value, list) and value and not all(isinstance(v, str) for v in value):
            for index, item in enumerate(value):
                walk(item, f"{prefix}.{index}" if prefix else str(index))
        else:
            messages = value if isinstance(value, list) else [value]
            flat.setdefault(prefix or "non_field_errors", []).extend(str(m) for m in messages)

    walk(detail, "")
    return flat


def exception_handler(exc, context):
    if unavailable.is_database_down(exc):
        unavailable.note(context["request"], exc)
        return unavailable.mark(Response(unavailable.body(), status=503))
    if isinstance(exc, SuspiciousOperation):  # raised while DRF read the body
        status_code, body = refused_request(exc)
        return Response(body, status=status_code)
    if isinstance(exc, DomainError):
        body = {"detail": exc.message, "errors": exc.errors, "code": exc.code}
        response = Response(body, status=exc.status_code)
        if isinstance(exc, TooManyRequests):
            response["Retry-After"] = str(exc.retry_after)
        return response
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound("对象不存在或无权访问")
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(exc.detail)
        detail = FIELD_ERRORS
        if list(errors) == ["non_field_errors"]:
            detail = errors["non_field_errors"][0]
        response.data = {"detail": detail, "errors": errors, "code": "invalid"}
    else:
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else ""
        code = getattr(getattr(exc, "detail", None), "code", None) or exc.default_code
        errors = getattr(exc, "errors", None) or {}  # parsers.RefusedInput names its field
        response.data = {"detail": str(detail), "errors": errors, "code": code}
    if response.status_code == status.HTTP_401_UNAUTHORIZED and not response.data["detail"]:
        response.data["detail"] = "请先登录"
    return response
