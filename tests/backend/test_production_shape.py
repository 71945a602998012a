"""docker/ as a county's IT person will use it, checked without Docker: compose.yaml names
only roles, probes and files that exist; the Dockerfile copies only what exists and what
.dockerignore lets through; setup-env.sh writes a .env that compose accepts; SITE_URL
opens the site on its own name and port; and the roles themselves run here."""

import re
import subprocess
import sys
import tomllib
import urllib.request
from fnmatch import fnmatch
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

from tests.backend.stack import (
    ENTRYPOINT,
    entrypoint_env,
    redis_url,
    role,
    stop,
    wait_for,
)
from tests.conftest import REPO_ROOT

DOCKER = REPO_ROOT / "docker"
COMPOSE = yaml.safe_load((DOCKER / "compose.yaml").read_text(encoding="utf-8"))
SERVICES = COMPOSE["services"]
APP_SERVICES = [name for name, service in SERVICES.items() if "build" in service]


def entrypoint_roles() -> set[str]:
    """The case labels of docker/entrypoint.sh."""
    text = ENTRYPOINT.read_text(encoding="utf-8")
    return set(re.findall(r"^  ([a-z]+)\)$", text, re.MULTILINE))


def probe_roles() -> set[str]:
    """The roles `python -m config.probe ROLE` can check."""
    text = (REPO_ROOT / "backend" / "config" / "probe.py").read_text(encoding="utf-8")
    return set(re.findall(r'^\s+"(\w+)": ', text, re.MULTILINE))


def test_every_app_service_runs_a_role_the_entrypoint_knows():
    roles = entrypoint_roles()
    assert {"migrate", "web", "worker", "beat", "health", "backup"} <= roles
    assert set(APP_SERVICES) == {"migrate", "web", "worker", "beat"}
    for name in APP_SERVICES:
        command = SERVICES[name]["command"]
        assert command[0] in roles, (name, command)


def test_every_health_check_calls_a_probe_that_exists():
    probes = probe_roles()
    assert probes == {"web", "worker", "beat"}
    for name, service in SERVICES.items():
        check = service.get("healthcheck")
        assert check is not None, f"{name} 没有健康检查"
        if check.get("disable"):
            assert name == "migrate"  # a one-shot job, not a service
            continue
        test = check["test"]
        if "docker/entrypoint.sh" in test:
            assert (REPO_ROOT / "docker/entrypoint.sh").exists()
            assert test[test.index("docker/entrypoint.sh") + 1 :] == ["health", name], test
    # The web probe is /readyz, and readiness includes a live worker (see apps.common.health).
    assert "/readyz" in (REPO_ROOT / "backend/config/probe.py").read_text()


def test_migrations_run_once_before_web_worker_and_beat():
    assert SERVICES["migrate"]["restart"] == "no"
    for name in ("web", "worker", "beat"):
        depends = SERVICES[name]["depends_on"]
        assert depends["migrate"] == {"condition": "service_completed_successfully"}, name
    assert SERVICES["nginx"]["depends_on"]["web"] == {"condition": "service_healthy"}


def test_every_service_rotates_its_logs():
    for name, service in SERVICES.items():
        logging = service.get("logging")
        assert logging and logging["driver"] == "json-file", name
        assert logging["options"]["max-size"] and int(logging["options"]["max-file"]) >= 2, name


def test_backups_and_uploads_are_on_volumes_where_the_backup_runs():
    worker_volumes = SERVICES["worker"]["volumes"]
    assert "backups:/app/var/backups" in worker_volumes
    assert "media:/app/var/media" in worker_volumes
    assert {"backups", "media", "pgdata", "static"} <= set(COMPOSE["volumes"])
    dockerfile = (DOCKER / "Dockerfile").read_text(encoding="utf-8")
    assert "postgresql-client-15" in dockerfile and "BACKUP_DIR=/app/var/backups" in dockerfile
    assert "image: ${REGISTRY:-}postgres:15" in (DOCKER / "compose.yaml").read_text()


def with_defaults(text: str, **values: str) -> str:
    """Compose's ${VAR:-default}, with the given values or the defaults."""
    return re.sub(r"\$\{(\w+):-([^}]*)\}", lambda m: values.get(m[1], m[2]), text)


