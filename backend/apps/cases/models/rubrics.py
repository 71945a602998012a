"""Rubrics: once a score has been given against one, it never changes (edits make a new version)."""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models

from apps.cases import errors
from apps.common.errors import Conflict
from apps.common.models import TimeStampedModel


class Rubric(TimeStampedModel):
    family = models.UUIDField("版本族", default=uuid.uuid4, db_index=True, editable=False)
    version = models.PositiveIntegerField("版本", default=1, editable=False)
    name = models.CharField("名称", max_length=100)
    description = models.TextField("说明", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="创建人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "评分标准"
        verbose_name_plural = "评分标准"
        ordering = ["name", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["family", "version"], name="rubric_family_version")
        ]

    def __str__(self) -> str:
        return f"{self.name}（第{self.version}版）"

    @property
    def max_total(self) -> Decimal:
        return sum((c.max_score for c in self.criteria.all()), Decimal("0"))

    def is_used(self) -> bool:
        """Used once any score (draft or final) has been given against it."""
        from apps.cases.models.reviews import ReviewScore

        return ReviewScore.objects.filter(criterion__rubric=self).exists()


class RubricCriterion(models.Model):
    rubric = models.ForeignKey(
        Rubric, verbose_name="评分标准", on_delete=models.CASCADE, related_name="criteria"
    )
    order = models.PositiveSmallIntegerField("顺序", default=0)
    name = models.CharField("细则", max_length=50)
    description = models.TextField("说明", blank=True)
    max_score = models.DecimalField("满分", max_digits=5, decimal_places=2)
    # [{"label": "优秀", "min": "18", "description": "..."}], highest level first.
    levels = models.JSONField("等级描述", default=list, blank=True)

    class Meta:
        verbose_name = "评分细则"
        verbose_name_plural = "评分细则"
        ordering = ["rubric", "order", "id"]

    def __str__(self) -> str:
        return f"{self.name}（{self.max_score}分）"

    def save(self, *args, **kwargs):
        self._guard()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._guard()
        return super().delete(*args, **kwargs)

    def _guard(self) -> None:
        if self.rubric_id and self.rubric.is_used():
            raise Conflict(errors.RUBRIC_LOCKED, code="rubric_locked")
