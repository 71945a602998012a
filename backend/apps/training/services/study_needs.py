"""The "what I need to know" survey: cadres vote for knowledge points or propose topics."""

from __future__ import annotations

import re
import unicodedata

from django.db import IntegrityError, transaction

from apps.accounts.models import OrgUnit, User
from apps.common.errors import Conflict, InvalidInput, NotFound
from apps.training import selectors
from apps.training.models import StudyTopic, StudyVote

NEED_TARGET_REQUIRED = "请选择一个知识点或一个学习主题"
NEED_TARGET_BOTH = "知识点和学习主题只能选择一个"
NEED_KP_NOT_FOUND = "知识点不存在"
NEED_TOPIC_NOT_FOUND = "学习主题不存在"
NEED_ALREADY_VOTED = "您已经投过这一项"
NEED_VOTE_NOT_FOUND = "投票不存在"
NEED_NO_UNIT = "您的账号没有所属单位，无法参与学习需求调查"
TOPIC_TITLE_REQUIRED = "请填写想学习的主题"
TOPIC_TITLE_TOO_LONG = "主题不能超过 {max} 个字"
TOPIC_TITLE_MAX = 100


def _root_unit(user: User) -> OrgUnit:
    if user.org_unit is None:
        raise InvalidInput(NEED_NO_UNIT)
    ancestors = user.org_unit.ancestor_ids()
    return OrgUnit.objects.get(pk=ancestors[0]) if ancestors else user.org_unit


def visible_topics(user: User):
    if user.org_unit is None:
        return StudyTopic.objects.none()
    return StudyTopic.objects.filter(root_unit=_root_unit(user))


def normalize_title(title: str) -> str:
    text = unicodedata.normalize("NFKC", title).lower()
    return re.sub(r"[\s\W_]+", "", text)


def vote(user: User, *, knowledge_point: int | None = None, topic: int | None = None) -> StudyVote:
    if knowledge_point and topic:
        raise InvalidInput(NEED_TARGET_BOTH, errors={"topic": [NEED_TARGET_BOTH]})
    if not (knowledge_point or topic):
        raise InvalidInput(NEED_TARGET_REQUIRED, errors={"knowledge_point": [NEED_TARGET_REQUIRED]})
    root = _root_unit(user)
    target: dict = {}
    if knowledge_point:
        kp = selectors.votable_knowledge_points(user).filter(pk=knowledge_point).first()
        if kp is None:
            raise NotFound(NEED_KP_NOT_FOUND, errors={"knowledge_point": [NEED_KP_NOT_FOUND]})
        target["knowledge_point"] = kp
    else:
        found = StudyTopic.objects.filter(pk=topic, root_unit=root).first()
        if found is None:
            raise NotFound(NEED_TOPIC_NOT_FOUND, errors={"topic": [NEED_TOPIC_NOT_FOUND]})
        target["topic"] = found
    try:
        with transaction.atomic():
            return StudyVote.objects.create(user=user, org_unit=user.org_unit, **target)
    except IntegrityError as exc:
        raise Conflict(NEED_ALREADY_VOTED) from exc


def withdraw(user: User, vote_id: int) -> None:
    deleted, _ = StudyVote.objects.filter(pk=vote_id, user=user).delete()
    if not deleted:
        raise NotFound(NEED_VOTE_NOT_FOUND)


def propose(user: User, *, title: str, description: str = "") -> tuple[StudyTopic, bool]:
    """Create a topic and vote for it; a topic already proposed under another wording of
    the same title gets the vote instead. Returns (topic, created)."""
    title = (title or "").strip()
    if not title:
        raise InvalidInput(TOPIC_TITLE_REQUIRED, errors={"title": [TOPIC_TITLE_REQUIRED]})
    if len(title) > TOPIC_TITLE_MAX:
        message = TOPIC_TITLE_TOO_LONG.format(max=TOPIC_TITLE_MAX)
        raise InvalidInput(message, errors={"title": [message]})
    root = _root_unit(user)
    with transaction.atomic():
        topic, created = StudyTopic.objects.get_or_create(
            root_unit=root,
            normalized=normalize_title(title) or title,
            defaults={"title": title, "description": description.strip(), "proposed_by": user},
        )
        StudyVote.objects.get_or_create(
            user=user, topic=topic, defaults={"org_unit": user.org_unit}
        )
    return topic, created