@pytest.mark.parametrize("site", ["http", "https"])
def test_files_compose_mounts_exist(site):
    mounted = 0
    for name, service in SERVICES.items():
        for volume in service.get("volumes", []):
            source = with_defaults(volume, NGINX_SITE=site).split(":")[0]
            if source.startswith("./") and source != "./certs":  # certificates: the county's
                assert (DOCKER / source).exists(), (name, volume)
                mounted += 1
    assert mounted >= 2
    # Every include in the site files names a file that is mounted with them.
    for template in (DOCKER / "nginx").glob("*.template"):
        for included in re.findall(r"include /etc/nginx/yzyh/([\w.]+);", template.read_text()):
            assert (DOCKER / "nginx" / included).exists(), (template.name, included)


def dockerignore_patterns() -> list[str]:
    lines = (REPO_ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def ignored(path: str, patterns: list[str]) -> bool:
    return any(
        fnmatch(path, pattern)
        or path.startswith(pattern.rstrip("/") + "/")
        or fnmatch(path, pattern.replace("**/", "*/"))
        for pattern in patterns
    )


def test_the_dockerfile_copies_files_that_exist_and_are_not_ignored():
    patterns = dockerignore_patterns()
    copies = re.findall(r"^COPY (?!--from)(.+) \S+$", (DOCKER / "Dockerfile").read_text(), re.M)
    assert copies, "Dockerfile 中没有 COPY"
    for line in copies:
        for source in line.split():
            assert (REPO_ROOT / source).exists(), source
            assert not ignored(source.rstrip("/"), patterns), f"{source} 被 .dockerignore 排除"


def test_the_build_context_leaves_out_secrets_and_local_state():
    patterns = dockerignore_patterns()
    for path in (".git", ".venv", "var", "frontend/node_modules", "docker/.env", "var/secret_key"):
        assert ignored(path, patterns), path


def test_the_image_installs_the_hash_locked_requirements_from_a_configurable_index():
    dockerfile = (DOCKER / "Dockerfile").read_text(encoding="utf-8")
    assert "--require-hashes" in dockerfile and "requirements/app.lock" in dockerfile
    for arg in ("REGISTRY", "PIP_INDEX_URL", "NPM_REGISTRY", "DEBIAN_MIRROR"):
        assert f"ARG {arg}" in dockerfile, arg
        assert arg in SERVICES["web"]["build"]["args"], arg
    assert "PYTHONPATH=/app/backend:/app" in dockerfile  # celery -A config in health checks


def test_the_locks_pin_every_dependency_with_hashes():
    pyproject = (REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    project = tomllib.loads(pyproject)["project"]
    for lock, requirements in (
        ("app.lock", project["dependencies"]),
        ("dev.lock", [*project["optional-dependencies"]["test"], *project["dependencies"]]),
    ):
        text = (REPO_ROOT / "requirements" / lock).read_text(encoding="utf-8")
        pins = dict(re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+) \\$", text, re.MULTILINE))
        pins = {name.lower().replace("_", "-"): version for name, version in pins.items()}
        for line in requirements:
            requirement = Requirement(line)
            name = requirement.name.lower().replace("_", "-")
            assert name in pins, f"{lock} 缺少 {name}：请运行 make lock"
            assert requirement.specifier.contains(pins[name]), (lock, name, pins[name])
        blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
        assert all("--hash=sha256:" in block for block in blocks if "==" in block)
    assert "locust" not in pyproject


def setup_env(tmp_path: Path, url: str, **env) -> subprocess.CompletedProcess:
    target = tmp_path / "compose.env"
    return subprocess.run(
        ["sh", str(DOCKER / "setup-env.sh"), url],
        env={"PATH": "/usr/bin:/bin", "ENV_FILE": str(target), **env},
        capture_output=True,
        text=True,
    )


def read_env(tmp_path: Path) -> dict[str, str]:
    lines = (tmp_path / "compose.env").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


def test_setup_env_writes_everything_compose_requires_in_one_step(tmp_path):
    made = setup_env(tmp_path, "http://ks.county.test:8080/")
    assert made.returncode == 0, made.stderr
    values = read_env(tmp_path)
    assert values["SITE_URL"] == "http://ks.county.test:8080"
    assert values["HTTP_PORT"] == "8080" and values["NGINX_SITE"] == "http"
    assert len(values["SECRET_KEY"]) >= 64 and len(values["POSTGRES_PASSWORD"]) >= 32
    assert (tmp_path / "compose.env").stat().st_mode & 0o077 == 0
    required = set(re.findall(r"\$\{(\w+):\?", (DOCKER / "compose.yaml").read_text()))
    assert required <= set(values), required - set(values)


def test_setup_env_for_https_turns_on_the_tls_site(tmp_path):
    assert setup_env(tmp_path, "https://ks.county.test").returncode == 0
    values = read_env(tmp_path)
    assert values["NGINX_SITE"] == "https" and values["HTTPS_PORT"] == "443"
    assert values["BEHIND_HTTPS_PROXY"] == "1" and values["HTTP_PORT"] == "80"


def test_setup_env_never_overwrites_an_existing_env(tmp_path):
    assert setup_env(tmp_path, "http://ks.county.test").returncode == 0
    before = (tmp_path / "compose.env").read_text()
    again = setup_env(tmp_path, "http://other.test")
    assert again.returncode == 1 and "已存在" in again.stderr
    assert (tmp_path / "compose.env").read_text() == before


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "用法"),
        ("ks.county.test", "http:// 或 https://"),
        ("http://ks.county.test/exam", "不带路径"),
        ("http://ks.county.test:80a", "端口须为数字"),
    ],
)
def test_setup_env_refuses_a_bad_address_in_chinese(tmp_path, url, message):
    made = setup_env(tmp_path, url)
    assert made.returncode == 2 and message in made.stderr
    assert not (tmp_path / "compose.env").exists()


