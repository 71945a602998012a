"""The API's authentication classes: expiring tokens (apps.accounts.authentication) and
DRF's sessions, plus the console's scope switcher (`X-Admin-Scope`), applied once here so
that every view honours it."""

from __future__ import annotations

from drf_spectacular.authentication import SessionScheme
from drf_spectacular.drainage import set_override
from rest_framework import authentication, exceptions

from apps.accounts.authentication import ExpiringTokenAuthentication
from apps.common import scoping
from apps.common.errors import Forbidden


class ScopeHeaderMixin:
    """After the user is known, narrow their admin scope to the unit the header names."""

    def authenticate(self, request):
        result = super().authenticate(request)
        value = request.headers.get(scoping.SCOPE_HEADER, "")
        if result is not None and value:
            try:
                scoping.narrow_scope(result[0], value)
            except Forbidden as refused:
                raise exceptions.PermissionDenied(refused.message, code=refused.code) from None
        return result


class TokenAuthentication(ScopeHeaderMixin, ExpiringTokenAuthentication):
    pass


class SessionAuthentication(ScopeHeaderMixin, authentication.SessionAuthentication):
    pass


class ScopedSessionScheme(SessionScheme):
    """The schema's cookieAuth, for the subclass (DRF's token extension covers subclasses)."""

    target_class = SessionAuthentication


# The same schemes as DRF's own, so the schema keeps one tokenAuth and one cookieAuth.
set_override(TokenAuthentication, "suppress_collision_warning", True)
set_override(SessionAuthentication, "suppress_collision_warning", True)
