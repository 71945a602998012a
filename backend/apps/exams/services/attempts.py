"""The only place an attempt's state changes: start, save answer, submit, expire, events,
and setting its score (finalize, reviewer grades, regrade).

Finalising does only what the score needs inside the request (freeze, grade, commit);
attempt_graded's listeners follow after commit (services.graded_feed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from apps.common.errors import Conflict, Forbidden, NotFound
from apps.exams import conf, held_keys
from apps.exams.models import Attempt, AttemptEvent, Exam, ScoreChange, SubjectiveGrade
from apps.exams.services import answer_store, extra_time, graded_feed, papers, scoring
from apps.exams.services.exams import in_audience
from apps.exams.services.responses import check_device, check_response, check_seq

NOT_IN_AUDIENCE = "您不在本次考试的参考范围内"
NOT_PUBLISHED = "考试未发布或已取消"
NOT_OPEN = "考试尚未开始，请在开考后进入"
CLOSED = "考试已结束，不能再开始作答"
NO_ATTEMPTS_LEFT = "您的考试次数已用完"
ATTEMPT_NOT_FOUND = "答卷不存在或无权访问"
QUESTION_NOT_IN_ATTEMPT = "本答卷中没有这道题"
TIME_UP = "考试时间已到，本次作答未能保存"
ALREADY_SUBMITTED = "本次考试已交卷，不能再修改答案"
FOCUS_LOSS_SUBMITTED = "您切出考试页面已超过 {limit} 次，系统已自动交卷"
SUBMITTED_NOTICE = "本次考试已交卷"

IN_PROGRESS = Attempt.Status.IN_PROGRESS
SUBMITTED = Attempt.Status.SUBMITTED


# --- start ------------------------------------------------------------------------------
def start_or_resume(exam: Exam, user) -> tuple[Attempt, bool, dict | None]:
    """(attempt, created, how each question is shown when freshly drawn: {id: Shown}).
    Refusals raise with a code.

    Under a rush every cadre starts within a minute, so a fresh start costs the paper's size
    and never the bank's: the draw and the questions' looks come from this process's copies
    (services.papers, services.presentation), and the one write is a single INSERT."""
    if not in_audience(exam, user):
        raise Forbidden(NOT_IN_AUDIENCE, code="not_in_audience")
    if exam.status != Exam.Status.PUBLISHED:
        raise Conflict(NOT_PUBLISHED, code="not_published")
    now = timezone.now()
    mine = list(
        Attempt.objects.filter(exam=exam, user=user).only("id", "status", "deadline", "exam_id")
    )
    current = next((a for a in mine if a.status == IN_PROGRESS), None)
    if current is not None:
        current = finalize_if_expired(current, now)
        if current.status == IN_PROGRESS:
            current = Attempt.objects.select_related("exam").get(pk=current.pk)
            return current, False, None
    state = exam.state(now)
    if state == "upcoming":
        raise Conflict(NOT_OPEN, code="not_open")
    if state == "closed":
        raise Conflict(CLOSED, code="closed")
    if len(mine) >= exam.attempts_allowed:
        raise Conflict(NO_ATTEMPTS_LEFT, code="no_attempts_left")
    # A mock or practice exam draws nothing whose key a formal exam still holds from them.
    held = None if exam.kind == Exam.Kind.FORMAL else held_keys.held_for(user, except_exam=exam)
    layout, shown = papers.freeze_layout(exam, held=held)
    try:
        attempt = _insert_attempt(
            exam=exam,
            user=user,
            started_at=now,
            deadline=attempt_deadline(exam, now),
            layout=layout,
            max_score=sum((scoring.q2(e["p"]) for e in layout), scoring.ZERO),
        )
    except IntegrityError:  # a parallel tap created it first: resume that one
        return Attempt.objects.get(exam=exam, user=user, status=IN_PROGRESS), False, None
    answer_store.put_meta(attempt, {qid: entry.spec for qid, entry in shown.items()})
    # After the INSERT, which waits for a grant racing it (see services.extra_time).
    extra_time.catch_up(attempt)
    return attempt, True, shown


def _insert_attempt(**fields) -> Attempt:
    """One autocommitted INSERT (no BEGIN/COMMIT round trips). Inside a caller's transaction
    it runs in a savepoint, so a duplicate start leaves that transaction usable."""
    if connection.in_atomic_block:
        with transaction.atomic():
            return Attempt.objects.create(**fields)
    return Attempt.objects.create(**fields)


def attempt_deadline(exam: Exam, started_at: datetime) -> datetime:
    """When a new attempt must be in, before the person's extra time (which
    extra_time.catch_up adds, past the window's end if need be): its duration from the
    start, and never after the window closes. The one place a start's deadline is decided."""
    return min(started_at + timedelta(minutes=exam.duration_minutes), exam.closes_at)


