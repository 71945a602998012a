"""每日一练: a cadre's five questions for one local date."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from apps.questions.models import Question
from apps.training.models.answers import PracticeAnswer


class DailyQuiz(models.Model):
    """A cadre's 每日一练 for one local date; created on first request, then fixed."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="干部",
        on_delete=models.CASCADE,
        related_name="daily_quizzes",
    )
    day = models.DateField("日期")
    created_at = models.DateTimeField("生成时间")
    completed_at = models.DateTimeField("完成时间", null=True, blank=True)

    class Meta:
        verbose_name = "每日一练"
        verbose_name_plural = "每日一练"
        ordering = ["-day"]
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="daily_quiz_unique")]

    def __str__(self) -> str:
        return f"{self.user} {self.day}"


class DailyQuizItem(models.Model):
    class Reason(models.TextChoices):
        REVIEW = "review", "到期复习"
        WEAK = "weak", "薄弱知识点"
        FILL = "fill", "随机补充"

    quiz = models.ForeignKey(
        DailyQuiz, verbose_name="每日一练", on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveSmallIntegerField("序号")
    question = models.ForeignKey(
        Question, verbose_name="试题", on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField("选题原因", max_length=20, choices=Reason.choices)
    answer = models.OneToOneField(
        PracticeAnswer,
        verbose_name="作答",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "每日一练题目"
        verbose_name_plural = "每日一练题目"
        ordering = ["quiz", "position"]
        constraints = [
            models.UniqueConstraint(fields=["quiz", "position"], name="daily_item_unique_position"),
            models.UniqueConstraint(fields=["quiz", "question"], name="daily_item_unique_question"),
        ]

    def __str__(self) -> str:
        return f"{self.quiz} 第{self.position}题"
