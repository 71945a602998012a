"""Generated drafts: run the plain-Python generator over a material's passages and store
its candidates as 待审 questions of one review batch; count how each rule fares."""

from __future__ import annotations

import logging
from collections import defaultdict
from decimal import Decimal

from django.conf import settings
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
from apps.questions.services.questions import check_not_held_from, prepare_question
from apps.questions.services.review import REJECT_REASONS
from question_bank import question_types
from question_bank.errors import GenerationOptionError
from question_bank.generate import QUESTION_TYPES, generate, registry

log = logging.getLogger(__name__)

MATERIAL_NOT_READY = "材料尚未处理完成，暂不能生成试题"
COUNTS_EMPTY = "请至少为一种题型填写题数"
GENERATION_FAILED = "生成失败：内部错误，请稍后重试或联系管理员"
UNKNOWN_TYPES = "不支持的题型：{types}（可选：{choices}）"
NOTHING_GENERATED = "未能从该材料生成任何试题"
NOTHING_GENERATED_STRICT = (
    "按“严格”范围未能从该材料生成试题：讲话、通知等非法规材料只出写明国家出处的规定。"
    "可改用“宽松”范围重新生成，草稿更多，须逐题审核"
)

# How widely the rules run. strict (default): the rules that held on documents nobody tuned
# them for, per kind of document; broad: every switched-on rule on any document.
STRICT, BROAD = "strict", "broad"
GENERATION_MODES = [(STRICT, "严格"), (BROAD, "宽松")]


def _answer(candidate: dict):
    if candidate.get("accepted"):  # fill-in numbers: their digits and their Chinese numerals
        return [list(forms) for forms in candidate["accepted"]]
    return candidate["answer"]


def _scoring_points(candidate: dict, total: Decimal) -> list[dict]:
    points = candidate.get("scoring_points") or []
    if not points:
        return []
    share = (total / len(points)).quantize(Decimal("0.01"))
    return [{"point": p, "score": str(share)} for p in points]


def _check_request(
    actor: User, material: Material, bank: Bank, types: list[str], counts: dict[str, int]
) -> None:
    if not selectors.can_manage_bank(actor, bank):
        raise NotFound()
    check_not_held_from(actor, bank)
    if material.status != Material.Status.READY:
        raise Conflict(MATERIAL_NOT_READY)
    unknown = sorted((set(types) | set(counts)) - set(QUESTION_TYPES))
    if unknown:
        message = UNKNOWN_TYPES.format(types="、".join(unknown), choices="、".join(QUESTION_TYPES))
        raise InvalidInput(message, {"types": [message]})
    if counts and not any(counts.values()):
        raise InvalidInput(COUNTS_EMPTY, {"counts": [COUNTS_EMPTY]})


def start_generation(
    *,
    actor: User,
    material: Material,
    bank: Bank,
    types: list[str] | None = None,
    max_per_type: int | None = None,
    counts: dict[str, int] | None = None,
    seed: int = 0,
    mode: str = STRICT,
) -> GenerationBatch:
    """Queue a generation batch: `counts` asks for how many of each type (or `types` with
    `max_per_type`). It runs as a Celery task (in-process when Redis is not set); poll the
    batch's `status`."""
    asked = counts or {}
    counts = {t: n for t, n in asked.items() if n}
    types = list(counts) or list(types or [])
    _check_request(actor, material, bank, types, asked)
    batch = GenerationBatch.objects.create(
        material=material,
        bank=bank,
        created_by=actor,
        status=GenerationBatch.Status.QUEUED,
        params={
            "types": types or list(QUESTION_TYPES),
            "max_per_type": max_per_type,
            "counts": counts,
            "seed": seed,
            "mode": mode,
        },
    )
    from apps.questions.tasks import generate_batch_task

    if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        generate_batch_task.delay(batch.pk)
    else:  # a worker must not look for the row before it is committed
        transaction.on_commit(lambda: generate_batch_task.delay(batch.pk))
    batch.refresh_from_db()
    return batch


