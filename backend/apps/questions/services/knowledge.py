"""Knowledge points (知识点): a tree of topics linked to passages and questions.

Suggestions come from a material's headings and from jieba keywords (TF-IDF and
TextRank); they are stored as "suggested" and only count once an admin confirms them.
"""

from __future__ import annotations

import re

from django.db import transaction

from apps.accounts.models import OrgUnit, User
from apps.common import scoping
from apps.common.errors import InvalidInput, NotFound
from apps.questions.models import KnowledgePoint, Material, Passage
from question_bank.document import BODY_KINDS

NAME_REQUIRED = "请填写知识点名称"
NAME_TAKEN = "同一上级下已有同名知识点：{name}"
PARENT_OTHER_UNIT = "上级知识点必须属于同一单位"
PARENT_CYCLE = "不能把知识点移到它自己的下级"
NOT_SUGGESTED = "该知识点已确认"
PASSAGE_OUT_OF_SCOPE = "段落不存在或无权使用"

_NUMBERING = re.compile(
    r"^\s*(?:#+\s*|第[一二三四五六七八九十百零\d]+[章节条部分]\s*|[一二三四五六七八九十]+[、.．]\s*"
    r"|[（(][一二三四五六七八九十\d]+[）)]\s*|\d+[.、．]\s*)"
)
MAX_KEYWORDS = 12


def heading_name(text: str) -> str:
    return _NUMBERING.sub("", text).strip(" 　：:。")[:100]


def _check_parent(
    unit: OrgUnit, parent: KnowledgePoint | None, node: KnowledgePoint | None = None
) -> None:
    if parent is None:
        return
    if parent.org_unit_id != unit.pk:
        raise InvalidInput(PARENT_OTHER_UNIT, {"parent": [PARENT_OTHER_UNIT]})
    ancestor: KnowledgePoint | None = parent
    while ancestor is not None and node is not None:
        if ancestor.pk == node.pk:
            raise InvalidInput(PARENT_CYCLE, {"parent": [PARENT_CYCLE]})
        ancestor = ancestor.parent


def _check_passages(actor: User, passages: list[Passage]) -> None:
    for passage in passages:
        if not scoping.unit_in_scope(actor, passage.material.org_unit):
            raise InvalidInput(PASSAGE_OUT_OF_SCOPE, {"passages": [PASSAGE_OUT_OF_SCOPE]})


def _check_name(unit: OrgUnit, parent, name: str, exclude_pk=None) -> str:
    name = (name or "").strip()
    if not name:
        raise InvalidInput(NAME_REQUIRED, {"name": [NAME_REQUIRED]})
    clash = KnowledgePoint.objects.filter(org_unit=unit, parent=parent, name=name).exclude(
        pk=exclude_pk
    )
    if clash.exists():
        raise InvalidInput(NAME_TAKEN.format(name=name), {"name": [NAME_TAKEN.format(name=name)]})
    return name


@transaction.atomic
def create_knowledge_point(
    *,
    actor: User,
    org_unit: OrgUnit,
    name: str,
    parent: KnowledgePoint | None = None,
    description: str = "",
    passages: list[Passage] | None = None,
) -> KnowledgePoint:
    if not scoping.unit_in_scope(actor, org_unit):
        raise NotFound()
    _check_parent(org_unit, parent)
    name = _check_name(org_unit, parent, name)
    _check_passages(actor, passages or [])
    kp = KnowledgePoint.objects.create(
        org_unit=org_unit,
        name=name,
        parent=parent,
        description=description,
        status=KnowledgePoint.Status.CONFIRMED,
    )
    kp.passages.set(passages or [])
    return kp


@transaction.atomic
def update_knowledge_point(*, actor: User, kp: KnowledgePoint, data: dict) -> KnowledgePoint:
    parent = data.get("parent", kp.parent)
    _check_parent(kp.org_unit, parent, kp)
    kp.name = _check_name(kp.org_unit, parent, data.get("name", kp.name), exclude_pk=kp.pk)
    kp.parent = parent
    kp.description = data.get("description", kp.description)
    if data.get("confirm"):
        kp.status = KnowledgePoint.Status.CONFIRMED
    kp.save()
    if "passages" in data:
        _check_passages(actor, data["passages"])
        kp.passages.set(data["passages"])
    return kp


