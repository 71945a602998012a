"""Create and edit questions. Editing a question that was ever published makes a new
version row (same lineage, next version), so exams keep the row they froze.

Every new question, whether typed in the console, generated or imported, is built by
`prepare_question`, which checks its content by the question type registry."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max

from apps.accounts.models import User
from apps.common import scoping
from apps.common.errors import Conflict, InvalidInput, NotFound
from apps.exams import held_keys
from apps.exams.models import Exam
from apps.questions import conf, selectors
from apps.questions.models import Bank, KnowledgePoint, Question, QuestionReview
from apps.questions.services.rendering import render_question_text
from question_bank import question_types, similarity
from question_bank.question_types import check_question

INVALID_QUESTION = "试题内容有误，请检查标出的字段"
NOT_CURRENT_VERSION = "只能编辑试题的当前版本"
BANK_NOT_MANAGED = "无权在该题库中添加或修改试题"
KP_OUT_OF_SCOPE = "第{position}个知识点不存在或无权使用"
PASSAGE_OUT_OF_SCOPE = "出处段落不存在或无权引用"
HELD_FROM_ACTOR = (
    "您还要参加上级或其他单位组织的、抽用该题库试题的考试：在您交卷且没有剩余次数或考试结束前，"
    "不能新增、修改、审核或更正该题库的试题，请由不参加该考试的管理员处理"
)


def check_not_held_from(actor: User, bank: Bank, lineage=None) -> None:
    """Someone who may still sit another unit's exam drawing on a bank must not write its
    questions: the keys are hidden from them, but not a key they set, a draft they publish,
    or a correction they make. An exam they organize themselves does not stop them (they
    set its paper anyway, and must be able to correct its keys while it runs)."""
    sitting = [
        row["exam"]
        for row in held_keys.exams_user_could_sit(actor)
        if bank.pk in row["banks"] or (lineage is not None and lineage in row["lineages"])
    ]
    others = Exam.objects.filter(pk__in=sitting).exclude(scoping.unit_scope_q(actor))
    if sitting and others.exists():
        raise Conflict(HELD_FROM_ACTOR, code="held_from_you")


FIELD_NAMES = {"题干": "stem", "答案": "answer", "选项": "options"}
CONTENT_FIELDS = (
    "type",
    "stem",
    "options",
    "answer",
    "scoring_points",
    "explanation",
    "difficulty",
    "default_points",
    "tags",
    "source_passage",
    "source_quote",
    "source_start",
    "source_end",
)
VERSIONED_STATUSES = {Question.Status.PUBLISHED, Question.Status.RETIRED}


def validate_content(data: dict[str, Any]) -> None:
    """Check (and put in stored shape) a question's type, stem, options and key."""
    kind = question_types.get(data["type"])
    data["answer"] = kind.normalize_key(data.get("answer"))
    problems = check_question(
        data["type"], data.get("stem", ""), data.get("options") or [], data.get("answer")
    )
    if not kind.has_options and data.get("options"):
        data["options"] = []
    if problems:
        errors: dict[str, list[str]] = {}
        for name, message in problems:
            key = FIELD_NAMES.get(name, "options" if name.startswith("选项") else name)
            errors.setdefault(key, []).append(message)
        raise InvalidInput(INVALID_QUESTION, errors)


def _render(question: Question) -> None:
    question.stem_html = render_question_text(question.stem)
    question.explanation_html = render_question_text(question.explanation)
    question.fingerprint = similarity.fingerprint(question.stem, question.options)


def _check_kps(user: User, kps: list[KnowledgePoint]) -> None:
    allowed = set(
        selectors.visible_knowledge_points(user)
        .filter(pk__in=[k.pk for k in kps])
        .values_list("pk", flat=True)
    )
    for position, kp in enumerate(kps, start=1):
        if kp.pk not in allowed:  # by its place, not its name: the name is not theirs to read
            message = KP_OUT_OF_SCOPE.format(position=position)
            raise InvalidInput(message, {"knowledge_points": [message]})


def _check_passage(user: User, passage) -> None:
    """A question cites only passages of materials its author may read: another township's
    material would otherwise show through the question's source (its title, its text)."""
    if passage is None:
        return
    if not selectors.citable_materials(user).filter(pk=passage.material_id).exists():
        raise InvalidInput(PASSAGE_OUT_OF_SCOPE, {"source_passage": [PASSAGE_OUT_OF_SCOPE]})


