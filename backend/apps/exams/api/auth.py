"""Token authentication for the exam hot paths (the plain-Django answer save, and the
start, attempt and batch views): every cadre saves every few seconds.

Whether the token is live and its user active is checked on every request, with one small
indexed query, so a revoked or expired token or a deactivated user is refused by the next
save in every process. Only the user row (with its unit) is kept per process for
USER_CACHE_SECONDS, so the check does not load it again each time; the first time a process
sees a token (every cadre's start in a rush) the check and the user row are one query.
"""

from __future__ import annotations

from drf_spectacular.drainage import set_override
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from apps.accounts.authentication import TOKEN_INVALID, live_token_user_id, token_and_user
from apps.accounts.models import AuthToken, User
from apps.exams.services.local_cache import LocalLRU

USER_CACHE_SECONDS = 60

USERS = LocalLRU(max_entries=5000, ttl_seconds=USER_CACHE_SECONDS)
# Which user holds a token, by the token's digest (a token never changes hands).
HOLDERS = LocalLRU(max_entries=20000, ttl_seconds=USER_CACHE_SECONDS)


def token_user(key: str) -> User | None:
    """The active user holding this live token (with their unit loaded), or None."""
    digest = AuthToken.digest_of(key)
    user_id = HOLDERS.get(digest)
    user = USERS.get(user_id) if user_id is not None else None
    if user is not None:  # a known holder: only whether the token is still live is asked
        return user if live_token_user_id(key) == user_id else None
    found = token_and_user(key)
    if found is None:
        return None
    user = found[1]
    HOLDERS.set(digest, user.pk)
    USERS.set(user.pk, user)
    return user


class ExamTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        user = token_user(key)
        if user is None:
            raise AuthenticationFailed(TOKEN_INVALID)
        return user, None


# The same "Authorization: Token <key>" scheme as the default one: one tokenAuth in the schema.
set_override(ExamTokenAuthentication, "suppress_collision_warning", True)
