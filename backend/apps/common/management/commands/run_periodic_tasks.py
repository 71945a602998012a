"""Run the Celery beat schedule's tasks in-process: once, or every N seconds.

In the embedded mode there is no beat; `make run` keeps `run_periodic_tasks --every 60`
running beside the web server instead, so periodic sweeps (expired attempts, case calls
closing, the daily backup, purging the operation log) happen in both modes.
"""

import logging
import os
import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from config.celery import app

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "在本进程中执行定时任务（未配置 Redis/Celery beat 时使用）；--every 秒数 则循环执行"

    def add_arguments(self, parser):
        parser.add_argument(
            "--except", dest="excluded", action="append", default=[], help="跳过的计划名"
        )
        parser.add_argument(
            "--every", type=float, metavar="SECONDS", help="每隔多少秒执行一遍，直到被停止"
        )

    def handle(self, *args, excluded, every, **options):
        app.loader.import_default_modules()  # registers every app's tasks.py
        if every is None:
            if failed := self.run_once(excluded, options["verbosity"]):
                raise CommandError(f"定时任务执行失败：{'、'.join(failed)}")
            return
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        parent = os.getppid()
        # Between rounds, look once a second whether to stop, or whether the process that
        # started this one is gone (a closed terminal must not leave it running).
        while not stop.is_set():
            self.run_once(excluded, options["verbosity"])
            close_old_connections()  # a long-lived process must not hold a stale connection
            for _ in range(max(1, round(every))):
                if stop.wait(1) or os.getppid() != parent:
                    return

    def run_once(self, excluded: list[str], verbosity: int) -> list[str]:
        """Run each scheduled task once; returns the names of those that failed."""
        failed = []
        for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
            if name in excluded:
                continue
            task = app.tasks[entry["task"]]
            try:
                result = task.apply().get()
            except Exception:
                # One failing sweep must not stop the others, nor the loop.
                logger.exception("定时任务 %s 执行失败", name)
                failed.append(name)
                continue
            if verbosity > 1:
                self.stdout.write(f"{name}: {result}")
        return failed
