"""The two rush minutes of an exam, for bench/exam_storm.py: everyone starts at once, and
everyone is submitted at once at the close.

- start rush: N cadres press 开始考试 at open-loop arrival times spread over S seconds (each a
  new connection, as phones arrive through nginx), on a 100-question rule paper drawn from
  the big bank; then a burst of M cadres within a few seconds. Latency p50/p95/p99, errors,
  the sustained starts/s, and a check that every attempt was frozen with its 100 questions.
- close rush: N attempts of an exam whose answers are released at the close all auto-submit
  at the deadline, while a share of phones that were offline send a queued save 5-10 s after
  it (inside the grace) and then submit. The time until every submit made at the deadline is
  answered, until every attempt is finalized, and until every attempt's feed (wrong-question
  book, Leitner cards, records) is applied; the in-grace saves refused.
- submit cost: submits one at a time on a quiet server, the per-submit time in the request.
"""

from __future__ import annotations

import asyncio
import random
import time
from datetime import timedelta
from decimal import Decimal


def pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * p))] * 1000, 1)


# --- seeding (inside Django) ------------------------------------------------------------
def close_exam(
    town, bank, questions: int, people: list[tuple[int, str]], policy: str = "after_close"
):
    """An exam whose answers are released at the close (or `policy`), with one attempt in
    progress per cadre (every question answered, half of them wrong), inserted in bulk."""
    from django.utils import timezone
    from storm_seed import exam as make_exam
    from storm_seed import fixed_paper

    from apps.exams.models import Answer, Attempt

    exam = make_exam(town, fixed_paper(town, bank, questions), "压测交卷考试")
    exam.answer_release = policy
    exam.save(update_fields=["answer_release"])
    qids = list(exam.paper.items.order_by("position").values_list("question_id", flat=True))
    layout = [{"q": q, "p": "1.00", "o": ["A", "B", "C", "D"], "s": ""} for q in qids]
    now = timezone.now()
    rows = Attempt.objects.bulk_create(
        [
            Attempt(
                exam=exam,
                user_id=user_id,
                started_at=now,
                deadline=now + timedelta(hours=1),
                layout=layout,
                max_score=Decimal(len(qids)),
            )
            for user_id, _ in people
        ],
        batch_size=1000,
    )
    Answer.objects.bulk_create(
        [
            Answer(
                attempt=a,
                question_id=q,
                response="B" if i % 2 else "A",  # the key is B: every other answer is wrong
                seq=1,
                saved_at=now,
                first_saved_at=now,
            )
            for a in rows
            for i, q in enumerate(qids)
        ],
        batch_size=5000,
    )
    return exam, [a.pk for a in rows], qids


def set_close(exam, attempt_ids: list[int], at) -> None:
    from apps.exams.models import Attempt, Exam

    Exam.objects.filter(pk=exam.pk).update(closes_at=at)
    Attempt.objects.filter(pk__in=attempt_ids).update(deadline=at)


def progress(attempt_ids: list[int]) -> tuple[int, int]:
    """(finalized, fed): attempts submitted, and those whose after-commit feed has run."""
    from apps.exams.models import Attempt

    qs = Attempt.objects.filter(pk__in=attempt_ids)
    return qs.filter(status="submitted").count(), qs.filter(feed_applied_at__isnull=False).count()


def frozen(exam, expected: int) -> tuple[int, int]:
    """(attempts, attempts frozen with exactly `expected` questions)."""
    from apps.exams.models import Attempt

    layouts = list(Attempt.objects.filter(exam=exam).values_list("layout", flat=True))
    return len(layouts), sum(1 for layout in layouts if len(layout) == expected)


# --- load -----------------------------------------------------------------------------------
async def _timed(session, method: str, url: str, token: str, body=None):
    """(status or error name, seconds, parsed JSON or None); every call its own connection."""
    t0 = time.perf_counter()
    try:
        async with session.request(
            method, url, json=body, headers={"Authorization": f"Token {token}"}
        ) as res:
            raw = await res.read()
            status = res.status
    except Exception as exc:
        return type(exc).__name__, time.perf_counter() - t0, None
    data = None
    if body is not None or method == "PUT":
        import json

        try:
            data = json.loads(raw)
        except ValueError:
            data = None
    return status, time.perf_counter() - t0, data


# --- the start rush: open-loop arrivals, each its own connection ---------------------------
# Two load generators: "aiohttp" (the full client library), and "raw", a lean HTTP/1.1 client
# on asyncio streams (one prepared request, read to EOF), whose own cost per start is a small
# fraction of aiohttp's, so that on a 2-core machine the client eats less of the server's
# CPU. Either runs in `procs` processes sharing one arrival schedule.


