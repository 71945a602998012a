"""Where one exam start spends its time, in-process (no server, no client): the start rush's
per-request cost without the load generator in the picture.

Usage: .venv/bin/python bench/start_profile.py [--bank 10000] [--starts 60] [--profile]
       [--database-url postgresql://postgres@127.0.0.1:5432/yz_bench_exams]

Seeds a 100-question rule paper over a --bank question bank (as bench/exam_storm.py does),
then starts it --starts times through the full Django stack (middleware, token auth, the
view) with the test client. Prints per start: ms (p50/p95), SQL queries and their ms, the
response size; --profile adds the top functions by cumulative time (cProfile).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import secrets
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "backend"), str(ROOT / "bench")]
DEFAULT_DB = "postgresql://postgres@127.0.0.1:5432/yz_bench_exams"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB))
    parser.add_argument("--bank", type=int, default=10000)
    parser.add_argument("--starts", type=int, default=60)
    parser.add_argument(
        "--cold",
        action="store_true",
        help="leave the process's question copies cold (by default the bank is read once "
        "first, as every worker has it a few hundred starts into a rush)",
    )
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--sort", default="cumulative", help="cProfile order: cumulative, tottime")
    args = parser.parse_args()

    from exam_storm import ensure_database, setup_django

    ensure_database(args.database_url)
    setup_django(args.database_url)
    import storm_seed as seed
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    tag = secrets.token_hex(3)
    town = seed.unit(tag)
    people = seed.cadres(town, tag, args.starts + 5)
    bank = seed.bank(town, tag, args.bank)
    exam = seed.exam(town, seed.rule_paper(town, bank), "压测规则抽题考试")
    client = Client()
    url = f"/api/v1/exams/{exam.pk}/attempts"

    def start(key: str):
        return client.post(url, HTTP_AUTHORIZATION=f"Token {key}")

    for _, key in people[:5]:  # warm: caches of the candidate pool, the audience, the users
        assert start(key).status_code == 201
    if not args.cold:
        try:
            from apps.exams.services.presentation import shown_questions
        except ImportError:  # before the start path kept the questions' looks per process
            pass
        else:
            shown_questions(list(bank.questions.values_list("id", flat=True)))
    times, cpu, queries, sql_ms, sizes = [], [], [], [], []
    prof = cProfile.Profile(time.process_time) if args.profile else None  # CPU, not waits
    for _, key in people[5:]:
        reset_queries()
        with CaptureQueriesContext(connection) as ctx:
            if prof:
                prof.enable()
            t0, c0 = time.perf_counter(), time.process_time()
            res = start(key)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            if prof:
                prof.disable()
        assert res.status_code == 201, res.content[:300]
        queries.append(len(ctx.captured_queries))
        sql_ms.append(sum(float(q["time"]) for q in ctx.captured_queries) * 1000)
        sizes.append(len(res.content))
    last = ctx.captured_queries
    bare = []
    for _ in range(n_bare := 200):
        c0 = time.process_time()
        client.get("/bench/bare")
        bare.append(time.process_time() - c0)
    bare_cpu = sorted(bare)[n_bare // 2] * 1000
    times.sort()
    cpu.sort()
    n = len(times)
    print(
        f"bank {args.bank}, {n} starts: p50 {times[n // 2] * 1000:.1f} ms, "
        f"p95 {times[int(n * 0.95)] * 1000:.1f} ms, this process's CPU p50 "
        f"{cpu[n // 2] * 1000:.1f} ms (bare view {bare_cpu:.2f} ms: "
        f"{cpu[n // 2] * 1000 / bare_cpu:.1f}x); queries {min(queries)}-{max(queries)}, "
        f"SQL {sorted(sql_ms)[n // 2]:.1f} ms (p50); response {sizes[-1]} bytes"
    )
    for q in last:
        print(f"  {float(q['time']) * 1000:6.2f} ms  {q['sql'][:150]}")
    if prof:
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats(args.sort).print_stats(45)
        print(out.getvalue())


if __name__ == "__main__":
    main()
