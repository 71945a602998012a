"""Exam storm: gunicorn on PostgreSQL, many cadres saving answers at once.

Usage: .venv/bin/python bench/exam_storm.py [--seconds 15] [--cadres 300] [--concurrency 32]
       [--workers 4] [--threads 4] [--paced 0.8] [--starts 150] [--bank 10000] [--fresh]
       [--database-url postgresql://postgres@127.0.0.1:5432/yz_bench_exams]

Phases, same server and client: a bare Django JSON view (bench/bench_urls.py) at full
speed, the machine's baseline; answer saves at full speed by 32 connections (saves/s);
saves paced at --paced x that rate by --cadres cadres, each saving every few seconds
(latency p50/p95/p99); every attempt submitted; an audit that every acknowledged save is in
the database; then starting attempts one at a time on a 100-question rule-based paper drawn
from a --bank question bank (p95). Runs in about 90 s by default; the last line is JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "backend")]
DEFAULT_DB = "postgresql://postgres@127.0.0.1:5432/yz_bench_exams"


def pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * p))] * 1000, 1)


def ensure_database(url: str, fresh: bool = False) -> None:
    """Create the bench database if missing (dropped first with --fresh)."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if fresh:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.bench_settings"
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def start_server(url: str, port: int, workers: int, threads: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "bench.bench_settings",
        "LOG_LEVEL": "WARNING",
    }
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    proc = subprocess.Popen(
        [
            gunicorn,
            "config.wsgi:application",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "-k",
            "gthread",
            "--threads",
            str(threads),
            "--chdir",
            str(ROOT / "backend"),
            "--pythonpath",
            str(ROOT),
            "--log-level",
            "warning",
            "--backlog",
            "4096",
            "--keep-alive",
            "75",
        ],
        env=env,
        start_new_session=True,
    )
    import httpx

    for _ in range(150):
        try:
            httpx.get(f"http://127.0.0.1:{port}/bench/bare", timeout=1)
            return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


class Load:
    def __init__(self, base: str, session):
        self.base, self.session = base, session
        self.errors = 0
        self.error_kinds: dict[str, int] = {}
        self.acks: list[tuple[int, int, int, str]] = []

    async def call(self, method: str, path: str, token: str | None = None, body=None):
        headers = {"Authorization": f"Token {token}"} if token else {}
        t0 = time.perf_counter()
        try:
            async with self.session.request(
                method, self.base + path, json=body, headers=headers
            ) as res:
                data = await res.json(content_type=None)
                ok = 200 <= res.status < 300
        except Exception as exc:
            data, ok, status = None, False, type(exc).__name__
        else:
            status = str(res.status)
        if not ok:
            self.errors += 1
            self.error_kinds[status] = self.error_kinds.get(status, 0) + 1
        return ok, data, time.perf_counter() - t0

    async def save(self, cadre: dict, lat: list[float]) -> None:
        qid = random.choice(cadre["qids"])
        cadre["seq"] += 1
        response = random.choice("ABCD")
        ok, data, dt = await self.call(
            "PUT",
            f"/api/v1/attempts/{cadre['attempt']}/answers/{qid}",
            cadre["token"],
            {"response": response, "seq": cadre["seq"]},
        )
        lat.append(dt)
        if ok and data.get("accepted"):
            self.acks.append((cadre["attempt"], qid, cadre["seq"], response))


async def closed_loop(seconds: float, concurrency: int, step) -> tuple[int, list[float], float]:
    """`concurrency` workers calling step(worker, lat) back to back for `seconds`."""
    lat: list[float] = []
    stop = time.perf_counter() + seconds

    async def worker(i):
        while time.perf_counter() < stop:
            await step(i, lat)

    t0 = time.perf_counter()
    await asyncio.gather(*(worker(i) for i in range(concurrency)))
    return len(lat), lat, time.perf_counter() - t0