def run_batch(batch_id: int) -> GenerationBatch:
    """The task's body: generate the batch's drafts, or record why it failed."""
    batch = GenerationBatch.objects.select_related("material", "bank", "created_by").get(
        pk=batch_id
    )
    if batch.status not in (GenerationBatch.Status.QUEUED, GenerationBatch.Status.FAILED):
        return batch  # a redelivered task: the batch ran already
    GenerationBatch.objects.filter(pk=batch.pk).update(status=GenerationBatch.Status.RUNNING)
    try:
        with transaction.atomic():
            _fill(batch)
    except GenerationOptionError as exc:
        return _failed(batch, exc.message)
    except Exception:  # a generator bug must not leave the batch "running" forever
        log.exception("generation batch %s failed", batch.pk)
        return _failed(batch, GENERATION_FAILED)
    return batch


def _failed(batch: GenerationBatch, message: str) -> GenerationBatch:
    batch.status = GenerationBatch.Status.FAILED
    batch.error = message
    batch.save(update_fields=["status", "error", "updated_at"])
    return batch


def _fill(batch: GenerationBatch) -> None:
    params, material, actor = batch.params, batch.material, batch.created_by
    document = as_document(material)
    counts = params.get("counts") or {}
    if counts:
        # One run per type: a cited span then serves each requested type, not only the
        # type the generator ranks first for it.
        runs = [([kind], n) for kind, n in counts.items()]
    else:
        runs = [(params.get("types") or None, params.get("max_per_type"))]
    broad = params.get("mode") == BROAD
    rules = registry.broad_rules() if broad else None
    candidates = [
        candidate.to_dict()
        for types, limit in runs
        for candidate in generate(
            document,
            types=types,
            max_per_type=limit,
            seed=params.get("seed", 0),
            rules=rules,
            local_figures=broad,
        ).candidates
    ]
    passages = {p.key: p for p in material.passages.all()}
    kps = {
        kp.name: kp for kp in KnowledgePoint.objects.filter(org_unit=material.org_unit, parent=None)
    }
    stored = sum(_store(batch, candidate, passages, kps, actor) for candidate in candidates)
    batch.candidate_count = stored
    batch.status = GenerationBatch.Status.DONE
    batch.error = "" if stored else (NOTHING_GENERATED if broad else NOTHING_GENERATED_STRICT)
    batch.save(update_fields=["candidate_count", "status", "error", "updated_at"])


def _store(batch, candidate: dict, passages: dict, kps: dict, actor) -> bool:
    """Store one candidate as a pending draft; one the type registry rejects is left out."""
    material = batch.material
    points = question_types.default_points(candidate["type"])
    source = candidate["source"]
    data = {
        "type": candidate["type"],
        "stem": candidate["stem"],
        "options": candidate["options"],
        "answer": _answer(candidate),
        "explanation": candidate["explanation"],
        "difficulty": min(5, max(1, int(candidate["difficulty"]))),
        "default_points": points,
        "scoring_points": _scoring_points(candidate, points),
        "source_passage": passages.get(source["passage_id"]),
        "source_quote": source["quote"],
        "source_start": source["start"],
        "source_end": source["end"],
    }
    try:
        question = prepare_question(
            bank=batch.bank,
            data=data,
            status=Question.Status.PENDING,
            actor=actor,
            generation_batch=batch,
            generation_rule=candidate["rule"][:64],
            quality=candidate["quality"],
        )
    except InvalidInput as exc:
        log.warning("generated candidate %s left out: %s", candidate["rule"], exc.errors)
        return False
    question.save()
    names = candidate.get("knowledge_points") or []
    for name in names:
        if name not in kps:
            kps[name] = KnowledgePoint.objects.create(
                org_unit=material.org_unit,
                name=name[:100],
                status=KnowledgePoint.Status.SUGGESTED,
            )
    question.knowledge_points.set([kps[n] for n in names])
    if question.source_passage is not None:
        # The material's 知识点 tab lists points by their passages: there the admin confirms,
        # renames or merges what the generator suggested.
        for name in names:
            kps[name].passages.add(question.source_passage)
    QuestionReview.objects.create(
        question=question,
        action="generate",
        from_status="",
        to_status=question.status,
        actor=actor,
    )
    return True


def generate_for_material(**kwargs) -> GenerationBatch:
    """Generate at once and return the finished batch (demo data, scripts)."""
    batch = start_generation(**kwargs)
    if batch.status == GenerationBatch.Status.QUEUED:
        batch = run_batch(batch.pk)
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
