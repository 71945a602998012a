"""The review workflow: 草稿 → 待审 → 已发布 → 停用, every step logged with who, when, why.

A reviewer may edit a pending question and approve it in one step (edit-then-approve);
a rejection must name a reason from a fixed list so the generator's weak rules show.
Two transitions start from an exam rather than from the bank: item analysis flags a
published question back to 待审 (`flag_question`), and a wrong key is corrected in place
on the version the attempts froze (`correct_key`).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from apps.accounts.models import User
from apps.common.errors import Conflict, DomainError, InvalidInput, NotFound
from apps.questions import selectors
from apps.questions.models import Question, QuestionReview
from apps.questions.services.questions import check_not_held_from, update_question
from question_bank import question_types

S = Question.Status
REJECT_REASONS = {
    "ungrammatical": "语句不通顺",
    "wrong_answer": "答案错误",
    "weak_distractors": "干扰项不合理",
    "trivial": "考点无意义",
    "duplicate": "与已有试题重复",
    "other": "其他",
}
TRANSITIONS = {
    "submit": ({S.DRAFT}, S.PENDING),
    "approve": ({S.DRAFT, S.PENDING}, S.PUBLISHED),
    "reject": ({S.PENDING}, S.DRAFT),
    "retire": ({S.PUBLISHED}, S.RETIRED),
    "restore": ({S.RETIRED}, S.PUBLISHED),
}
UNKNOWN_ACTION = "未知的审核操作：{action}"
BAD_TRANSITION = "试题当前为“{status}”，不能执行“{action}”"
REASON_REQUIRED = "退回时必须选择原因"
UNKNOWN_REASON = "未知的退回原因：{reason}"
OTHER_NEEDS_COMMENT = "原因为“其他”时请填写说明"
EDITS_ONLY_ON_APPROVE = "只有通过审核时才能同时修改试题"
SUBJECTIVE_KEY = "主观题没有标准答案可更正，请由评审员改判"
KEY_CORRECTION = "key_correction"  # the QuestionReview action of a correction
FLAG = "flag"
ACTION_LABELS = {
    "submit": "提交审核",
    "approve": "通过",
    "reject": "退回",
    "retire": "停用",
    "restore": "恢复",
}


def _validate(action: str, reason: str, comment: str, changes: dict | None) -> None:
    if action not in TRANSITIONS:
        raise InvalidInput(
            UNKNOWN_ACTION.format(action=action), {"action": [UNKNOWN_ACTION.format(action=action)]}
        )
    if changes and action != "approve":
        raise InvalidInput(EDITS_ONLY_ON_APPROVE, {"changes": [EDITS_ONLY_ON_APPROVE]})
    if action == "reject":
        if not reason:
            raise InvalidInput(REASON_REQUIRED, {"reason": [REASON_REQUIRED]})
        if reason not in REJECT_REASONS:
            raise InvalidInput(
                UNKNOWN_REASON.format(reason=reason),
                {"reason": [UNKNOWN_REASON.format(reason=reason)]},
            )
        if reason == "other" and not comment.strip():
            raise InvalidInput(OTHER_NEEDS_COMMENT, {"comment": [OTHER_NEEDS_COMMENT]})


def review_many(*, actor: User, questions: list[Question], action: str) -> dict:
    """Apply one action to several questions; each succeeds or fails on its own (a question
    changed meanwhile is reported, the others still go through)."""
    done, failed = [], []
    for question in questions:
        try:
            review_question(actor=actor, question=question, action=action)
        except DomainError as exc:
            failed.append({"id": question.pk, "detail": exc.message})
        else:
            done.append(question.pk)
    return {"done": done, "failed": failed}


@transaction.atomic
def review_question(
    *,
    actor: User,
    question: Question,
    action: str,
    comment: str = "",
    reason: str = "",
    changes: dict[str, Any] | None = None,
) -> Question:
    _validate(action, reason, comment, changes)
    question = (
        Question.objects.select_for_update().select_related("bank__org_unit").get(pk=question.pk)
    )
    if not selectors.can_manage_bank(actor, question.bank):
        raise NotFound()
    check_not_held_from(actor, question.bank, question.lineage)
    allowed_from, to_status = TRANSITIONS[action]
    if question.status not in allowed_from or not question.is_current:
        raise Conflict(
            BAD_TRANSITION.format(
                status=question.get_status_display(), action=ACTION_LABELS[action]
            )
        )
    from_status = question.status
    logged_action = action
    if changes:
        question = update_question(actor=actor, question=question, data=dict(changes))
        logged_action = "edit_approve"
    question.status = to_status
    question.save(update_fields=["status", "updated_at"])
    QuestionReview.objects.create(
        question=question,
        action=logged_action,
        from_status=from_status,
        to_status=to_status,
        reason=reason if action == "reject" else "",
        comment=comment,
        actor=actor,
    )
    return question


@transaction.atomic
def flag_question(*, question: Question, actor: User | None, reason: str, comment: str) -> bool:
    """A published question goes back to 待审 with a note (e.g. an exam's item analysis
    found it does not discriminate); False when it is no longer published."""
    question = (
        Question.objects.select_for_update()
        .filter(pk=question.pk, status=Question.Status.PUBLISHED)
        .first()
    )
    if question is None:
        return False
    question.status = Question.Status.PENDING
    question.save(update_fields=["status", "updated_at"])
    QuestionReview.objects.create(
        question=question,
        action=FLAG,
        from_status=Question.Status.PUBLISHED,
        to_status=Question.Status.PENDING,
        reason=reason,
        comment=comment,
        actor=actor,
    )
    return True


def check_key(question: Question, answer) -> object:
    """The corrected key in stored shape, checked by the question's type; InvalidInput
    names the field `answer`."""
    kind = question_types.get(question.type)
    if kind.subjective:
        raise InvalidInput(SUBJECTIVE_KEY, {"answer": [SUBJECTIVE_KEY]})
    answer = kind.normalize_key(answer)
    problems = question_types.check_question(
        question.type, question.stem, question.options or [], answer
    )
    if problems:
        messages = [message for _, message in problems]
        raise InvalidInput(messages[0], {"answer": messages})
    return answer


@transaction.atomic
def correct_key(*, question: Question, answer, actor: User | None, reason: str) -> object:
    """Correct a wrong key IN PLACE on this version (everyone who saw it was scored against
    the wrong key); the old key is logged. Returns the old key."""
    answer = check_key(question, answer)
    question = Question.objects.select_for_update().get(pk=question.pk)
    old = question.answer
    question.answer = answer
    question.save(update_fields=["answer", "updated_at"])
    QuestionReview.objects.create(
        question=question,
        action=KEY_CORRECTION,
        from_status=question.status,
        to_status=question.status,
        reason="answer_key",
        comment=f"更正答案：{old!r} → {answer!r}；原因：{reason}",
        actor=actor,
    )
    return old