# --- saves -------------------------------------------------------------------------------
def _meta_for(attempt_id: int, user) -> dict:
    meta = answer_store.get_meta(attempt_id)
    if meta is None or meta["u"] != user.pk:
        raise NotFound(ATTEMPT_NOT_FOUND)
    return meta


def save_answer(
    attempt_id: int, user, question_id: int, response, seq, device: str = "", sent_at=None
) -> dict:
    """Store one answer if (seq, device) is the highest the server holds for the question.

    `sent_at` is when the request reached the site (its arrival stamp): the deadline plus
    grace is judged by it, so a save queued behind a storm of submits is not counted late."""
    meta = _meta_for(attempt_id, user)
    rows = [(question_id, response, seq, device, "")]
    return _save_many(attempt_id, meta, rows, sent_at)[0]


def save_batch(attempt_id: int, user, answers: list[dict], sent_at=None) -> list[dict]:
    """Same rules per item as save_answer, all or nothing: every item is checked before any
    is stored, and the items are stored in one transaction, so a submit landing meanwhile
    either grades all of them (it waits) or none (the batch gets 409 and stores nothing).
    Each result says whether that item was stored (accepted) or what the server keeps."""
    meta = _meta_for(attempt_id, user)
    rows = [
        (
            a.get("question_id"),
            a.get("response"),
            a.get("seq"),
            a.get("device", ""),
            f"answers.{i}.",
        )
        for i, a in enumerate(answers)
    ]
    return _save_many(attempt_id, meta, rows, sent_at, atomic=True)


def _save_many(
    attempt_id: int, meta: dict, rows: list[tuple], sent_at=None, atomic: bool = False
) -> list[dict]:
    for question_id, response, seq, device, prefix in rows:
        spec = meta["q"].get(str(question_id))
        if spec is None:
            raise NotFound(QUESTION_NOT_IN_ATTEMPT)
        check_seq(seq, f"{prefix}seq")
        check_device(device, f"{prefix}device")
        check_response(spec, response, f"{prefix}response")
    now = sent_at or timezone.now()
    grace = timedelta(seconds=conf.save_grace_seconds())
    if meta["s"] != IN_PROGRESS:
        raise Conflict(ALREADY_SUBMITTED, code="submitted")
    if now.timestamp() > meta["d"] + grace.total_seconds():
        _finalize_by_id(attempt_id, Attempt.SubmitReason.DEADLINE)
        raise Conflict(TIME_UP, code="time_up")
    deadline = datetime.fromtimestamp(meta["d"], tz=UTC)
    if atomic:
        try:
            with transaction.atomic():
                return _store(attempt_id, rows, now, grace, in_batch=True, deadline=deadline)
        except _LateInBatch:
            _finalize_by_id(attempt_id, Attempt.SubmitReason.DEADLINE)
            raise Conflict(TIME_UP, code="time_up") from None
    return _store(attempt_id, rows, now, grace, in_batch=False, deadline=deadline)


class _LateInBatch(Exception):
    """Rolls a batch back; the attempt is finalized once the batch's transaction is gone."""


def _store(attempt_id: int, rows: list[tuple], now, grace, in_batch: bool, deadline) -> list[dict]:
    """`deadline` goes back in every reply: extra time given meanwhile reaches the phone."""
    results = []
    # Rows in question order, so two batches of one attempt never wait on each other crosswise.
    for question_id, response, seq, device, _ in sorted(rows, key=lambda r: str(r[0])):
        if answer_store.upsert(attempt_id, question_id, response, seq, device, now, now - grace):
            results.append(
                {
                    "question_id": question_id,
                    "response": response,
                    "seq": seq,
                    "device": device,
                    "saved_at": now,
                    "accepted": True,
                    "deadline": deadline,
                }
            )
        else:
            results.append(
                {
                    **_not_written(attempt_id, question_id, now, grace, in_batch),
                    "deadline": deadline,
                }
            )
    order = {str(row[0]): i for i, row in enumerate(rows)}
    return sorted(results, key=lambda r: order[str(r["question_id"])])


