"""Demo notices for 青山县: one from the county to everyone, one from 东湖镇 to its villages.
Runs right after the accounts demo (its admins and units)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from apps.accounts.models import User
from apps.notices.services import create_notice

COUNTY_NOTICE = (
    "关于开展本季度应知应会学习测试的通知",
    "各乡镇、村（社区）：\n\n"
    "本季度应知应会学习测试将在月底前开放，请各位干部：\n\n"
    "1. 每天完成**每日一练**，巩固基础知识；\n"
    "2. 利用学习资料中的“练一练”随读随练；\n"
    "3. 考试开放后按时参加，遇到问题及时联系本单位管理员。\n\n"
    "县委组织部",
)
TOWNSHIP_NOTICE = (
    "东湖镇基层治理案例征集提醒",
    "镇内各村（社区）干部：\n\n"
    "基层治理案例征集即将截止，已开始撰写的同志请尽快完善并提交。"
    "案例应写清问题、做法和成效，可附现场照片。\n\n"
    "东湖镇党政办",
)


def load(stdout) -> None:
    now = timezone.now()
    county_admin = User.objects.get(username="admin")
    township_admin = User.objects.get(username="admin_dh")
    create_notice(
        county_admin,
        title=COUNTY_NOTICE[0],
        body=COUNTY_NOTICE[1],
        published_at=now - dt.timedelta(days=2),
    )
    create_notice(
        township_admin,
        title=TOWNSHIP_NOTICE[0],
        body=TOWNSHIP_NOTICE[1],
        published_at=now - dt.timedelta(hours=3),
        expires_at=now + dt.timedelta(days=14),
    )
    stdout.write("通知公告：2 条（全县 1 条，东湖镇 1 条）")
