"""manage.py backup_database: a restorable copy of the database under var/backups/."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.common import backup


class Command(BaseCommand):
    help = "备份数据库（SQLite 在线备份；PostgreSQL 使用 pg_dump），只保留最近若干份"

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, default=settings.BACKUP_DIR, help="备份目录")
        parser.add_argument("--keep", type=int, default=14, help="保留最近几份（默认 14）")
        parser.add_argument(
            "--if-older",
            type=float,
            metavar="HOURS",
            help="最近一份备份早于这么多小时才备份（供定时循环调用）",
        )

    def handle(self, *args, dir: Path, keep: int, if_older: float | None, **options):
        if keep < 1:
            raise CommandError("--keep 至少为 1")
        if if_older is not None and backup.newest_is_younger_than(dir, if_older):
            if options["verbosity"] > 1:
                self.stdout.write(f"最近一份备份不足 {if_older:g} 小时，跳过")
            return
        try:
            path = backup.backup_database(dir, keep)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] > 0:
            size = path.stat().st_size / 1024 / 1024
            self.stdout.write(f"已备份到 {path}（{size:.1f} MB）")