def settings_under(**env) -> subprocess.CompletedProcess:
    code = "import config.settings as s; print(s.ALLOWED_HOSTS); print(s.CSRF_TRUSTED_ORIGINS)"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT / "backend",
        env={"PATH": "/usr/bin:/bin", "SECRET_KEY": "x", "VAR_DIR": "/tmp", **env},
        capture_output=True,
        text=True,
    )


def test_site_url_allows_its_host_and_trusts_its_origin_with_the_port():
    shown = settings_under(SITE_URL="http://ks.county.test:8080/")
    assert shown.returncode == 0, shown.stderr
    hosts, origins = shown.stdout.splitlines()
    assert hosts == "['ks.county.test']"
    assert origins == "['http://ks.county.test:8080']"
    extra = settings_under(SITE_URL="https://ks.county.test", ALLOWED_HOSTS="10.1.2.3")
    assert extra.stdout.splitlines()[0] == "['10.1.2.3', 'ks.county.test']"


def test_a_malformed_site_url_stops_startup_with_a_clear_message():
    shown = settings_under(SITE_URL="ks.county.test")
    assert shown.returncode != 0 and "SITE_URL 应形如" in shown.stderr


def test_migrate_then_web_serve_static_files_with_gunicorn(sqlite_web):
    assert (sqlite_web.root / "static" / "admin").is_dir()
    assert wait_for(f"{sqlite_web.url}/readyz", 10) == 200
    with urllib.request.urlopen(f"{sqlite_web.url}/static/rest_framework/css/default.css") as r:
        assert r.status == 200


@pytest.mark.redis
def test_a_celery_worker_executes_a_task_and_beats_for_its_probe(tmp_path):
    url = redis_url()
    env = entrypoint_env(tmp_path, REDIS_URL=url, CELERY_CONCURRENCY="1")
    worker = role("worker", env)
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
        # The compose health check of this worker: its own heartbeat in Redis.
        probe = subprocess.run(["sh", str(ENTRYPOINT), "health", "worker"], env=env)
        assert probe.returncode == 0
    finally:
        stop(worker)
    probe = subprocess.run(
        ["sh", str(ENTRYPOINT), "health", "worker"], env=env, capture_output=True, text=True
    )
    assert probe.returncode == 1 and "心跳缺失" in probe.stderr
