from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "apps.audit"
    verbose_name = "操作日志"

    def ready(self):
        from apps.audit import checks, receivers  # noqa: F401  (connects signals, registers checks)
