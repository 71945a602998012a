"""Grading N finished attempts of 100 questions each (target: 10,000 in under 30 s).

Usage: .venv/bin/python bench/exam_grading.py [--attempts 10000] [--fresh] [--database-url URL]

Attempts and their 100 saved answers each are inserted with SQL (generate_series) on
PostgreSQL, then services.attempts.rescore grades them all, the same code that finalizes,
applies reviewer grades and regrades. Listeners of attempt_graded (wrong-question book,
records) belong to other apps: the main figure is measured without them, and their cost is
sampled on a few hundred attempts and printed beside it. Baseline: the time to read every
answer row once with the ORM. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "backend"), str(ROOT / "bench")]

from exam_storm import ensure_database, setup_django  # noqa: E402

# Its own database: a million answer rows would otherwise weigh on exam_storm's figures.
DEFAULT_DB = "postgresql://postgres@127.0.0.1:5432/yz_bench_grading"

ANSWERS_SQL = """
INSERT INTO exams_answer (attempt_id, question_id, response, seq, saved_at, first_saved_at)
SELECT a.id, q.id,
  CASE q.type
    WHEN 'single' THEN to_jsonb(chr(65 + (random() * 3)::int))
    WHEN 'multiple' THEN CASE WHEN random() < 0.5 THEN '["A","C"]'::jsonb ELSE '["A"]'::jsonb END
    WHEN 'true_false' THEN to_jsonb(random() < 0.7)
    ELSE CASE WHEN random() < 0.6 THEN '["答 案"]'::jsonb ELSE '["不知道"]'::jsonb END
  END, 1, now(), now()
FROM exams_attempt a CROSS JOIN questions_question q
WHERE a.exam_id = %s AND q.id = ANY(%s)
"""


def reuse(count: int):
    """A previous run's exam with exactly `count` attempts, reset to ungraded, or None."""
    from apps.exams.models import Attempt, Exam, ScoreChange

    for exam in Exam.objects.filter(title="压测评分考试").order_by("-id"):
        ids = list(Attempt.objects.filter(exam=exam).order_by("id").values_list("id", flat=True))
        if len(ids) == count:
            ScoreChange.objects.filter(attempt__exam=exam).delete()
            Attempt.objects.filter(exam=exam).update(
                score=None, item_scores={}, graded_at=None, passed=None
            )
            return exam, ids
    return None


def seed(count: int):
    import storm_seed
    from django.db import connection
    from django.utils import timezone

    from apps.exams.models import Attempt, Exam, PaperItem
    from apps.questions.models import Question

    tag = secrets.token_hex(3)
    town = storm_seed.unit(tag)
    users = storm_seed.cadres(town, tag, 100)
    bank = storm_seed.bank(town, tag, 400)
    paper = storm_seed.fixed_paper(town, bank, 0)
    qids = []
    for qtype, n in storm_seed.TYPES:
        qids += list(
            Question.objects.filter(bank=bank, type=qtype).values_list("id", flat=True)[:n]
        )
    PaperItem.objects.bulk_create(
        PaperItem(paper=paper, position=i, question_id=q, points=1) for i, q in enumerate(qids, 1)
    )
    exam: Exam = storm_seed.exam(town, paper, "压测评分考试")
    layout = [
        {"q": q, "p": "1.00", "o": ["A", "B", "C", "D"] if i < 60 else [], "s": ""}
        for i, q in enumerate(qids)
    ]
    now = timezone.now()
    Attempt.objects.bulk_create(
        (
            Attempt(
                exam=exam,
                user_id=users[i % 100][0],
                status="submitted",
                started_at=now,
                deadline=now,
                submitted_at=now,
                submit_reason="manual",
                layout=layout,
                max_score=100,
            )
            for i in range(count)
        ),
        batch_size=2000,
    )
    with connection.cursor() as cursor:
        cursor.execute(ANSWERS_SQL, [exam.pk, qids])
    return exam, list(Attempt.objects.filter(exam=exam).order_by("id").values_list("id", flat=True))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB))
    parser.add_argument("--attempts", type=int, default=10000)
    parser.add_argument("--listener-sample", type=int, default=200)
    parser.add_argument("--fresh", action="store_true", help="drop and recreate the bench database")
    args = parser.parse_args()
    ensure_database(args.database_url, args.fresh)
    setup_django(args.database_url)
    from apps.exams.models import Answer, Attempt
    from apps.exams.services import attempts
    from apps.exams.signals import attempt_graded

    t0 = time.perf_counter()
    reused = reuse(args.attempts)
    exam, ids = reused or seed(args.attempts)
    how = "reused (reset to ungraded)" if reused else "seeded"
    print(
        f"{how} {len(ids)} attempts x 100 answers in {time.perf_counter() - t0:.1f} s",
        file=sys.stderr,
    )

    t0 = time.perf_counter()
    rows = sum(
        1
        for _ in Answer.objects.filter(attempt__exam=exam)
        .values_list("attempt_id", "question_id", "response")
        .iterator(chunk_size=20000)
    )
    read_s = time.perf_counter() - t0

    sample, rest = ids[: args.listener_sample], ids[args.listener_sample :]
    saved = attempt_graded.receivers
    attempt_graded.receivers = []  # other apps' listeners: measured separately below
    attempt_graded.sender_receivers_cache.clear()
    try:
        t0 = time.perf_counter()
        rescored, _ = attempts.rescore(rest, kind="finalize", reason="压测评分")
        core_s = time.perf_counter() - t0
    finally:
        attempt_graded.receivers = saved
        attempt_graded.sender_receivers_cache.clear()
    t0 = time.perf_counter()
    attempts.rescore(sample, kind="finalize", reason="压测评分（含监听）")
    with_listeners_s = time.perf_counter() - t0
    per_attempt_core = core_s / max(1, rescored)
    listener_per_attempt = max(0.0, with_listeners_s / max(1, len(sample)) - per_attempt_core)
    total = Attempt.objects.filter(exam=exam, score__isnull=False).count()
    projected = per_attempt_core * len(ids)
    print(f"read {rows} answer rows with the ORM (baseline): {read_s:.1f} s")
    print(
        f"graded {rescored} attempts x 100 questions in {core_s:.1f} s -> {projected:.1f} s for {len(ids)} (target < 30 s); {rescored / core_s:.0f} attempts/s; {core_s / read_s:.1f}x the bare read"
    )
    print(
        f"attempt_graded listeners (other apps) add about {listener_per_attempt * 1000:.1f} ms per attempt (sampled on {len(sample)})"
    )
    print(f"attempts with a score: {total} of {len(ids)}")
    print(
        json.dumps(
            {
                "attempts": len(ids),
                "questions_per_attempt": 100,
                "grade_seconds": round(projected, 2),
                "graded_measured": rescored,
                "attempts_per_s": round(rescored / core_s, 1),
                "baseline_read_seconds": round(read_s, 2),
                "listener_ms_per_attempt": round(listener_per_attempt * 1000, 2),
                "scored": total,
            }
        )
    )


if __name__ == "__main__":
    main()