async def paced(
    load: Load, cadres: list[dict], rate: float, seconds: float
) -> tuple[list[float], float]:
    """Each cadre saves every len(cadres)/rate seconds (jittered): an open-loop arrival rate."""
    interval = len(cadres) / rate
    lat: list[float] = []
    stop = time.perf_counter() + seconds

    async def cadre_loop(cadre):
        await asyncio.sleep(random.random() * interval)
        next_at = time.perf_counter()
        while next_at < stop:
            await load.save(cadre, lat)
            next_at += interval * random.uniform(0.8, 1.2)
            await asyncio.sleep(max(0.0, next_at - time.perf_counter()))

    t0 = time.perf_counter()
    await asyncio.gather(*(cadre_loop(c) for c in cadres))
    return lat, time.perf_counter() - t0


async def run(
    args, base: str, cadres: list[dict], exam_id: int, rule_exam_id: int, starters: list[str]
) -> dict:
    import aiohttp

    connector = aiohttp.TCPConnector(limit=max(args.concurrency, 64))
    async with aiohttp.ClientSession(
        connector=connector, timeout=aiohttp.ClientTimeout(total=60)
    ) as session:
        load = Load(base, session)
        sem = asyncio.Semaphore(args.concurrency)

        async def begin(c):
            async with sem:
                _, data, _ = await load.call(
                    "POST", f"/api/v1/exams/{exam_id}/attempts", c["token"]
                )
                c["attempt"], c["qids"], c["seq"] = (
                    data["id"],
                    [q["id"] for q in data["questions"]],
                    0,
                )

        await asyncio.gather(*(begin(c) for c in cadres))
        setup_errors, load.errors = load.errors, 0

        async def bare_step(i, lat):
            _, _, dt = await load.call("GET", "/bench/bare")
            lat.append(dt)

        await closed_loop(2, args.concurrency, bare_step)  # warm-up
        bare_n, bare_lat, bare_t = await closed_loop(args.seconds, args.concurrency, bare_step)
        groups = [cadres[i :: args.concurrency] for i in range(args.concurrency)]

        async def save_step(i, lat):
            group = groups[i]
            group.append(group.pop(0))
            await load.save(group[0], lat)

        save_n, save_lat, save_t = await closed_loop(args.seconds, args.concurrency, save_step)
        max_rate = save_n / save_t
        # Paced saves each open a new connection, as phones arriving through nginx do, so the
        # kernel spreads them over the workers (kept-alive connections stay pinned to one).
        fresh = aiohttp.TCPConnector(limit=256, force_close=True)
        async with aiohttp.ClientSession(
            connector=fresh, timeout=aiohttp.ClientTimeout(total=60)
        ) as s2:
            paced_load = Load(base, s2)
            paced_load.acks = load.acks
            paced_lat, paced_t = await paced(
                paced_load, cadres, args.paced * max_rate, args.seconds
            )
        load.errors += paced_load.errors
        for kind, n in paced_load.error_kinds.items():
            load.error_kinds[kind] = load.error_kinds.get(kind, 0) + n

        async def finish(c):
            async with sem:
                await load.call("POST", f"/api/v1/attempts/{c['attempt']}/submit", c["token"])

        await asyncio.gather(*(finish(c) for c in cadres))
        start_lat = []
        for token in starters:  # one at a time: latency, not throughput
            _, _, dt = await load.call("POST", f"/api/v1/exams/{rule_exam_id}/attempts", token)
            start_lat.append(dt)
    return {
        "bare_per_s": bare_n / bare_t,
        "bare_p50": pct(bare_lat, 0.5),
        "saves_per_s": max_rate,
        "max_p50": pct(save_lat, 0.5),
        "max_p99": pct(save_lat, 0.99),
        "paced_rate": len(paced_lat) / paced_t,
        "p50": pct(paced_lat, 0.5),
        "p95": pct(paced_lat, 0.95),
        "p99": pct(paced_lat, 0.99),
        "start_p50": pct(start_lat, 0.5),
        "start_p95": pct(start_lat, 0.95),
        "errors": load.errors,
        "setup_errors": setup_errors,
        "acks": load.acks,
        "error_kinds": load.error_kinds,
    }


