from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "apps.cases"
    verbose_name = "案例征集与评审"

    def ready(self):
        from apps.cases import selectors
        from apps.common import media

        media.register("cases", selectors.can_read_case_image)
