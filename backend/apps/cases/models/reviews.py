"""A reviewer's assignment on one version of a case, and the per-criterion scores."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from apps.cases.models.cases import Case
from apps.cases.models.rubrics import Rubric, RubricCriterion
from apps.common.models import TimeStampedModel


class ReviewAssignment(TimeStampedModel):
    class Kind(models.TextChoices):
        REGULAR = "regular", "评审"
        ARBITRATION = "arbitration", "仲裁评审"

    class Status(models.TextChoices):
        PENDING = "pending", "待评审"
        DRAFT = "draft", "评审中（已暂存）"
        SUBMITTED = "submitted", "已提交"
        DECLINED = "declined", "已谢绝"
        CANCELLED = "cancelled", "已改派或取消"
        SUPERSEDED = "superseded", "已退回作者修改"

    OPEN = (Status.PENDING, Status.DRAFT)

    class Decision(models.TextChoices):
        SCORE = "score", "评分"
        REVISE = "revise", "退回修改"

    case = models.ForeignKey(
        Case, verbose_name="案例", on_delete=models.CASCADE, related_name="assignments"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="评审员",
        on_delete=models.PROTECT,
        related_name="case_reviews",
    )
    kind = models.CharField("类型", max_length=20, choices=Kind.choices, default=Kind.REGULAR)
    round = models.PositiveIntegerField("评审的版本", default=1)
    rubric = models.ForeignKey(
        Rubric, verbose_name="评分标准版本", on_delete=models.PROTECT, related_name="assignments"
    )
    status = models.CharField(
        "状态", max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    decision = models.CharField("结论", max_length=10, choices=Decision.choices, blank=True)
    total = models.DecimalField("总分", max_digits=6, decimal_places=2, null=True, blank=True)
    overall_comment = models.TextField("总体评语", blank=True)
    decline_reason = models.CharField("谢绝理由", max_length=300, blank=True)
    lease_expires_at = models.DateTimeField("评分锁定至", null=True, blank=True)
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    history = HistoricalRecords(
        verbose_name="评审变更记录", excluded_fields=["lease_expires_at", "updated_at"]
    )

    class Meta:
        verbose_name = "评审任务"
        verbose_name_plural = "评审任务"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["reviewer", "status"])]

    def __str__(self) -> str:
        return f"{self.case} ← {self.reviewer}（{self.get_kind_display()}）"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    def lease_active(self, now=None) -> bool:
        return bool(self.lease_expires_at and self.lease_expires_at > (now or timezone.now()))


class ReviewScore(models.Model):
    assignment = models.ForeignKey(
        ReviewAssignment, verbose_name="评审任务", on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        RubricCriterion, verbose_name="评分细则", on_delete=models.PROTECT, related_name="scores"
    )
    score = models.DecimalField("得分", max_digits=5, decimal_places=2)
    comment = models.TextField("评语", blank=True)
    history = HistoricalRecords(verbose_name="评分变更记录")

    class Meta:
        verbose_name = "细则得分"
        verbose_name_plural = "细则得分"
        ordering = ["assignment", "criterion__order"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "criterion"], name="reviewscore_unique"),
            models.CheckConstraint(
                condition=models.Q(score__gte=0), name="reviewscore_nonnegative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion.name}：{self.score}"
