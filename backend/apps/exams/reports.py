"""Reads for the console's exam pages: the live monitor, who has not started, grading
progress, score history and the printable score sheet; all limited to the admin's scope."""

from __future__ import annotations

import io
from collections import defaultdict

from django.db.models import Count, Max
from django.utils import timezone

from apps.common import scoping
from apps.exams.analytics import _audience_in_scope, _local, final_attempts
from apps.exams.models import Answer, Attempt, Exam, ExamLog, ScoreChange, SubjectiveGrade
from apps.exams.services import extra_time
from apps.exams.services.exams import audience_rule
from apps.questions.models import Question
from question_bank.tables import write_xlsx

STATES = {
    "not_started": "未开始",
    "in_progress": "作答中",
    "submitted": "已交卷",
    "auto_submitted": "自动交卷",
}
AUTO_REASONS = {Attempt.SubmitReason.DEADLINE, Attempt.SubmitReason.FOCUS_LOSS}


def _unit(user) -> dict:
    unit = user.org_unit
    return {"id": unit.pk if unit else None, "full_name": unit.full_name if unit else ""}


def _current_attempt(attempts: list[Attempt]) -> Attempt:
    """The one the monitor shows: the attempt in progress, else the latest handed in."""
    in_progress = [a for a in attempts if a.status == Attempt.Status.IN_PROGRESS]
    return in_progress[0] if in_progress else max(attempts, key=lambda a: a.started_at)


def monitor(exam: Exam, admin) -> dict:
    """Per person and per unit: not started, in progress (answered n of N, time left,
    focus losses, last save), submitted or auto-submitted; and totals that add up."""
    now = timezone.now()
    audience = {u.pk: u for u in _audience_in_scope(exam, admin)}
    attempts = list(
        scoping.scope_queryset(Attempt.objects.filter(exam=exam), admin, "user__org_unit")
        .select_related("user__org_unit")
        .defer("item_scores")
    )
    by_user: dict[int, list[Attempt]] = defaultdict(list)
    for attempt in attempts:
        by_user[attempt.user_id].append(attempt)
    open_ids = [a.pk for a in attempts if a.status == Attempt.Status.IN_PROGRESS]
    saves = {
        row["attempt_id"]: row
        for row in Answer.objects.filter(attempt_id__in=open_ids)
        .values("attempt_id")
        .annotate(n=Count("id"), last=Max("saved_at"))
    }
    people = {**audience, **{a.user_id: a.user for a in attempts}}
    extra = extra_time.minutes_by_user(exam)
    rows = []
    for user_id, user in people.items():
        row = {
            "user_id": user_id,
            "name": user.display_name,
            "username": user.username,
            "unit": _unit(user),
            "in_audience": user_id in audience,
            "state": "not_started",
            "attempt_id": None,
            "attempts": len(by_user.get(user_id, [])),
            "answered": 0,
            "total": 0,
            "deadline": None,
            "seconds_left": None,
            "focus_loss_count": 0,
            "last_saved_at": None,
            "score": None,
            "pending_review": False,
            # Granted in the console; a person not started gets it when they start.
            "extra_minutes": extra.get(user_id, 0),
        }
        if user_id in by_user:
            attempt = _current_attempt(by_user[user_id])
            row.update(
                attempt_id=attempt.pk,
                total=len(attempt.layout),
                deadline=attempt.deadline,
                focus_loss_count=attempt.focus_loss_count,
            )
            if attempt.status == Attempt.Status.IN_PROGRESS:
                save = saves.get(attempt.pk, {})
                row.update(
                    state="in_progress",
                    answered=save.get("n", 0),
                    last_saved_at=save.get("last"),
                    seconds_left=max(0, int((attempt.deadline - now).total_seconds())),
                )
            else:
                auto = attempt.submit_reason in AUTO_REASONS
                row.update(
                    state="auto_submitted" if auto else "submitted",
                    answered=None,
                    score=None if attempt.pending_review else str(attempt.score),
                    pending_review=attempt.pending_review,
                )
        row["state_label"] = STATES[row["state"]]
        rows.append(row)
    rows.sort(key=lambda r: (r["unit"]["full_name"], r["username"]))
    units: dict = {}
    for row in rows:
        unit = units.setdefault(row["unit"]["id"], {"unit": row["unit"], **_zero()})
        _count(unit, row)
    totals = _zero()
    for row in rows:
        _count(totals, row)
    return {
        "exam_id": exam.pk,
        "state": exam.state(now),
        "server_now": now,
        "audience_rule": audience_rule(exam),
        "totals": totals,
        "units": sorted(units.values(), key=lambda u: u["unit"]["full_name"]),
        "people": rows,
    }


def _zero() -> dict:
    keys = ["audience", "outside_audience", *STATES, "graded", "waiting_grading"]
    return dict.fromkeys(keys, 0)


def _count(counts: dict, row: dict) -> None:
    counts["audience" if row["in_audience"] else "outside_audience"] += 1
    counts[row["state"]] += 1
    if row["state"] in ("submitted", "auto_submitted"):
        counts["waiting_grading" if row["pending_review"] else "graded"] += 1


def not_started_xlsx(exam: Exam, admin, unit_id: int | None = None) -> bytes:
    """Who in the audience has not started, per unit, for the township to phone them."""
    started = set(Attempt.objects.filter(exam=exam).values_list("user_id", flat=True))
    people = _audience_in_scope(exam, admin).exclude(pk__in=started)
    if unit_id:
        people = people.filter(org_unit_id=unit_id)
    rows = [
        [u.org_unit.full_name if u.org_unit else "", u.username, u.display_name, u.mobile or ""]
        for u in people.order_by("org_unit__path", "username")
    ]
    return write_xlsx([("未开始人员", ["单位", "工号", "姓名", "手机"], rows)])


