"""Attempts, their saved answers, events, the subjective grading queue and score history.

State changes of an attempt live in apps.exams.services.attempts only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from apps.exams.models.papers import Exam
from apps.questions.models import Question


class Attempt(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "作答中"
        SUBMITTED = "submitted", "已交卷"

    class SubmitReason(models.TextChoices):
        MANUAL = "manual", "主动交卷"
        DEADLINE = "deadline", "时间到自动交卷"
        FOCUS_LOSS = "focus_loss", "切屏超限自动交卷"

    exam = models.ForeignKey(
        Exam, verbose_name="考试", on_delete=models.PROTECT, related_name="attempts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="考生",
        on_delete=models.PROTECT,
        related_name="exam_attempts",
    )
    status = models.CharField(
        "状态", max_length=20, choices=Status.choices, default=Status.IN_PROGRESS
    )
    started_at = models.DateTimeField("开始时间")
    deadline = models.DateTimeField("截止时间")
    # How much of the person's extra time (ExtraTime) the deadline already counts: a grant
    # that races the start is added once, by whichever side sees it last.
    extra_minutes = models.PositiveIntegerField("已计入的延时（分钟）", default=0)
    submitted_at = models.DateTimeField("交卷时间", null=True, blank=True)
    submit_reason = models.CharField(
        "交卷方式", max_length=20, choices=SubmitReason.choices, blank=True
    )
    # Frozen at start: [{"q": question row id (a version), "p": "2.00", "o": ["C","A",...], "s": section}]
    # in displayed order; "o" maps displayed letters (A, B, ...) to the question's own keys.
    layout = models.JSONField("题目快照", default=list)
    # Set at finalization: {"<question id>": {"s": "1.50", "c": true|false|null}}; c null = awaiting review.
    item_scores = models.JSONField("逐题得分", default=dict, blank=True)
    score = models.DecimalField("得分", max_digits=7, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField("满分", max_digits=7, decimal_places=2, default=0)
    passed = models.BooleanField("及格", null=True, blank=True)
    pending_review = models.BooleanField("待人工评分", default=False)
    focus_loss_count = models.PositiveIntegerField("切屏次数", default=0)
    # Question ids the cadre marked (标记) on the answer sheet: kept with the attempt so the
    # marks survive a reload and follow the cadre to a second device.
    flagged = models.JSONField("标记的题目", default=list, blank=True)
    graded_at = models.DateTimeField("评分时间", null=True, blank=True)
    # When attempt_graded's listeners (wrong-question book, records) last ran for the current
    # score. They run after commit, off the request; NULL means due, and the sweep re-runs it.
    feed_applied_at = models.DateTimeField("成绩后续处理时间", null=True, blank=True)

    class Meta:
        verbose_name = "答卷"
        verbose_name_plural = "答卷"
        ordering = ["-started_at"]
        constraints = [
            # At most one attempt in progress per person and exam, even under double taps.
            models.UniqueConstraint(
                fields=["exam", "user"],
                condition=Q(status="in_progress"),
                name="attempt_one_in_progress",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "deadline"], name="attempt_status_deadline"),
            models.Index(
                fields=["graded_at"],
                condition=Q(feed_applied_at__isnull=True, graded_at__isnull=False),
                name="attempt_feed_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.exam_id}/{self.user_id}#{self.pk}"

    @property
    def question_ids(self) -> list[int]:
        return [item["q"] for item in self.layout]


class Answer(models.Model):
    """The latest saved response per question; only a higher `seq` replaces it."""

    attempt = models.ForeignKey(
        Attempt, verbose_name="答卷", on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, verbose_name="试题", on_delete=models.PROTECT, related_name="+"
    )
    response = models.JSONField("作答", null=True)
    seq = models.BigIntegerField("序号")
    # The device that sent it: (seq, device) orders two devices that sent the same seq.
    device = models.CharField("设备", max_length=40, blank=True, default="", db_default="")
    saved_at = models.DateTimeField("保存时间")
    # First save of this question: item analysis derives time per question from these.
    first_saved_at = models.DateTimeField("首次作答时间")

    class Meta:
        verbose_name = "作答"
        verbose_name_plural = "作答"
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="answer_unique_question")
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}/{self.question_id}#{self.seq}"


class AttemptEvent(models.Model):
    class Kind(models.TextChoices):
        FOCUS_LOSS = "focus_loss", "切出页面"
        FOCUS_RETURN = "focus_return", "返回页面"
        RECONNECT = "reconnect", "重新联网"
        OFFLINE = "offline", "断网"

    attempt = models.ForeignKey(
        Attempt, verbose_name="答卷", on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField("类型", max_length=20, choices=Kind.choices)
    detail = models.CharField("说明", max_length=500, blank=True)
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "考试事件"
        verbose_name_plural = "考试事件"
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.attempt_id}:{self.kind}"


class SubjectiveGrade(models.Model):
    """A subjective answer waiting for (or given) a reviewer's score; blind to the author."""

    attempt = models.ForeignKey(
        Attempt, verbose_name="答卷", on_delete=models.CASCADE, related_name="subjective_grades"
    )
    question = models.ForeignKey(
        Question, verbose_name="试题", on_delete=models.PROTECT, related_name="+"
    )
    points = models.DecimalField("满分", max_digits=6, decimal_places=2)
    score = models.DecimalField("得分", max_digits=6, decimal_places=2, null=True, blank=True)
    comment = models.TextField("评语", blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="评分人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    graded_at = models.DateTimeField("评分时间", null=True, blank=True)
    created_at = models.DateTimeField("进入队列时间", auto_now_add=True)

    class Meta:
        verbose_name = "主观题评分"
        verbose_name_plural = "主观题评分"
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question"], name="subjective_unique_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}/{self.question_id}"


