"""Bench only (bench/bench_settings.py): a Server-Timing header on every response, so the
load generator can split each latency into where it went on the server:

- wait: from when the gunicorn worker queued the request (config.gunicorn_worker stamps it)
  until a thread began it: waiting for a free thread;
- app: the middleware and the view, database round trips included.

The rest of a latency the client measured is outside the app: connecting, the kernel's
accept queue, reading the request and writing the response, and the client's own lag.
"""

from __future__ import annotations

import time

from apps.common import arrival


class ServerTimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        began = time.time()
        queued = arrival.server_stamp.value
        response = self.get_response(request)
        app = (time.time() - began) * 1000
        wait = (began - queued) * 1000 if queued else 0.0
        response["Server-Timing"] = f"wait;dur={wait:.2f}, app;dur={app:.2f}"
        return response
