"""One error body for the whole API: {"detail": ..., "errors": {...}, "code": ...}."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from apps.common.errors import DomainError, TooManyRequests

FIELD_ERRORS = "提交的内容有误，请检查标出的字段"


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
        response.data = {"detail": str(detail), "errors": {}, "code": code}
    if response.status_code == status.HTTP_401_UNAUTHORIZED and not response.data["detail"]:
        response.data["detail"] = "请先登录"
    return response
