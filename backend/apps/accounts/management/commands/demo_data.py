"""Load the demo county: org tree and people, then each app's demo content."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from apps.accounts.demo import DEMO_PASSWORD, LOGINS
from apps.accounts.models import User

DEMO_APPS = ["accounts", "notices", "questions", "exams", "training", "cases", "records"]


class Command(BaseCommand):
    help = "载入演示数据（县、乡镇、村，干部、评审员、管理员，以及题库、考试、案例、考核）"

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="数据库已有用户时跳过")

    def handle(self, *args, if_empty=False, **options):
        if User.objects.exists():
            if if_empty:
                self.stdout.write("数据库已有数据，跳过演示数据。")
                self.print_logins()
                return
            self.stderr.write("数据库已有用户；演示数据只能载入空数据库。")
            return
        with transaction.atomic():
            for app in DEMO_APPS:
                import_module(f"apps.{app}.demo").load(self.stdout)
        self.stdout.write(self.style.SUCCESS("演示数据已载入。"))
        self.print_logins()

    def print_logins(self):
        self.stdout.write(f"演示账号（密码均为 {DEMO_PASSWORD}）：")
        for username, role in LOGINS:
            self.stdout.write(f"  {username:<10} {role}")