def _server_timing(head: str) -> tuple[float | None, float | None]:
    """(wait, app) in ms from bench/server_timing.py's header, if present."""
    wait = app = None
    for part in head.split(","):
        name, _, dur = part.strip().partition(";dur=")
        if name == "wait":
            wait = float(dur)
        elif name == "app":
            app = float(dur)
    return wait, app


async def _raw_start(host: str, port: int, path: str, token: str) -> tuple:
    """(status or error name, seconds, wait ms, app ms, body bytes) for one POST."""
    request = (
        f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAuthorization: Token {token}\r\n"
        "Content-Length: 0\r\nConnection: close\r\n\r\n"
    ).encode()
    t0 = time.perf_counter()
    try:
        reader, writer = await asyncio.open_connection(host, port)
        writer.write(request)
        data = await reader.read()  # Connection: close, so the response ends at EOF
        writer.close()
    except Exception as exc:
        return type(exc).__name__, time.perf_counter() - t0, None, None, 0
    dt = time.perf_counter() - t0
    head, _, body = data.partition(b"\r\n\r\n")
    try:
        status = int(head[9:12])
    except ValueError:
        return "BadResponse", dt, None, None, 0
    timing = next(
        (
            line.split(b":", 1)[1].decode()
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"server-timing:")
        ),
        "",
    )
    return (status, dt, *_server_timing(timing), len(body))


async def _aiohttp_start(session, url: str, token: str) -> tuple:
    t0 = time.perf_counter()
    try:
        async with session.post(url, headers={"Authorization": f"Token {token}"}) as res:
            body = await res.read()
            status, timing = res.status, res.headers.get("Server-Timing", "")
    except Exception as exc:
        return type(exc).__name__, time.perf_counter() - t0, None, None, 0
    return (status, time.perf_counter() - t0, *_server_timing(timing), len(body))


async def _start_shard(
    base: str, exam_id: int, jobs: list[tuple[int, str]], step: float, t0: float, client: str
) -> list[tuple]:
    """Start each (index, token) at t0 + index * step (jittered within the step), whether or
    not earlier starts have been answered. Records (status, s, wait, app, bytes, lateness s,
    finished at), lateness being how long after its planned time the client sent it: the
    client's own lag."""
    from urllib.parse import urlsplit

    url = urlsplit(base)
    path = f"/api/v1/exams/{exam_id}/attempts"
    records: list[tuple] = []
    session = None
    if client == "aiohttp":
        import aiohttp

        session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=0, force_close=True),
            timeout=aiohttp.ClientTimeout(total=120),
        )

    async def one(index: int, token: str):
        planned = t0 + index * step + random.uniform(0, step)
        await asyncio.sleep(max(0.0, planned - time.monotonic()))
        late = time.monotonic() - planned
        if session is not None:
            result = await _aiohttp_start(session, base + path, token)
        else:
            result = await _raw_start(url.hostname, url.port, path, token)
        records.append((*result, late, time.monotonic()))

    try:
        await asyncio.gather(*(one(i, t) for i, t in jobs))
    finally:
        if session is not None:
            await session.close()
    return records


def _run_shard(args: tuple) -> tuple[list[tuple], float]:
    """One client process: its records and the CPU seconds it used."""
    cpu = time.process_time()
    records = asyncio.run(_start_shard(*args))
    return records, time.process_time() - cpu


def open_loop_starts(
    base: str, exam_id: int, tokens: list[str], seconds: float, client: str = "raw", procs: int = 1
) -> dict:
    """N cadres press start at open-loop times spread evenly over `seconds`, from `procs`
    client processes. Latency p50/p95/p99, errors, the sustained starts/s, where the time
    went (server wait for a thread, in the app, the rest outside it) and the client's CPU."""
    step = seconds / max(1, len(tokens))
    jobs = list(enumerate(tokens))
    t0 = time.monotonic() + 0.5 + 0.3 * procs  # the client processes start meanwhile
    shards = [(base, exam_id, jobs[i::procs], step, t0, client) for i in range(procs)]
    if procs == 1:
        results = [_run_shard(shards[0])]
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        ctx = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(procs, mp_context=ctx) as pool:
            results = list(pool.map(_run_shard, shards))
    records = [r for shard, _ in results for r in shard]
    client_cpu = sum(cpu for _, cpu in results)
    ok = [r for r in records if r[0] in (200, 201)]
    errors: dict[str, int] = {}
    for r in records:
        if r[0] not in (200, 201):
            errors[str(r[0])] = errors.get(str(r[0]), 0) + 1
    lat = [r[1] for r in ok]
    wait = [r[2] / 1000 for r in ok if r[2] is not None]
    app = [r[3] / 1000 for r in ok if r[3] is not None]
    outside = [r[1] - r[2] / 1000 - r[3] / 1000 for r in ok if r[2] is not None]
    late = [max(0.0, r[5]) for r in records]
    span = (max(r[6] for r in records) - t0) if records else 0.0
    return {
        "n": len(tokens),
        "seconds": seconds,
        "client": client,
        "procs": procs,
        "p50": pct(lat, 0.5),
        "p95": pct(lat, 0.95),
        "p99": pct(lat, 0.99),
        "max": pct(lat, 1.0),
        "errors": sum(errors.values()),
        "error_kinds": errors,
        "per_s": round(len(lat) / span, 1) if span else 0.0,
        "span_s": round(span, 2),
        "bytes": round(sum(r[4] for r in ok) / len(ok)) if ok else 0,
        "wait_p50": pct(wait, 0.5),
        "wait_p99": pct(wait, 0.99),
        "app_p50": pct(app, 0.5),
        "app_p99": pct(app, 0.99),
        "outside_p50": pct(outside, 0.5),
        "outside_p99": pct(outside, 0.99),
        "client_late_p99": pct(late, 0.99),
        "client_cpu_ms_per_start": round(client_cpu * 1000 / len(tokens), 2) if tokens else 0,
    }


