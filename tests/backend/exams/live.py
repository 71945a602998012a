"""A real gunicorn server process on the test database, for parallel-request tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from django.db import connection

from apps.exams.models import Attempt

REPO = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_database_url() -> str:
    s = connection.settings_dict
    host, port = s.get("HOST") or "127.0.0.1", s.get("PORT") or 5432
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    return f"postgresql://{auth}@{host}:{port}/{s['NAME']}"


class Server:
    def __init__(
        self,
        workers: int = 2,
        threads: int = 8,
        database_url: str | None = None,
        env: dict | None = None,
    ):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "DATABASE_URL": database_url or test_database_url(),
            "DEBUG": "0",
            "LOG_LEVEL": "WARNING",
            **(env or {}),
        }
        env.pop("REDIS_URL", None)
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        self.proc = subprocess.Popen(
            [
                gunicorn,
                "config.wsgi:application",
                "-b",
                f"127.0.0.1:{self.port}",
                "-w",
                str(workers),
                "-k",
                "config.gunicorn_worker.ArrivalThreadWorker",
                "--threads",
                str(threads),
                "--chdir",
                str(REPO / "backend"),
                "--log-level",
                "warning",
            ],
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self._wait()

    def _wait(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.proc.stderr.read().decode()[-2000:]}")
            try:
                httpx.get(f"{self.url}/api/v1/auth/csrf", timeout=1)
                return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start in 30 s")

    def kill(self) -> None:
        """SIGKILL the master and its workers at once: no clean shutdown of anything."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def log(self) -> str:
        """What the server wrote to stderr (once it has stopped)."""
        return self.proc.stderr.read().decode(errors="replace") if self.proc.stderr else ""

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


def wait_for_feeds(attempt_ids, timeout: float = 120) -> None:
    """Until every attempt's after-commit feed (wrong-question book, records) has run."""
    stop = time.monotonic() + timeout
    while time.monotonic() < stop:
        due = Attempt.objects.filter(pk__in=attempt_ids, feed_applied_at__isnull=True).count()
        if not due:
            return
        time.sleep(0.3)
    raise AssertionError(f"{due} 份答卷的成绩后续处理在 {timeout} 秒内没有完成")