def grading_progress(exam: Exam) -> dict:
    """Subjective answers graded and waiting, per question and per grader."""
    grades = SubjectiveGrade.objects.filter(attempt__exam=exam, attempt__status="submitted")
    per_question = []
    rows = grades.values("question_id").annotate(
        total=Count("id"), graded=Count("id", filter=~_ungraded())
    )
    stems = Question.objects.in_bulk([r["question_id"] for r in rows])
    for row in rows:
        q = stems[row["question_id"]]
        per_question.append(
            {
                "question_id": q.pk,
                "type_label": q.get_type_display(),
                "stem": q.stem[:120],
                "total": row["total"],
                "graded": row["graded"],
                "waiting": row["total"] - row["graded"],
            }
        )
    per_grader = [
        {
            "user_id": row["reviewer_id"],
            "name": row["reviewer__real_name"] or row["reviewer__username"],
            "graded": row["n"],
        }
        for row in grades.filter(reviewer__isnull=False)
        .values("reviewer_id", "reviewer__real_name", "reviewer__username")
        .annotate(n=Count("id"))
        .order_by("-n")
    ]
    total = sum(r["total"] for r in per_question)
    graded = sum(r["graded"] for r in per_question)
    return {
        "exam_id": exam.pk,
        "total": total,
        "graded": graded,
        "waiting": total - graded,
        "questions": per_question,
        "graders": per_grader,
    }


def _ungraded():
    from django.db.models import Q

    return Q(score__isnull=True)


def score_history(exam: Exam, admin) -> dict:
    """Score changes after hand-in (grading, regrades) of the admin's people, newest first;
    and what was done to the exam (ExamLog)."""
    changes = (
        scoping.scope_queryset(
            ScoreChange.objects.filter(attempt__exam=exam).exclude(kind=ScoreChange.Kind.FINALIZE),
            admin,
            "attempt__user__org_unit",
        )
        .select_related("attempt__user", "actor")
        .order_by("-created_at", "-id")[:500]
    )
    logs = ExamLog.objects.filter(exam=exam).select_related("actor", "user")
    return {
        "exam_id": exam.pk,
        "score_changes": [
            {
                "id": c.pk,
                "kind": c.kind,
                "kind_label": c.get_kind_display(),
                "name": c.attempt.user.display_name,
                "username": c.attempt.user.username,
                "old_score": None if c.old_score is None else str(c.old_score),
                "new_score": None if c.new_score is None else str(c.new_score),
                "reason": c.reason,
                "actor": c.actor.display_name if c.actor else "",
                "created_at": c.created_at,
            }
            for c in changes
        ],
        "logs": [
            {
                "id": log.pk,
                "kind": log.kind,
                "kind_label": log.get_kind_display(),
                "reason": log.reason,
                "detail": log.detail,
                "person": log.user.display_name if log.user else "",
                "actor": log.actor.display_name if log.actor else "",
                "created_at": log.created_at,
            }
            for log in logs
        ],
    }


def score_sheet_docx(exam: Exam, admin, unit_id: int | None = None) -> bytes:
    """A printable score sheet, one page per unit: everyone of the audience with their best
    graded score, or why there is none."""
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    best = {a.user_id: a for a in final_attempts(exam, admin)}
    handed_in = set(
        Attempt.objects.filter(exam=exam, status="submitted").values_list("user_id", flat=True)
    )
    people = _audience_in_scope(exam, admin)
    if unit_id:
        people = people.filter(org_unit_id=unit_id)
    by_unit: dict[str, list] = defaultdict(list)
    for user in people.order_by("org_unit__path", "username"):
        by_unit[user.org_unit.full_name if user.org_unit else "（无单位）"].append(user)
    document = Document()
    document.styles["Normal"].font.size = Pt(11)
    if not by_unit:
        document.add_heading(f"{exam.title} 成绩单", level=1)
        document.add_paragraph("所选范围内没有参考人员。")
    for index, (unit_name, users) in enumerate(by_unit.items()):
        if index:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_heading(f"{exam.title} 成绩单", level=1)
        document.add_paragraph(
            f"单位：{unit_name}    考试时间：{_local(exam.opens_at)} 至 {_local(exam.closes_at)}"
            f"    及格分：{exam.pass_mark}"
        )
        table = document.add_table(rows=1, cols=5)
        table.style = "Table Grid"
        for cell, text in zip(
            table.rows[0].cells, ["序号", "工号", "姓名", "得分", "是否及格"], strict=True
        ):
            cell.text = text
        for n, user in enumerate(users, start=1):
            attempt = best.get(user.pk)
            if attempt is not None:
                score, passed = str(attempt.score), "是" if attempt.passed else "否"
            elif user.pk in handed_in:
                score, passed = "待评分", ""
            else:
                score, passed = "未参加", ""
            for cell, text in zip(
                table.add_row().cells,
                [str(n), user.username, user.display_name, score, passed],
                strict=True,
            ):
                cell.text = text
        sat = sum(1 for u in users if u.pk in best)
        document.add_paragraph(
            f"应考 {len(users)} 人，已评分 {sat} 人。打印时间：{_local(timezone.now())}"
        )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
