"""A retention shorter than 等保 2.0's six months is raised to it, with a warning."""

from django.conf import settings
from django.core.checks import Warning, register

from apps.audit.services import MIN_RETENTION_DAYS


@register()
def retention_is_long_enough(app_configs, **kwargs):
    if settings.AUDIT_RETENTION_DAYS >= MIN_RETENTION_DAYS:
        return []
    return [
        Warning(
            f"AUDIT_RETENTION_DAYS={settings.AUDIT_RETENTION_DAYS} 少于 {MIN_RETENTION_DAYS} 天，"
            f"操作日志仍按 {MIN_RETENTION_DAYS} 天保留（等保 2.0 要求至少六个月）",
            id="audit.W001",
        )
    ]
