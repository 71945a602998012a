"""`Authorization: Token <key>` for scripts and load tests, checked on every request.

Whether a token is live is never cached: an expired or revoked token, or a deactivated
user, is refused by the very next request, in every process.
"""

from __future__ import annotations

from django.utils import timezone
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from apps.accounts.models import AuthToken, User

TOKEN_INVALID = "登录令牌无效或已过期，请重新获取"


def live_token_user_id(key: str) -> int | None:
    """The id of the active user holding this live token, or None: one small indexed
    query, for hot paths that keep the user row itself in a cache."""
    return (
        AuthToken.objects.filter(
            digest=AuthToken.digest_of(key), expires_at__gt=timezone.now(), user__is_active=True
        )
        .values_list("user_id", flat=True)
        .first()
    )


def token_and_user(key: str) -> tuple[AuthToken, User] | None:
    """The live token with this key and its active user (unit loaded), or None."""
    token = (
        AuthToken.objects.live()
        .select_related("user__org_unit")
        .filter(digest=AuthToken.digest_of(key), user__is_active=True)
        .first()
    )
    return (token, token.user) if token else None


class ExpiringTokenAuthentication(TokenAuthentication):
    model = AuthToken

    def authenticate_credentials(self, key):
        found = token_and_user(key)
        if found is None:
            raise AuthenticationFailed(TOKEN_INVALID)
        token, user = found
        return user, token
