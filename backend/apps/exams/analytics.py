"""Reads for org admins: live progress, score statistics, item analysis, results sheet."""

from __future__ import annotations

import statistics
from collections import defaultdict
from decimal import Decimal

from apps.common import scoping
from apps.exams import conf, held_keys
from apps.exams.models import Answer, Attempt, Exam
from apps.exams.services.exams import audience_users_qs
from apps.exams.services.grading import to_original
from apps.questions.models import Question
from question_bank.tables import write_xlsx


def _audience_in_scope(exam: Exam, admin):
    return scoping.scope_queryset(audience_users_qs(exam), admin, "org_unit")


def _status_by_user(exam: Exam) -> dict[int, str]:
    status: dict[int, str] = {}
    for user_id, state in Attempt.objects.filter(exam=exam).values_list("user_id", "status"):
        if status.get(user_id) != "submitted":
            status[user_id] = state
    return status


def progress(exam: Exam, admin) -> dict:
    status = _status_by_user(exam)
    units: dict[int, dict] = {}
    for user in _audience_in_scope(exam, admin):
        unit = user.org_unit
        row = units.setdefault(
            unit.pk if unit else 0,
            {
                "unit": {
                    "id": unit.pk if unit else None,
                    "name": unit.name if unit else "",
                    "full_name": unit.full_name if unit else "",
                },
                "not_started": 0,
                "in_progress": 0,
                "submitted": 0,
                "not_started_names": [],
            },
        )
        state = status.get(user.pk, "not_started")
        row[state] += 1
        if state == "not_started":
            row["not_started_names"].append(user.display_name)
    rows = sorted(units.values(), key=lambda r: r["unit"]["full_name"])
    totals = {k: sum(r[k] for r in rows) for k in ("not_started", "in_progress", "submitted")}
    return {"exam_id": exam.pk, "state": exam.state(), "totals": totals, "units": rows}


def final_attempts(exam: Exam, admin) -> list[Attempt]:
    """Each person's best graded attempt, within the admin's scope."""
    qs = (
        scoping.scope_queryset(
            Attempt.objects.filter(exam=exam, status="submitted", pending_review=False),
            admin,
            "user__org_unit",
        )
        .select_related("user__org_unit")
        .order_by("user_id", "-score")
    )
    best: dict[int, Attempt] = {}
    for attempt in qs:
        best.setdefault(attempt.user_id, attempt)
    return list(best.values())


