from django.apps import AppConfig


class ExamsConfig(AppConfig):
    name = "apps.exams"
    verbose_name = "考试与培训"

    def ready(self) -> None:
        # Connects to request_started/finished, so a grade's feed knows when it is in a request.
        from apps.exams.services import graded_feed  # noqa: F401
