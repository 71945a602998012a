"""A small per-process LRU with expiry, for objects read on every request of a hot path
(the exam save path's users), where even a cache round trip shows."""

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

    def set(self, key, value, ttl_seconds: float | None = None) -> None:
        """`ttl_seconds` overrides the cache's own expiry for this entry."""
        ttl = self.ttl if ttl_seconds is None else ttl_seconds
        with self._lock:
            self._data[key] = (value, time.monotonic() + ttl)
            self._data.move_to_end(key)
            while len(self._data) > self.max_entries:
                self._data.popitem(last=False)

    def delete(self, key) -> None:
        with self._lock:
            self._data.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
