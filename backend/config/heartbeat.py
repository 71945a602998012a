"""Heartbeats the Celery worker and beat write to Redis, for /readyz and compose's probes.

Each role keeps one sorted set: member = process name (the worker's node name, beat's
host name), score = the time of its latest heartbeat. Readers ask for one member or for
the newest of all. No Django import, so a health probe stays cheap.
"""

from __future__ import annotations

import time
from functools import cache

import redis

KEY = "yzyh:heartbeat:{role}"
FORGET_AFTER = 24 * 3600  # members silent this long are pruned on the next heartbeat


@cache
def _client(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)


def beat(url: str, role: str, name: str) -> None:
    now = time.time()
    key = KEY.format(role=role)
    pipe = _client(url).pipeline()
    pipe.zadd(key, {name: now})
    pipe.zremrangebyscore(key, "-inf", now - FORGET_AFTER)
    pipe.execute()


def forget(url: str, role: str, name: str) -> None:
    """A process stopping on purpose says so at once instead of going stale."""
    _client(url).zrem(KEY.format(role=role), name)


def age(url: str, role: str, name: str | None = None) -> float | None:
    """Seconds since the named process (or the most recent one) last beat; None if never."""
    key = KEY.format(role=role)
    client = _client(url)
    if name is None:
        newest = client.zrevrange(key, 0, 0, withscores=True)
        stamp = newest[0][1] if newest else None
    else:
        stamp = client.zscore(key, name)
    return None if stamp is None else max(0.0, time.time() - stamp)
