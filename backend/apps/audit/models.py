"""The operation log (操作日志): who did what to which object, when and from where.

Entries are written by apps.audit.recorder (every staff write, exports of personal data)
and apps.audit.receivers (logins, failures, lockouts). They are never edited; entries
older than AUDIT_RETENTION_DAYS are purged by a daily task.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

ENTRIES_ARE_FINAL = "操作日志一经写入不可修改"


class AuditEntry(models.Model):
    at = models.DateTimeField("时间", default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Snapshots, so an entry still reads right after the account is renamed or removed,
    # and a failed login under a name nobody has is still shown as typed.
    actor_username = models.CharField("工号", max_length=150, blank=True)
    actor_name = models.CharField("姓名", max_length=50, blank=True)
    actor_unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name="操作人单位",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ip = models.GenericIPAddressField("来源地址", null=True, blank=True)
    action = models.CharField("操作", max_length=80, db_index=True)
    action_label = models.CharField("操作名称", max_length=100)
    object_type = models.CharField("对象类型", max_length=40, blank=True, db_index=True)
    object_id = models.CharField("对象编号", max_length=64, blank=True)
    object_repr = models.CharField("对象", max_length=200, blank=True)
    method = models.CharField("请求方法", max_length=10, blank=True)
    path = models.CharField("请求地址", max_length=500, blank=True)
    status_code = models.PositiveSmallIntegerField("响应状态", null=True, blank=True)
    succeeded = models.BooleanField("成功", default=True)
    detail = models.JSONField("详情", default=dict, blank=True)

    class Meta:
        verbose_name = "操作日志"
        verbose_name_plural = "操作日志"
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["actor", "-at"], name="audit_actor_at"),
            models.Index(fields=["object_type", "object_id"], name="audit_object"),
        ]

    def __str__(self) -> str:
        who = self.actor_name or self.actor_username or "匿名"
        return f"{timezone.localtime(self.at):%Y-%m-%d %H:%M:%S} {who} {self.action_label}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError(ENTRIES_ARE_FINAL)
        super().save(*args, **kwargs)
