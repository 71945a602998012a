"""Run the Celery beat schedule's tasks once, in-process.

In the embedded mode there is no beat; `make run` calls this every minute instead, so
periodic sweeps (expired attempts, case calls closing) happen in both modes.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from config.celery import app


class Command(BaseCommand):
    help = "在本进程中执行一遍定时任务（未配置 Redis/Celery beat 时使用）"

    def add_arguments(self, parser):
        parser.add_argument(
            "--except", dest="excluded", action="append", default=[], help="跳过的计划名"
        )

    def handle(self, *args, excluded, **options):
        app.loader.import_default_modules()  # registers every app's tasks.py
        for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
            if name in excluded:
                continue
            task = app.tasks[entry["task"]]
            result = task.apply().get()
            if options["verbosity"] > 1:
                self.stdout.write(f"{name}: {result}")
