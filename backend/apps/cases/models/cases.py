"""A cadre's case write-up, the version kept at each submit, its photos and its final score."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from apps.accounts.models import OrgUnit
from apps.cases.models.calls import CaseCall
from apps.common.models import TimeStampedModel


def count_chars(text: str) -> int:
    """Characters a reader would count: everything except whitespace."""
    return sum(1 for ch in text if not ch.isspace())


class Case(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", "草稿"
        SUBMITTED = "submitted", "已提交待分配"
        UNDER_REVIEW = "under_review", "评审中"
        ARBITRATION = "arbitration", "仲裁中"
        REVISION = "revision", "退回修改"
        FINISHED = "finished", "已完成评审"
        WITHDRAWN = "withdrawn", "已撤回"

    EDITABLE = (Status.DRAFT, Status.WITHDRAWN, Status.REVISION)

    call = models.ForeignKey(
        CaseCall, verbose_name="案例征集", on_delete=models.PROTECT, related_name="cases"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="作者",
        on_delete=models.PROTECT,
        related_name="cases",
    )
    author_unit = models.ForeignKey(
        OrgUnit, verbose_name="作者单位", on_delete=models.PROTECT, related_name="cases"
    )
    title = models.CharField("标题", max_length=200, blank=True)
    body = models.TextField("正文（Markdown）", blank=True)
    show_author_name = models.BooleanField("案例库中署名", default=True)
    status = models.CharField(
        "状态", max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    version = models.PositiveIntegerField("已提交版本数", default=0)
    submitted_at = models.DateTimeField("最近提交时间", null=True, blank=True)
    is_excellent = models.BooleanField("优秀案例", default=False)
    published_at = models.DateTimeField("发布到案例库时间", null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = "案例"
        verbose_name_plural = "案例"
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["call", "author"], name="case_one_per_author_per_call")
        ]

    def __str__(self) -> str:
        return self.title or f"案例#{self.pk}"

    @property
    def char_count(self) -> int:
        from apps.cases.body import visible_chars

        return visible_chars(self.body)

    @property
    def final_score(self) -> Decimal | None:
        result = getattr(self, "result", None)
        return result.score if result else None

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE


class CaseVersion(models.Model):
    case = models.ForeignKey(
        Case, verbose_name="案例", on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField("版本号")
    title = models.CharField("标题", max_length=200)
    body = models.TextField("正文")
    image_ids = models.JSONField("图片", default=list)
    char_count = models.PositiveIntegerField("字数")
    submitted_at = models.DateTimeField("提交时间")

    class Meta:
        verbose_name = "案例提交版本"
        verbose_name_plural = "案例提交版本"
        ordering = ["case", "number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="caseversion_unique")
        ]

    def __str__(self) -> str:
        return f"{self.case} 第{self.number}版"


def image_path(instance: CaseImage, filename: str) -> str:
    return f"cases/{instance.case_id}/{filename}"


class CaseImage(models.Model):
    """Stored only as re-encoded by Pillow; the uploaded bytes are never kept."""

    case = models.ForeignKey(
        Case, verbose_name="案例", on_delete=models.CASCADE, related_name="images"
    )
    file = models.FileField("图片", upload_to=image_path)
    thumbnail = models.FileField("缩略图", upload_to=image_path)
    width = models.PositiveIntegerField("宽")
    height = models.PositiveIntegerField("高")
    format = models.CharField("格式", max_length=10)
    size = models.PositiveIntegerField("字节数")
    created_at = models.DateTimeField("上传时间", auto_now_add=True)
    # Removed from the draft, but kept for the submitted versions that showed it.
    removed_at = models.DateTimeField("移除时间", null=True, blank=True)

    class Meta:
        verbose_name = "案例图片"
        verbose_name_plural = "案例图片"
        ordering = ["case", "id"]

    def __str__(self) -> str:
        return f"{self.case} 图片#{self.pk}"


class CaseScore(TimeStampedModel):
    """The final score; its history answers who changed it, when and why."""

    class Method(models.TextChoices):
        MEAN = "mean", "评审员平均分"
        ARBITRATION = "arbitration", "仲裁后得分"
        ADJUSTED = "adjusted", "管理员调整"

    case = models.OneToOneField(
        Case, verbose_name="案例", on_delete=models.CASCADE, related_name="result"
    )
    score = models.DecimalField("最终得分", max_digits=6, decimal_places=2)
    method = models.CharField("计分方式", max_length=20, choices=Method.choices)
    note = models.CharField("说明", max_length=300, blank=True)
    history = HistoricalRecords(verbose_name="最终得分变更记录")

    class Meta:
        verbose_name = "案例最终得分"
        verbose_name_plural = "案例最终得分"

    def __str__(self) -> str:
        return f"{self.case}：{self.score}"