async def close_rush(
    base: str, exam, attempt_ids: list[int], tokens: list[str], qids: list[int], late_share: float
) -> dict:
    """All phones submit at the close; `late_share` of them save 5-10 s later, then submit."""
    import aiohttp
    from asgiref.sync import sync_to_async
    from django.utils import timezone

    n = len(attempt_ids)
    late = set(random.sample(range(n), int(n * late_share)))
    close_at = timezone.now() + timedelta(seconds=4)
    await sync_to_async(set_close)(exam, attempt_ids, close_at)
    submit_lat: list[float] = []
    submit_errors: dict[str, int] = {}
    refused: dict[str, int] = {}
    answered_at: list[float] = []
    connector = aiohttp.TCPConnector(limit=0, force_close=True)
    timeout = aiohttp.ClientTimeout(total=300)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        wait = (close_at - timezone.now()).total_seconds()
        t_close = time.perf_counter() + wait

        async def submit(i: int):
            status, dt, _ = await _timed(
                session, "POST", f"{base}/api/v1/attempts/{attempt_ids[i]}/submit", tokens[i], {}
            )
            if i not in late:  # the late phones submit after their save, 5-10 s on
                answered_at.append(time.perf_counter() - t_close)
            if status == 200:
                submit_lat.append(dt)
            else:
                submit_errors[str(status)] = submit_errors.get(str(status), 0) + 1

        async def phone(i: int):
            if i in late:  # offline at the close: its queued save goes out 5-10 s after
                await asyncio.sleep(max(0.0, t_close + random.uniform(5, 10) - time.perf_counter()))
                status, _, data = await _timed(
                    session,
                    "PUT",
                    f"{base}/api/v1/attempts/{attempt_ids[i]}/answers/{qids[0]}",
                    tokens[i],
                    {"response": "C", "seq": 2, "device": "bench"},
                )
                if status != 200 or not (data or {}).get("accepted"):
                    refused[str(status)] = refused.get(str(status), 0) + 1
            else:  # the phone's own countdown reaches zero: auto-submit (clocks differ a little)
                await asyncio.sleep(
                    max(0.0, t_close + random.uniform(0, 0.5) - time.perf_counter())
                )
            await submit(i)

        await asyncio.gather(*(phone(i) for i in range(n)))
        all_answered = max(answered_at) if answered_at else 0.0
    finalized_s = graded_s = None
    deadline = time.perf_counter() + 600
    while time.perf_counter() < deadline:
        done, fed = await sync_to_async(progress)(attempt_ids)
        now = time.perf_counter() - t_close
        if done == n and finalized_s is None:
            finalized_s = round(now, 2)
        if fed == n:
            graded_s = round(now, 2)
            break
        await asyncio.sleep(0.25)
    return {
        "n": n,
        "late": len(late),
        "in_grace_refused": sum(refused.values()),
        "refused_kinds": refused,
        "submits_answered_s": round(all_answered, 2),
        "submit_p50": pct(submit_lat, 0.5),
        "submit_p99": pct(submit_lat, 0.99),
        "submit_errors": sum(submit_errors.values()),
        "submit_error_kinds": submit_errors,
        "all_finalized_s": finalized_s,
        "all_graded_s": graded_s,
    }


async def sequential_submits(base: str, attempt_ids: list[int], tokens: list[str]) -> list[float]:
    """One submit at a time on a quiet server: the in-request cost of finalising."""
    import aiohttp

    lat = []
    async with aiohttp.ClientSession() as session:
        for attempt_id, token in zip(attempt_ids, tokens, strict=True):
            status, dt, _ = await _timed(
                session, "POST", f"{base}/api/v1/attempts/{attempt_id}/submit", token, {}
            )
            if status == 200:
                lat.append(dt)
            await asyncio.sleep(0.2)  # let this submit's feed finish in the background
    return lat
