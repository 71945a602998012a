"""Inputs entered in this app: imported indicator values and bonus/penalty items."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from apps.common.models import TimeStampedModel
from apps.records.models.periods import SCORE, Component, Period


class IndicatorImport(TimeStampedModel):
    """One committed indicator sheet: who imported which file, so every value traces to a row."""

    period = models.ForeignKey(
        Period, verbose_name="考核周期", on_delete=models.CASCADE, related_name="imports"
    )
    file_name = models.CharField("文件名", max_length=200, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="导入人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    row_count = models.PositiveIntegerField("行数", default=0)

    class Meta:
        verbose_name = "指标导入"
        verbose_name_plural = "指标导入"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.period} · {self.file_name or self.pk}"


class IndicatorValue(TimeStampedModel):
    """A value of one indicator for one cadre or one unit, with the sheet row it came from."""

    period = models.ForeignKey(
        Period, verbose_name="考核周期", on_delete=models.CASCADE, related_name="indicator_values"
    )
    component = models.ForeignKey(
        Component, verbose_name="指标", on_delete=models.CASCADE, related_name="values"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="干部",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    org_unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name="单位",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    value = models.DecimalField("数值", max_digits=12, decimal_places=2)
    source = models.ForeignKey(
        IndicatorImport, verbose_name="来源导入", on_delete=models.RESTRICT, related_name="values"
    )
    row_number = models.PositiveIntegerField("表格行号")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "指标数值"
        verbose_name_plural = "指标数值"
        constraints = [
            models.UniqueConstraint(fields=["component", "user"], name="indicator_unique_user"),
            models.UniqueConstraint(fields=["component", "org_unit"], name="indicator_unique_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.component.name}={self.value}"


class Adjustment(TimeStampedModel):
    """A bonus (positive) or penalty (negative) item an org admin entered for one cadre."""

    period = models.ForeignKey(
        Period, verbose_name="考核周期", on_delete=models.CASCADE, related_name="adjustments"
    )
    component = models.ForeignKey(
        Component, verbose_name="加减分项", on_delete=models.CASCADE, related_name="items"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="干部", on_delete=models.CASCADE, related_name="+"
    )
    points = models.DecimalField("分值", **SCORE)
    reason = models.CharField("事由", max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="录入人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "加减分"
        verbose_name_plural = "加减分"
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.points:+} {self.reason}"
