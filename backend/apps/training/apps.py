from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "apps.training"
    verbose_name = "学习与练习"

    def ready(self) -> None:
        from apps.exams.models import Attempt
        from apps.exams.signals import attempt_graded
        from apps.training.receivers import on_attempt_graded

        attempt_graded.connect(
            on_attempt_graded, sender=Attempt, dispatch_uid="training.wrong_book"
        )
