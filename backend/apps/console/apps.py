from django.apps import AppConfig


class ConsoleConfig(AppConfig):
    """Reads made for the organization department's console that span several apps."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.console"
    verbose_name = "管理端"