class GradeRevision(models.Model):
    """Each score a reviewer gave a subjective answer, the first and every revision."""

    grade = models.ForeignKey(
        SubjectiveGrade, verbose_name="评分任务", on_delete=models.CASCADE, related_name="revisions"
    )
    score = models.DecimalField("得分", max_digits=6, decimal_places=2)
    comment = models.TextField("评语", blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="评分人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "评分记录"
        verbose_name_plural = "评分记录"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.grade_id}: {self.score}"


class ScoreChange(models.Model):
    """Every setting or change of an attempt's score: who, when, why."""

    class Kind(models.TextChoices):
        FINALIZE = "finalize", "交卷评分"
        REVIEW = "review", "主观题评分"
        REGRADE = "regrade", "更正答案重新评分"

    attempt = models.ForeignKey(
        Attempt, verbose_name="答卷", on_delete=models.CASCADE, related_name="score_changes"
    )
    kind = models.CharField("类型", max_length=20, choices=Kind.choices)
    old_score = models.DecimalField("原得分", max_digits=7, decimal_places=2, null=True)
    new_score = models.DecimalField("新得分", max_digits=7, decimal_places=2, null=True)
    reason = models.CharField("原因", max_length=500, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "成绩变更记录"
        verbose_name_plural = "成绩变更记录"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.attempt_id}: {self.old_score} → {self.new_score}"


class RegradeRun(models.Model):
    """An answer-key correction and the rescoring it caused."""

    question = models.ForeignKey(
        Question, verbose_name="试题", on_delete=models.PROTECT, related_name="+"
    )
    old_answer = models.JSONField("原答案")
    new_answer = models.JSONField("更正后答案")
    reason = models.CharField("原因", max_length=500)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attempts_rescored = models.PositiveIntegerField("重新评分答卷数", default=0)
    scores_changed = models.PositiveIntegerField("成绩变化答卷数", default=0)
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "重新评分记录"
        verbose_name_plural = "重新评分记录"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.reason}"
