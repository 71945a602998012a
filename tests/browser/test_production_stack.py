"""The production shape as docker/compose.yaml runs it, here without Docker: PostgreSQL
and Redis, `migrate` once, two `web` roles behind docker/nginx on a port that is not 80,
a `worker` and `beat`, all from docker/entrypoint.sh. A phone browser reaches nginx by
the site's name (ks.county.test, mapped to 127.0.0.2 inside Chromium) with SITE_URL set
to it; everything stays on the loopback range.

Needs PostgreSQL, Redis, nginx and Debian's chromium; skips without them unless CI
requires them. CI runs it once, in the PostgreSQL pass.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from contextlib import ExitStack
from pathlib import Path
from types import SimpleNamespace

import psycopg
import pytest
from playwright.sync_api import expect

from tests.backend import stack
from tests.backend.cases.conftest import BODY
from tests.browser.builders import WAIT, log_in, png_file, start_exam, wait_saved
from tests.browser.conftest import CHROMIUM_ARGS, PHONE
from tests.conftest import REPO_ROOT, chromium_path
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.redis]

SITE_HOST = "ks.county.test"
NGINX_ADDRESS = "127.0.0.2"
SCRIPT_ADDRESS = "127.0.0.3"  # an organization department's desktop, for the API calls
MATERIAL_TEXT = "第一条 村务公开栏每季度更新一次。\n\n第二条 重大事项随时公开。"


class Site:
    """Requests to nginx by the site's name, from SCRIPT_ADDRESS, as a script would send."""

    def __init__(self, port: int):
        self.port = port
        self.host = f"{SITE_HOST}:{port}"
        self.token = ""

    def call(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict, bytes]:
        connection = http.client.HTTPConnection(
            NGINX_ADDRESS, self.port, timeout=15, source_address=(SCRIPT_ADDRESS, 0)
        )
        headers = {"Host": self.host}
        if self.token:
            headers["Authorization"] = f"Token {self.token}"
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        try:
            connection.request(method, path, body=data, headers=headers)
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def json(self, method: str, path: str, body: dict | None = None) -> dict:
        status, _, content = self.call(method, path, body)
        assert 200 <= status < 300, (method, path, status, content[:500])
        return json.loads(content) if content else {}

    def ready(self) -> bool:
        try:
            return self.call("GET", "/readyz")[0] == 200
        except OSError:
            return False

    def log_in(self, username: str) -> None:
        body = {"username": username, "password": PASSWORD}
        self.token = self.json("POST", "/api/v1/auth/token", body)["token"]


def _skip_in_ci_sqlite_pass() -> None:
    if os.environ.get("CI") == "true" and not os.environ.get("DATABASE_URL", "").startswith(
        "postgres"
    ):
        pytest.skip("CI 在 PostgreSQL 一轮中运行整套生产形态测试")


@pytest.fixture(scope="module")
def production(browser):
    _skip_in_ci_sqlite_pass()
    stack.require_nginx()
    redis_url = stack.redis_url()
    import redis

    redis.Redis.from_url(redis_url).flushdb()  # no queued tasks or heartbeats from before
    # Not under pytest's basetemp: another pytest session on this machine may prune that
    # while the stack still runs.
    with (
        tempfile.TemporaryDirectory(prefix="yzyh-stack-") as folder,
        stack.fresh_postgres_database() as database_url,
    ):
        root = Path(folder)
        nginx_port = stack.free_port(NGINX_ADDRESS)
        web_ports = [stack.free_port(), stack.free_port()]
        env = stack.entrypoint_env(
            root,
            DATABASE_URL=database_url,
            REDIS_URL=redis_url,
            SITE_URL=f"http://{SITE_HOST}:{nginx_port}",
            SECRET_KEY="production-stack-test",
            TRUSTED_PROXIES="1",
            STATIC_ROOT=str(root / "static"),
            MEDIA_ROOT=str(root / "media"),
            MEDIA_ACCEL_REDIRECT="/protected-media/",
            BACKUP_DIR=str(root / "backups"),
            BIND="127.0.0.1",
            WEB_CONCURRENCY="1",
            WEB_THREADS="4",
            CELERY_CONCURRENCY="1",
            WORKER_HEARTBEAT_SECONDS="1",
            FINALIZE_EVERY_SECONDS="2",
            EXAM_SAVE_GRACE_SECONDS="1",
        )
        stack.run_role("migrate", env)
        with ExitStack() as running:
            processes = {}
            for name, role, extra in (
                ("web1", "web", {"PORT": str(web_ports[0])}),
                ("web2", "web", {"PORT": str(web_ports[1])}),
                ("worker", "worker", {}),
                ("beat", "beat", {}),
            ):
                log = running.enter_context(open(root / f"{name}.log", "w"))
                processes[name] = stack.role(role, {**env, **extra}, stdout=log, stderr=log)
            running.callback(lambda: stack.stop(*processes.values()))  # all at once
            ids = seed(env)
            config = stack.nginx_site(
                root / "nginx",
                f"{NGINX_ADDRESS}:{nginx_port}",
                web_ports,
                static=root / "static",
                media=root / "media",
            )
            running.callback(stack.stop, stack.start_nginx(config))
            site = Site(nginx_port)
            stack.wait_until(lambda: site.ready(), 90, "web 未就绪（数据库、缓存或 worker 心跳）")
            # A second Chromium from the session's Playwright, told to resolve the site's
            # name to nginx's address (a launch flag, so not the shared browser).
            site_browser = browser.browser_type.launch(
                executable_path=chromium_path(),
                headless=True,
                args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {SITE_HOST} {NGINX_ADDRESS}"],
            )
            running.callback(site_browser.close)
            yield SimpleNamespace(
                root=root,
                env=env,
                ids=ids,
                site=site,
                url=f"http://{SITE_HOST}:{nginx_port}",
                database_url=database_url,
                browser=site_browser,
                processes=processes,
                web_ports=web_ports,
                log=lambda name: (root / f"{name}.log").read_text()[-3000:],
            )


