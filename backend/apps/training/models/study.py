"""The "what I need to know" survey: proposed topics and votes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from apps.accounts.models import OrgUnit
from apps.common.models import TimeStampedModel
from apps.questions.models import KnowledgePoint


class StudyTopic(TimeStampedModel):
    """A topic a cadre proposed for the "what I need to know" survey."""

    title = models.CharField("主题", max_length=100)
    description = models.TextField("说明", blank=True)
    normalized = models.CharField("规范化主题", max_length=100, db_index=True, editable=False)
    # The proposer's top-level unit: topics are shared within one county tree.
    root_unit = models.ForeignKey(
        OrgUnit, verbose_name="所属县（区）", on_delete=models.CASCADE, related_name="+"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="提出人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "学习需求主题"
        verbose_name_plural = "学习需求主题"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["root_unit", "normalized"], name="study_topic_unique")
        ]

    def __str__(self) -> str:
        return self.title


class StudyVote(models.Model):
    """One cadre's vote for a knowledge point or a proposed topic (exactly one of them)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="干部",
        on_delete=models.CASCADE,
        related_name="study_votes",
    )
    # The voter's unit when voting: admins rank demand by where it came from.
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="投票人单位", on_delete=models.CASCADE, related_name="+"
    )
    knowledge_point = models.ForeignKey(
        KnowledgePoint,
        verbose_name="知识点",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    topic = models.ForeignKey(
        StudyTopic,
        verbose_name="主题",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="votes",
    )
    created_at = models.DateTimeField("投票时间", auto_now_add=True)

    class Meta:
        verbose_name = "学习需求投票"
        verbose_name_plural = "学习需求投票"
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(knowledge_point__isnull=False, topic__isnull=True)
                | Q(knowledge_point__isnull=True, topic__isnull=False),
                name="study_vote_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "knowledge_point"],
                condition=Q(knowledge_point__isnull=False),
                name="study_vote_unique_kp",
            ),
            models.UniqueConstraint(
                fields=["user", "topic"],
                condition=Q(topic__isnull=False),
                name="study_vote_unique_topic",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.knowledge_point or self.topic}"