def _not_written(attempt_id: int, question_id: int, now, grace, in_batch: bool) -> dict:
    """The upsert wrote nothing: the server holds a higher (seq, device), which the reply
    carries so the phone shows it, or the attempt stopped taking answers."""
    status, deadline = Attempt.objects.filter(pk=attempt_id).values_list("status", "deadline").get()
    if status != IN_PROGRESS:
        answer_store.mark_submitted(attempt_id)
        raise Conflict(ALREADY_SUBMITTED, code="submitted")
    if now > deadline + grace:
        if in_batch:
            raise _LateInBatch
        _finalize_by_id(attempt_id, Attempt.SubmitReason.DEADLINE)
        raise Conflict(TIME_UP, code="time_up")
    stored = answer_store.stored_answer(attempt_id, question_id)
    return {"question_id": question_id, **stored, "accepted": False}


# --- submit and expiry -----------------------------------------------------------------
def submit(attempt: Attempt, reason: str = Attempt.SubmitReason.MANUAL, actor=None) -> Attempt:
    """Idempotent: a submitted attempt is returned unchanged."""
    return _finalize_by_id(attempt.pk, reason, actor)


def submit_own(attempt_id: int, user) -> Attempt:
    """The cadre's own submit: the ownership check and the row lock are one query."""
    return _finalize_by_id(attempt_id, Attempt.SubmitReason.MANUAL, owner=user)


def _finalize_by_id(attempt_id: int, reason: str, actor=None, owner=None) -> Attempt:
    with transaction.atomic():
        # The row lock makes in-flight saves (FOR SHARE) finish first or see the submit.
        # Only the attempt's own row is locked, never the exam that every cadre shares.
        query = (
            Attempt.objects.select_for_update(of=("self",))
            .select_related("exam")
            .filter(pk=attempt_id)
        )
        if owner is not None:
            query = query.filter(user=owner)
        attempt = query.first()
        if attempt is None:
            raise NotFound(ATTEMPT_NOT_FOUND)
        if attempt.status == SUBMITTED:
            return attempt
        _finalize([attempt], reason, actor, timezone.now())
    answer_store.mark_submitted(attempt.pk)
    return attempt


def _finalize(batch: list[Attempt], reason: str, actor, now) -> None:
    """Grade and store locked, in-progress attempts (inside the caller's transaction): the
    score, its history, subjective items for reviewers. Everything else follows after commit."""
    results = scoring.compute_many(batch)
    grades, history = [], []
    for attempt in batch:
        attempt.status = SUBMITTED
        attempt.submit_reason = reason
        attempt.submitted_at = attempt.deadline if reason == Attempt.SubmitReason.DEADLINE else now
        result = results[attempt.pk]
        grades += [
            SubjectiveGrade(attempt=attempt, question_id=qid, points=points)
            for qid, points in result.subjective
        ]
        _apply(attempt, result, now)
        attempt.feed_applied_at = None  # its feed is due
        history.append(
            ScoreChange(
                attempt=attempt,
                kind=ScoreChange.Kind.FINALIZE,
                old_score=None,
                new_score=attempt.score,
                reason=Attempt.SubmitReason(reason).label,
                actor=actor,
            )
        )
    if grades:
        SubjectiveGrade.objects.bulk_create(grades, ignore_conflicts=True)
    answer_store.store_finalized(batch)
    ScoreChange.objects.bulk_create(history)
    # The wrong-question book, records and other listeners: after commit, off the request.
    graded_feed.after_commit([a.pk for a in batch])


def _apply(attempt: Attempt, result: scoring.AttemptScore, now) -> None:
    attempt.item_scores = result.item_scores
    attempt.score = result.score
    attempt.max_score = result.max_score
    attempt.pending_review = result.pending_review
    attempt.passed = None if result.pending_review else result.score >= attempt.exam.pass_mark
    attempt.graded_at = now


def finalize_if_expired(attempt: Attempt, now=None) -> Attempt:
    now = now or timezone.now()
    grace = timedelta(seconds=conf.save_grace_seconds())
    if attempt.status == IN_PROGRESS and now > attempt.deadline + grace:
        return _finalize_by_id(attempt.pk, Attempt.SubmitReason.DEADLINE)
    return attempt


SWEEP_BATCH = 200