def find_similar(question: Question, limit: int = 5) -> list[dict[str, Any]]:
    """Current questions of the same bank whose text is close to this one."""
    tokens = similarity.shingles(similarity.question_text(question.stem, question.options))
    others = Question.objects.filter(bank_id=question.bank_id, is_current=True).exclude(
        lineage=question.lineage
    )
    threshold = conf.duplicate_threshold()
    found = []
    for pk, stem, options in others.values_list("pk", "stem", "options").iterator():
        score = similarity.jaccard(
            tokens, similarity.shingles(similarity.question_text(stem, options))
        )
        if score >= threshold:
            found.append({"id": pk, "stem": stem[:80], "score": round(score, 3)})
    return sorted(found, key=lambda item: -item["score"])[:limit]


def prepare_question(
    *, bank: Bank, data: dict[str, Any], status: str, actor: User | None, **provenance
) -> Question:
    """An unsaved, validated and rendered question: the one way every path (the API, the
    generator, the imports) makes a new question. `provenance` holds generation fields."""
    validate_content(data)
    if data.get("default_points") in (None, ""):
        data["default_points"] = question_types.default_points(data["type"])
    question = Question(
        bank=bank,
        created_by=actor,
        status=status,
        **{k: v for k, v in data.items() if k in CONTENT_FIELDS},
        **provenance,
    )
    question.default_points = Decimal(question.default_points).quantize(Decimal("0.01"))
    _render(question)
    return question


@transaction.atomic
def create_question(
    *, actor: User, bank: Bank, data: dict[str, Any], status: str = Question.Status.DRAFT
) -> Question:
    if not selectors.can_manage_bank(actor, bank):
        raise NotFound()
    check_not_held_from(actor, bank)
    kps = list(data.pop("knowledge_points", []) or [])
    question = prepare_question(bank=bank, data=data, status=status, actor=actor)
    _check_kps(actor, kps)
    _check_passage(actor, question.source_passage)
    question.full_clean(exclude=["lineage"])
    question.save()
    question.knowledge_points.set(kps)
    QuestionReview.objects.create(
        question=question, action="create", from_status="", to_status=status, actor=actor
    )
    return question


@transaction.atomic
def update_question(*, actor: User, question: Question, data: dict[str, Any]) -> Question:
    """Apply changes; a published (or retired) question gets a new version row instead."""
    question = Question.objects.select_for_update().get(pk=question.pk)
    if not question.is_current:
        raise Conflict(NOT_CURRENT_VERSION)
    if not selectors.can_manage_bank(actor, question.bank):
        raise NotFound()
    check_not_held_from(actor, question.bank, question.lineage)
    kps = data.pop("knowledge_points", None)
    merged = {name: getattr(question, name) for name in CONTENT_FIELDS}
    merged.update({k: v for k, v in data.items() if k in CONTENT_FIELDS})
    validate_content(merged)
    if "source_passage" in data and data["source_passage"] != question.source_passage:
        _check_passage(actor, data["source_passage"])
    if kps is not None:
        _check_kps(actor, kps)
    else:
        kps = list(question.knowledge_points.all())
    if question.status in VERSIONED_STATUSES:
        question = _new_version(actor, question, merged)
    else:
        for name, value in merged.items():
            setattr(question, name, value)
        _render(question)
        question.full_clean(exclude=["lineage"])
        question.save()
    question.knowledge_points.set(kps)
    return question


def _new_version(actor: User, old: Question, merged: dict[str, Any]) -> Question:
    old.is_current = False
    old.save(update_fields=["is_current", "updated_at"])
    latest = Question.objects.filter(lineage=old.lineage).aggregate(v=Max("version"))["v"]
    new = Question(
        bank=old.bank,
        lineage=old.lineage,
        version=latest + 1,
        status=old.status,
        created_by=actor,
        generation_batch=old.generation_batch,
        generation_rule=old.generation_rule,
        quality=old.quality,
        **merged,
    )
    _render(new)
    new.full_clean(exclude=["lineage"])
    new.save()
    QuestionReview.objects.create(
        question=new,
        action="new_version",
        from_status=old.status,
        to_status=new.status,
        actor=actor,
        comment=f"由第 {old.version} 版修改而来",
    )
    return new


PUBLISHED_NOT_DELETABLE = "已发布或停用的试题不能删除，请使用“停用”"
IN_USE = "该试题已被试卷或答卷引用，不能删除"


@transaction.atomic
def delete_question(*, actor: User, question: Question) -> None:
    """Only drafts and pending questions that nothing refers to may be deleted."""
    from django.db.models import ProtectedError

    if not selectors.can_manage_bank(actor, question.bank):
        raise NotFound()
    if question.status in VERSIONED_STATUSES or question.version > 1:
        raise Conflict(PUBLISHED_NOT_DELETABLE)
    try:
        question.delete()
    except ProtectedError as exc:
        raise Conflict(IN_USE) from exc
