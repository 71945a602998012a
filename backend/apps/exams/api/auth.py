"""Token authentication for the plain-Django answer-save view (`fast_save`).

The token is looked up on every request (one indexed query with the user and unit
joined), never cached: a revoked or expired token, or a deactivated user, is refused by
the next save in every process. The DRF exam views use the default
`ExpiringTokenAuthentication`, which makes the same check.
"""

from __future__ import annotations

from apps.accounts.authentication import token_and_user
from apps.accounts.models import User


def token_user(key: str) -> User | None:
    """The active user holding this live token (with their unit loaded), or None."""
    found = token_and_user(key)
    return found[1] if found else None
