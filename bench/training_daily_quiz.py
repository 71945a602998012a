"""Benchmark: training reads and writes on a 10,000-question bank.

Figures (ms per call, p50 and p95 over N cadres who each have a practice history):
building today's 每日一练 (due reviews, mastery per knowledge point, weak-point draw), starting
a 10-question practice session, and answering one question (grade, answer row, wrong book,
Leitner card). Baseline: fetching one question by primary key through the ORM on the same
database, so the figures read as "how many primary-key fetches is this".

    .venv/bin/python bench/training_daily_quiz.py [--questions 10000] [--cadres 50]
"""

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "backend"), str(ROOT)]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def build(questions: int, cadres: int):
    import datetime as dt
    from decimal import Decimal

    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from apps.accounts.models import User
    from apps.accounts.services.units import ensure_unit_path
    from apps.questions.models import Bank, KnowledgePoint, Question
    from apps.training.models import AnswerSource, PracticeAnswer, ReviewCard

    county = ensure_unit_path(["基准县"])
    village = ensure_unit_path(["基准县", "基准镇", "基准村"])
    bank = Bank.objects.create(name="基准题库", org_unit=county)
    kps = KnowledgePoint.objects.bulk_create(
        [KnowledgePoint(name=f"知识点{i}", org_unit=county) for i in range(100)]
    )
    options = [{"key": k, "text": f"选项{k}"} for k in "ABCD"]
    rows = Question.objects.bulk_create(
        [
            Question(
                bank=bank,
                type="single",
                stem=f"基准题{i}",
                options=options,
                answer="B",
                status=Question.Status.PUBLISHED,
                default_points=Decimal(2),
            )
            for i in range(questions)
        ],
        batch_size=2000,
    )
    through = Question.knowledge_points.through
    through.objects.bulk_create(
        [through(question_id=q.pk, knowledgepoint_id=kps[i % 100].pk) for i, q in enumerate(rows)],
        batch_size=5000,
    )
    password = make_password("x")
    users = User.objects.bulk_create(
        [User(username=f"T{i:05d}", org_unit=village, password=password) for i in range(cadres)]
    )
    rng = random.Random(7)
    now = timezone.now()
    answers, cards = [], []
    for user in users:
        for q in rng.sample(rows, 300):
            correct = rng.random() < 0.7
            answers.append(
                PracticeAnswer(
                    user=user,
                    source=AnswerSource.PRACTICE,
                    question=q,
                    lineage=q.lineage,
                    response="B" if correct else "A",
                    is_correct=correct,
                    score=Decimal(2) if correct else Decimal(0),
                    answered_at=now - dt.timedelta(days=3),
                )
            )
        for q in rng.sample(rows, 20):
            cards.append(
                ReviewCard(
                    user=user,
                    lineage=q.lineage,
                    question=q,
                    box=1,
                    due_on=timezone.localdate(now) - dt.timedelta(days=1),
                )
            )
    PracticeAnswer.objects.bulk_create(answers, batch_size=5000)
    ReviewCard.objects.bulk_create(cards, batch_size=5000)
    return bank, rows, users


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=int, default=10000)
    parser.add_argument("--cadres", type=int, default=50)
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="bench-training-")
    os.environ.setdefault("VAR_DIR", workdir)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from apps.questions.models import Question
    from apps.training.models import AnswerSource
    from apps.training.services import daily_quiz, practice
    from apps.training.services.answers import record_answer

    bank, rows, users = build(args.questions, args.cadres)
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh bulk loads have no planner statistics yet
    ids = [q.pk for q in rows]
    rng = random.Random(11)
    baseline = [timed(lambda: Question.objects.get(pk=rng.choice(ids))) for _ in range(300)]
    daily = [timed(lambda u=u: daily_quiz.today_quiz(u)) for u in users]
    starts = [timed(lambda u=u: practice.start_session(u, bank=bank.pk, count=10)) for u in users]
    sample = rng.sample(rows, len(users))
    answering = [
        timed(
            lambda u=u, q=q: record_answer(
                user=u, question=q, response="A", source=AnswerSource.PRACTICE
            )
        )
        for u, q in zip(users, sample, strict=True)
    ]

    base = statistics.median(baseline)
    figures = {
        "questions": args.questions,
        "cadres": args.cadres,
        "baseline_pk_fetch_ms": round(base, 3),
        "daily_quiz_p50_ms": round(percentile(daily, 0.5), 2),
        "daily_quiz_p95_ms": round(percentile(daily, 0.95), 2),
        "practice_start_p50_ms": round(percentile(starts, 0.5), 2),
        "practice_start_p95_ms": round(percentile(starts, 0.95), 2),
        "answer_p50_ms": round(percentile(answering, 0.5), 2),
        "answer_p95_ms": round(percentile(answering, 0.95), 2),
        "database": os.environ["DATABASE_URL"].split(":", 1)[0],
    }
    print(f"baseline: one primary-key fetch {base:.3f} ms (median of 300)")
    for name in ("daily_quiz", "practice_start", "answer"):
        p50, p95 = figures[f"{name}_p50_ms"], figures[f"{name}_p95_ms"]
        print(
            f"{name:15s} p50 {p50:8.2f} ms ({p50 / base:7.1f}x baseline)  p95 {p95:8.2f} ms ({p95 / base:7.1f}x)"
        )
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
