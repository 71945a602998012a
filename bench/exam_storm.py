"""Exam storm: gunicorn on PostgreSQL, many cadres saving answers at once, and the two rush
minutes of an exam: everyone starting at once, and everyone submitted at once at the close.

Usage: .venv/bin/python bench/exam_storm.py [--phases steady,start,close] [--seconds 15] [--max-runs 3]
       [--cadres 300] [--concurrency 32] [--workers 4] [--threads 4] [--paced 0.8]
       [--starts 150] [--bank 10000] [--rush-starts 5000] [--rush-seconds 60] [--burst 1000]
       [--burst-seconds 5] [--close-attempts 2000] [--close-questions 50] [--late-share 0.1]
       [--pin] [--wrk] [--client raw|aiohttp] [--client-procs 1] [--paced-new-connections]
       [--fresh]
       [--database-url postgresql://postgres@127.0.0.1:5432/yz_bench_exams]

Phases, same server and client:
- bare: a bare Django JSON view (bench/bench_urls.py) at full speed, the machine's baseline;
- steady: answer saves at full speed by 32 connections (saves/s, the median of --max-runs
  runs); saves paced at --paced x that rate by --cadres cadres, each saving every few seconds (latency p50/p95/p99); every
  attempt submitted; an audit that every acknowledged save is in the database; starting
  attempts one at a time on a 100-question rule paper from a --bank question bank (p95);
- start: the start rush (storm_rush.py): --rush-starts cadres arriving open-loop over
  --rush-seconds on that rule paper, then a burst of --burst within --burst-seconds;
- close: the close rush (storm_rush.py): --close-attempts attempts of an exam whose answers
  are released at the close auto-submit at the deadline while --late-share of the phones
  send a queued save 5-10 s after it; and the in-request cost of one submit.

The start rush's load generator is --client raw (default: a lean HTTP/1.1 client on asyncio
streams, a new connection per start) or aiohttp, in --client-procs processes sharing one
arrival schedule. Each start's latency is split by the server's Server-Timing header
(bench/server_timing.py) into waiting for a gunicorn thread, in the app, and outside the
app (connect, accept queue, transfer, the client's own lag); the CPU per start of the
server, of PostgreSQL's backends and of the load generator is printed beside the bare
view's server CPU per request, with how busy the whole machine was.

--pin runs the server on CPU 0 and this load generator on CPU 1 (taskset); --wrk also
measures the bare view and the save at full speed with wrk (a C load generator), to tell the
server's limit from the Python client's. The paced saves go over kept-alive connections (up
to one per cadre), as they reach gunicorn through nginx's upstream keepalive pool;
--paced-new-connections opens a new connection per save instead (phones straight to
gunicorn), where gthread's accepting of new connections dominates the tail.

Every figure is also given as a ratio to the bare view of the same run: latencies and
durations in ms over the bare view's p50, rates over its requests/s. The last line is JSON.
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


def start_server(
    url: str, port: int, workers: int, threads: int, pin: bool = False
) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "bench.bench_settings",
        "LOG_LEVEL": "WARNING",
    }
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    proc = subprocess.Popen(
        [
            *(["taskset", "-c", "0"] if pin else []),
            gunicorn,
            "config.wsgi:application",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "-k",
            "config.gunicorn_worker.ArrivalThreadWorker",
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
    args,
    base: str,
    cadres: list[dict],
    exam_id: int,
    rule_exam_id: int,
    starters: list[str],
    server_cpu=lambda: 0.0,
) -> dict:
    """`server_cpu()`: the server's CPU seconds so far, for its cost per bare request."""
    import aiohttp

    connector = aiohttp.TCPConnector(limit=max(args.concurrency, 64))
    async with aiohttp.ClientSession(
        connector=connector, timeout=aiohttp.ClientTimeout(total=60)
    ) as session:
        load = Load(base, session)
        sem = asyncio.Semaphore(args.concurrency)

        async def bare_step(i, lat):
            _, _, dt = await load.call("GET", "/bench/bare")
            lat.append(dt)

        if "steady" not in args.phases:  # the baseline alone
            await closed_loop(2, args.concurrency, bare_step)
            cpu = server_cpu()
            bare_n, bare_lat, bare_t = await closed_loop(
                min(args.seconds, 8), args.concurrency, bare_step
            )
            return {
                "bare_cpu_ms": (server_cpu() - cpu) * 1000 / bare_n,
                "bare_per_s": bare_n / bare_t,
                "bare_p50": pct(bare_lat, 0.5),
                "acks": [],
                "errors": load.errors,
                "error_kinds": load.error_kinds,
            }

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

        await closed_loop(2, args.concurrency, bare_step)  # warm-up
        cpu = server_cpu()
        bare_n, bare_lat, bare_t = await closed_loop(args.seconds, args.concurrency, bare_step)
        bare_cpu_ms = (server_cpu() - cpu) * 1000 / bare_n
        groups = [cadres[i :: args.concurrency] for i in range(args.concurrency)]

        async def save_step(i, lat):
            group = groups[i]
            group.append(group.pop(0))
            await load.save(group[0], lat)

        # The paced phase runs at a share of the max, so one max run that happens to measure
        # high (a quiet second on the machine) would pace it past what the server sustains:
        # the max is the median of a few runs, each printed.
        max_runs = []
        for _ in range(args.max_runs):
            save_n, save_lat, save_t = await closed_loop(args.seconds, args.concurrency, save_step)
            max_runs.append((save_n / save_t, save_lat))
        max_runs.sort(key=lambda run: run[0])
        max_rate, save_lat = max_runs[len(max_runs) // 2]
        # Paced saves reach gunicorn over kept-alive connections, as nginx's upstream pool
        # sends them; --paced-new-connections opens one per save (phones straight to gunicorn).
        new = args.paced_new_connections
        fresh = aiohttp.TCPConnector(limit=256 if new else 0, force_close=new)
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

        if args.wrk:  # before the attempts are submitted: wrk's saves must still be taken
            r_wrk = await asyncio.to_thread(measure_wrk, args, base, cadres)
        else:
            r_wrk = {}

        async def finish(c):
            async with sem:
                await load.call("POST", f"/api/v1/attempts/{c['attempt']}/submit", c["token"])

        await asyncio.gather(*(finish(c) for c in cadres))
        start_lat = []
        for token in starters:  # one at a time: latency, not throughput
            _, _, dt = await load.call("POST", f"/api/v1/exams/{rule_exam_id}/attempts", token)
            start_lat.append(dt)
    return {
        "bare_cpu_ms": bare_cpu_ms,
        "bare_per_s": bare_n / bare_t,
        "bare_p50": pct(bare_lat, 0.5),
        "saves_per_s": max_rate,
        "max_runs": [round(rate, 1) for rate, _ in max_runs],
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
        "wrk": r_wrk,
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


def ratio(value, base):
    return round(value / base, 2) if value is not None and base else None


# --- where the CPU went: the server's processes, PostgreSQL's backends, the whole machine ----
def _proc_cpu(pid: int) -> float:
    """utime + stime of one process in seconds (0 if it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _backend_pids(url: str) -> list[int]:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        ).fetchall()
    return [pid for (pid,) in rows]


def _machine() -> tuple[int, int]:
    """(busy, total) jiffies of every core since boot."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def cpu_snapshot(server_pid: int, url: str) -> dict:
    pids = [server_pid, *_children(server_pid)]
    backends = _backend_pids(url)
    return {
        "server": sum(_proc_cpu(p) for p in pids),
        "pg": {p: _proc_cpu(p) for p in backends},
        "machine": _machine(),
        "client": time.process_time(),
    }


def cpu_between(before: dict, after: dict, n: int) -> dict:
    """CPU ms per start of the server (gunicorn), PostgreSQL (backends of the bench database;
    one that left meanwhile is missed) and this process; the machine's busy share (every
    process, other tenants of this machine included)."""
    pg = sum(cpu - before["pg"].get(pid, 0.0) for pid, cpu in after["pg"].items())
    busy = after["machine"][0] - before["machine"][0]
    total = after["machine"][1] - before["machine"][1]
    return {
        "server_cpu_ms_per_start": round((after["server"] - before["server"]) * 1000 / n, 2),
        "pg_cpu_ms_per_start": round(pg * 1000 / n, 2),
        "machine_busy": round(busy / total, 2) if total else None,
    }


def wrk_rate(url: str, seconds: float, connections: int, script: str | None = None) -> dict:
    """Requests/s and latency from wrk (a C load generator) on the client's CPU."""
    import re
    import shutil

    if not shutil.which("wrk"):
        return {}
    cmd = ["wrk", "-t", "1", "-c", str(connections), "-d", f"{int(seconds)}s", "--latency"]
    if script:
        cmd += ["-s", script]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, timeout=seconds + 30).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1, "s": 1000}
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "per_s": float(rate.group(1)) if rate else 0.0,
        "p99_ms": round(float(p99.group(1)) * scale[p99.group(2)], 1) if p99 else None,
        "non_2xx": int(non2xx.group(1)) if non2xx else 0,
    }


