"""Assessment periods and their scoring scheme (weighted components)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from apps.common.models import TimeStampedModel

SCORE = {"max_digits": 8, "decimal_places": 2}


class Period(TimeStampedModel):
    """A 考核周期 with its scheme settings (the components hang off it)."""

    class Kind(models.TextChoices):
        YEAR = "year", "年度"
        HALF = "half", "半年"
        QUARTER = "quarter", "季度"

    class Status(models.TextChoices):
        OPEN = "open", "考核中"
        PUBLICITY = "publicity", "公示中"
        LOCKED = "locked", "已锁定"

    name = models.CharField("名称", max_length=100)
    kind = models.CharField("类型", max_length=10, choices=Kind.choices, default=Kind.YEAR)
    start_date = models.DateField("开始日期")
    end_date = models.DateField("结束日期")
    org_unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name="考核范围",
        on_delete=models.PROTECT,
        related_name="periods",
    )
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.OPEN)
    exams = models.ManyToManyField(
        "exams.Exam", verbose_name="关联考试", blank=True, related_name="+"
    )
    case_calls = models.ManyToManyField(
        "cases.CaseCall", verbose_name="关联案例征集", blank=True, related_name="+"
    )
    # Grading: 优秀 for the top share (at most the cap, at least the minimum score), then thresholds.
    excellent_share = models.DecimalField(
        "优秀比例（%）", max_digits=5, decimal_places=2, default=Decimal("20")
    )
    excellent_cap = models.PositiveIntegerField("优秀人数上限", null=True, blank=True)
    excellent_min = models.DecimalField("优秀最低分", **SCORE, default=Decimal("85"))
    pass_min = models.DecimalField("合格分数线", **SCORE, default=Decimal("60"))
    basic_min = models.DecimalField("基本合格分数线", **SCORE, default=Decimal("50"))
    publicity_starts_at = models.DateTimeField("公示开始", null=True, blank=True)
    publicity_ends_at = models.DateTimeField("公示结束", null=True, blank=True)
    computed_at = models.DateTimeField("最近计算时间", null=True, blank=True)
    # Publishing before every part is final needs a written reason: kept here, shown under 公示.
    override_reason = models.TextField("提前公示理由", max_length=1000, blank=True)
    override_blockers = models.JSONField("提前公示时未就绪事项", default=list, blank=True)
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="提前公示决定人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="创建人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords(excluded_fields=["computed_at", "updated_at"])

    class Meta:
        verbose_name = "考核周期"
        verbose_name_plural = "考核周期"
        ordering = ["-start_date", "-id"]

    def __str__(self) -> str:
        return self.name


class Component(models.Model):
    """One weighted part of a period's scheme. Adjustments (加减分) carry weight 0 and add directly."""

    class Kind(models.TextChoices):
        EXAM = "exam", "考试成绩"
        CASE = "case", "案例评分"
        INDICATOR = "indicator", "外部指标"
        ADJUST = "adjust", "加减分"

    class Aggregation(models.TextChoices):
        BEST = "best", "最高"
        LATEST = "latest", "最近一次"
        MEAN = "mean", "平均"
        CAPPED_SUM = "capped_sum", "累计（封顶）"

    class Missing(models.TextChoices):
        ZERO = "zero", "缺考计 0 分"
        EXCLUDE = "exclude", "缺考不计入"

    class Level(models.TextChoices):
        USER = "user", "按干部（工号）"
        UNIT = "unit", "按单位"

    class Mapping(models.TextChoices):
        LINEAR = "linear", "线性换算"
        BANDS = "bands", "分档计分"

    period = models.ForeignKey(
        Period, verbose_name="考核周期", on_delete=models.CASCADE, related_name="components"
    )
    name = models.CharField("名称", max_length=50)
    kind = models.CharField("类型", max_length=10, choices=Kind.choices)
    weight = models.DecimalField("权重（%）", max_digits=5, decimal_places=2, default=Decimal("0"))
    order = models.PositiveSmallIntegerField("顺序", default=0)
    aggregation = models.CharField(
        "取分方式", max_length=12, choices=Aggregation.choices, default=Aggregation.BEST
    )
    missing = models.CharField(
        "缺考处理", max_length=10, choices=Missing.choices, default=Missing.ZERO
    )
    cap = models.DecimalField("封顶分", **SCORE, null=True, blank=True)
    level = models.CharField("指标粒度", max_length=5, choices=Level.choices, default=Level.USER)
    value_min = models.DecimalField(
        "指标下限", max_digits=12, decimal_places=2, default=Decimal("0")
    )
    value_max = models.DecimalField(
        "指标上限", max_digits=12, decimal_places=2, default=Decimal("100")
    )
    mapping = models.CharField(
        "换算方式", max_length=6, choices=Mapping.choices, default=Mapping.LINEAR
    )
    bands = models.JSONField(
        "分档", default=list, blank=True, help_text='如 [{"min": 90, "points": 100}]'
    )
    # An exam component counts these of the period's exams; none chosen: all of them.
    exams = models.ManyToManyField(
        "exams.Exam",
        verbose_name="计入的考试（空则为周期关联的全部考试）",
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = "方案组成"
        verbose_name_plural = "方案组成"
        ordering = ["period", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["period", "name"], name="component_unique_name")
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.weight}%）"
