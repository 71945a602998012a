"""A small per-process LRU with expiry, in front of Django's cache for token users.

Keyed by the token itself (random, never reused), so an entry cannot describe anyone else;
it saves a cache round trip (Redis) or an eviction (the 300-entry local-memory cache) on
every save. A revoked token or deactivated user is refused at most its TTL late.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict


class LocalLRU:
    def __init__(self, max_entries: int, ttl_seconds: float):
        self.max_entries, self.ttl = max_entries, ttl_seconds
        self._data: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            item = self._data.get(key)
            if item is None:
                return None
            value, expires = item
            if expires < time.monotonic():
                del self._data[key]
                return None
            self._data.move_to_end(key)
            return value

    def set(self, key, value) -> None:
        with self._lock:
            self._data[key] = (value, time.monotonic() + self.ttl)
            self._data.move_to_end(key)
            while len(self._data) > self.max_entries:
                self._data.popitem(last=False)

    def delete(self, key) -> None:
        with self._lock:
            self._data.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
