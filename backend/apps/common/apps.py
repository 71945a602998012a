from django.apps import AppConfig
from django.contrib.staticfiles.apps import StaticFilesConfig as StaticFilesAppConfig


class CommonConfig(AppConfig):
    name = "apps.common"
    verbose_name = "公共"


class StaticFilesConfig(StaticFilesAppConfig):
    """collectstatic without source maps and without ReDoc (drf-spectacular-sidecar ships
    both; only Swagger UI is served): megabytes that WhiteNoise would otherwise compress
    on every deployment and that no page loads."""

    ignore_patterns = [*StaticFilesAppConfig.ignore_patterns, "*.map", "redoc"]
