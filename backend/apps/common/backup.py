"""Backups an organization department can restore from: the database and uploaded files.

SQLite (the embedded mode) is copied with SQLite's online backup API, which gives a
consistent snapshot while the app keeps writing; PostgreSQL is dumped with pg_dump in
its custom format (restore with pg_restore). Uploaded files (MEDIA_ROOT) go into a
tar.gz archive beside them. Every file is written under a temporary name and renamed
when complete, so a half-written file never looks like a backup.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.db import connections
from django.utils import timezone


class BackupError(Exception):
    """A backup that could not be made; the message is shown to the operator."""


PREFIX = "yzyh-"
SUFFIXES = {"sqlite": ".sqlite3", "postgresql": ".dump"}
MEDIA_PREFIX = "yzyh-media-"
MEDIA_SUFFIX = ".tar.gz"
PG_DUMP_MISSING = "未找到 pg_dump，无法备份 PostgreSQL 数据库：请安装 postgresql-client"
PG_DUMP_FAILED = "pg_dump 备份失败：{detail}"
SQLITE_COPY_DAMAGED = "备份文件校验失败：{detail}"
UNSUPPORTED = "不支持备份该类型的数据库：{vendor}"


@dataclass(frozen=True)
class BackupResult:
    database: Path
    media: Path | None  # None when there is no media folder yet


def backups(directory: Path) -> list[Path]:
    """Existing database backups, oldest first (their names sort by time)."""
    if not directory.exists():
        return []
    return sorted(
        p
        for p in directory.iterdir()
        if p.name.startswith(PREFIX)
        and not p.name.startswith(MEDIA_PREFIX)
        and p.suffix in (".sqlite3", ".dump")
    )


def media_archives(directory: Path) -> list[Path]:
    """Existing archives of the uploaded files, oldest first."""
    if not directory.exists():
        return []
    return sorted(
        p
        for p in directory.iterdir()
        if p.name.startswith(MEDIA_PREFIX) and p.name.endswith(MEDIA_SUFFIX)
    )


def newest_is_younger_than(directory: Path, hours: float) -> bool:
    found = backups(directory)
    if not found:
        return False
    age = timezone.now().timestamp() - found[-1].stat().st_mtime
    return age < timedelta(hours=hours).total_seconds()


def back_up(
    directory: Path, *, keep: int, media_root: Path | None, media_keep: int
) -> BackupResult:
    """The database, then the uploaded files (unless media_root is None)."""
    database = backup_database(directory, keep)
    media = archive_media(media_root, directory, media_keep) if media_root else None
    return BackupResult(database=database, media=media)


def _stamp() -> str:
    return timezone.localtime().strftime("%Y%m%d-%H%M%S-%f")


def _prune(found: list[Path], keep: int) -> None:
    for old in found[:-keep] if keep > 0 else []:
        old.unlink()


def backup_database(directory: Path, keep: int) -> Path:
    """Write a new backup into `directory`, then keep only the newest `keep`."""
    connection = connections["default"]
    suffix = SUFFIXES.get(connection.vendor)
    if suffix is None:
        raise BackupError(UNSUPPORTED.format(vendor=connection.vendor))
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{PREFIX}{_stamp()}{suffix}"
    partial = directory / f".partial-{target.name}"
    try:
        if connection.vendor == "sqlite":
            _copy_sqlite(connection.settings_dict["NAME"], partial)
        else:
            _dump_postgresql(connection.settings_dict, partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    _prune(backups(directory), keep)
    return target


def archive_media(media_root: Path, directory: Path, keep: int) -> Path | None:
    """Archive the uploaded files as media/… in a tar.gz; keep only the newest `keep`.

    Photos are already compressed, so the fastest gzip level is used."""
    if not media_root.is_dir():
        return None
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{MEDIA_PREFIX}{_stamp()}{MEDIA_SUFFIX}"
    partial = directory / f".partial-{target.name}"
    try:
        with tarfile.open(partial, "w:gz", compresslevel=1) as archive:
            archive.add(media_root, arcname="media", filter=_skip_inside(directory, media_root))
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    _prune(media_archives(directory), keep)
    return target


def _skip_inside(directory: Path, media_root: Path):
    """A tar filter that leaves out the backup folder if it lies inside MEDIA_ROOT."""
    try:
        inner = "media/" + directory.resolve().relative_to(media_root.resolve()).as_posix()
    except ValueError:
        return None

    def keep(info: tarfile.TarInfo) -> tarfile.TarInfo | None:
        return None if info.name == inner or info.name.startswith(inner + "/") else info

    return keep


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
