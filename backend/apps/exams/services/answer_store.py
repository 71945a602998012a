"""The lean storage under the save path: an attempt's facts from cache and one upsert.

No decisions about an attempt's state are made here; services.attempts makes them.
"""

from __future__ import annotations

import json

from django.core.cache import cache
from django.db import connection

from apps.exams.models import Answer, Attempt
from apps.questions.models import Question
from question_bank import question_types

META_KEY = "exams:attempt:{id}"


# One statement: insert, or replace only when the new (seq, device) is higher (two devices
# that sent the same seq are ordered by their ids), and only while the attempt is in
# progress and the request was sent before deadline + grace. On PostgreSQL FOR SHARE makes a save
# wait for a concurrent submit (which locks the attempt row) and then see it submitted;
# saves never block each other. SQLite serializes writers, which gives the same order.
_UPSERT = """
INSERT INTO exams_answer (attempt_id, question_id, response, seq, device, saved_at, first_saved_at)
SELECT a.id, %s, {json}, %s, %s, %s, %s FROM exams_attempt a
WHERE a.id = %s AND a.status = 'in_progress' AND a.deadline > %s{lock}
ON CONFLICT (attempt_id, question_id) DO UPDATE
SET response = excluded.response, seq = excluded.seq, device = excluded.device,
    saved_at = excluded.saved_at
WHERE (excluded.seq, excluded.device) > (exams_answer.seq, exams_answer.device)
RETURNING seq
"""


def _upsert_sql() -> str:
    if connection.vendor == "postgresql":
        return _UPSERT.format(json="%s::jsonb", lock=" FOR SHARE OF a")
    return _UPSERT.format(json="%s", lock="")


def upsert(attempt_id: int, question_id: int, response, seq: int, device: str, now, cutoff) -> bool:
    """Store the answer if its (seq, device) is the highest; True when this call wrote it.
    Outside a transaction it runs in autocommit, so a True result is committed before the
    caller answers."""
    ops = connection.ops
    stamp = ops.adapt_datetimefield_value(now)
    params = [
        question_id,
        json.dumps(response, ensure_ascii=False),
        seq,
        device,
        stamp,
        stamp,
        attempt_id,
        ops.adapt_datetimefield_value(cutoff),
    ]
    with connection.cursor() as cursor:
        cursor.execute(_upsert_sql(), params)
        return cursor.fetchone() is not None


def stored_answer(attempt_id: int, question_id: int) -> dict | None:
    return (
        Answer.objects.filter(attempt_id=attempt_id, question_id=question_id)
        .values("response", "seq", "device", "saved_at")
        .first()
    )


def question_spec(question: Question) -> list:
    """[type, option count, blank count]: enough to validate a response's shape."""
    blanks = question_types.get(question.type).blank_count(question.stem, question.answer)
    return [question.type, len(question.options or []), blanks]


def build_meta(attempt: Attempt, specs: dict[int, list]) -> dict:
    return {
        "u": attempt.user_id,
        "s": attempt.status,
        "d": attempt.deadline.timestamp(),
        "q": {str(qid): specs[qid] for qid in attempt.question_ids if qid in specs},
    }


def put_meta(attempt: Attempt, specs: dict[int, list]) -> dict:
    meta = build_meta(attempt, specs)
    cache.set(META_KEY.format(id=attempt.pk), meta, 6 * 3600)
    return meta


def get_meta(attempt_id: int) -> dict | None:
    """From the cache, else from the database (and cached again); None if no such attempt."""
    meta = cache.get(META_KEY.format(id=attempt_id))
    if meta is not None:
        return meta
    attempt = Attempt.objects.filter(pk=attempt_id).first()
    if attempt is None:
        return None
    questions = Question.objects.filter(id__in=attempt.question_ids).only(
        "id", "type", "options", "answer", "stem"
    )
    return put_meta(attempt, {q.pk: question_spec(q) for q in questions})


def mark_submitted(attempt_id: int) -> None:
    key = META_KEY.format(id=attempt_id)
    meta = cache.get(key)
    if meta is not None:
        meta["s"] = Attempt.Status.SUBMITTED
        cache.set(key, meta, 6 * 3600)


def set_deadline(attempt_id: int, deadline) -> None:
    key = META_KEY.format(id=attempt_id)
    meta = cache.get(key)
    if meta is not None:
        meta["d"] = deadline.timestamp()
        cache.set(key, meta, 6 * 3600)


# Scores computed by services.attempts, written back in bulk, one pipelined UPDATE per
# attempt (much cheaper than bulk_update's CASE expressions). A new score makes its feed
# (wrong-question book, records) due again.
_SCORE_SET = (
    "item_scores = {json}, score = %s, max_score = %s, pending_review = %s, passed = %s,"
    " graded_at = %s, feed_applied_at = NULL"
)
_STORE_SQL = "UPDATE exams_attempt SET " + _SCORE_SET + " WHERE id = %s"
_FINALIZED_SQL = (
    "UPDATE exams_attempt SET status = %s, submit_reason = %s, submitted_at = %s, "
    + _SCORE_SET
    + " WHERE id = %s"
)


def store_scores(dirty: list[Attempt]) -> None:
    _execute_per_attempt(_STORE_SQL, [(*_score_values(a), a.pk) for a in dirty])


def store_finalized(attempts: list[Attempt]) -> None:
    """Finalized attempts: status, reason, time and score."""
    ops = connection.ops
    rows = [
        (
            a.status,
            a.submit_reason,
            ops.adapt_datetimefield_value(a.submitted_at),
            *_score_values(a),
            a.pk,
        )
        for a in attempts
    ]
    _execute_per_attempt(_FINALIZED_SQL, rows)


def _score_values(a: Attempt) -> tuple:
    ops = connection.ops
    return (
        json.dumps(a.item_scores),
        ops.adapt_decimalfield_value(a.score, 7, 2),
        ops.adapt_decimalfield_value(a.max_score, 7, 2),
        a.pending_review,
        a.passed,
        ops.adapt_datetimefield_value(a.graded_at),
    )


def _execute_per_attempt(sql: str, rows: list[tuple]) -> None:
    if not rows:
        return
    sql = sql.format(json="%s::jsonb" if connection.vendor == "postgresql" else "%s")
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
