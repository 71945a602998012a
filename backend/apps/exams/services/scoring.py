"""Scoring whole attempts from their saved answers, in bulk (finalize, review, regrade).

Answers are read as raw JSON text and each distinct (question, text, option order) is
decoded and scored once: most responses repeat ("B", true, ["A","C"]), which keeps grading
10,000 attempts of 100 questions well under the 30 s target.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection

from apps.exams.models import Attempt, Exam, SubjectiveGrade
from apps.exams.services.grading import SUBJECTIVE, ZERO, ItemScore, q2, score_item
from apps.questions.models import Question


@dataclass
class AttemptScore:
    item_scores: dict
    score: Decimal
    max_score: Decimal
    pending_review: bool
    subjective: list[tuple[int, Decimal]]  # (question id, points) needing a reviewer


def load_keys(question_ids) -> dict[int, tuple[str, object]]:
    rows = Question.objects.filter(id__in=set(question_ids)).values_list("id", "type", "answer")
    return {qid: (qtype, answer) for qid, qtype, answer in rows}


def _raw_answers(attempt_ids: list[int]) -> dict[int, dict[int, str | None]]:
    """{attempt id: {question id: response as JSON text}} in one query."""
    out: dict[int, dict[int, str | None]] = {pk: {} for pk in attempt_ids}
    marks = ", ".join(["%s"] * len(attempt_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT attempt_id, question_id, response FROM exams_answer WHERE attempt_id IN ({marks})",
            attempt_ids,
        )
        for attempt_id, qid, text in cursor.fetchall():
            out[attempt_id][qid] = (
                text if text is None or isinstance(text, str) else json.dumps(text)
            )
    return out


class _Scorer:
    """Scores (question, raw response, order, points) once per distinct combination."""

    def __init__(self, keys: dict, partial: bool):
        self.keys, self.partial, self.memo = keys, partial, {}

    def __call__(self, qid: int, raw: str | None, order, points: str) -> tuple[ItemScore, dict]:
        """(score, the item's entry for Attempt.item_scores); entries are shared, never mutated."""
        memo_key = (qid, raw, tuple(order or ()), points)
        hit = self.memo.get(memo_key)
        if hit is None:
            qtype, key = self.keys.get(qid, ("", None))
            response = None if raw is None else json.loads(raw)
            result = score_item(qtype, key, response, Decimal(points), order, self.partial)
            hit = (result, {"s": str(result.score), "c": result.correct})
            self.memo[memo_key] = hit
        return hit


def compute_many(attempts: list[Attempt], keys: dict | None = None) -> dict[int, AttemptScore]:
    """Score each attempt from its stored answers and any reviewer grades."""
    if not attempts:
        return {}
    ids = [a.pk for a in attempts]
    raw = _raw_answers(ids)
    reviewed: dict[int, dict[int, Decimal | None]] = {pk: {} for pk in ids}
    if any(keys_type in SUBJECTIVE for keys_type in _types(attempts, keys)):
        for attempt_id, qid, score in SubjectiveGrade.objects.filter(
            attempt_id__in=ids
        ).values_list("attempt_id", "question_id", "score"):
            reviewed[attempt_id][qid] = score
    if keys is None:
        keys = load_keys(qid for a in attempts for qid in a.question_ids)
    scorers = {
        policy: _Scorer(keys, policy == Exam.MultiplePolicy.PARTIAL)
        for policy in Exam.MultiplePolicy.values
    }
    return {
        a.pk: compute_one(a, raw[a.pk], reviewed[a.pk], keys, scorers[a.exam.multiple_policy])
        for a in attempts
    }


def _types(attempts: list[Attempt], keys: dict | None):
    if keys is None:
        return SUBJECTIVE  # unknown yet: look the grades up
    return {keys.get(qid, ("",))[0] for a in attempts for qid in a.question_ids}


def compute_one(
    attempt: Attempt, raw: dict, reviewed: dict, keys: dict, scorer: _Scorer
) -> AttemptScore:
    items: dict[str, dict] = {}
    total, max_total, pending = ZERO, ZERO, False
    subjective = []
    for entry in attempt.layout:
        qid, points = entry["q"], entry["p"]
        qtype = keys.get(qid, ("",))[0]
        max_total += Decimal(points)
        if qtype in SUBJECTIVE:
            subjective.append((qid, q2(points)))
            given = reviewed.get(qid)
            if given is None:
                pending = True
                items[str(qid)] = {"s": "0.00", "c": None}
                continue
            given = q2(given)
            items[str(qid)] = {"s": str(given), "c": given >= q2(points)}
            total += given
            continue
        result, items[str(qid)] = scorer(qid, raw.get(qid), entry.get("o"), points)
        total += result.score
    return AttemptScore(items, q2(total), q2(max_total), pending, subjective)
