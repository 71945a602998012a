"""Computed records, their component scores and objections; a locked record refuses changes."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from apps.common.errors import Conflict
from apps.common.models import TimeStampedModel
from apps.records.models.periods import SCORE, Component, Period

RECORD_LOCKED = "考核档案已锁定，不能修改；如确需修改，请超级管理员填写理由解锁"


def _refuse_if_locked(record_id: int | None) -> None:
    if record_id and Record.objects.filter(pk=record_id, locked=True).exists():
        raise Conflict(RECORD_LOCKED, code="record_locked")


class Record(TimeStampedModel):
    """A cadre's computed record for one period."""

    class Grade(models.TextChoices):
        EXCELLENT = "excellent", "优秀"
        PASS = "pass", "合格"
        BASIC = "basic", "基本合格"
        FAIL = "fail", "不合格"

    period = models.ForeignKey(
        Period, verbose_name="考核周期", on_delete=models.CASCADE, related_name="records"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="干部",
        on_delete=models.CASCADE,
        related_name="records",
    )
    org_unit = models.ForeignKey(
        "accounts.OrgUnit", verbose_name="单位", on_delete=models.PROTECT, related_name="+"
    )
    # None while any part is 待定: an unknown part never counts as 0.
    total = models.DecimalField("总分", **SCORE, null=True, blank=True)
    rank_in_unit = models.PositiveIntegerField("单位内排名", null=True)
    rank_in_scope = models.PositiveIntegerField("范围内排名", null=True)
    grade = models.CharField("等级", max_length=10, choices=Grade.choices, blank=True)
    locked = models.BooleanField("已锁定", default=False)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = "考核档案"
        verbose_name_plural = "考核档案"
        ordering = ["period", "rank_in_scope", "id"]
        constraints = [
            models.UniqueConstraint(fields=["period", "user"], name="record_unique_user")
        ]

    def __str__(self) -> str:
        return f"{self.period} · {self.user}"

    def save(self, *args, **kwargs):
        # The guard reads the stored row: only a superuser's unlock (which sets _unlocking) passes.
        if not getattr(self, "_unlocking", False):
            _refuse_if_locked(self.pk)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        _refuse_if_locked(self.pk)
        return super().delete(*args, **kwargs)


class ComponentScore(models.Model):
    """One component of a record: its score (0–100 or direct points), inputs and any adjustment.

    A part not known yet (exam still open, answers or cases in review, no indicator value)
    is stored as score None with status 待定, never as 0."""

    class Status(models.TextChoices):
        FINAL = "final", "已定"
        EXCLUDED = "excluded", "不计入"
        PENDING = "pending", "待定"

    record = models.ForeignKey(
        Record, verbose_name="考核档案", on_delete=models.CASCADE, related_name="scores"
    )
    component = models.ForeignKey(
        Component, verbose_name="方案组成", on_delete=models.CASCADE, related_name="scores"
    )
    computed = models.DecimalField("计算得分", **SCORE, null=True, blank=True)
    adjustment = models.DecimalField("调整分", **SCORE, default=Decimal("0"))
    adjustment_reason = models.CharField("调整理由", max_length=200, blank=True)
    score = models.DecimalField("得分", **SCORE, null=True, blank=True)
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.FINAL)
    points = models.DecimalField("计入总分", **SCORE, default=Decimal("0"))
    inputs = models.JSONField("来源明细", default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "分项得分"
        verbose_name_plural = "分项得分"
        ordering = ["component__order", "component_id"]
        constraints = [
            models.UniqueConstraint(fields=["record", "component"], name="score_unique_component")
        ]

    def __str__(self) -> str:
        return f"{self.component.name}：{self.score}"

    def save(self, *args, **kwargs):
        _refuse_if_locked(self.record_id)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        _refuse_if_locked(self.record_id)
        return super().delete(*args, **kwargs)


class Objection(TimeStampedModel):
    class Status(models.TextChoices):
        PENDING = "pending", "待处理"
        ADJUSTED = "adjusted", "已调整"
        REJECTED = "rejected", "已驳回"

    record = models.ForeignKey(
        Record, verbose_name="考核档案", on_delete=models.CASCADE, related_name="objections"
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="提出人", on_delete=models.CASCADE, related_name="+"
    )
    component = models.ForeignKey(
        Component,
        verbose_name="涉及分项",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField("异议理由", max_length=1000)
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.PENDING)
    reply = models.TextField("处理答复", max_length=1000, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="处理人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolved_at = models.DateTimeField("处理时间", null=True, blank=True)

    class Meta:
        verbose_name = "异议"
        verbose_name_plural = "异议"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.record} · {self.get_status_display()}"
