"""Papers (fixed or rule-based) and the exams that use them."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from apps.accounts.models import OrgUnit
from apps.common.models import TimeStampedModel
from apps.questions.models import Bank, KnowledgePoint, Question, QuestionType


class Paper(TimeStampedModel):
    class Mode(models.TextChoices):
        FIXED = "fixed", "固定试卷"
        RULES = "rules", "规则抽题"

    title = models.CharField("名称", max_length=200)
    description = models.TextField("说明", blank=True)
    mode = models.CharField("组卷方式", max_length=10, choices=Mode.choices, default=Mode.FIXED)
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="所属单位", on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="创建人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "试卷"
        verbose_name_plural = "试卷"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class PaperItem(models.Model):
    """One question of a fixed paper; `section` groups items under a heading (一、单选题)."""

    paper = models.ForeignKey(
        Paper, verbose_name="试卷", on_delete=models.CASCADE, related_name="items"
    )
    section = models.CharField("分组", max_length=100, blank=True)
    position = models.PositiveIntegerField("顺序")
    question = models.ForeignKey(
        Question, verbose_name="试题", on_delete=models.PROTECT, related_name="+"
    )
    points = models.DecimalField("分值", max_digits=6, decimal_places=2)

    class Meta:
        verbose_name = "试卷题目"
        verbose_name_plural = "试卷题目"
        ordering = ["paper", "position"]
        constraints = [
            models.UniqueConstraint(fields=["paper", "question"], name="paper_item_unique_question")
        ]

    def __str__(self) -> str:
        return f"{self.paper_id}#{self.position}"


class PaperRule(models.Model):
    """Draw `count` published questions matching every given filter, `points` each."""

    paper = models.ForeignKey(
        Paper, verbose_name="试卷", on_delete=models.CASCADE, related_name="rules"
    )
    section = models.CharField("分组", max_length=100, blank=True)
    position = models.PositiveIntegerField("顺序")
    bank = models.ForeignKey(Bank, verbose_name="题库", on_delete=models.PROTECT, related_name="+")
    type = models.CharField("题型", max_length=20, choices=QuestionType.choices, blank=True)
    knowledge_point = models.ForeignKey(
        KnowledgePoint,
        verbose_name="知识点",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    difficulty_min = models.PositiveSmallIntegerField("最低难度", default=1)
    difficulty_max = models.PositiveSmallIntegerField("最高难度", default=5)
    tags = models.JSONField("标签（全部包含）", default=list, blank=True)
    count = models.PositiveIntegerField("抽题数")
    points = models.DecimalField("每题分值", max_digits=6, decimal_places=2)

    class Meta:
        verbose_name = "抽题规则"
        verbose_name_plural = "抽题规则"
        ordering = ["paper", "position"]

    def __str__(self) -> str:
        return self.describe()

    def describe(self) -> str:
        parts = [f"题库「{self.bank.name}」"]
        if self.type:
            parts.append(f"题型{QuestionType(self.type).label}")
        if self.knowledge_point_id:
            parts.append(f"知识点「{self.knowledge_point.name}」")
        if (self.difficulty_min, self.difficulty_max) != (1, 5):
            parts.append(f"难度{self.difficulty_min}-{self.difficulty_max}")
        if self.tags:
            parts.append(f"标签{'、'.join(self.tags)}")
        return f"第{self.position}条规则（{'，'.join(parts)}）"


class Exam(TimeStampedModel):
    class Kind(models.TextChoices):
        FORMAL = "formal", "正式考试"
        MOCK = "mock", "模拟考试"
        PRACTICE = "practice", "练习"

    class Status(models.TextChoices):
        DRAFT = "draft", "草稿"
        PUBLISHED = "published", "已发布"
        CANCELLED = "cancelled", "已取消"

    class Release(models.TextChoices):
        """When a cadre sees the score, and (separately) the answers and explanations."""

        IMMEDIATE = "immediate", "交卷后立即公布"
        AFTER_CLOSE = "after_close", "考试结束后公布"
        NEVER = "never", "不公布"

    class MultiplePolicy(models.TextChoices):
        ALL_OR_NOTHING = "all_or_nothing", "全对得分"
        PARTIAL = "partial", "少选得一半分，错选不得分"

    title = models.CharField("名称", max_length=200)
    description = models.TextField("说明", blank=True)
    rules = models.TextField("考试须知", blank=True)
    kind = models.CharField("类型", max_length=10, choices=Kind.choices, default=Kind.FORMAL)
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="主办单位", on_delete=models.PROTECT, related_name="+"
    )
    paper = models.ForeignKey(
        Paper, verbose_name="试卷", on_delete=models.PROTECT, related_name="exams"
    )
    opens_at = models.DateTimeField("开始时间")
    closes_at = models.DateTimeField("结束时间")
    duration_minutes = models.PositiveIntegerField("答题时长（分钟）")
    attempts_allowed = models.PositiveIntegerField("可参加次数", default=1)
    pass_mark = models.DecimalField("及格分", max_digits=6, decimal_places=2, default=Decimal("60"))
    shuffle_questions = models.BooleanField("打乱题目顺序", default=False)
    shuffle_options = models.BooleanField("打乱选项顺序", default=False)
    # Exams made in code (demo data, tests) are published; the API creates drafts.
    status = models.CharField(
        "发布状态", max_length=20, choices=Status.choices, default=Status.PUBLISHED
    )
    score_release = models.CharField(
        "成绩公布", max_length=20, choices=Release.choices, default=Release.IMMEDIATE
    )
    answer_release = models.CharField(
        "答案与解析公布", max_length=20, choices=Release.choices, default=Release.AFTER_CLOSE
    )
    multiple_policy = models.CharField(
        "多选题计分",
        max_length=20,
        choices=MultiplePolicy.choices,
        default=MultiplePolicy.ALL_OR_NOTHING,
    )
    focus_loss_limit = models.PositiveIntegerField("切屏次数上限", null=True, blank=True)
    audience_units = models.ManyToManyField(
        OrgUnit, verbose_name="参考单位", blank=True, related_name="+"
    )
    # Off: only people whose own unit is an audience unit (or, with roles only, the
    # organizing unit) count, not those of the units below it.
    include_subunits = models.BooleanField("含下级单位", default=True)
    audience_roles = models.JSONField("参考角色", default=list, blank=True)
    audience_users = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="指定人员", blank=True, related_name="+"
    )
    # Who grades this exam's subjective answers, chosen by the exam's owner admins
    # (apps.exams.services.graders); the owner admins themselves may grade too.
    graders = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="评分人", blank=True, related_name="graded_exams"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="创建人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The largest extra time granted to anyone (services.extra_time): an attempt can run this
    # long past `closes_at`, and the exam holds its pool's keys from whoever still answers
    # until then (apps.exams.held_keys). Only grows; set with the grant, under the exam's lock.
    longest_grant = models.DurationField("最长个人延时", default=timedelta(0), editable=False)

    class Meta:
        verbose_name = "考试"
        verbose_name_plural = "考试"
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")), name="exam_window_order"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def state(self, now=None) -> str:
        """draft | cancelled | upcoming | open | closed: the last three are derived from the
        window and the clock, never stored."""
        if self.status != self.Status.PUBLISHED:
            return self.status
        now = now or timezone.now()
        if now < self.opens_at:
            return "upcoming"
        return "open" if now < self.closes_at else "closed"


class ExamLog(models.Model):
    """What was done to an exam after it was set, by whom and why (shown on its page)."""

    class Kind(models.TextChoices):
        PUBLISH = "publish", "发布考试"
        EXTEND = "extend", "延长考试时间"
        EXTRA_TIME = "extra_time", "个人延时"
        CLOSE = "close", "提前结束"
        CANCEL = "cancel", "取消考试"

    exam = models.ForeignKey(
        Exam, verbose_name="考试", on_delete=models.CASCADE, related_name="logs"
    )
    kind = models.CharField("操作", max_length=20, choices=Kind.choices)
    reason = models.CharField("原因", max_length=500, blank=True)
    detail = models.CharField("说明", max_length=500, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="相关考生",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "考试操作记录"
        verbose_name_plural = "考试操作记录"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.exam_id}: {self.get_kind_display()}"


class ExtraTime(models.Model):
    """Extra minutes one person has in one exam, granted in the console with a reason (kept
    in ExamLog): an attempt in progress is moved at once, and every attempt the person starts
    afterwards gets the whole grant on top of its deadline (services.extra_time)."""

    exam = models.ForeignKey(
        Exam, verbose_name="考试", on_delete=models.CASCADE, related_name="extra_times"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="考生", on_delete=models.CASCADE, related_name="+"
    )
    minutes = models.PositiveIntegerField("延时分钟数")
    updated_at = models.DateTimeField("最后延时", auto_now=True)

    class Meta:
        verbose_name = "个人延时"
        verbose_name_plural = "个人延时"
        constraints = [
            models.UniqueConstraint(fields=["exam", "user"], name="extra_time_once_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.exam_id}/{self.user_id}: +{self.minutes}"
