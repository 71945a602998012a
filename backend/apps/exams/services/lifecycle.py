"""An exam's life after it is set: publish (draft → published), and once it is open only
extend the window, give one person extra time (also before they start), close early or
cancel, each with a reason kept in ExamLog. Editing before it opens is
services.exams.save_exam."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from apps.common.errors import Conflict, InvalidInput
from apps.exams.models import Attempt, Exam, ExamLog
from apps.exams.services import attempts
from apps.exams.services import extra_time as extra_time_grants
from apps.exams.services.exams import in_audience

ONLY_DRAFT = "只有草稿状态的考试可以发布"
ONLY_OPEN = "只有正在进行的考试可以{action}"
ONLY_NOT_ENDED = "只有未开始或正在进行的考试可以延时"
ALREADY_CANCELLED = "考试已经取消"
EXTEND_LATER = "新的结束时间必须晚于原结束时间（{current}）"
NOT_IN_AUDIENCE = "该考生不在本场考试的参考范围内，不能延时"
NO_ATTEMPTS_LEFT = "该考生已交卷，考试次数已用完，延时不会生效"
REASON_REQUIRED = "请填写原因"
NOTICES_WITHDRAWN = "考试通知已同时撤回"
NOTICE_TITLE = "考试通知：{title}"
NOTICE_BODY = (
    "考试「{title}」将于 {opens} 开始，{closes} 结束，答题时长 {minutes} 分钟。请按时参加。"
)


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(REASON_REQUIRED, errors={"reason": [REASON_REQUIRED]})
    return reason


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def _locked(exam: Exam) -> Exam:
    return Exam.objects.select_for_update().select_related("org_unit").get(pk=exam.pk)


@transaction.atomic
def publish(exam: Exam, actor, *, notice: bool = False, notice_body: str = "") -> Exam:
    """Draft → published; optionally a notice to exactly the exam's audience: the people of
    its units (within the organizing unit's subtree; the organizing unit when only roles are
    chosen), with sub-units only if the exam includes them, of its roles, and the people it
    names."""
    exam = _locked(exam)
    if exam.status != Exam.Status.DRAFT:
        raise Conflict(ONLY_DRAFT, code="not_draft")
    exam.status = Exam.Status.PUBLISHED
    exam.save(update_fields=["status", "updated_at"])
    detail = ""
    if notice:
        from apps.notices.services import create_notice

        inside = exam.org_unit.path
        units = [u.pk for u in exam.audience_units.all() if u.path.startswith(inside)]
        if not units and exam.audience_roles:
            units = [exam.org_unit_id]
        named = exam.audience_users.filter(org_unit__path__startswith=inside)
        body = (notice_body or "").strip() or NOTICE_BODY.format(
            title=exam.title,
            opens=_local(exam.opens_at),
            closes=_local(exam.closes_at),
            minutes=exam.duration_minutes,
        )
        create_notice(
            actor,
            title=NOTICE_TITLE.format(title=exam.title)[:100],
            body=body,
            org_unit=exam.org_unit_id,
            audience_units=units,
            include_subunits=exam.include_subunits,
            audience_roles=exam.audience_roles or [],
            audience_users=list(named.values_list("pk", flat=True)),
            exam=exam,
        )
        detail = "已向参考人员发布考试通知"
    ExamLog.objects.create(exam=exam, kind=ExamLog.Kind.PUBLISH, detail=detail, actor=actor)
    return exam


def _require_open(exam: Exam, action: str) -> None:
    if exam.state() != "open":
        raise Conflict(ONLY_OPEN.format(action=action), code="not_open")


@transaction.atomic
def extend(exam: Exam, actor, *, closes_at, reason: str) -> Exam:
    """A later end; attempts that the old end cut short get the time back (up to the new end,
    plus the person's extra time)."""
    reason = _reason(reason)
    exam = _locked(exam)
    _require_open(exam, "延长时间")
    old = exam.closes_at
    if closes_at <= old:
        message = EXTEND_LATER.format(current=_local(old))
        raise InvalidInput(message, errors={"closes_at": [message]})
    exam.closes_at = closes_at
    exam.save(update_fields=["closes_at", "updated_at"])
    duration = timedelta(minutes=exam.duration_minutes)
    # Row locks: a grant's catch-up moving one of these waits, then re-reads what this set.
    for attempt in Attempt.objects.select_for_update(of=("self",)).filter(
        exam=exam, status=Attempt.Status.IN_PROGRESS
    ):
        wanted = min(attempt.started_at + duration, closes_at)
        wanted += timedelta(minutes=attempt.extra_minutes)
        if wanted > attempt.deadline:
            attempts.move_deadline(attempt, wanted)
    ExamLog.objects.create(
        exam=exam,
        kind=ExamLog.Kind.EXTEND,
        reason=reason,
        detail=f"结束时间由 {_local(old)} 延至 {_local(closes_at)}",
        actor=actor,
    )
    return exam


@transaction.atomic
def extra_time(exam: Exam, actor, *, user, minutes: int, reason: str) -> Attempt | None:
    """`minutes` more for one person, kept as their grant (services.extra_time): an attempt in
    progress moves that much later at once (past the window's end if need be: the attempt's
    own deadline is what counts); someone who has not started gets the grant on top of the
    deadline of the attempt they start. Returns the attempt moved, if any."""
    reason = _reason(reason)
    exam = _locked(exam)
    if exam.state() not in ("upcoming", "open"):
        raise Conflict(ONLY_NOT_ENDED, code="not_open")
    attempt = (
        Attempt.objects.select_for_update()
        .filter(exam=exam, user=user, status=Attempt.Status.IN_PROGRESS)
        .first()
    )
    if attempt is None:
        _check_can_start(exam, user)
    total = extra_time_grants.add(exam, user, minutes)
    if attempt is None:
        detail = f"为{user.display_name}延时 {minutes} 分钟，开始作答时生效（共延时 {total} 分钟）"
    else:
        old = attempt.deadline
        extra_time_grants.catch_up(attempt)
        detail = (
            f"为{user.display_name}延时 {minutes} 分钟，"
            f"交卷截止由 {_local(old)} 改为 {_local(attempt.deadline)}"
        )
    ExamLog.objects.create(
        exam=exam,
        kind=ExamLog.Kind.EXTRA_TIME,
        reason=reason,
        detail=detail,
        user=user,
        actor=actor,
    )
    return attempt


def _check_can_start(exam: Exam, user) -> None:
    """A grant for someone not answering now must be one they can still use."""
    if not in_audience(exam, user):
        raise InvalidInput(NOT_IN_AUDIENCE, errors={"user": [NOT_IN_AUDIENCE]})
    if Attempt.objects.filter(exam=exam, user=user).count() >= exam.attempts_allowed:
        raise InvalidInput(NO_ATTEMPTS_LEFT, errors={"user": [NO_ATTEMPTS_LEFT]})


def _stop_attempts(exam: Exam) -> int:
    """Every attempt in progress ends now and is scored as answered so far."""
    now = timezone.now()
    stopping = list(Attempt.objects.filter(exam=exam, status=Attempt.Status.IN_PROGRESS))
    for attempt in stopping:
        attempts.move_deadline(attempt, min(attempt.deadline, now))
        attempts.submit(attempt, Attempt.SubmitReason.DEADLINE)
    return len(stopping)


@transaction.atomic
def close_early(exam: Exam, actor, *, reason: str) -> Exam:
    reason = _reason(reason)
    exam = _locked(exam)
    _require_open(exam, "提前结束")
    exam.closes_at = timezone.now()
    exam.save(update_fields=["closes_at", "updated_at"])
    stopped = _stop_attempts(exam)
    ExamLog.objects.create(
        exam=exam,
        kind=ExamLog.Kind.CLOSE,
        reason=reason,
        detail=f"于 {_local(exam.closes_at)} 结束，{stopped} 份作答中的答卷已交卷",
        actor=actor,
    )
    return exam


@transaction.atomic
def cancel(exam: Exam, actor, *, reason: str) -> Exam:
    """The exam disappears from cadres' lists; answers in progress are handed in and kept."""
    reason = _reason(reason)
    exam = _locked(exam)
    if exam.status == Exam.Status.CANCELLED:
        raise Conflict(ALREADY_CANCELLED, code="cancelled")
    exam.status = Exam.Status.CANCELLED
    exam.save(update_fields=["status", "updated_at"])
    stopped = _stop_attempts(exam)
    from apps.notices.services import withdraw_exam_notices

    withdrawn = withdraw_exam_notices(exam)
    details = [
        f"{stopped} 份作答中的答卷已交卷" if stopped else "",
        NOTICES_WITHDRAWN if withdrawn else "",
    ]
    ExamLog.objects.create(
        exam=exam,
        kind=ExamLog.Kind.CANCEL,
        reason=reason,
        detail="；".join(d for d in details if d),
        actor=actor,
    )
    return exam
