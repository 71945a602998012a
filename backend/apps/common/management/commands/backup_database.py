"""manage.py backup_database: a restorable copy of the database, and an archive of the
uploaded files, under BACKUP_DIR (var/backups/ by default)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.common import backup


class Command(BaseCommand):
    help = "备份数据库（SQLite 在线备份；PostgreSQL 使用 pg_dump）与上传文件，只保留最近若干份"

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, default=settings.BACKUP_DIR, help="备份目录")
        parser.add_argument(
            "--keep",
            type=int,
            default=settings.BACKUP_KEEP,
            help=f"数据库备份保留最近几份（默认 {settings.BACKUP_KEEP}）",
        )
        parser.add_argument(
            "--media-keep",
            type=int,
            default=settings.BACKUP_MEDIA_KEEP,
            help=f"上传文件归档保留最近几份（默认 {settings.BACKUP_MEDIA_KEEP}）",
        )
        parser.add_argument("--no-media", action="store_true", help="只备份数据库，不归档上传文件")
        parser.add_argument(
            "--if-older",
            type=float,
            metavar="HOURS",
            help="最近一份备份早于这么多小时才备份（供定时任务调用）",
        )

    def handle(self, *args, dir: Path, keep: int, media_keep: int, if_older, **options):
        if keep < 1:
            raise CommandError("--keep 至少为 1")
        if media_keep < 1:
            raise CommandError("--media-keep 至少为 1")
        if if_older is not None and backup.newest_is_younger_than(dir, if_older):
            if options["verbosity"] > 1:
                self.stdout.write(f"最近一份备份不足 {if_older:g} 小时，跳过")
            return
        media_root = None if options["no_media"] else Path(settings.MEDIA_ROOT)
        try:
            result = backup.back_up(dir, keep=keep, media_root=media_root, media_keep=media_keep)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] > 0:
            for path in (result.database, result.media):
                if path is not None:
                    size = path.stat().st_size / 1024 / 1024
                    self.stdout.write(f"已备份到 {path}（{size:.1f} MB）")