def _keywords(text: str) -> list[str]:
    from question_bank.generate.textutil import jieba_module

    jieba_module()  # initialise jieba once, without its chatty default logging
    import jieba.analyse

    allow = ("n", "nz", "vn", "nt", "l", "i")
    found = jieba.analyse.extract_tags(text, topK=MAX_KEYWORDS, allowPOS=allow)
    found += jieba.analyse.textrank(text, topK=MAX_KEYWORDS, allowPOS=allow)
    unique = []
    for word in found:
        if len(word) >= 2 and word not in unique:
            unique.append(word)
    return unique[:MAX_KEYWORDS]


@transaction.atomic
def suggest_for_material(*, material: Material) -> list[KnowledgePoint]:
    """Create suggested knowledge points from headings and keywords; link their passages."""
    unit = material.org_unit
    passages = list(material.passages.order_by("position"))
    existing = {(kp.parent_id, kp.name): kp for kp in KnowledgePoint.objects.filter(org_unit=unit)}
    created: list[KnowledgePoint] = []
    by_heading: dict[str, KnowledgePoint] = {}

    def ensure(name: str, parent: KnowledgePoint | None) -> KnowledgePoint:
        key = (parent.pk if parent else None, name)
        if key not in existing:
            existing[key] = KnowledgePoint.objects.create(
                org_unit=unit, name=name, parent=parent, status=KnowledgePoint.Status.SUGGESTED
            )
            created.append(existing[key])
        return existing[key]

    for passage in passages:
        if passage.kind != "heading" or passage.text == material.title:
            continue
        name = heading_name(passage.text)
        if len(name) < 2:
            continue
        parent = next(
            (by_heading[h] for h in reversed(passage.heading_path) if h in by_heading), None
        )
        by_heading[passage.text] = ensure(name, parent)
    for passage in passages:
        for heading in [*passage.heading_path, passage.text]:
            if heading in by_heading:
                by_heading[heading].passages.add(passage)
    for word in _keywords(material.text):
        kp = ensure(word, None)
        kp.passages.add(*[p for p in passages if word in p.text and p.kind in BODY_KINDS])
    return created


def confirm(*, kp: KnowledgePoint) -> KnowledgePoint:
    if kp.status != KnowledgePoint.Status.SUGGESTED:
        raise InvalidInput(NOT_SUGGESTED)
    kp.status = KnowledgePoint.Status.CONFIRMED
    kp.save(update_fields=["status", "updated_at"])
    return kp


MERGE_INTO_ITSELF = "不能把知识点合并到它自己"
MERGE_INTO_DESCENDANT = "不能把知识点合并到它自己的下级"


@transaction.atomic
def merge(*, actor: User, source: KnowledgePoint, target: KnowledgePoint) -> KnowledgePoint:
    """Fold `source` into `target`: its questions, passages, sub-points, paper rules,
    practice sessions and study votes move to `target`; `source` is deleted. A suggested
    target becomes confirmed (an admin chose it)."""
    from apps.exams.models import PaperRule
    from apps.training.models import PracticeSession, StudyVote

    for kp in (source, target):
        if not scoping.unit_in_scope(actor, kp.org_unit):
            raise NotFound()
    if source.pk == target.pk:
        raise InvalidInput(MERGE_INTO_ITSELF, {"target": [MERGE_INTO_ITSELF]})
    ancestor = target.parent
    while ancestor is not None:
        if ancestor.pk == source.pk:
            raise InvalidInput(MERGE_INTO_DESCENDANT, {"target": [MERGE_INTO_DESCENDANT]})
        ancestor = ancestor.parent
    questions = KnowledgePoint.questions.through
    questions.objects.bulk_create(
        [
            questions(question_id=qid, knowledgepoint_id=target.pk)
            for qid in source.questions.values_list("pk", flat=True)
        ],
        ignore_conflicts=True,
    )
    target.passages.add(*source.passages.all())
    for child in source.children.all():
        clash = KnowledgePoint.objects.filter(
            org_unit=child.org_unit, parent=target, name=child.name
        ).first()
        if clash is not None:
            merge(actor=actor, source=child, target=clash)
        else:
            child.parent = target
            child.save(update_fields=["parent", "updated_at"])
    PaperRule.objects.filter(knowledge_point=source).update(knowledge_point=target)
    PracticeSession.objects.filter(knowledge_point=source).update(knowledge_point=target)
    voted = StudyVote.objects.filter(knowledge_point=target).values("user_id")
    StudyVote.objects.filter(knowledge_point=source).exclude(user_id__in=voted).update(
        knowledge_point=target
    )
    source.delete()
    if target.status != KnowledgePoint.Status.CONFIRMED:
        target.status = KnowledgePoint.Status.CONFIRMED
        target.save(update_fields=["status", "updated_at"])
    return target
