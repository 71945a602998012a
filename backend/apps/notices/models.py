"""Short notices (通知公告) that org admins publish to the cadres of some units."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from apps.accounts.models import OrgUnit
from apps.common.models import TimeStampedModel

# The roles a notice can be limited to (as an exam's audience roles).
NOTICE_ROLES = ("cadre", "reviewer")

# A notice's state, derived from its times and now() (never stored).
NOTICE_STATUSES = [("scheduled", "未发布"), ("live", "生效中"), ("expired", "已截止")]


class Notice(TimeStampedModel):
    """Seen, between publish and expiry, by the people of `audience_units` (with their sub-units
    unless `include_subunits` is off; holding one of `audience_roles`, if any) and by
    `audience_users`; when neither units nor people are chosen, `org_unit` (the publishing
    admin's unit) stands for the audience units."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="发布单位", on_delete=models.PROTECT, related_name="notices"
    )
    title = models.CharField("标题", max_length=100)
    body = models.TextField("正文（Markdown）")
    published_at = models.DateTimeField("发布时间", default=timezone.now, db_index=True)
    expires_at = models.DateTimeField("截止时间", null=True, blank=True)
    audience_units = models.ManyToManyField(
        OrgUnit,
        verbose_name="接收单位",
        blank=True,
        related_name="received_notices",
        help_text="不选单位和人员则发给发布单位下的全部人员",
    )
    # Off: only people whose own unit is an audience unit (or the publishing unit), not those
    # of the units below it, as Exam.include_subunits (an exam's notice copies it).
    include_subunits = models.BooleanField("含下级单位", default=True)
    # Among the units' people, only those holding one of these roles ("cadre", "reviewer",
    # kept sorted); empty: everyone. Named people get the notice whatever their roles.
    audience_roles = models.JSONField("接收角色", default=list, blank=True)
    audience_users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name="指定人员",
        blank=True,
        related_name="addressed_notices",
    )
    # The exam whose publishing wrote this notice (the console labels it; it stays editable).
    exam = models.ForeignKey(
        "exams.Exam",
        verbose_name="来源考试",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notices",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="发布人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "通知公告"
        verbose_name_plural = "通知公告"
        ordering = ["-published_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def is_live(self, now=None) -> bool:
        return self.status(now) == "live"

    def status(self, now=None) -> str:
        """One of NOTICE_STATUSES: not yet published, live, or past its expiry."""
        now = now or timezone.now()
        if self.published_at > now:
            return "scheduled"
        if self.expires_at is not None and self.expires_at <= now:
            return "expired"
        return "live"
