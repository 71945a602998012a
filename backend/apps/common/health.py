"""/healthz (the process answers) and /readyz (it can serve: database, migrations, cache,
and with Redis a live Celery worker). Compose's health checks and load balancers call them.

They are answered by a middleware placed first, before the host check, sessions and
CSRF: a probe comes by container address, and must stay cheap.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse

from config import heartbeat

logger = logging.getLogger(__name__)

OK = "ok"
DATABASE_DOWN = "数据库无响应"
MIGRATIONS_PENDING = "数据库迁移未完成"
CACHE_DOWN = "缓存（Redis）无响应"
WORKER_NEVER_SEEN = "没有正在运行的后台任务进程（Celery worker）"
WORKER_STALE = "后台任务进程 {seconds:.0f} 秒未报到"
HEARTBEAT_UNREADABLE = "无法读取后台任务进程的心跳"

_migrations_done = False  # once applied, they stay applied for this code's lifetime


def _database() -> str:
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:
        logger.warning("readyz: database: %s", error)
        return DATABASE_DOWN
    return OK


def _migrations() -> str:
    global _migrations_done
    if not _migrations_done:
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            return MIGRATIONS_PENDING
        _migrations_done = True
    return OK


def _cache() -> str:
    try:
        cache.set("readyz", 1, timeout=10)
        if cache.get("readyz") != 1:
            return CACHE_DOWN
    except Exception as error:
        logger.warning("readyz: cache: %s", error)
        return CACHE_DOWN
    return OK


def _worker() -> str:
    try:
        seconds = heartbeat.age(settings.REDIS_URL, "worker")
    except Exception as error:
        logger.warning("readyz: worker heartbeat: %s", error)
        return HEARTBEAT_UNREADABLE
    if seconds is None:
        return WORKER_NEVER_SEEN
    if seconds > settings.WORKER_HEARTBEAT_MAX_AGE:
        return WORKER_STALE.format(seconds=seconds)
    return OK


def readiness() -> dict[str, str]:
    checks = {"database": _database()}
    if checks["database"] == OK:
        checks["migrations"] = _migrations()
    checks["cache"] = _cache()
    if settings.REDIS_URL:
        checks["worker"] = _worker()
    return checks


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            response = JsonResponse({"status": OK})
        elif request.path == "/readyz":
            checks = readiness()
            ready = all(value == OK for value in checks.values())
            body = {"status": OK if ready else "unavailable", "checks": checks}
            response = JsonResponse(body, status=200 if ready else 503)
        else:
            return self.get_response(request)
        response["Cache-Control"] = "no-store"
        return response