def finalize_expired(now=None, batch: int = SWEEP_BATCH) -> int:
    """The periodic sweep: finalize every attempt past deadline + grace, `batch` attempts per
    transaction (graded together, stored in a few statements); returns how many. Attempts a
    submit is finalising at this moment are skipped (SKIP LOCKED): that submit does it."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=conf.save_grace_seconds())
    ids = list(
        Attempt.objects.filter(status=IN_PROGRESS, deadline__lt=cutoff)
        .order_by("pk")
        .values_list("id", flat=True)
    )
    done = 0
    for start in range(0, len(ids), batch):
        with transaction.atomic():
            attempts = list(
                Attempt.objects.select_for_update(of=("self",), skip_locked=True)
                .select_related("exam")
                .filter(pk__in=ids[start : start + batch], status=IN_PROGRESS)
                .order_by("pk")
            )
            if attempts:
                _finalize(attempts, Attempt.SubmitReason.DEADLINE, None, timezone.now())
        for attempt in attempts:
            answer_store.mark_submitted(attempt.pk)
        done += len(attempts)
    return done


# --- events ------------------------------------------------------------------------------
def record_event(attempt: Attempt, kind: str, detail: str = "") -> dict:
    attempt = finalize_if_expired(attempt)
    if attempt.status == SUBMITTED:
        return _event_reply(attempt, True, SUBMITTED_NOTICE)
    AttemptEvent.objects.create(attempt=attempt, kind=kind, detail=detail[:500])
    if kind != AttemptEvent.Kind.FOCUS_LOSS:
        return _event_reply(attempt, False, "")
    Attempt.objects.filter(pk=attempt.pk, status=IN_PROGRESS).update(
        focus_loss_count=F("focus_loss_count") + 1
    )
    attempt.refresh_from_db(fields=["focus_loss_count", "status"])
    limit = attempt.exam.focus_loss_limit
    if limit is not None and attempt.focus_loss_count > limit:
        _finalize_by_id(attempt.pk, Attempt.SubmitReason.FOCUS_LOSS)
        return _event_reply(attempt, True, FOCUS_LOSS_SUBMITTED.format(limit=limit))
    return _event_reply(attempt, False, "")


def _event_reply(attempt: Attempt, submitted: bool, detail: str) -> dict:
    return {
        "focus_loss_count": attempt.focus_loss_count,
        "focus_loss_limit": attempt.exam.focus_loss_limit,
        "submitted": submitted,
        "detail": detail,
    }


# --- rescoring (reviewer grades, regrade) --------------------------------------------------
def rescore(
    attempt_ids: list[int], *, kind: str, reason: str, actor=None, chunk: int = 500
) -> tuple[int, int]:
    """Recompute scores of submitted attempts; returns (rescored, changed). Each change is
    kept in ScoreChange and announced with attempt_graded."""
    rescored = changed = 0
    keys: dict = {}
    for start in range(0, len(attempt_ids), chunk):
        with transaction.atomic():
            batch = list(
                Attempt.objects.select_for_update(of=("self",))
                .select_related("exam")
                .filter(pk__in=attempt_ids[start : start + chunk], status=SUBMITTED)
            )
            missing = {qid for a in batch for qid in a.question_ids} - keys.keys()
            keys.update(scoring.load_keys(missing))
            results = scoring.compute_many(batch, keys)
            now = timezone.now()
            dirty, history = [], []
            for attempt in batch:
                old, old_pending = attempt.score, attempt.pending_review
                new = results[attempt.pk]
                if (new.score, new.item_scores, new.pending_review) == (
                    old,
                    attempt.item_scores,
                    old_pending,
                ):
                    continue
                _apply(attempt, new, now)
                dirty.append(attempt)
                if new.score != old or new.pending_review != old_pending:
                    history.append(
                        ScoreChange(
                            attempt=attempt,
                            kind=kind,
                            old_score=old,
                            new_score=new.score,
                            reason=reason,
                            actor=actor,
                        )
                    )
            answer_store.store_scores(dirty)  # also marks their feed as due again
            ScoreChange.objects.bulk_create(history)
            graded_feed.after_commit([a.pk for a in dirty])
        rescored += len(batch)
        changed += len(history)
    return rescored, changed


# --- deadline changes (services.lifecycle: extra time, a longer window, closing early) ----
def move_deadline(attempt: Attempt, deadline) -> None:
    """Set an attempt's deadline in the database and in the save path's cached facts."""
    Attempt.objects.filter(pk=attempt.pk).update(deadline=deadline)
    attempt.deadline = deadline
    answer_store.set_deadline(attempt.pk, deadline)
