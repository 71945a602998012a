"""Token authentication with the user served from the cache, for the exam hot paths."""

from __future__ import annotations

from django.core.cache import cache
from drf_spectacular.drainage import set_override
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import AuthenticationFailed

from apps.exams.services.local_cache import LocalLRU

TOKEN_CACHE_SECONDS = 60  # a revoked token or deactivated user is refused at most this late


# Per process: Django's default local-memory cache holds only 300 entries.
LOCAL_USERS = LocalLRU(max_entries=5000, ttl_seconds=TOKEN_CACHE_SECONDS)


def token_user(key: str):
    """The active user holding this token (with their unit loaded), cached briefly."""
    user = LOCAL_USERS.get(key)
    if user is not None:
        return user
    cache_key = f"auth:token:{key}"
    user = cache.get(cache_key)
    if user is None:
        token = Token.objects.select_related("user__org_unit").filter(key=key).first()
        if token is None or not token.user.is_active:
            return None
        user = token.user
        cache.set(cache_key, user, TOKEN_CACHE_SECONDS)
    LOCAL_USERS.set(key, user)
    return user


class CachedTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        user = token_user(key)
        if user is None:
            raise AuthenticationFailed("认证令牌无效")
        return user, None


# The same "Authorization: Token <key>" scheme as DRF's, so the schema shows one tokenAuth.
set_override(CachedTokenAuthentication, "suppress_collision_warning", True)