def audit(acks) -> tuple[int, int]:
    """(acknowledged, lost). An acknowledged save is lost when the database holds no answer,
    an older seq, or the same seq with another response for that question."""
    from apps.exams.models import Answer

    attempt_ids = {a for a, _, _, _ in acks}
    stored = {
        (a, q): (s, r)
        for a, q, s, r in Answer.objects.filter(attempt_id__in=attempt_ids).values_list(
            "attempt_id", "question_id", "seq", "response"
        )
    }
    lost = 0
    for attempt, qid, seq, response in acks:
        kept = stored.get((attempt, qid))
        if kept is None or kept[0] < seq or (kept[0] == seq and kept[1] != response):
            lost += 1
    return len(acks), lost


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB))
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--cadres", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--starts", type=int, default=150)
    parser.add_argument("--bank", type=int, default=10000)
    parser.add_argument("--port", type=int, default=18765)
    parser.add_argument(
        "--paced", type=float, default=0.8, help="paced phase rate as a share of max"
    )
    parser.add_argument("--fresh", action="store_true", help="drop and recreate the bench database")
    args = parser.parse_args()

    ensure_database(args.database_url, args.fresh)
    setup_django(args.database_url)
    import storm_seed as seed

    tag = secrets.token_hex(3)
    t0 = time.perf_counter()
    town = seed.unit(tag)
    people = seed.cadres(town, tag, args.cadres + args.starts)
    bank = seed.bank(town, tag, args.bank)
    storm_exam = seed.exam(town, seed.fixed_paper(town, bank, 50), "压测考试")
    rule_exam = seed.exam(town, seed.rule_paper(town, bank), "压测规则抽题考试")
    print(
        f"seeded {len(people)} cadres, {args.bank} questions in {time.perf_counter() - t0:.1f} s",
        file=sys.stderr,
    )
    cadres = [{"token": key} for _, key in people[: args.cadres]]
    starters = [key for _, key in people[args.cadres :]]
    proc = start_server(args.database_url, args.port, args.workers, args.threads)
    try:
        r = asyncio.run(
            run(
                args, f"http://127.0.0.1:{args.port}", cadres, storm_exam.pk, rule_exam.pk, starters
            )
        )
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=20)
    acknowledged, lost = audit(r["acks"])
    ratio = r["saves_per_s"] / r["bare_per_s"] if r["bare_per_s"] else 0
    print(
        f"server: gunicorn {args.workers} workers x {args.threads} threads; client: {args.concurrency} connections, {args.cadres} cadres"
    )
    print(
        f"bare Django JSON view : {r['bare_per_s']:8.0f} req/s   (baseline, p50 {r['bare_p50']} ms)"
    )
    print(
        f"answer saves (max)    : {r['saves_per_s']:8.0f} saves/s = {ratio:.0%} of bare   (p50 {r['max_p50']} ms, p99 {r['max_p99']} ms)"
    )
    print(
        f"saves at {args.paced:.0%} of max   : {r['paced_rate']:8.0f} saves/s   p50 {r['p50']} ms  p95 {r['p95']} ms  p99 {r['p99']} ms (target p99 <= 200 ms)"
    )
    print(
        f"start 100-question rule paper from a {args.bank}-question bank: p50 {r['start_p50']} ms, p95 {r['start_p95']} ms (target <= 50 ms)"
    )
    print(
        f"errors {r['errors']} {r['error_kinds']} (setup {r['setup_errors']}); acknowledged saves {acknowledged}, lost {lost}"
    )
    print(
        json.dumps(
            {
                "saves_per_s": round(r["saves_per_s"], 1),
                "bare_per_s": round(r["bare_per_s"], 1),
                "ratio_to_bare": round(ratio, 3),
                "paced_saves_per_s": round(r["paced_rate"], 1),
                "p50_ms": r["p50"],
                "p95_ms": r["p95"],
                "p99_ms": r["p99"],
                "max_rate_p99_ms": r["max_p99"],
                "start_p50_ms": r["start_p50"],
                "start_p95_ms": r["start_p95"],
                "errors": r["errors"],
                "acknowledged": acknowledged,
                "lost": lost,
            }
        )
    )


if __name__ == "__main__":
    main()
