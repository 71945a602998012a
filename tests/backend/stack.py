"""Running the production roles on this machine, as compose runs them in containers:
docker/entrypoint.sh for PostgreSQL-backed web, worker and beat, Debian's nginx with the
site files from docker/nginx/. Shared by the production-shape tests.

A service that is missing skips the test, unless CI requires it (REQUIRE_NGINX=1,
REQUIRE_REDIS=1, REQUIRE_POSTGRES=1), where it fails.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

ENTRYPOINT = REPO_ROOT / "docker" / "entrypoint.sh"
NGINX_DIR = REPO_ROOT / "docker" / "nginx"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def status_of(url: str, timeout: float = 5, **headers) -> int:
    """The HTTP status of a GET, error statuses included."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wait_for(url: str, seconds: float = 30) -> int:
    """Wait until `url` answers at all; returns its status."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            return status_of(url, timeout=2)
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} 未在 {seconds} 秒内响应")


def wait_until(check, seconds: float, message: str, every: float = 0.3):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := check():
            return value
        time.sleep(every)
    raise AssertionError(message)


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


def _require(variable: str, message: str) -> None:
    if os.environ.get(variable) == "1":
        pytest.fail(f"{variable}=1 但{message}")
    pytest.skip(message)


def require_nginx() -> str:
    if NGINX is None:
        _require("REQUIRE_NGINX", "未找到 nginx（apt-get install nginx）")
    return NGINX


def redis_url() -> str:
    url = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception:
        _require("REQUIRE_REDIS", f"无法连接 Redis：{url}")
    return url


def postgres_server_url() -> str:
    """The maintenance database on DATABASE_URL's PostgreSQL server (or on 127.0.0.1, as
    CI starts it), from which test databases are created and dropped."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        url = "postgresql://postgres@127.0.0.1:5432/postgres"
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        _require("REQUIRE_POSTGRES", "未找到 PostgreSQL 客户端（pg_dump、pg_restore）")
    return url.rsplit("/", 1)[0] + "/postgres"


@contextmanager
def fresh_postgres_database():
    """A new, empty database on the test server, dropped afterwards; yields its URL."""
    import psycopg

    server = postgres_server_url()
    name = f"yzyh_stack_{uuid.uuid4().hex[:10]}"
    try:
        with psycopg.connect(server, autocommit=True, connect_timeout=3) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        _require("REQUIRE_POSTGRES", f"无法连接 PostgreSQL：{error}")
    base, _, _ = server.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def nginx_site(
    work: Path,
    listen: str,
    upstreams: list[int],
    *,
    static: Path,
    media: Path,
    site: str = "http",
    site_url: str = "",
    https_listen: str = "",
    cert_dir: Path | None = None,
) -> Path:
    """docker/nginx's site (http or https) inside a minimal main config, pointed at this
    machine's ports and folders instead of the containers'. Returns the config file,
    written into `work` with nginx's own temporary files."""
    work.mkdir(parents=True, exist_ok=True)
    include_dir = work / "nginx-site"
    include_dir.mkdir(exist_ok=True)
    servers = "\n".join(f"    server 127.0.0.1:{port};" for port in upstreams)
    replacements = {
        "upstream.conf": [("    server web:8000;", servers)],
        "app.conf": [
            ("/srv/static/", f"{static}/"),
            ("/srv/media/", f"{media}/"),
        ],
    }
    for name, swaps in replacements.items():
        text = (NGINX_DIR / name).read_text(encoding="utf-8")
        for old, new in swaps:
            assert old in text, f"docker/nginx/{name} 缺少 {old}"
            text = text.replace(old, new)
        (include_dir / name).write_text(text, encoding="utf-8")
    text = (NGINX_DIR / f"{site}.conf.template").read_text(encoding="utf-8")
    swaps = [("/etc/nginx/yzyh/", f"{include_dir}/"), ("listen 80;", f"listen {listen};")]
    if site == "https":
        swaps += [
            ("${SITE_URL}", site_url),  # what the nginx image's envsubst does at start
            ("listen 443 ssl;", f"listen {https_listen} ssl;"),
            ("/etc/nginx/certs/", f"{cert_dir}/"),
        ]
    for old, new in swaps:
        assert old in text, f"docker/nginx/{site}.conf.template 缺少 {old}"
        text = text.replace(old, new)
    temp = work / "nginx-temp"
    temp.mkdir(exist_ok=True)
    main = f"""
{"user root;" if os.geteuid() == 0 else ""}
daemon off;
pid {work / "nginx.pid"};
error_log {work / "nginx-error.log"} warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    {text}
}}
"""
    config = work / "nginx.conf"
    config.write_text(main, encoding="utf-8")
    return config


def start_nginx(config: Path) -> subprocess.Popen:
    nginx = require_nginx()
    checked = subprocess.run([nginx, "-t", "-c", str(config)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    return subprocess.Popen([nginx, "-c", str(config), "-e", str(config.parent / "e.log")])


def role(name: str, env: dict, *args: str, **popen) -> subprocess.Popen:
    """Start one docker/entrypoint.sh role, as a compose service would."""
    return subprocess.Popen(["sh", str(ENTRYPOINT), name, *args], cwd=REPO_ROOT, env=env, **popen)


def run_role(name: str, env: dict, *args: str, timeout: float = 180) -> str:
    """Run a one-shot role to the end; returns its output, failing on a non-zero exit."""
    done = subprocess.run(
        ["sh", str(ENTRYPOINT), name, *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, f"{name}: {done.stdout}\n{done.stderr}"
    return done.stdout


def stop(*processes: subprocess.Popen | None, timeout: float = 30) -> None:
    for process in processes:
        if process is not None and process.poll() is None:
            process.terminate()
    for process in processes:
        if process is None:
            continue
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class WebRole:
    port: int
    env: dict
    root: Path  # holds static/, media/ and the SQLite database

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@contextmanager
def migrated_sqlite_web(root: Path):
    """`migrate` once, then one `web` role on SQLite behind an expected nginx."""
    port = free_port()
    env = entrypoint_env(
        root,
        DATABASE_URL=f"sqlite:///{root / 'prod.sqlite3'}",
        PORT=str(port),
        BIND="127.0.0.1",
        WEB_CONCURRENCY="1",
        STATIC_ROOT=str(root / "static"),
        MEDIA_ROOT=str(root / "media"),
        MEDIA_ACCEL_REDIRECT="/protected-media/",
        TRUSTED_PROXIES="1",
    )
    env.pop("REDIS_URL", None)
    (root / "media").mkdir(parents=True, exist_ok=True)
    run_role("migrate", env)
    server = role("web", env)
    try:
        assert wait_for(f"http://127.0.0.1:{port}/healthz", 60) == 200
        yield WebRole(port=port, env=env, root=root)
    finally:
        stop(server)
