"""The commands the Docker images run work here: migrate, collectstatic, gunicorn, and a
Celery worker executing a task on Redis."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

ENTRYPOINT = REPO_ROOT / "docker" / "entrypoint.sh"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 30) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} 未在 {seconds} 秒内响应")


def entrypoint_env(tmp_path: Path, **extra) -> dict:
    env = {
        **os.environ,
        "VAR_DIR": str(tmp_path / "var"),
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
    }
    env.setdefault("DATABASE_URL", f"sqlite:///{tmp_path / 'prod.sqlite3'}")
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(extra)
    return env


def test_web_entrypoint_migrates_collects_static_and_serves_with_gunicorn(tmp_path):
    port = free_port()
    env = entrypoint_env(
        tmp_path, PORT=str(port), WEB_CONCURRENCY="1", STATIC_ROOT=str(tmp_path / "static")
    )
    if "DATABASE_URL" in os.environ and os.environ["DATABASE_URL"].startswith("postgres"):
        env["DATABASE_URL"] = (
            f"sqlite:///{tmp_path / 'prod.sqlite3'}"  # leave the test database alone
        )
    server = subprocess.Popen(["sh", str(ENTRYPOINT), "web"], cwd=REPO_ROOT, env=env)
    try:
        assert wait_for(f"http://127.0.0.1:{port}/api/v1/auth/csrf", 60) == 204
        assert (tmp_path / "static" / "admin").is_dir()
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/static/rest_framework/css/default.css"
        ) as r:
            assert r.status == 200
    finally:
        server.terminate()
        server.wait(timeout=20)


def redis_url() -> str:
    url = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception:
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail(f"REQUIRE_REDIS=1 但无法连接 Redis：{url}")
        pytest.skip(f"Redis 不可用（{url}），跳过 Celery worker 测试")
    return url


@pytest.mark.redis
def test_celery_worker_executes_a_task_through_redis(tmp_path):
    url = redis_url()
    env = entrypoint_env(tmp_path, REDIS_URL=url, CELERY_CONCURRENCY="1")
    worker = subprocess.Popen(["sh", str(ENTRYPOINT), "worker"], cwd=REPO_ROOT, env=env)
    try:
        code = (
            "import os, sys; sys.path[:0] = ['backend', '.'];"
            "os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings';"
            "import django; django.setup();"
            "from config.celery import ping;"
            "result = ping.delay('从队列返回');"
            "print(result.get(timeout=60))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=90,
        )
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip().endswith("从队列返回")
    finally:
        worker.terminate()
        worker.wait(timeout=30)