def seed(env: dict) -> dict:
    seeded = subprocess.run(
        [sys.executable, "-m", "tests.browser.production_seed"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert seeded.returncode == 0, seeded.stderr
    return json.loads(seeded.stdout.strip().splitlines()[-1])


@pytest.fixture
def site_phone(production):
    context = production.browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="zh-CN"
    )
    page = context.new_page()
    yield page
    context.close()


def query(production, sql: str, *params):
    with psycopg.connect(production.database_url) as connection:
        return connection.execute(sql, params).fetchone()


def test_a_cadre_takes_an_exam_and_uploads_a_case_photo_through_nginx(
    production, site_phone, tmp_path
):
    page, url, ids = site_phone, production.url, production.ids
    log_in(page, url, "stackcadre")  # a CSRF-checked POST through nginx on a port ≠ 80

    attempt_id = start_exam(page, url, SimpleNamespace(pk=ids["exam"]))
    page.get_by_test_id("option-B").click()
    wait_saved(page)
    page.get_by_role("button", name="交卷", exact=True).click()
    page.get_by_role("button", name="确认交卷").click()
    page.wait_for_url(f"**/attempts/{attempt_id}/result", timeout=WAIT)
    expect(page.get_by_test_id("result-score")).to_have_attribute("data-score", "2.00")

    page.goto(f"{url}/cases")
    page.get_by_test_id(f"write-case-{ids['call']}").click()
    page.get_by_test_id("case-title").fill("村口水井修缮记")
    body = page.get_by_test_id("case-body")
    body.fill(BODY)
    page.get_by_test_id("case-photo-input").set_input_files(str(png_file(tmp_path)))
    expect(body).to_have_value(re.compile(r"!\[[^\]]*\]\([^)]+\)"), timeout=WAIT)
    expect(page.get_by_test_id("case-save-state")).to_contain_text("已保存", timeout=WAIT)
    # The photo comes back through Django's permission check and nginx's X-Accel-Redirect.
    page.get_by_role("tab", name="预览").click()
    photo = page.locator(".case-view__body img")
    expect(photo).to_be_visible(timeout=WAIT)
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=photo.element_handle()
    )
    stored = list((production.root / "media").rglob("*.jpg")) + list(
        (production.root / "media").rglob("*.png")
    )
    assert stored, "照片未写入 MEDIA_ROOT"
    # Both web processes served this browser's requests.
    for name in ("web1", "web2"):
        log = (production.root / f"{name}.log").read_text()
        assert "/api/v1/" in log, f"{name} 未收到请求"


def test_the_worker_ingests_a_material_the_cadre_then_reads(production, site_phone):
    site = production.site
    site.log_in("stackadmin")
    body = {"title": "村务公开规则", "text": MATERIAL_TEXT, "org_unit": production.ids["county"]}
    created = site.json("POST", "/api/v1/materials/", body)
    material = created["id"]

    page = site_phone
    log_in(page, production.url, "stackcadre")

    def listed() -> bool:
        page.goto(f"{production.url}/study/materials")
        item = page.get_by_test_id(f"material-{material}")
        try:
            item.wait_for(timeout=2_000)
        except Exception:
            return False
        return True

    stack.wait_until(
        listed,
        60,
        f"worker 未完成材料处理："
        f"{query(production, 'SELECT status, error FROM questions_material WHERE id = %s', material)}"
        f"{production.log('worker')}{production.log('beat')}",
    )
    page.get_by_test_id(f"material-{material}").click()
    expect(page.get_by_text("村务公开栏每季度更新一次")).to_be_visible(timeout=WAIT)
    assert query(production, "SELECT status FROM questions_material WHERE id = %s", material) == (
        "ready",
    )


