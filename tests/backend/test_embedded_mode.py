"""The embedded mode (`make run`): the periodic jobs run beside the server, Ctrl-C stops
everything without a crash line, and Celery and kombu stay quiet."""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.backend.stack import entrypoint_env, free_port, wait_for
from tests.conftest import REPO_ROOT

CRASH_LINES = ("Segmentation fault", "Traceback", "Interrupt", "No hostname was supplied")


@pytest.mark.skipif(shutil.which("make") is None, reason="需要 make")
def test_ctrl_c_stops_the_server_and_the_periodic_jobs_quietly(tmp_path, sqlite_web):
    # A copy of the session's migrated database (migrating again would take most of the time).
    database = tmp_path / "embedded.sqlite3"
    with (
        sqlite3.connect(sqlite_web.root / "prod.sqlite3") as source,
        sqlite3.connect(database) as copy,
    ):
        source.backup(copy)
    env = entrypoint_env(tmp_path, DATABASE_URL=f"sqlite:///{database}")
    env.pop("REDIS_URL", None)
    port = free_port()
    # A terminal's Ctrl-C reaches the whole foreground process group: start one here.
    make = subprocess.Popen(
        ["make", "--no-print-directory", "serve", "HOST=127.0.0.1", f"PORT={port}"],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    group = os.getpgid(make.pid)
    try:
        assert wait_for(f"http://127.0.0.1:{port}/healthz", 60) == 200
        # The first round of periodic jobs includes the daily backup.
        deadline = time.monotonic() + 60
        while not list((tmp_path / "var" / "backups").glob("yzyh-*.sqlite3")):
            assert time.monotonic() < deadline, "定时任务未执行每日备份"
            time.sleep(0.5)
        os.killpg(group, signal.SIGINT)
        output, _ = make.communicate(timeout=30)
    finally:
        if make.poll() is None:
            os.killpg(group, signal.SIGKILL)
    for line in CRASH_LINES:
        assert line not in output, output
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # nothing of the group may outlive the Ctrl-C
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            break
        time.sleep(0.2)
    else:
        pytest.fail("Ctrl-C 之后仍有进程在运行")


def test_background_work_in_process_logs_no_broker_warning(tmp_path):
    env = entrypoint_env(tmp_path)
    env.pop("REDIS_URL", None)
    code = (
        "import django; django.setup();"
        "from config.celery import ping;"
        "print(ping.delay('进程内').get())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        env={
            **env,
            "PYTHONPATH": f"{REPO_ROOT / 'backend'}:{REPO_ROOT}",
            "DJANGO_SETTINGS_MODULE": "config.settings",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "进程内"
    assert out.stderr == ""
