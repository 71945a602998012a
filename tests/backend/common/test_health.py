"""/healthz answers whenever the process does; /readyz only when the database answers,
migrations are applied, the cache works and (with Redis) a worker beat recently."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from apps.common import health

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_memo(monkeypatch):
    monkeypatch.setattr(health, "_migrations_done", False)


def test_probes_answer_under_any_host_name_while_pages_still_check_it(client, settings):
    settings.ALLOWED_HOSTS = ["ks.county.test"]
    alive = client.get("/healthz", HTTP_HOST="172.18.0.4:8000")
    assert alive.status_code == 200 and alive.json() == {"status": "ok"}
    assert alive["Cache-Control"] == "no-store"
    assert client.get("/readyz", HTTP_HOST="127.0.0.1").status_code == 200
    assert client.get("/api/v1/auth/csrf", HTTP_HOST="172.18.0.4").status_code == 400


def test_ready_without_redis_checks_database_migrations_and_cache(client, settings):
    settings.REDIS_URL = ""
    body = client.get("/readyz").json()
    assert body == {
        "status": "ok",
        "checks": {"database": "ok", "migrations": "ok", "cache": "ok"},
    }


def test_pending_migrations_are_not_ready(client, monkeypatch):
    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: ["0099"])
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == health.MIGRATIONS_PENDING


def test_a_database_that_does_not_answer_is_not_ready(client, monkeypatch):
    def refuse():
        raise OSError("connection refused")

    monkeypatch.setattr(connection, "ensure_connection", refuse)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == health.DATABASE_DOWN
    assert "connection refused" not in response.content.decode()  # details go to the log


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (3.0, "ok"),
        (120.0, health.WORKER_STALE.format(seconds=120)),
        (None, health.WORKER_NEVER_SEEN),
    ],
)
def test_with_redis_a_worker_must_have_beaten_recently(
    client, settings, monkeypatch, age, expected
):
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    settings.WORKER_HEARTBEAT_MAX_AGE = 45
    monkeypatch.setattr(health.heartbeat, "age", lambda url, role: age)
    response = client.get("/readyz")
    assert response.json()["checks"]["worker"] == expected
    assert response.status_code == (200 if expected == "ok" else 503)
