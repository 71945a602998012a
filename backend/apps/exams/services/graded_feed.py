"""attempts_graded's listeners run after the grade is committed, never inside the request.

Finalising an attempt only freezes and grades it. The wrong-question book, the Leitner
cards and the records recompute (the signal's listeners) follow after commit:
- with Redis, as a Celery task on a worker;
- without Redis, inside a web request: on one background thread of this process, so the
  response and the next requests do not wait for them;
- anywhere else (a management command, the sweep, a Celery task): at once, in this thread.

They run in batches (FEED_BATCH attempts with a few statements each): the embedded thread
takes whatever has queued up meanwhile, and the sweep and a regrade pass many at once.

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
from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from apps.exams.models import Attempt
from apps.exams.signals import attempt_graded, attempts_graded

log = logging.getLogger(__name__)

# The sweep leaves a feed this long to its own dispatch before running it again.
REPLAY_AFTER = timedelta(seconds=60)
REPLAY_BATCH = 500
# Attempts whose listeners run together (a few statements per batch, not per attempt).
FEED_BATCH = 100

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


def run(attempt_ids: list[int], batch: int = FEED_BATCH) -> int:
    """Run the listeners for these attempts, `batch` at a time; returns how many fully
    succeeded. A batch whose listeners fail is run again one attempt at a time, so one bad
    attempt does not hold back the others (it stays due, for the sweep)."""
    ids = list(dict.fromkeys(attempt_ids))
    done = 0
    for start in range(0, len(ids), batch):
        done += _run_batch(ids[start : start + batch])
    return done


def _run_batch(ids: list[int]) -> int:
    attempts = list(
        Attempt.objects.select_related("exam", "user")
        .filter(pk__in=ids, graded_at__isnull=False)
        .order_by("pk")
    )
    if not attempts:
        return 0
    if _send(attempts):
        fed = attempts
    elif len(attempts) > 1:
        fed = [a for a in attempts if _send([a])]
    else:
        fed = []
    _mark_fed(fed)
    return len(fed)


def _send(attempts: list[Attempt]) -> bool:
    """Every listener, bulk and single; True when none failed."""
    replies = list(attempts_graded.send_robust(sender=Attempt, attempts=attempts))
    if attempt_graded.has_listeners(Attempt):
        for attempt in attempts:
            replies += attempt_graded.send_robust(sender=Attempt, attempt=attempt)
    failed = [(r, e) for r, e in replies if isinstance(e, Exception)]
    for receiver, error in failed:
        log.error(
            "答卷 %s 的成绩后续处理 %s 失败，将由定时任务重试：%r",
            ",".join(str(a.pk) for a in attempts[:20]),
            getattr(receiver, "__qualname__", receiver),
            error,
        )
    return not failed


_MARK_SQL = "UPDATE exams_attempt SET feed_applied_at = %s WHERE id = %s AND graded_at = %s"


def _mark_fed(attempts: list[Attempt]) -> None:
    """Only for the score it ran on: a regrade in between changes graded_at, and its feed
    stays due."""
    if not attempts:
        return
    ops = connection.ops
    stamp = ops.adapt_datetimefield_value(timezone.now())
    rows = [(stamp, a.pk, ops.adapt_datetimefield_value(a.graded_at)) for a in attempts]
    with connection.cursor() as cursor:
        cursor.executemany(_MARK_SQL, rows)


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
        jobs = [_jobs.get()]
        # Whatever else queued meanwhile goes in the same batch: in a close rush the feed
        # keeps up with hundreds of submits a second in a few statements per batch.
        while sum(len(j) for j in jobs) < FEED_BATCH:
            try:
                jobs.append(_jobs.get_nowait())
            except queue.Empty:
                break
        ids = [i for job in jobs for i in job]
        try:
            close_old_connections()
            run(ids)
        except Exception as exc:  # the database is down: the sweep retries later
            log.error("成绩后续处理失败，将由定时任务重试：%s（答卷 %s）", exc, ids[:20])
        finally:
            close_old_connections()
            for _ in jobs:
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
