from django.apps import AppConfig


class ExamsConfig(AppConfig):
    name = "apps.exams"
    verbose_name = "考试与培训"
