"""A case call (案例征集): who writes, until when, against which rubric, reviewed by whom."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone

from apps.accounts.models import OrgUnit
from apps.cases.models.rubrics import Rubric
from apps.common.models import TimeStampedModel


class CaseCall(TimeStampedModel):
    class AssignMode(models.TextChoices):
        ON_SUBMIT = "on_submit", "提交后立即分配"
        AT_CLOSE = "at_close", "截止后统一分配"

    title = models.CharField("标题", max_length=200)
    theme = models.CharField("主题", max_length=100, db_index=True)
    description = models.TextField("征集说明", blank=True)
    opens_at = models.DateTimeField("开始时间")
    closes_at = models.DateTimeField("截止时间")
    org_unit = models.ForeignKey(
        OrgUnit,
        verbose_name="组织单位",
        on_delete=models.PROTECT,
        related_name="case_calls_organized",
    )
    audience_units = models.ManyToManyField(
        OrgUnit, verbose_name="征集范围（含下级单位）", related_name="case_calls"
    )
    rubric = models.ForeignKey(
        Rubric, verbose_name="评分标准", on_delete=models.PROTECT, related_name="calls"
    )
    reviewers_per_case = models.PositiveSmallIntegerField("每篇评审人数", default=2)
    arbitration_threshold_pct = models.DecimalField(
        "仲裁阈值（占满分%）", max_digits=5, decimal_places=2, default=Decimal("15")
    )
    assign_mode = models.CharField(
        "分配方式", max_length=20, choices=AssignMode.choices, default=AssignMode.ON_SUBMIT
    )
    reviewer_pool = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name="评审员库（空则为全部评审员）",
        blank=True,
        related_name="+",
    )
    assigned_at_close = models.DateTimeField("截止分配时间", null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="创建人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "案例征集"
        verbose_name_plural = "案例征集"
        ordering = ["-opens_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def state(self) -> str:
        """Derived from the window and now(), never stored."""
        now = timezone.now()
        if now < self.opens_at:
            return "upcoming"
        return "open" if now < self.closes_at else "closed"

    @property
    def is_open(self) -> bool:
        return self.state == "open"

    def threshold_points(self, max_total: Decimal) -> Decimal:
        return (max_total * self.arbitration_threshold_pct / Decimal(100)).quantize(Decimal("0.01"))

    def includes_unit(self, unit: OrgUnit | None) -> bool:
        if unit is None:
            return False
        return any(unit.is_within(a) for a in self.audience_units.all())
