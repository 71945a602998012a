from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "apps.training"
    verbose_name = "学习与练习"

    def ready(self) -> None:
        from apps.exams.models import Attempt
        from apps.exams.signals import attempts_graded
        from apps.training.receivers import on_attempts_graded

        attempts_graded.connect(
            on_attempts_graded, sender=Attempt, dispatch_uid="training.wrong_book"
        )
