"""Practice sessions by knowledge point, bank, material or passage, with feedback after every answer."""

from __future__ import annotations

import datetime as dt
import random

from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.common.errors import Conflict, InvalidInput, NotFound
from apps.questions.models import KnowledgePoint, Passage, Question
from apps.questions.selectors import visible_materials
from apps.training import conf, selectors
from apps.training.models import AnswerSource, PracticeAnswer, PracticeSession
from apps.training.services.answers import record_answer

PRACTICE_TARGET_REQUIRED = "请选择一个知识点或一个题库"
PRACTICE_TARGET_BOTH = "知识点、题库、材料和段落只能选择一个"
PRACTICE_BANK_NOT_FOUND = "题库不存在或不对您开放"
PRACTICE_KP_NOT_FOUND = "知识点不存在"
PRACTICE_MATERIAL_NOT_FOUND = "学习资料不存在或不对您开放"
PRACTICE_PASSAGE_NOT_FOUND = "段落不存在或不对您开放"
PRACTICE_EMPTY = "所选范围内暂无可练习的题目"
PRACTICE_COUNT_RANGE = "题目数量应在 1 到 {max} 之间"
PRACTICE_SESSION_NOT_FOUND = "练习不存在"
PRACTICE_QUESTION_NOT_IN_SESSION = "本次练习中没有这道题"
PRACTICE_ALREADY_ANSWERED = "本题已作答，请继续下一题"


def start_session(
    user: User,
    *,
    knowledge_point: int | None = None,
    bank: int | None = None,
    material: int | None = None,
    passage: int | None = None,
    count: int | None = None,
    seed: int | None = None,
) -> PracticeSession:
    targets = {
        "knowledge_point": knowledge_point,
        "bank": bank,
        "material": material,
        "passage": passage,
    }
    chosen_targets = [name for name, value in targets.items() if value]
    if len(chosen_targets) > 1:
        field = chosen_targets[-1]
        raise InvalidInput(PRACTICE_TARGET_BOTH, errors={field: [PRACTICE_TARGET_BOTH]})
    if not chosen_targets:
        raise InvalidInput(
            PRACTICE_TARGET_REQUIRED, errors={"knowledge_point": [PRACTICE_TARGET_REQUIRED]}
        )
    count = conf.practice_default_size() if count is None else count
    if not 1 <= count <= conf.practice_max_size():
        message = PRACTICE_COUNT_RANGE.format(max=conf.practice_max_size())
        raise InvalidInput(message, errors={"count": [message]})

    field = chosen_targets[0]
    pool, kp_obj, bank_obj = _scoped_pool(user, field, targets[field])
    candidates = sorted(set(pool.order_by().values_list("id", flat=True)))
    if not candidates:
        raise InvalidInput(PRACTICE_EMPTY, errors={field: [PRACTICE_EMPTY]})
    # Questions the cadre already got right come last, so practice reaches new ground first.
    right = PracticeAnswer.objects.filter(user=user, is_correct=True).values("lineage")
    mastered = set(pool.filter(lineage__in=right).values_list("id", flat=True))
    rng = random.Random(seed)
    fresh = [qid for qid in candidates if qid not in mastered]
    chosen = rng.sample(fresh, min(count, len(fresh)))
    if len(chosen) < count:
        rest = [qid for qid in candidates if qid in mastered]
        chosen += rng.sample(rest, min(count - len(chosen), len(rest)))
    return PracticeSession.objects.create(
        user=user, knowledge_point=kp_obj, bank=bank_obj, question_ids=chosen
    )


def _scoped_pool(user: User, field: str, target_id: int):
    """The practisable questions of one target, with the knowledge point or bank to record."""
    pool = selectors.practice_questions(user)
    if field == "bank":
        bank_obj = selectors.available_banks(user).filter(pk=target_id).first()
        if bank_obj is None:
            raise NotFound(PRACTICE_BANK_NOT_FOUND, errors={"bank": [PRACTICE_BANK_NOT_FOUND]})
        return pool.filter(bank=bank_obj), None, bank_obj
    if field == "knowledge_point":
        confirmed = KnowledgePoint.objects.filter(status=KnowledgePoint.Status.CONFIRMED)
        kp_obj = confirmed.filter(pk=target_id).first()
        if kp_obj is None:
            raise NotFound(
                PRACTICE_KP_NOT_FOUND, errors={"knowledge_point": [PRACTICE_KP_NOT_FOUND]}
            )
        return pool.filter(knowledge_points=kp_obj), kp_obj, None
    # A material or one passage of it: only materials the cadre may read.
    materials = visible_materials(user)
    if field == "material":
        if not materials.filter(pk=target_id).exists():
            raise NotFound(
                PRACTICE_MATERIAL_NOT_FOUND, errors={field: [PRACTICE_MATERIAL_NOT_FOUND]}
            )
        return pool.filter(source_passage__material_id=target_id), None, None
    if not Passage.objects.filter(pk=target_id, material__in=materials).exists():
        raise NotFound(PRACTICE_PASSAGE_NOT_FOUND, errors={field: [PRACTICE_PASSAGE_NOT_FOUND]})
    return pool.filter(source_passage_id=target_id), None, None


def passage_counts(user: User, material_id: int) -> list[dict]:
    """Where the reader shows "练一练": passages with practisable questions, in order."""
    if not visible_materials(user).filter(pk=material_id).exists():
        raise NotFound(
            PRACTICE_MATERIAL_NOT_FOUND, errors={"material": [PRACTICE_MATERIAL_NOT_FOUND]}
        )
    return selectors.passage_practice_counts(user, material_id)


def get_session(user: User, session_id: int) -> PracticeSession:
    session = PracticeSession.objects.filter(pk=session_id, user=user).first()
    if session is None:
        raise NotFound(PRACTICE_SESSION_NOT_FOUND)
    return session


def answer(
    user: User, session_id: int, question_id: int, response, now: dt.datetime | None = None
) -> dict:
    session = get_session(user, session_id)
    if question_id not in session.question_ids:
        raise NotFound(
            PRACTICE_QUESTION_NOT_IN_SESSION,
            errors={"question_id": [PRACTICE_QUESTION_NOT_IN_SESSION]},
        )
    if session.answers.filter(question_id=question_id).exists():
        raise Conflict(PRACTICE_ALREADY_ANSWERED)
    question = Question.objects.select_related("source_passage").get(pk=question_id)
    try:
        with transaction.atomic():
            result = record_answer(
                user=user,
                question=question,
                response=response,
                source=AnswerSource.PRACTICE,
                session=session,
                now=now or timezone.now(),
            )
    except IntegrityError as exc:  # a double tap racing the check above
        raise Conflict(PRACTICE_ALREADY_ANSWERED) from exc
    return result.feedback
