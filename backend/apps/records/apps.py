from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "apps.records"
    verbose_name = "考核档案"

    def ready(self) -> None:
        from apps.cases.signals import case_final_score_changed
        from apps.exams.signals import attempts_graded
        from apps.records import receivers

        attempts_graded.connect(
            receivers.on_attempts_graded, dispatch_uid="records.attempts_graded"
        )
        case_final_score_changed.connect(
            receivers.on_case_final_score_changed, dispatch_uid="records.case_final_score_changed"
        )
