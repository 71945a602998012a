"""Database backups an organization department can restore from.

SQLite (the embedded mode) is copied with SQLite's online backup API, which gives a
consistent snapshot while the app keeps writing; PostgreSQL is dumped with pg_dump in
its custom format (restore with pg_restore). A copy is written under a temporary name
and renamed when complete, so a half-written file never looks like a backup.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from datetime import timedelta
from pathlib import Path

from django.db import connections
from django.utils import timezone


class BackupError(Exception):
    """A backup that could not be made; the message is shown to the operator."""


PREFIX = "yzyh-"
SUFFIXES = {"sqlite": ".sqlite3", "postgresql": ".dump"}
PG_DUMP_MISSING = "未找到 pg_dump，无法备份 PostgreSQL 数据库：请安装 postgresql-client"
PG_DUMP_FAILED = "pg_dump 备份失败：{detail}"
SQLITE_COPY_DAMAGED = "备份文件校验失败：{detail}"
UNSUPPORTED = "不支持备份该类型的数据库：{vendor}"


def backups(directory: Path) -> list[Path]:
    """Existing backups, oldest first (their names sort by time)."""
    if not directory.exists():
        return []
    return sorted(
        p
        for p in directory.iterdir()
        if p.name.startswith(PREFIX) and p.suffix in (".sqlite3", ".dump")
    )


def newest_is_younger_than(directory: Path, hours: float) -> bool:
    found = backups(directory)
    if not found:
        return False
    age = timezone.now().timestamp() - found[-1].stat().st_mtime
    return age < timedelta(hours=hours).total_seconds()


def backup_database(directory: Path, keep: int) -> Path:
    """Write a new backup into `directory`, then keep only the newest `keep`."""
    connection = connections["default"]
    suffix = SUFFIXES.get(connection.vendor)
    if suffix is None:
        raise BackupError(UNSUPPORTED.format(vendor=connection.vendor))
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S-%f")
    target = directory / f"{PREFIX}{stamp}{suffix}"
    partial = directory / f".partial-{target.name}"
    try:
        if connection.vendor == "sqlite":
            _copy_sqlite(connection.settings_dict["NAME"], partial)
        else:
            _dump_postgresql(connection.settings_dict, partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    for old in backups(directory)[:-keep] if keep > 0 else []:
        old.unlink()
    return target


def _copy_sqlite(source: str, destination: Path) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(destination) as dst:
        src.backup(dst)
        verdict = dst.execute("PRAGMA integrity_check").fetchone()[0]
    if verdict != "ok":
        raise BackupError(SQLITE_COPY_DAMAGED.format(detail=verdict))


def _dump_postgresql(db: dict, destination: Path) -> None:
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise BackupError(PG_DUMP_MISSING)
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])  # never on the command line
    command = [pg_dump, "--format=custom", f"--file={destination}", "--no-owner"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            command.append(f"{flag}={db[key]}")
    command.append(db["NAME"])
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(PG_DUMP_FAILED.format(detail=result.stderr.strip()[-500:]))
