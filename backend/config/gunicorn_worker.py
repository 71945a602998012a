"""gunicorn's threaded worker, stamping when each request arrived.

gthread hands a connection to its thread pool once the request's bytes are readable; under a
storm (every phone auto-submitting at an exam's close) the request then waits for a free
thread. This worker notes the moment it queued the connection, and the arrival middleware
(apps.common.arrival) reads it in the thread that runs the request, so a save sent before
deadline + grace is judged by when it came, not by when a thread got round to it. Use it
with `gunicorn -k config.gunicorn_worker.ArrivalThreadWorker` (docker/entrypoint.sh does).
"""

from __future__ import annotations

import time

from gunicorn.workers.gthread import ThreadWorker

from apps.common import arrival


class ArrivalThreadWorker(ThreadWorker):
    def enqueue_req(self, conn):
        # A new connection is queued at accept, a kept-alive one when its next request is
        # readable: both when the request reached this process.
        conn.yz_queued_at = time.time()
        super().enqueue_req(conn)

    def handle(self, conn):
        arrival.server_stamp.value = getattr(conn, "yz_queued_at", None)
        try:
            return super().handle(conn)
        finally:
            arrival.server_stamp.value = None
