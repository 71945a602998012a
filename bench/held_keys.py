"""Benchmark: what holding exam keys costs on the hot training paths.

Figures (ms per call, p50 and p95 over N cadres): computing the keys held from one cadre
(`held_for`) with the open exams cached, the same with the cache cold (first call after an
exam changed), and starting a 10-question practice session, which excludes the held pool.
The same warm call again after a third of the exams closed while one cadre each still
answers on extra time (the hold lasts past the close), and the queries one warm call makes.
Baseline: fetching one question by primary key through the ORM on the same database.

    .venv/bin/python bench/held_keys.py [--exams 30] [--cadres 200] [--questions 5000]
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


def build(exams: int, cadres: int, questions: int):
    import datetime as dt
    from decimal import Decimal

    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from apps.accounts.models import User
    from apps.accounts.services.units import ensure_unit_path
    from apps.exams.models import Attempt, Exam, Paper, PaperItem, PaperRule
    from apps.questions.models import Bank, Question

    county = ensure_unit_path(["基准县"])
    villages = [ensure_unit_path(["基准县", f"镇{i}", "村"]) for i in range(10)]
    banks = [Bank.objects.create(name=f"题库{i}", org_unit=county) for i in range(10)]
    options = [{"key": k, "text": f"选项{k}"} for k in "ABCD"]
    rows = Question.objects.bulk_create(
        [
            Question(
                bank=banks[i % 10],
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
    password = make_password("x")
    users = User.objects.bulk_create(
        [
            User(username=f"H{i:05d}", org_unit=villages[i % 10], password=password)
            for i in range(cadres)
        ]
    )
    now = timezone.now()
    rng = random.Random(5)
    for n in range(exams):
        paper = Paper.objects.create(
            title=f"卷{n}", org_unit=county, mode="rules" if n % 2 else "fixed"
        )
        if n % 2:
            PaperRule.objects.create(paper=paper, position=1, bank=banks[n % 10], count=5, points=2)
        else:
            PaperItem.objects.bulk_create(
                PaperItem(paper=paper, position=i, question=q, points=2)
                for i, q in enumerate(rng.sample(rows, 50), start=1)
            )
        exam = Exam.objects.create(
            title=f"考试{n}",
            org_unit=county,
            paper=paper,
            opens_at=now - dt.timedelta(hours=1),
            closes_at=now + dt.timedelta(days=3),
            duration_minutes=60,
        )
        exam.audience_units.set([villages[n % 10]] if n % 3 else [county])
        for user in rng.sample(users, cadres // 10):  # some have used their attempt
            Attempt.objects.create(
                exam=exam, user=user, status="submitted", started_at=now, deadline=now
            )
    return banks, rows, users


def extra_time_past_close(users) -> int:
    """Closes every third exam a minute ago, as if each had given one cadre 30 minutes extra
    and that cadre were still answering. Returns how many exams that is; with code that ends
    the hold at the close (or a schema without Exam.longest_grant), just the closing."""
    import datetime as dt

    from django.utils import timezone

    from apps.exams.models import Attempt, Exam

    now = timezone.now()
    exams = list(Exam.objects.order_by("pk"))[::3]
    has_grant = any(f.name == "longest_grant" for f in Exam._meta.get_fields())
    for n, exam in enumerate(exams):
        exam.closes_at = now - dt.timedelta(minutes=1)
        fields = ["closes_at", "updated_at"]
        if has_grant:
            exam.longest_grant = dt.timedelta(minutes=30)
            fields.append("longest_grant")
        exam.save(update_fields=fields)
        Attempt.objects.get_or_create(
            exam=exam,
            user=users[n],
            defaults={
                "status": "in_progress",
                "started_at": now - dt.timedelta(minutes=50),
                "deadline": now + dt.timedelta(minutes=20),
            },
        )
    return len(exams)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--exams", type=int, default=30)
    parser.add_argument("--cadres", type=int, default=200)
    parser.add_argument("--questions", type=int, default=5000)
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="bench-held-")
    os.environ.setdefault("VAR_DIR", workdir)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from apps.exams import held_keys
    from apps.exams.held_keys import held_for
    from apps.exams.models import Exam
    from apps.questions.models import Question
    from apps.training.services import practice

    banks, rows, users = build(args.exams, args.cadres, args.questions)
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    ids = [q.pk for q in rows]
    rng = random.Random(11)
    baseline = [timed(lambda: Question.objects.get(pk=rng.choice(ids))) for _ in range(300)]
    cold = []
    for user in users[:50]:
        held_keys._memo["key"] = None  # as after any exam was edited
        cold.append(timed(lambda u=user: held_for(u)))
    warm = [timed(lambda u=u: held_for(u)) for u in users]
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        held_for(users[0])
    warm_queries = len(queries)
    # A third of the exams closed a minute ago while a cadre each still answers on 30 minutes
    # of extra time: the hold outlives the close (apps.exams.held_keys, "Past the close").
    past = extra_time_past_close(users)
    past_close = [timed(lambda u=u: held_for(u)) for u in users]
    free = banks[0]  # rules draw from the odd banks; fixed papers hold some of its questions
    starts = [timed(lambda u=u: practice.start_session(u, bank=free.pk, count=10)) for u in users]
    Exam.objects.update(closes_at=timezone.now())  # every exam closed: nothing held
    unheld = [timed(lambda u=u: practice.start_session(u, bank=free.pk, count=10)) for u in users]

    base = statistics.median(baseline)
    figures = {
        "exams": args.exams,
        "cadres": args.cadres,
        "questions": args.questions,
        "baseline_pk_fetch_ms": round(base, 3),
        "held_for_warm_p50_ms": round(percentile(warm, 0.5), 2),
        "held_for_warm_p95_ms": round(percentile(warm, 0.95), 2),
        "held_for_warm_min_ms": round(min(warm), 3),
        "held_for_warm_queries": warm_queries,
        "exams_past_close_on_extra_time": past,
        "held_for_past_close_p50_ms": round(percentile(past_close, 0.5), 2),
        "held_for_past_close_p95_ms": round(percentile(past_close, 0.95), 2),
        "held_for_past_close_min_ms": round(min(past_close), 3),
        "held_for_cold_p50_ms": round(percentile(cold, 0.5), 2),
        "held_for_cold_p95_ms": round(percentile(cold, 0.95), 2),
        "practice_start_p50_ms": round(percentile(starts, 0.5), 2),
        "practice_start_p95_ms": round(percentile(starts, 0.95), 2),
        "practice_start_nothing_held_p50_ms": round(percentile(unheld, 0.5), 2),
        "practice_start_nothing_held_p95_ms": round(percentile(unheld, 0.95), 2),
        "database": os.environ["DATABASE_URL"].split(":", 1)[0],
    }
    print(f"baseline: one primary-key fetch {base:.3f} ms (median of 300)")
    for name in (
        "held_for_warm",
        "held_for_past_close",
        "held_for_cold",
        "practice_start",
        "practice_start_nothing_held",
    ):
        p50, p95 = figures[f"{name}_p50_ms"], figures[f"{name}_p95_ms"]
        print(
            f"{name:28s} p50 {p50:8.2f} ms ({p50 / base:7.1f}x baseline)  "
            f"p95 {p95:8.2f} ms ({p95 / base:7.1f}x)"
        )
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
