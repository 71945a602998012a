"""Token authentication for the exam hot paths (the plain-Django answer save, and the
start, attempt and batch views): every cadre saves every few seconds.

Whether the token is live and its user active is checked on every request, with one small
indexed query, so a revoked or expired token or a deactivated user is refused by the next
save in every process. Only the user row (with its unit) is kept per process for
USER_CACHE_SECONDS, so the check does not load it again each time.
"""

from __future__ import annotations

from drf_spectacular.drainage import set_override
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from apps.accounts.authentication import TOKEN_INVALID, live_token_user_id
from apps.accounts.models import User
from apps.exams.services.local_cache import LocalLRU

USER_CACHE_SECONDS = 60

USERS = LocalLRU(max_entries=5000, ttl_seconds=USER_CACHE_SECONDS)


def token_user(key: str) -> User | None:
    """The active user holding this live token (with their unit loaded), or None."""
    user_id = live_token_user_id(key)
    if user_id is None:
        return None
    user = USERS.get(user_id)
    if user is None:
        user = User.objects.select_related("org_unit").filter(pk=user_id).first()
        if user is None:
            return None
        USERS.set(user_id, user)
    return user


class ExamTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        user = token_user(key)
        if user is None:
            raise AuthenticationFailed(TOKEN_INVALID)
        return user, None


# The same "Authorization: Token <key>" scheme as the default one: one tokenAuth in the schema.
set_override(ExamTokenAuthentication, "suppress_collision_warning", True)