def stats(exam: Exam, admin) -> dict:
    attempts = final_attempts(exam, admin)
    scores = [a.score for a in attempts]
    top = max((a.max_score for a in attempts), default=Decimal("0"))
    buckets = [{"from": i * 10, "to": i * 10 + 10, "count": 0} for i in range(10)]
    for a in attempts:
        pct = 0 if not a.max_score else float(a.score / a.max_score * 100)
        buckets[min(int(pct // 10), 9)]["count"] += 1
    audience = defaultdict(int)
    for unit_id in _audience_in_scope(exam, admin).values_list("org_unit_id", flat=True):
        audience[unit_id] += 1
    per_unit: dict[int, dict] = {}
    for a in attempts:
        unit = a.user.org_unit
        row = per_unit.setdefault(
            unit.pk if unit else 0,
            {
                "unit": {
                    "id": unit.pk if unit else None,
                    "full_name": unit.full_name if unit else "",
                },
                "scores": [],
            },
        )
        row["scores"].append(a.score)
    units = []
    for unit_id, row in per_unit.items():
        size = audience.get(unit_id) or len(row["scores"])
        units.append(
            {
                "unit": row["unit"],
                "participants": len(row["scores"]),
                "audience": size,
                "participation_rate": round(len(row["scores"]) / size, 4) if size else None,
                "mean": str(_mean(row["scores"])),
            }
        )
    units.sort(key=lambda r: r["unit"]["full_name"])
    total_audience = sum(audience.values())
    return {
        "exam_id": exam.pk,
        "participants": len(attempts),
        "audience": total_audience,
        "participation_rate": round(len(attempts) / total_audience, 4) if total_audience else None,
        "max_score": str(top),
        "mean": str(_mean(scores)),
        "median": str(Decimal(statistics.median(scores)).quantize(Decimal("0.01")))
        if scores
        else None,
        "highest": str(max(scores)) if scores else None,
        "lowest": str(min(scores)) if scores else None,
        "pass_rate": round(sum(1 for a in attempts if a.passed) / len(attempts), 4)
        if attempts
        else None,
        "distribution": buckets,
        "units": units,
    }


def _mean(values: list[Decimal]) -> Decimal:
    return (sum(values) / len(values)).quantize(Decimal("0.01")) if values else Decimal("0.00")


def _seconds_per_question(
    attempt_ids: list[int], started: dict[int, object]
) -> dict[int, list[float]]:
    """Time per question from the first save of each, in save order within an attempt."""
    out: dict[int, list[float]] = defaultdict(list)
    previous: dict[int, object] = dict(started)
    rows = Answer.objects.filter(attempt_id__in=attempt_ids).order_by(
        "attempt_id", "first_saved_at"
    )
    for attempt_id, qid, first in rows.values_list("attempt_id", "question_id", "first_saved_at"):
        out[qid].append(max(0.0, (first - previous[attempt_id]).total_seconds()))
        previous[attempt_id] = first
    return out


def item_analysis(exam: Exam, admin) -> dict:
    attempts = list(
        scoping.scope_queryset(
            Attempt.objects.filter(exam=exam, status="submitted"), admin, "user__org_unit"
        ).only("id", "layout", "item_scores", "score", "started_at")
    )
    responses: dict[tuple[int, int], object] = {}
    for attempt_id, qid, response in Answer.objects.filter(attempt__in=attempts).values_list(
        "attempt_id", "question_id", "response"
    ):
        responses[(attempt_id, qid)] = response
    times = _seconds_per_question([a.pk for a in attempts], {a.pk: a.started_at for a in attempts})
    per_q: dict[int, list[tuple[Decimal, float]]] = defaultdict(list)
    choices: dict[int, dict] = defaultdict(lambda: defaultdict(int))
    for a in attempts:
        for entry in a.layout:
            qid = entry["q"]
            graded = a.item_scores.get(str(qid))
            if graded is None or graded.get("c") is None:  # ungraded subjective
                continue
            ratio = (
                float(Decimal(graded["s"]) / Decimal(entry["p"])) if Decimal(entry["p"]) else 0.0
            )
            per_q[qid].append((a.score or Decimal(0), ratio))
            _count_choice(choices[qid], responses.get((a.pk, qid)), entry.get("o"))
    questions = Question.objects.in_bulk(list(per_q))
    # An admin who could still sit this exam (or another one drawing these questions) gets
    # no row of a question held from them: the spread of choices gives its key away.
    held = held_keys.held_for(admin)
    shown = {qid: rows for qid, rows in per_q.items() if not held.holds(questions[qid])}
    items = [
        _item_row(questions[qid], rows, choices[qid], times.get(qid, []))
        for qid, rows in shown.items()
    ]
    items.sort(key=lambda r: (r["discrimination"] is None, r["discrimination"] or 0))
    return {
        "exam_id": exam.pk,
        "attempts": len(attempts),
        "items": items,
        "held_out": len(per_q) - len(shown),
    }


def _count_choice(counter: dict, response, order) -> None:
    if isinstance(response, bool):
        counter["true" if response else "false"] += 1
    elif isinstance(response, str) and len(response) == 1:
        counter[str(to_original(response, order))] += 1
    elif isinstance(response, list) and all(isinstance(x, str) and len(x) == 1 for x in response):
        for letter in response:
            counter[str(to_original(letter, order))] += 1
    elif response is None:
        counter["blank"] += 1


def _item_row(
    question: Question, rows: list[tuple[Decimal, float]], choices: dict, times: list[float]
) -> dict:
    n = len(rows)
    facility = sum(r for _, r in rows) / n
    discrimination = None
    if n >= 2:
        ranked = sorted(rows, key=lambda r: r[0], reverse=True)
        k = max(1, round(n * 0.27))
        upper, lower = ranked[:k], ranked[-k:]
        discrimination = round(sum(r for _, r in upper) / k - sum(r for _, r in lower) / k, 4)
    flag = (
        n >= conf.item_min_attempts()
        and discrimination is not None
        and discrimination < conf.low_discrimination()
    )
    return {
        "question_id": question.pk,
        "type": question.type,
        "type_label": question.get_type_display(),
        "stem": question.stem[:200],
        "responses": n,
        "facility": round(facility, 4),
        "discrimination": discrimination,
        "choices": dict(choices),
        "mean_seconds": round(sum(times) / len(times), 1) if times else None,
        "low_discrimination": flag,
        "question_status": question.status,
    }


def results_xlsx(exam: Exam, admin) -> bytes:
    attempts = (
        scoping.scope_queryset(Attempt.objects.filter(exam=exam), admin, "user__org_unit")
        .select_related("user__org_unit")
        .order_by("user__org_unit__path", "user__username", "started_at")
    )
    headers = [
        "工号",
        "姓名",
        "单位",
        "状态",
        "开始时间",
        "交卷时间",
        "交卷方式",
        "得分",
        "满分",
        "是否及格",
        "待人工评分",
    ]
    rows = []
    for a in attempts:
        rows.append(
            [
                a.user.username,
                a.user.display_name,
                a.user.org_unit.full_name if a.user.org_unit else "",
                a.get_status_display(),
                _local(a.started_at),
                _local(a.submitted_at),
                a.get_submit_reason_display() if a.submit_reason else "",
                float(a.score) if a.score is not None else None,
                float(a.max_score),
                {True: "是", False: "否"}.get(a.passed, ""),
                "是" if a.pending_review else "否",
            ]
        )
    status = _status_by_user(exam)
    missing = [
        [u.username, u.display_name, u.org_unit.full_name if u.org_unit else "", "未参加"]
        for u in _audience_in_scope(exam, admin)
        if u.pk not in status
    ]
    return write_xlsx(
        [("成绩", headers, rows), ("未参加人员", ["工号", "姓名", "单位", "状态"], missing)]
    )


def _local(value):
    from django.utils import timezone

    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S") if value else ""
