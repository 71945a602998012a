"""The Celery app. Without REDIS_URL tasks run eagerly in-process (see settings).

With Redis, the worker and beat each write a heartbeat (config.heartbeat) that /readyz
and compose's health checks read.
"""

import logging
import os
import socket
import time

from celery import Celery, bootsteps
from celery.beat import PersistentScheduler
from django.conf import settings

from config import heartbeat

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
logger = logging.getLogger(__name__)

app = Celery("yingzhi")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="config.ping")
def ping(value: str = "pong") -> str:
    """A trivial task used to check that a worker is alive and executing."""
    return value


def _beat_safely(role: str, name: str) -> None:
    try:
        heartbeat.beat(settings.REDIS_URL, role, name)
    except Exception as error:  # a Redis hiccup must not stop the worker or beat
        logger.warning("heartbeat of %s %s failed: %s", role, name, error)


class WorkerHeartbeat(bootsteps.StartStopStep):
    """Beats while the worker consumes tasks: it starts once the task consumer is up
    and stops when the connection is lost or the worker shuts down."""

    requires = {"celery.worker.consumer.tasks:Tasks"}

    def __init__(self, parent, **kwargs):
        super().__init__(parent, **kwargs)
        self.timer_ref = None

    def start(self, parent):
        if not settings.REDIS_URL:
            return
        name = parent.hostname
        _beat_safely("worker", name)
        self.timer_ref = parent.timer.call_repeatedly(
            settings.WORKER_HEARTBEAT_SECONDS, _beat_safely, ("worker", name)
        )

    def stop(self, parent):
        if self.timer_ref is None:
            return
        self.timer_ref.cancel()
        self.timer_ref = None
        try:
            heartbeat.forget(settings.REDIS_URL, "worker", parent.hostname)
        except Exception as error:
            logger.warning("could not withdraw the worker heartbeat: %s", error)

    shutdown = stop


app.steps["consumer"].add(WorkerHeartbeat)


class HeartbeatScheduler(PersistentScheduler):
    """Celery beat's scheduler, plus a heartbeat on every tick (at least every
    WORKER_HEARTBEAT_SECONDS), so a hung or dead beat is noticed."""

    _last_beat = 0.0

    def tick(self, *args, **kwargs):
        wait = super().tick(*args, **kwargs)
        now = time.monotonic()
        every = settings.WORKER_HEARTBEAT_SECONDS
        if settings.REDIS_URL and now - self._last_beat >= every:
            _beat_safely("beat", socket.gethostname())
            self._last_beat = now
        return min(wait, every)
