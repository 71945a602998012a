"""Slowing down an account whose password is being guessed from many sources.

django-axes locks an (account, source) pair after a few failures, so a stranger cannot
lock a cadre out, and a township behind one address keeps working. An attacker could
still spread guesses over many sources; this module counts failures per account across
all sources and, past LOGIN_THROTTLE_AFTER, makes each further attempt from an unfamiliar
source wait (doubling per failure, capped at LOGIN_THROTTLE_MAX_SECONDS). Sources where
the account logged in successfully lately are not slowed down, so the cadre at their
usual place gets in while the attack goes on. The state lives in the shared cache.
"""

from __future__ import annotations

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

KNOWN_SOURCES_KEPT = 20
KNOWN_SOURCE_SECONDS = 30 * 86400


def now() -> float:
    return time.time()


def _key(kind: str, account: str) -> str:
    return f"login:{kind}:{hashlib.sha256(account.encode()).hexdigest()}"


def _window_seconds() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


def seconds_to_wait(account: str, source: str) -> int:
    """0 when this attempt may go ahead, else the seconds to wait first."""
    failures = cache.get(_key("failures", account), 0)
    over = failures - settings.LOGIN_THROTTLE_AFTER
    if over < 0 or source in cache.get(_key("sources", account), ()):
        return 0
    delay = min(2 ** (over + 1), settings.LOGIN_THROTTLE_MAX_SECONDS)
    last = cache.get(_key("last", account), 0.0)
    return max(0, int(last + delay - now() + 0.999))


def record_failure(account: str) -> None:
    window = _window_seconds()
    count_key = _key("failures", account)
    cache.add(count_key, 0, window)
    try:
        failures = cache.incr(count_key)
    except ValueError:  # expired between add and incr
        cache.set(count_key, failures := 1, window)
    cache.set(_key("last", account), now(), window)
    if failures == settings.LOGIN_THROTTLE_AFTER:
        logger.warning("login throttled: account=%s failures=%s", account, failures)


def record_success(account: str, source: str) -> None:
    key = _key("sources", account)
    sources = [s for s in cache.get(key, []) if s != source]
    cache.set(key, [source, *sources][:KNOWN_SOURCES_KEPT], KNOWN_SOURCE_SECONDS)


def clear(account: str) -> None:
    cache.delete_many([_key("failures", account), _key("last", account)])
