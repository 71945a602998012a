"""Answers and what they feed: practice sessions and answers, exam results received from
the exams app, the wrong-question book and Leitner review cards.

Questions are tracked per `lineage` (all versions of one question) so that a corrected
question stays the same item in a cadre's book; `question` points at the version last used.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from apps.common.models import TimeStampedModel
from apps.questions.models import Bank, KnowledgePoint, Question


class AnswerSource(models.TextChoices):
    PRACTICE = "practice", "专项练习"
    WRONG_BOOK = "wrong_book", "错题重做"
    DAILY_QUIZ = "daily_quiz", "每日一练"
    EXAM = "exam", "考试"


class PracticeSession(TimeStampedModel):
    """One practice run by knowledge point or bank; its questions are frozen at start."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="干部",
        on_delete=models.CASCADE,
        related_name="practice_sessions",
    )
    knowledge_point = models.ForeignKey(
        KnowledgePoint,
        verbose_name="知识点",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bank = models.ForeignKey(
        Bank,
        verbose_name="题库",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    question_ids = models.JSONField("题目", default=list)  # Question row ids, in order

    class Meta:
        verbose_name = "练习"
        verbose_name_plural = "练习"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user} 练习 {self.created_at:%Y-%m-%d %H:%M}"


class PracticeAnswer(models.Model):
    """One graded answer outside exams (practice, wrong-book retry, daily quiz)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="干部",
        on_delete=models.CASCADE,
        related_name="practice_answers",
    )
    session = models.ForeignKey(
        PracticeSession,
        verbose_name="练习",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="answers",
    )
    source = models.CharField("来源", max_length=20, choices=AnswerSource.choices)
    question = models.ForeignKey(
        Question, verbose_name="试题", on_delete=models.CASCADE, related_name="+"
    )
    lineage = models.UUIDField("题目标识", db_index=True)
    response = models.JSONField("作答", null=True)
    is_correct = models.BooleanField("是否正确")
    score = models.DecimalField("得分", max_digits=6, decimal_places=2)
    answered_at = models.DateTimeField("作答时间", db_index=True)

    class Meta:
        verbose_name = "练习作答"
        verbose_name_plural = "练习作答"
        ordering = ["-answered_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "question"],
                condition=Q(session__isnull=False),
                name="practice_answer_once_per_session",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.get_source_display()} {self.question_id} {'对' if self.is_correct else '错'}"


class ExamResult(models.Model):
    """Per question of a graded exam attempt, as last received from the exams app.

    Keyed by (attempt, lineage) so that a regrade updates the row instead of counting twice.
    Its effect on the wrong-question book waits until the exam releases its answers.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="干部", on_delete=models.CASCADE, related_name="+"
    )
    # Plain ids, not foreign keys: the exams app never depends on training.
    attempt_id = models.PositiveBigIntegerField("答卷", db_index=True)
    exam_id = models.PositiveBigIntegerField("考试")
    question = models.ForeignKey(
        Question, verbose_name="试题", on_delete=models.CASCADE, related_name="+"
    )
    lineage = models.UUIDField("题目标识")
    is_correct = models.BooleanField("是否正确")
    response = models.JSONField("作答", null=True)  # in the question's own option keys
    answered_at = models.DateTimeField("交卷时间")
    graded_at = models.DateTimeField("评分时间")
    applied = models.BooleanField("已计入错题本", default=False)

    class Meta:
        verbose_name = "考试作答结果"
        verbose_name_plural = "考试作答结果"
        constraints = [
            models.UniqueConstraint(fields=["attempt_id", "lineage"], name="exam_result_unique")
        ]
        indexes = [models.Index(fields=["user", "applied"], name="exam_result_pending")]

    def __str__(self) -> str:
        return f"答卷{self.attempt_id} 题{self.question_id} {'对' if self.is_correct else '错'}"


class WrongBookEntry(TimeStampedModel):
    """A question in a cadre's 错题本; it leaves (resolved_at set) after N right in a row."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="干部",
        on_delete=models.CASCADE,
        related_name="wrong_book",
    )
    lineage = models.UUIDField("题目标识")
    question = models.ForeignKey(
        Question, verbose_name="试题", on_delete=models.CASCADE, related_name="+"
    )
    first_source = models.CharField("首次来源", max_length=20, choices=AnswerSource.choices)
    wrong_count = models.PositiveIntegerField("答错次数", default=0)
    right_streak = models.PositiveSmallIntegerField("连续答对", default=0)
    last_response = models.JSONField("最近一次错误作答", null=True, blank=True)
    last_wrong_at = models.DateTimeField("最近答错时间")
    resolved_at = models.DateTimeField("移出时间", null=True, blank=True)

    class Meta:
        verbose_name = "错题"
        verbose_name_plural = "错题本"
        ordering = ["-last_wrong_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "lineage"], name="wrong_book_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} 错题 {self.question_id}"

    @property
    def is_active(self) -> bool:
        return self.resolved_at is None


class ReviewCard(models.Model):
    """A Leitner card: a question once answered wrong, due again after its box's interval."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="干部",
        on_delete=models.CASCADE,
        related_name="review_cards",
    )
    lineage = models.UUIDField("题目标识")
    question = models.ForeignKey(
        Question, verbose_name="试题", on_delete=models.CASCADE, related_name="+"
    )
    box = models.PositiveSmallIntegerField("盒子", default=1)
    due_on = models.DateField("下次复习日期", db_index=True)
    last_reviewed_on = models.DateField("上次复习日期", null=True, blank=True)

    class Meta:
        verbose_name = "复习卡片"
        verbose_name_plural = "复习卡片"
        constraints = [
            models.UniqueConstraint(fields=["user", "lineage"], name="review_card_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} 盒{self.box} {self.due_on}"