def test_beat_finalizes_an_attempt_left_open_past_its_deadline(production, site_phone):
    page, url = site_phone, production.url
    log_in(page, url, "stackcadre")
    attempt_id = start_exam(page, url, SimpleNamespace(pk=production.ids["late_exam"]))
    page.get_by_test_id("option-B").click()
    # The save label can read 已保存 just before a new tap is queued: ask the database.
    stack.wait_until(
        lambda: query(
            production,
            "SELECT 1 FROM exams_answer WHERE attempt_id = %s AND response = '\"B\"'::jsonb",
            attempt_id,
        ),
        15,
        "答案未保存到服务器",
    )
    page.goto("about:blank")  # the candidate walks away; nothing but beat can close it now
    with psycopg.connect(production.database_url) as connection:
        connection.execute(
            "UPDATE exams_attempt SET deadline = now() - interval '5 seconds' WHERE id = %s",
            (attempt_id,),
        )

    def finalized():
        row = query(
            production, "SELECT status, submit_reason FROM exams_attempt WHERE id = %s", attempt_id
        )
        return row == ("submitted", "deadline")

    stack.wait_until(
        finalized, 30, f"beat 未结算超时答卷：{production.log('beat')}{production.log('worker')}"
    )
    page.goto(f"{url}/attempts/{attempt_id}/result")
    expect(page.get_by_test_id("result-score")).to_have_attribute(
        "data-score", "2.00", timeout=WAIT
    )
    expect(page.get_by_test_id("result-pass")).to_have_text("合格")


def test_the_operation_log_names_the_admins_real_address(production):
    site = production.site
    site.log_in("stackadmin")
    entries = site.json("GET", "/api/v1/audit-log/?action=material.upload")["results"]
    assert entries, "上传材料未记入操作日志"
    upload = entries[0]
    assert upload["actor_username"] == "stackadmin"
    # nginx saw 127.0.0.3 and web, one trusted proxy behind it, recorded that, not nginx.
    assert upload["ip"] == SCRIPT_ADDRESS
    logins = site.json("GET", f"/api/v1/audit-log/?action=auth.login&ip={SCRIPT_ADDRESS}")
    assert {row["detail"]["channel"] for row in logins["results"]} == {"接口令牌"}


def _dump_and_archive(backups):
    dump = next(iter(backups.glob("yzyh-*.dump")), None)
    archive = next(iter(backups.glob("yzyh-media-*.tar.gz")), None)
    return (dump, archive) if dump and archive else None


def test_the_backup_job_writes_a_dump_pg_restore_reads_and_archives_uploads(production):
    backups = production.root / "backups"
    stack.run_role(
        "celery", production.env, "-A", "config", "call", "apps.common.tasks.scheduled_backup"
    )
    # The job writes the dump first and the uploads archive after it: wait for both.
    dump, archive = stack.wait_until(
        lambda: _dump_and_archive(backups),
        # Queued behind beat's minute jobs on a busy machine; a dump takes seconds when idle.
        180,
        f"worker 未写出备份：{production.log('worker')}",
    )
    listing = subprocess.run(
        ["pg_restore", "--list", str(dump)], capture_output=True, text=True, check=True
    )
    assert "accounts_user" in listing.stdout and "audit_auditentry" in listing.stdout
    with tarfile.open(archive) as opened:
        names = opened.getnames()
    assert any(name.startswith("media/cases/") for name in names), names[:20]


def test_readyz_reports_a_stopped_worker_as_not_ready(production):
    site = production.site
    status, _, body = site.call("GET", "/readyz")
    assert status == 200, body
    stack.stop(production.processes["worker"])
    status, _, body = site.call("GET", "/readyz")
    assert status == 503
    checks = json.loads(body)["checks"]
    assert checks["database"] == checks["cache"] == checks["migrations"] == "ok"
    assert checks["worker"] != "ok"
    env = production.env
    probe = subprocess.run(
        ["sh", str(stack.ENTRYPOINT), "health", "web"],
        env={**env, "PORT": str(production.web_ports[0])},
        capture_output=True,
    )
    assert probe.returncode == 1  # compose would now mark web unhealthy
    assert subprocess.run(["sh", str(stack.ENTRYPOINT), "health", "beat"], env=env).returncode == 0
