"""attempt_graded's listeners run after the grade is committed, never inside the request.

Finalising an attempt only freezes and grades it. The wrong-question book, the Leitner
cards and the records recompute (the signal's listeners) follow after commit:
- with Redis, as a Celery task on a worker;
- without Redis, inside a web request: on one background thread of this process, so the
  response and the next requests do not wait for them;
- anywhere else (a management command, the sweep, a Celery task): at once, in this thread.

Attempt.feed_applied_at is set once every listener succeeded for the current score. The
listeners are idempotent, so a feed lost to a crash or a failing listener is simply run
again by the periodic sweep (replay_due), which picks every graded attempt still without it.
"""

from __future__ import annotations

import logging
import queue
import threading
from datetime import timedelta

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.utils import timezone

from apps.exams.models import Attempt
from apps.exams.signals import attempt_graded

log = logging.getLogger(__name__)

# The sweep leaves a feed this long to its own dispatch before running it again.
REPLAY_AFTER = timedelta(seconds=60)
REPLAY_BATCH = 500

_local = threading.local()
_jobs: queue.Queue[list[int]] = queue.Queue()
_thread: threading.Thread | None = None
_thread_lock = threading.Lock()


def after_commit(attempt_ids: list[int]) -> None:
    """Schedule the listeners of these (just graded) attempts for after the commit."""
    if attempt_ids:
        ids = list(attempt_ids)
        transaction.on_commit(lambda: _dispatch(ids))


def _dispatch(ids: list[int]) -> None:
    if settings.REDIS_URL and not getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        from apps.exams.tasks import run_graded_feed

        try:
            run_graded_feed.delay(ids)
        except Exception as exc:  # broker down: the sweep runs it later
            log.warning("成绩后续处理未能交给后台（%s），将由定时任务补做：%s", exc, ids)
        return
    if getattr(_local, "in_request", False):
        _ensure_thread()
        _jobs.put(ids)
        return
    run(ids)


def run(attempt_ids: list[int]) -> int:
    """Run attempt_graded's listeners for each attempt; returns how many fully succeeded."""
    done = 0
    for attempt_id in attempt_ids:
        attempt = (
            Attempt.objects.select_related("exam", "user")
            .filter(pk=attempt_id, graded_at__isnull=False)
            .first()
        )
        if attempt is None:
            continue
        failed = [
            (receiver, error)
            for receiver, error in attempt_graded.send_robust(sender=Attempt, attempt=attempt)
            if isinstance(error, Exception)
        ]
        for receiver, error in failed:
            log.error(
                "答卷 %s 的成绩后续处理 %s 失败，将由定时任务重试：%r",
                attempt_id,
                getattr(receiver, "__qualname__", receiver),
                error,
            )
        if failed:
            continue
        # Only for the score it ran on: a regrade in between clears graded_at's match.
        Attempt.objects.filter(pk=attempt_id, graded_at=attempt.graded_at).update(
            feed_applied_at=timezone.now()
        )
        done += 1
    return done


def due_ids(now=None, limit: int = REPLAY_BATCH) -> list[int]:
    now = now or timezone.now()
    return list(
        Attempt.objects.filter(
            feed_applied_at__isnull=True,
            graded_at__isnull=False,
            graded_at__lt=now - REPLAY_AFTER,
        )
        .order_by("graded_at")
        .values_list("id", flat=True)[:limit]
    )


def replay_due(now=None) -> int:
    """The sweep: run the feed of every attempt graded a while ago whose feed never finished."""
    ids = due_ids(now)
    return run(ids) if ids else 0


# --- the embedded mode's background thread ---------------------------------------------
def _ensure_thread() -> None:
    global _thread
    with _thread_lock:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_work, name="graded-feed", daemon=True)
            _thread.start()


def _work() -> None:
    while True:
        ids = _jobs.get()
        try:
            close_old_connections()
            run(ids)
        except Exception as exc:  # the database is down: the sweep retries later
            log.error("成绩后续处理失败，将由定时任务重试：%s（答卷 %s）", exc, ids)
        finally:
            close_old_connections()
            _jobs.task_done()


def wait_idle() -> None:
    """Block until this process's background feed has nothing left (tests, shutdown)."""
    _jobs.join()


def _request_started(**kwargs) -> None:
    _local.in_request = True


def _request_finished(**kwargs) -> None:
    _local.in_request = False


request_started.connect(_request_started, dispatch_uid="exams.graded_feed.started")
request_finished.connect(_request_finished, dispatch_uid="exams.graded_feed.finished")
