"""Generated drafts: run the plain-Python generator over a material's passages and store
its candidates as 待审 questions of one review batch; count how each rule fares."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Q

from apps.accounts.models import User
from apps.common.errors import Conflict, InvalidInput, NotFound
from apps.questions import selectors
from apps.questions.models import (
    Bank,
    GenerationBatch,
    KnowledgePoint,
    Material,
    Question,
    QuestionReview,
)
from apps.questions.services.materials import as_document
from apps.questions.services.rendering import render_question_text
from apps.questions.services.review import REJECT_REASONS
from question_bank.generate import QUESTION_TYPES, generate
from question_bank.similarity import fingerprint

MATERIAL_NOT_READY = "材料尚未处理完成，暂不能生成试题"
UNKNOWN_TYPES = "不支持的题型：{types}（可选：{choices}）"
NOTHING_GENERATED = "未能从该材料生成任何试题"


def _answer(candidate: dict):
    if candidate["type"] == "fill_in":
        if candidate.get("accepted"):  # a number: its digits and its Chinese numerals
            return [list(forms) for forms in candidate["accepted"]]
        return [[a] if isinstance(a, str) else list(a) for a in candidate["answer"]]
    return candidate["answer"]


def _scoring_points(candidate: dict, total: Decimal) -> list[dict]:
    points = candidate.get("scoring_points") or []
    if not points:
        return []
    share = (total / len(points)).quantize(Decimal("0.01"))
    return [{"point": p, "score": str(share)} for p in points]


@transaction.atomic
def generate_for_material(
    *,
    actor: User,
    material: Material,
    bank: Bank,
    types: list[str] | None = None,
    max_per_type: int | None = None,
    seed: int = 0,
) -> GenerationBatch:
    if not selectors.can_manage_bank(actor, bank):
        raise NotFound()
    if material.status != Material.Status.READY:
        raise Conflict(MATERIAL_NOT_READY)
    unknown = sorted(set(types or []) - set(QUESTION_TYPES))
    if unknown:
        message = UNKNOWN_TYPES.format(types="、".join(unknown), choices="、".join(QUESTION_TYPES))
        raise InvalidInput(message, {"types": [message]})
    result = generate(
        as_document(material), types=types or None, max_per_type=max_per_type, seed=seed
    )
    passages = {p.key: p for p in material.passages.all()}
    kps = {
        kp.name: kp for kp in KnowledgePoint.objects.filter(org_unit=material.org_unit, parent=None)
    }
    batch = GenerationBatch.objects.create(
        material=material,
        bank=bank,
        created_by=actor,
        params={"types": types or list(QUESTION_TYPES), "max_per_type": max_per_type, "seed": seed},
        candidate_count=len(result.candidates),
    )
    for candidate in (c.to_dict() for c in result.candidates):
        points = Decimal("10.00") if candidate["type"] == "short_answer" else Decimal("2.00")
        source = candidate["source"]
        question = Question.objects.create(
            bank=bank,
            type=candidate["type"],
            stem=candidate["stem"],
            stem_html=render_question_text(candidate["stem"]),
            options=candidate["options"],
            answer=_answer(candidate),
            explanation=candidate["explanation"],
            explanation_html=render_question_text(candidate["explanation"]),
            difficulty=min(5, max(1, int(candidate["difficulty"]))),
            default_points=points,
            scoring_points=_scoring_points(candidate, points),
            source_passage=passages.get(source["passage_id"]),
            source_quote=source["quote"],
            source_start=source["start"],
            source_end=source["end"],
            status=Question.Status.PENDING,
            fingerprint=fingerprint(candidate["stem"], candidate["options"]),
            generation_batch=batch,
            generation_rule=candidate["rule"][:64],
            quality=candidate["quality"],
            created_by=actor,
        )
        names = candidate.get("knowledge_points") or []
        for name in names:
            if name not in kps:
                kps[name] = KnowledgePoint.objects.create(
                    org_unit=material.org_unit,
                    name=name[:100],
                    status=KnowledgePoint.Status.SUGGESTED,
                )
        question.knowledge_points.set([kps[n] for n in names])
        QuestionReview.objects.create(
            question=question,
            action="generate",
            from_status="",
            to_status=question.status,
            actor=actor,
        )
    return batch


def generator_stats(actor: User) -> list[dict]:
    """Per generating rule: how many drafts, approved (with and without edits), rejected by reason."""
    questions = Question.objects.filter(bank__in=selectors.managed_banks(actor)).exclude(
        generation_rule=""
    )
    rows: dict[str, dict] = defaultdict(
        lambda: {
            "generated": 0,
            "pending": 0,
            "approved": 0,
            "approved_edited": 0,
            "rejected": 0,
            "reasons": dict.fromkeys(REJECT_REASONS, 0),
        }
    )
    for rule, status, count in (
        questions.filter(version=1).values_list("generation_rule", "status").annotate(n=Count("id"))
    ):
        rows[rule]["generated"] += count
        if status == Question.Status.PENDING:
            rows[rule]["pending"] += count
    reviews = QuestionReview.objects.filter(question__in=questions).filter(
        Q(action__in=["approve", "edit_approve"], from_status=Question.Status.PENDING)
        | Q(action="reject")
    )
    for rule, action, reason, count in reviews.values_list(
        "question__generation_rule", "action", "reason"
    ).annotate(n=Count("id")):
        if action == "reject":
            rows[rule]["rejected"] += count
            rows[rule]["reasons"][reason] = rows[rule]["reasons"].get(reason, 0) + count
        else:
            rows[rule]["approved" if action == "approve" else "approved_edited"] += count
    result = []
    for rule, row in sorted(rows.items()):
        decided = row["approved"] + row["approved_edited"] + row["rejected"]
        rate = round((row["approved"] + row["approved_edited"]) / decided, 3) if decided else None
        result.append({"rule": rule, **row, "approval_rate": rate})
    return result