WRK_SAVE_LUA = """
local cadres = {%s}
local n, i = #cadres, 0
request = function()
  i = i + 1
  local c = cadres[(i %% n) + 1]
  c.seq = c.seq + 1
  local body = '{"response": "' .. string.char(65 + (i %% 4)) .. '", "seq": ' .. c.seq .. '}'
  return wrk.format("PUT", "/api/v1/attempts/" .. c.a .. "/answers/" .. c.q,
    {["Authorization"] = "Token " .. c.t, ["Content-Type"] = "application/json"}, body)
end
"""


def measure_wrk(args, base: str, cadres: list[dict]) -> dict:
    """The bare view and the save at full speed, driven by wrk instead of Python."""
    table = ",".join(
        f'{{a={c["attempt"]},q={c["qids"][0]},t="{c["token"]}",seq=10000000000}}' for c in cadres
    )
    script = ROOT / "var" / "bench_save.lua"
    script.parent.mkdir(exist_ok=True)
    script.write_text(WRK_SAVE_LUA % table)
    return {
        "wrk_bare": wrk_rate(f"{base}/bench/bare", args.seconds, args.concurrency),
        "wrk_save": wrk_rate(base, args.seconds, args.concurrency, str(script)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB))
    parser.add_argument("--phases", default="steady,start,close")
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument(
        "--max-runs", type=int, default=3, help="full-speed save runs; the median sets the max"
    )
    parser.add_argument("--cadres", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--starts", type=int, default=150)
    parser.add_argument("--bank", type=int, default=10000)
    parser.add_argument("--rush-starts", type=int, default=5000)
    parser.add_argument("--rush-seconds", type=float, default=60)
    parser.add_argument("--burst", type=int, default=1000)
    parser.add_argument("--burst-seconds", type=float, default=5)
    parser.add_argument("--close-attempts", type=int, default=2000)
    parser.add_argument("--close-questions", type=int, default=50)
    parser.add_argument("--late-share", type=float, default=0.1)
    parser.add_argument("--submit-samples", type=int, default=30)
    parser.add_argument("--port", type=int, default=18765)
    parser.add_argument(
        "--paced", type=float, default=0.8, help="paced phase rate as a share of max"
    )
    parser.add_argument("--pin", action="store_true", help="server on CPU 0, client on CPU 1")
    parser.add_argument("--wrk", action="store_true", help="also measure max rates with wrk")
    parser.add_argument(
        "--client",
        choices=["raw", "aiohttp"],
        default="raw",
        help="the start rush's load generator: a lean asyncio-streams client, or aiohttp",
    )
    parser.add_argument(
        "--client-procs", type=int, default=1, help="start rush client processes (one schedule)"
    )
    parser.add_argument("--paced-new-connections", action="store_true")
    parser.add_argument("--fresh", action="store_true", help="drop and recreate the bench database")
    args = parser.parse_args()
    args.phases = {p.strip() for p in args.phases.split(",") if p.strip()}
    load_before = os.getloadavg()

    ensure_database(args.database_url, args.fresh)
    setup_django(args.database_url)
    import storm_rush as rush
    import storm_seed as seed

    tag = secrets.token_hex(3)
    t0 = time.perf_counter()
    town = seed.unit(tag)
    n_rush = (args.rush_starts + args.burst) if "start" in args.phases else 0
    n_close = (args.close_attempts + args.submit_samples) if "close" in args.phases else 0
    people = seed.cadres(town, tag, args.cadres + args.starts + n_rush + n_close)
    bank = seed.bank(town, tag, args.bank)
    storm_exam = seed.exam(town, seed.fixed_paper(town, bank, 50), "压测考试")
    rule_exam = seed.exam(town, seed.rule_paper(town, bank), "压测规则抽题考试")
    cadres = [{"token": key} for _, key in people[: args.cadres]]
    starters = [key for _, key in people[args.cadres : args.cadres + args.starts]]
    rest = people[args.cadres + args.starts :]
    rushers, closers = rest[:n_rush], rest[n_rush:]
    close = samples = None
    if n_close:
        close = rush.close_exam(town, bank, args.close_questions, closers[: args.close_attempts])
        samples = rush.close_exam(
            town, bank, args.close_questions, closers[args.close_attempts :], "immediate"
        )
    print(
        f"seeded {len(people)} cadres, {args.bank} questions in {time.perf_counter() - t0:.1f} s",
        file=sys.stderr,
    )
    if args.pin:
        os.sched_setaffinity(0, {1})
    base = f"http://127.0.0.1:{args.port}"
    proc = start_server(args.database_url, args.port, args.workers, args.threads, args.pin)
    out: dict = {}
    try:
        r = asyncio.run(
            run(
                args,
                base,
                cadres,
                storm_exam.pk,
                rule_exam.pk,
                starters,
                lambda: cpu_snapshot(proc.pid, args.database_url)["server"],
            )
        )
        out.update(r.get("wrk", {}))
        if "start" in args.phases:
            tokens = [key for _, key in rushers]
            rushes = {
                "start_rush": (tokens[: args.rush_starts], args.rush_seconds),
                "start_burst": (tokens[args.rush_starts :], args.burst_seconds),
            }
            for name, (batch, seconds) in rushes.items():
                before = cpu_snapshot(proc.pid, args.database_url)
                out[name] = rush.open_loop_starts(
                    base, rule_exam.pk, batch, seconds, args.client, args.client_procs
                )
                out[name].update(
                    cpu_between(before, cpu_snapshot(proc.pid, args.database_url), len(batch))
                )
            out["frozen"] = rush.frozen(rule_exam, 100)
        if close is not None:
            _, s_ids, _ = samples
            s_tokens = [key for _, key in closers[args.close_attempts :]]
            out["submit_lat"] = asyncio.run(rush.sequential_submits(base, s_ids, s_tokens))
            c_exam, c_ids, c_qids = close
            c_tokens = [key for _, key in closers[: args.close_attempts]]
            out["close"] = asyncio.run(
                rush.close_rush(base, c_exam, c_ids, c_tokens, c_qids, args.late_share)
            )
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=20)
    load_after = os.getloadavg()
    bare_p50, bare_rate = r["bare_p50"], r["bare_per_s"]
    print(
        f"server: gunicorn {args.workers} workers x {args.threads} threads{' on CPU 0' if args.pin else ''};"
        f" client: {args.concurrency} connections, {args.cadres} cadres{' on CPU 1' if args.pin else ''};"
        f" load average {load_before[0]:.1f} before, {load_after[0]:.1f} after (2 cores)"
    )
    print(
        f"bare Django JSON view : {bare_rate:8.0f} req/s   (baseline, p50 {bare_p50} ms, server CPU {r['bare_cpu_ms']:.2f} ms per request)"
    )
    result = {
        "bare_per_s": round(bare_rate, 1),
        "bare_p50_ms": bare_p50,
        "bare_server_cpu_ms": round(r["bare_cpu_ms"], 3),
        "load_avg_before": round(load_before[0], 2),
        "load_avg_after": round(load_after[0], 2),
    }
    if "steady" in args.phases:
        acknowledged, lost = audit(r["acks"])
        save_ratio = r["saves_per_s"] / bare_rate if bare_rate else 0
        print(
            f"answer saves (max)    : {r['saves_per_s']:8.0f} saves/s = {save_ratio:.0%} of bare   (p50 {r['max_p50']} ms, p99 {r['max_p99']} ms; median of runs at {', '.join(f'{rate:.0f}' for rate in r['max_runs'])}/s)"
        )
        print(
            f"saves at {args.paced:.0%} of max   : {r['paced_rate']:8.0f} saves/s   p50 {r['p50']} ms  p95 {r['p95']} ms  p99 {r['p99']} ms (target p99 <= 200 ms; {'one new connection per save' if args.paced_new_connections else 'kept-alive connections'})"
        )
        print(
            f"start 100-question rule paper from a {args.bank}-question bank, one at a time: p50 {r['start_p50']} ms, p95 {r['start_p95']} ms (target <= 50 ms)"
        )
        print(
            f"errors {r['errors']} {r['error_kinds']} (setup {r['setup_errors']}); acknowledged saves {acknowledged}, lost {lost}"
        )
        result.update(
            {
                "saves_per_s": round(r["saves_per_s"], 1),
                "max_runs_saves_per_s": r["max_runs"],
                "ratio_to_bare": round(save_ratio, 3),
                "paced_saves_per_s": round(r["paced_rate"], 1),
                "p50_ms": r["p50"],
                "p95_ms": r["p95"],
                "p99_ms": r["p99"],
                "p99_to_bare": ratio(r["p99"], bare_p50),
                "max_rate_p99_ms": r["max_p99"],
                "start_p50_ms": r["start_p50"],
                "start_p95_ms": r["start_p95"],
                "errors": r["errors"],
                "acknowledged": acknowledged,
                "lost": lost,
            }
        )
    if "wrk_bare" in out:
        wb, ws = out["wrk_bare"], out.get("wrk_save", {})
        print(
            f"wrk (C client), bare  : {wb.get('per_s', 0):8.0f} req/s (p99 {wb.get('p99_ms')} ms); saves {ws.get('per_s', 0):.0f}/s (p99 {ws.get('p99_ms')} ms, non-2xx {ws.get('non_2xx')})"
        )
        result.update(
            {
                "wrk_bare_per_s": wb.get("per_s"),
                "wrk_saves_per_s": ws.get("per_s"),
                "wrk_ratio_to_bare": ratio(ws.get("per_s"), wb.get("per_s")),
                "wrk_saves_p99_ms": ws.get("p99_ms"),
            }
        )
    if "start_rush" in out:
        sr, sb = out["start_rush"], out["start_burst"]
        attempts, ok = out["frozen"]
        r_bare_cpu = r["bare_cpu_ms"]
        where = f"client {sr['client']} x{sr['procs']}{' on CPU 1, server on CPU 0' if args.pin else ', unpinned'}"
        for label, x in (("start rush ", sr), ("start burst", sb)):
            print(
                f"{label}           : {x['n']} cadres over {x['seconds']:.0f} s open-loop ({where}): p50 {x['p50']} ms p95 {x['p95']} ms p99 {x['p99']} ms"
                f" (x{ratio(x['p99'], bare_p50)} bare p50), {x['per_s']} starts/s over {x['span_s']} s (x{ratio(x['per_s'], bare_rate)} bare rate), errors {x['errors']} {x['error_kinds']}, {x['bytes']} bytes"
            )
            print(
                f"  where the time went : waiting for a gunicorn thread p50 {x['wait_p50']} / p99 {x['wait_p99']} ms; in the app p50 {x['app_p50']} / p99 {x['app_p99']} ms;"
                f" outside the app (connect, accept queue, transfer, client) p50 {x['outside_p50']} / p99 {x['outside_p99']} ms; client sent late by p99 {x['client_late_p99']} ms"
            )
            print(
                f"  CPU per start       : server {x['server_cpu_ms_per_start']} ms (x{ratio(x['server_cpu_ms_per_start'], r_bare_cpu)} bare), PostgreSQL {x['pg_cpu_ms_per_start']} ms, load generator {x['client_cpu_ms_per_start']} ms; machine busy {x['machine_busy']:.0%}"
            )
        print(f"frozen with 100 questions: {ok} of {attempts} attempts")
        result.update(
            {
                "start_rush_client": f"{sr['client']}x{sr['procs']}{'+pinned' if args.pin else ''}",
                "start_rush_p50_ms": sr["p50"],
                "start_rush_p95_ms": sr["p95"],
                "start_rush_p99_ms": sr["p99"],
                "start_rush_p99_to_bare": ratio(sr["p99"], bare_p50),
                "start_rush_errors": sr["errors"],
                "start_rush_per_s": sr["per_s"],
                "start_rush_app_p99_ms": sr["app_p99"],
                "start_rush_wait_p99_ms": sr["wait_p99"],
                "start_rush_outside_p99_ms": sr["outside_p99"],
                "start_rush_client_late_p99_ms": sr["client_late_p99"],
                "start_server_cpu_ms": sr["server_cpu_ms_per_start"],
                "start_server_cpu_to_bare": ratio(sr["server_cpu_ms_per_start"], r["bare_cpu_ms"]),
                "start_pg_cpu_ms": sr["pg_cpu_ms_per_start"],
                "start_client_cpu_ms": sr["client_cpu_ms_per_start"],
                "start_rush_machine_busy": sr["machine_busy"],
                "start_bytes": sr["bytes"],
                "start_burst_p50_ms": sb["p50"],
                "start_burst_p95_ms": sb["p95"],
                "start_burst_p99_ms": sb["p99"],
                "start_burst_p99_to_bare": ratio(sb["p99"], bare_p50),
                "start_burst_errors": sb["errors"],
                "start_burst_per_s": sb["per_s"],
                "start_burst_per_s_to_bare": ratio(sb["per_s"], bare_rate),
                "start_burst_client_late_p99_ms": sb["client_late_p99"],
                "start_frozen_100": ok,
                "start_attempts": attempts,
            }
        )
    if "close" in out:
        c = out["close"]
        submit_ms = rush.pct(out["submit_lat"], 0.5)
        print(
            f"one submit, quiet     : p50 {submit_ms} ms in the request (bare p50 {bare_p50} ms); answers released, so the book is fed after it"
        )
        print(
            f"close rush            : {c['n']} attempts, {c['n'] - c['late']} auto-submit at the deadline: all answered {c['submits_answered_s']} s after it (p50 {c['submit_p50']} ms, p99 {c['submit_p99']} ms, errors {c['submit_errors']} {c['submit_error_kinds']});"
            f" all finalized {c['all_finalized_s']} s, all graded and fed {c['all_graded_s']} s (target <= 60 s);"
            f" in-grace saves refused {c['in_grace_refused']} of {c['late']} {c['refused_kinds']} (target 0)"
        )
        result.update(
            {
                "submit_request_ms": submit_ms,
                "submit_request_to_bare": ratio(submit_ms, bare_p50),
                "close_rush_attempts": c["n"],
                "close_rush_submits_answered_s": c["submits_answered_s"],
                "close_rush_submit_p99_ms": c["submit_p99"],
                "close_rush_submit_p99_to_bare": ratio(c["submit_p99"], bare_p50),
                "close_rush_submit_errors": c["submit_errors"],
                "close_rush_all_finalized_s": c["all_finalized_s"],
                "close_rush_all_graded_s": c["all_graded_s"],
                "close_rush_all_graded_to_bare": ratio(
                    c["all_graded_s"] and c["all_graded_s"] * 1000, bare_p50
                ),
                "close_rush_in_grace_refused": c["in_grace_refused"],
                "close_rush_in_grace_saves": c["late"],
            }
        )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
