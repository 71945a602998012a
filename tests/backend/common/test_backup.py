"""manage.py backup_database: a copy that restores to the same data, old copies pruned,
and a clear Chinese error when a backup cannot be made."""

import sqlite3
import subprocess

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from apps.accounts.models import User
from apps.common import backup
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


def run(directory, *args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("backup_database", "--dir", str(directory), *args, stdout=out)
    return out.getvalue()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite 在线备份")
def test_a_sqlite_backup_holds_the_same_people(tmp_path, tree):
    factories.make_user(tree.village_a1, real_name="备份里的干部")
    message = run(tmp_path)
    [copy] = backup.backups(tmp_path)
    assert str(copy) in message
    with sqlite3.connect(copy) as db:
        names = {row[0] for row in db.execute("SELECT real_name FROM accounts_user")}
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert "备份里的干部" in names
    assert len(names) == User.objects.count()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="需要 PostgreSQL")
def test_a_postgresql_backup_is_a_pg_restore_archive(tmp_path, tree):
    factories.make_user(tree.village_a1, real_name="备份里的干部")
    run(tmp_path)
    [copy] = backup.backups(tmp_path)
    assert copy.read_bytes()[:5] == b"PGDMP"
    listing = subprocess.run(
        ["pg_restore", "--list", str(copy)], capture_output=True, text=True, check=True
    )
    assert "accounts_user" in listing.stdout


@pytest.mark.skipif(connection.vendor != "postgresql", reason="需要 PostgreSQL")
def test_without_pg_dump_the_error_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(backup.shutil, "which", lambda name: None)
    with pytest.raises(CommandError, match="未找到 pg_dump"):
        run(tmp_path)
    assert list(tmp_path.iterdir()) == []  # nothing half-written left behind


def test_only_the_newest_copies_are_kept_and_other_files_are_left_alone(tmp_path, tree):
    suffix = backup.SUFFIXES[connection.vendor]
    for stamp in ("20260101-010000-000000", "20260102-010000-000000", "20260103-010000-000000"):
        (tmp_path / f"{backup.PREFIX}{stamp}{suffix}").write_bytes(b"old")
    (tmp_path / "notes.txt").write_text("运维笔记")
    run(tmp_path, "--keep", "2")
    kept = [p.name for p in backup.backups(tmp_path)]
    assert len(kept) == 2 and kept[0] == f"{backup.PREFIX}20260103-010000-000000{suffix}"
    assert (tmp_path / "notes.txt").exists()


def test_if_older_skips_while_the_newest_copy_is_recent(tmp_path, tree):
    run(tmp_path)
    run(tmp_path, "--if-older", "24")
    assert len(backup.backups(tmp_path)) == 1
    run(tmp_path, "--if-older", "0")
    assert len(backup.backups(tmp_path)) == 2


def test_keep_must_be_positive(tmp_path):
    with pytest.raises(CommandError, match="--keep 至少为 1"):
        run(tmp_path, "--keep", "0")


def test_uploaded_files_are_archived_beside_the_database(tmp_path, settings, tree):
    import tarfile

    media = tmp_path / "media"
    (media / "case-images" / "2026").mkdir(parents=True)
    (media / "case-images" / "2026" / "照片.jpg").write_bytes(b"\xff\xd8jpeg")
    settings.MEDIA_ROOT = media
    backups_dir = tmp_path / "backups"
    message = run(backups_dir)
    [archive] = backup.media_archives(backups_dir)
    assert str(archive) in message and len(backup.backups(backups_dir)) == 1
    with tarfile.open(archive) as opened:
        member = opened.extractfile("media/case-images/2026/照片.jpg")
        assert member.read() == b"\xff\xd8jpeg"


def test_media_archives_keep_their_own_count_and_never_hold_backups(tmp_path, settings, tree):
    import tarfile

    media = tmp_path / "media"
    (media / "notes").mkdir(parents=True)
    (media / "notes" / "a.txt").write_text("甲")
    settings.MEDIA_ROOT = media
    inside = media / "backups"  # a backup folder someone put inside MEDIA_ROOT
    for _ in range(3):
        run(inside, "--media-keep", "2", "--keep", "5")
    archives = backup.media_archives(inside)
    assert len(archives) == 2 and len(backup.backups(inside)) == 3
    with tarfile.open(archives[-1]) as opened:
        names = opened.getnames()
    assert "media/notes/a.txt" in names
    assert not any(name.startswith("media/backups") for name in names)


def test_no_media_backs_up_the_database_only(tmp_path, settings, tree):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    run(tmp_path / "b", "--no-media")
    assert backup.media_archives(tmp_path / "b") == []
    assert len(backup.backups(tmp_path / "b")) == 1


def test_the_daily_task_backs_up_once_a_day_however_often_it_runs(tmp_path, settings, tree):
    from django.conf import settings as django_settings

    from apps.common.tasks import scheduled_backup

    schedule = {entry["task"] for entry in django_settings.CELERY_BEAT_SCHEDULE.values()}
    assert "apps.common.tasks.scheduled_backup" in schedule
    settings.BACKUP_DIR = tmp_path / "daily"
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    first = scheduled_backup.apply().get()
    assert first.startswith(str(tmp_path / "daily"))
    assert scheduled_backup.apply().get() == "skipped"
    assert len(backup.backups(tmp_path / "daily")) == 1
    assert len(backup.media_archives(tmp_path / "daily")) == 1
