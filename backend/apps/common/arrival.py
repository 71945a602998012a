"""When a request reached the site: stamped first, before any other middleware or a queue
of busy workers can delay it.

An exam save is judged late by this stamp ("sent before deadline + grace"), not by when a
worker got round to it, so a save that waited behind a storm of submits still counts.
Two stamps are earlier than the middleware's own clock, and the earliest sane one is used:
- under gunicorn with config.gunicorn_worker.ArrivalThreadWorker, when the worker queued the
  request for a thread (it waited there for a free one);
- behind our own reverse proxy (TRUSTED_PROXIES > 0), nginx's `X-Request-Start: t=<seconds>`.
Neither is believed beyond a sane window, nor later than the app's own clock.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

from django.conf import settings

ATTRIBUTE = "arrived_at"
HEADER = "HTTP_X_REQUEST_START"
# A stamp further back than this is not believed (a wrong clock, or a forgery).
MAX_PROXY_LAG_SECONDS = 120.0


class _ServerStamp(threading.local):
    value: float | None = None


# Set by the gunicorn worker in the thread that runs the request (config.gunicorn_worker).
server_stamp = _ServerStamp()


def _proxy_stamp(value: str) -> float | None:
    """Seconds since the epoch from `t=1733360000.123` (nginx's $msec); ms and µs too."""
    value = value.strip()
    if value.startswith("t="):
        value = value[2:]
    try:
        stamp = float(value)
    except ValueError:
        return None
    for divisor in (1.0, 1e3, 1e6):  # seconds, milliseconds, microseconds
        if stamp / divisor < 1e10:
            return stamp / divisor
    return None


def _sane(value: float | None, now: float) -> bool:
    return value is not None and now - MAX_PROXY_LAG_SECONDS <= value <= now


def stamp(request) -> float:
    now = time.time()
    earliest = now
    if _sane(server_stamp.value, now):
        earliest = min(earliest, server_stamp.value)
    if settings.TRUSTED_PROXIES > 0 and (header := request.META.get(HEADER)):
        proxy = _proxy_stamp(header)
        if _sane(proxy, now):
            earliest = min(earliest, proxy)
    return earliest


def arrived_at(request) -> datetime:
    """The request's arrival as an aware UTC datetime (now, if it was never stamped)."""
    seconds = getattr(request, ATTRIBUTE, None) or time.time()
    return datetime.fromtimestamp(seconds, tz=UTC)


class ArrivalStampMiddleware:
    """First in MIDDLEWARE: records request.arrived_at (seconds since the epoch)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        setattr(request, ATTRIBUTE, stamp(request))
        return self.get_response(request)
