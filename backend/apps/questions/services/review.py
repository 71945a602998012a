"""The review workflow: 草稿 → 待审 → 已发布 → 停用, every step logged with who, when, why.

A reviewer may edit a pending question and approve it in one step (edit-then-approve);
a rejection must name a reason from a fixed list so the generator's weak rules show.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from apps.accounts.models import User
from apps.common.errors import Conflict, DomainError, InvalidInput, NotFound
from apps.questions import selectors
from apps.questions.models import Question, QuestionReview
from apps.questions.services.questions import update_question

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
