"""Domain errors that services raise; the API layer maps each to a status code.

Services raise instead of returning error values so that a surrounding
transaction.atomic() rolls back whatever was half-done.
"""

from __future__ import annotations


class DomainError(Exception):
    status_code = 400
    default_message = "请求有误"
    default_code = "invalid"

    def __init__(
        self,
        message: str | None = None,
        errors: dict[str, list[str]] | None = None,
        code: str | None = None,
    ):
        self.message = message or self.default_message
        self.errors = errors or {}
        self.code = code or self.default_code
        super().__init__(self.message)


class InvalidInput(DomainError):
    status_code = 400


class Unauthenticated(DomainError):
    status_code = 401
    default_message = "请先登录"
    default_code = "not_authenticated"


class Forbidden(DomainError):
    status_code = 403
    default_message = "没有权限执行此操作"
    default_code = "forbidden"


class NotFound(DomainError):
    """Also used for objects outside the caller's scope, so their existence is not revealed."""

    status_code = 404
    default_message = "对象不存在或无权访问"
    default_code = "not_found"


class Conflict(DomainError):
    status_code = 409
    default_message = "当前状态不允许此操作"
    default_code = "conflict"


class TooManyRequests(DomainError):
    """Come back later; `retry_after` (seconds) becomes the Retry-After header."""

    status_code = 429
    default_message = "请求过于频繁，请稍后再试"
    default_code = "throttled"

    def __init__(self, message: str | None = None, *, retry_after: int, **kwargs):
        super().__init__(message, **kwargs)
        self.retry_after = retry_after
