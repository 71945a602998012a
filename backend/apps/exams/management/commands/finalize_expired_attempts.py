from django.core.management.base import BaseCommand

from apps.exams.services import attempts


class Command(BaseCommand):
    help = "交卷所有已超过截止时间（含宽限期）的答卷（无 Celery 时由 make run 每分钟运行）"

    def handle(self, *args, **options):
        # Runs in this process, so it works whether or not a Celery worker is running.
        done = attempts.finalize_expired()
        if done or options["verbosity"] > 0:
            self.stdout.write(f"已自动交卷 {done} 份答卷")
