"""Reads for cadres: exam cards, an attempt with its questions, and results as policy allows."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Max, Q
from django.utils import timezone

from apps.accounts.models import path_ids
from apps.common import scoping
from apps.exams import held_keys
from apps.exams.models import Answer, Attempt, Exam, Paper, PaperItem, PaperRule
from apps.exams.services.exams import in_audience, sitting_over
from apps.exams.services.papers import paper_totals
from apps.exams.services.presentation import Shown, render_text, shown_questions
from apps.questions.models import KnowledgePoint, Question
from apps.questions.services.rendering import render_question_text
from question_bank import explanations, question_types


def exams_for_admin(user):
    return scoping.scope_queryset(Exam.objects.all(), user).select_related("paper", "org_unit")


def exams_for_reports(user):
    """Exams whose progress and results an admin may read: their own, and any exam taken by
    people in their subtrees (a township admin follows the county's exam for the township).
    The reports themselves only ever show the people in the admin's scope."""
    qs = Exam.objects.select_related("paper", "org_unit")
    if user.is_superuser:
        return qs
    if not user.admin_unit_paths:
        return qs.none()
    # The administered units and every unit above them: an audience there includes them,
    # unless the exam leaves out sub-units (then only audience units in scope concern them).
    above_or_at = {unit_id for path in user.admin_unit_paths for unit_id in path_ids(path)}
    concerns = (
        scoping.unit_scope_q(user, "org_unit")
        | scoping.unit_scope_q(user, "audience_units")
        | Q(include_subunits=True, audience_units__in=above_or_at)
        # With roles only, the audience is the organizing unit's subtree.
        | Q(include_subunits=True, audience_units__isnull=True, org_unit__in=above_or_at)
        | scoping.unit_scope_q(user, "audience_users__org_unit")
    )
    return qs.filter(pk__in=Exam.objects.filter(concerns).values("pk"))


def mark_managed(exams: list[Exam], user) -> list[Exam]:
    """`can_manage` on each exam: set by the admin (in their scope), not only followed."""
    owned = set(
        exams_for_admin(user).filter(pk__in=[e.pk for e in exams]).values_list("pk", flat=True)
    )
    for exam in exams:
        exam.can_manage = exam.pk in owned
    return exams


def _pool_q(exam: Exam) -> Q:
    """The questions an exam's paper can put before a candidate: its fixed items, or any
    question of the banks its rules draw from."""
    rule_banks = PaperRule.objects.filter(paper_id=exam.paper_id).values("bank_id")
    fixed = PaperItem.objects.filter(paper_id=exam.paper_id).values("question_id")
    return Q(bank_id__in=rule_banks) | Q(pk__in=fixed)


def shares_questions_with(exam: Exam, viewer, now=None) -> list[dict]:
    """The other published exams that hold some of this exam's questions while this one
    runs. Whoever sits both hands this one in without a score (verdicts_held) until that
    one's hold ends, so the console tells the organizer before the cadres find out. Exams
    outside the viewer's reports are counted without their titles."""
    now = now or timezone.now()
    if exam.status == Exam.Status.CANCELLED or sitting_over(exam, now):
        return []
    overlapping = [
        row
        for row in held_keys.holding_exams(now)
        if row["exam"] != exam.pk and row["closes_at"] + row["longest_grant"] > exam.opens_at
    ]
    # One query for all of them: where this exam's held questions live (bank, lineage).
    held = held_keys.HeldKeys.of(overlapping)
    shared = set(
        Question.objects.filter(_pool_q(exam))
        .filter(held.q())
        .values_list("bank_id", "lineage")
        .distinct()
    )
    banks = {bank for bank, _ in shared}
    lineages = {lineage for _, lineage in shared}
    sharing = [
        row["exam"] for row in overlapping if row["banks"] & banks or row["lineages"] & lineages
    ]
    others = Exam.objects.filter(pk__in=sharing, status=Exam.Status.PUBLISHED).order_by("closes_at")
    visible = set(exams_for_reports(viewer).filter(pk__in=sharing).values_list("pk", flat=True))
    return [
        {"id": other.pk, "title": other.title, "closes_at": other.closes_at}
        if other.pk in visible
        else {"id": None, "title": "其他单位主办的考试", "closes_at": other.closes_at}
        for other in others
    ]


def mark_shared_pools(exams: list[Exam], viewer) -> list[Exam]:
    for exam in exams:
        exam.shares_questions_with = shares_questions_with(exam, viewer)
    return exams


def exams_for_cadre(user) -> list[Exam]:
    qs = Exam.objects.select_related("paper", "org_unit").prefetch_related(
        "audience_units", "paper__items", "paper__rules"
    )
    qs = qs.filter(status=Exam.Status.PUBLISHED)  # drafts and cancelled exams stay hidden
    return [exam for exam in qs if in_audience(exam, user)]


def annotate_cards(exams: list[Exam], user) -> list[Exam]:
    """Attach the viewer's attempts and the paper's totals to each exam, in two queries."""
    ids = [e.pk for e in exams]
    mine: dict[int, dict] = {}
    for row in (
        Attempt.objects.filter(exam_id__in=ids, user=user)
        .values("exam_id")
        .annotate(used=Count("id"), last=Max("id"), open=Max("id", filter=Q(status="in_progress")))
    ):
        mine[row["exam_id"]] = row
    for exam in exams:
        row = mine.get(exam.pk, {})
        exam.attempts_used = row.get("used", 0)
        exam.last_attempt = row.get("last")
        exam.in_progress_attempt = row.get("open")
        exam.question_count, exam.total_points = paper_totals(exam.paper)
    return exams


def question_payloads(attempt: Attempt, shown: dict[int, Shown] | None = None) -> list[dict]:
    """<AttemptQuestion>s in the attempt's frozen order, from how each question is shown
    (services.presentation: no question rows are read once this process has them)."""
    if shown is None:
        shown = shown_questions(attempt.question_ids)
    out = []
    for position, entry in enumerate(attempt.layout, start=1):
        qid = entry["q"]
        question = shown[qid]
        out.append(
            {
                "id": qid,
                "position": position,
                "type": question.type,
                "stem_html": question.stem_html,
                "options": question.options(entry.get("o")),
                "blanks": question.blanks,
                "points": entry["p"],
                "section": entry.get("s", ""),
            }
        )
    return out


def saved_answers(attempt: Attempt) -> dict[str, dict]:
    rows = Answer.objects.filter(attempt=attempt).values(
        "question_id", "response", "seq", "saved_at"
    )
    return {
        str(r["question_id"]): {
            "response": r["response"],
            "seq": r["seq"],
            "saved_at": r["saved_at"],
        }
        for r in rows
    }


def attempt_for_cadre(attempt_id: int, user) -> Attempt | None:
    return Attempt.objects.select_related("exam").filter(pk=attempt_id, user=user).first()


def attempt_clock(attempt_id: int, user) -> dict | None:
    """The attempt's status and deadline, read by primary key and nothing else (an idle exam
    page asks every minute or two)."""
    return Attempt.objects.filter(pk=attempt_id, user=user).values("status", "deadline").first()


def released(release: str, exam: Exam, now=None) -> bool:
    if release == Exam.Release.IMMEDIATE:
        return True
    return release == Exam.Release.AFTER_CLOSE and sitting_over(exam, now)


def answers_visible(exam: Exam, now=None) -> bool:
    """Keys and explanations leave the server only when the exam's answer release allows."""
    return released(exam.answer_release, exam, now)


def score_visible(exam: Exam, now=None) -> bool:
    """The score (and pass, rank, knowledge points) only when the score release allows."""
    return released(exam.score_release, exam, now)


def rank_in_unit(attempt: Attempt) -> tuple[int | None, int]:
    unit_id = attempt.user.org_unit_id
    best = (
        Attempt.objects.filter(
            exam_id=attempt.exam_id,
            status="submitted",
            pending_review=False,
            user__org_unit_id=unit_id,
        )
        .values("user_id")
        .annotate(best=Max("score"))
    )
    scores = {row["user_id"]: row["best"] for row in best}
    mine = scores.get(attempt.user_id)
    if mine is None:
        return None, len(scores)
    return 1 + sum(1 for s in scores.values() if s > mine), len(scores)


def knowledge_point_mastery(attempt: Attempt) -> list[dict]:
    through = Question.knowledge_points.through
    # Suggested (unconfirmed) knowledge points are never shown to cadres.
    rows = through.objects.filter(
        question_id__in=attempt.question_ids, knowledgepoint__status=KnowledgePoint.Status.CONFIRMED
    ).values_list("question_id", "knowledgepoint_id", "knowledgepoint__name")
    points = {e["q"]: Decimal(e["p"]) for e in attempt.layout}
    out: dict[int, dict] = {}
    for qid, kp_id, name in rows:
        entry = out.setdefault(
            kp_id,
            {"id": kp_id, "name": name, "score": Decimal("0.00"), "max_score": Decimal("0.00")},
        )
        entry["score"] += Decimal(attempt.item_scores.get(str(qid), {}).get("s", "0"))
        entry["max_score"] += points[qid]
    return [{**e, "score": str(e["score"]), "max_score": str(e["max_score"])} for e in out.values()]


def verdicts_held(attempt: Attempt, now=None) -> held_keys.HeldKeys | None:
    """What another exam still holds from the candidate among this attempt's questions (None
    when nothing). Their verdicts must stay back as their keys do: a mock exam's score, with
    one question answered, says whether that answer was right, and three sittings find a
    single-choice key of the formal exam's pool."""
    held = held_keys.held_for(attempt.user, except_exam=attempt.exam, now=now)
    if not held:
        return None
    ids = attempt.question_ids
    return held if Question.objects.filter(held.q(), pk__in=ids).exists() else None


def score_held_for(exam: Exam, user, now=None) -> bool:
    """Whether another exam holds some of this exam's questions from `user`, so that a
    sitting's score would stay back (verdicts_held) whatever the exam's own policy says: the
    detail page must not promise a score at once that the result page will not show."""
    held = held_keys.held_for(user, except_exam=exam, now=now)
    return bool(held) and Question.objects.filter(held.q()).filter(_pool_q(exam)).exists()


def submit_reply(attempt: Attempt, now=None) -> dict:
    """<SubmitReply> of the API contract: no questions, answers or result items."""
    now = now or timezone.now()
    visible = score_visible(attempt.exam, now) and verdicts_held(attempt, now) is None
    return {
        "id": attempt.pk,
        "status": attempt.status,
        "submitted_at": attempt.submitted_at,
        "submit_reason": attempt.submit_reason or None,
        "score_visible": visible,
        "score": str(attempt.score) if visible and attempt.score is not None else None,
        "max_score": str(attempt.max_score),
        "passed": attempt.passed if visible else None,
        "pending_review": attempt.pending_review,
    }


def result_for(attempt: Attempt, now=None) -> dict | None:
    """The cadre's result, or None while the attempt is in progress."""
    if attempt.status != Attempt.Status.SUBMITTED:
        return None
    now = now or timezone.now()
    withheld = {
        "score_visible": False,
        "score": None,
        "max_score": str(attempt.max_score),
        "passed": None,
        "pending_review": attempt.pending_review,
        "rank_in_unit": None,
        "unit_count": 0,
        "knowledge_points": [],
        "answers_visible": False,  # answers would give the score away
        "items": [],
    }
    if not score_visible(attempt.exam, now):
        return withheld
    if (held := verdicts_held(attempt, now)) is not None:
        # The score would give a held verdict away; the other items follow the exam's policy.
        withheld["answers_visible"] = answers_visible(attempt.exam, now)
        if withheld["answers_visible"]:
            withheld["items"] = result_items(attempt, held)
        return withheld
    rank, unit_count = (None, 0) if attempt.pending_review else rank_in_unit(attempt)
    result = {
        "score_visible": True,
        "score": None if attempt.score is None else str(attempt.score),
        "max_score": str(attempt.max_score),
        "passed": attempt.passed,
        "pending_review": attempt.pending_review,
        "rank_in_unit": rank,
        "unit_count": unit_count,
        "knowledge_points": knowledge_point_mastery(attempt),
        "answers_visible": answers_visible(attempt.exam, now),
        "items": [],
    }
    if result["answers_visible"]:
        result["items"] = result_items(attempt)
    return result


def result_items(attempt: Attempt, held: held_keys.HeldKeys | None = None) -> list[dict]:
    questions = Question.objects.select_related("source_passage__material").in_bulk(
        attempt.question_ids
    )
    responses = {k: v["response"] for k, v in saved_answers(attempt).items()}
    # Another exam the cadre could still sit may hold some of these keys (a mock exam's
    # fixed items from the formal exam's bank): those, and whether they were answered
    # right, stay hidden until it closes.
    if held is None:
        held = held_keys.held_for(attempt.user, except_exam=attempt.exam)
    # While the cadre sits another exam, every key stays back: extra time can run that
    # attempt past its window's close, when the hold above has already ended.
    sitting = (
        Attempt.objects.filter(
            user_id=attempt.user_id, status=Attempt.Status.IN_PROGRESS, deadline__gt=timezone.now()
        )
        .exclude(pk=attempt.pk)
        .exists()
    )
    items = []
    for position, entry in enumerate(attempt.layout, start=1):
        q = questions[entry["q"]]
        graded = attempt.item_scores.get(str(q.pk), {})
        order = entry.get("o")
        kind = question_types.get(q.type)
        answer = kind.display_key(q.answer, order) if kind.has_options else q.answer
        passage = q.source_passage
        hidden = sitting or held.holds(q)
        items.append(
            {
                "question_id": q.pk,
                "position": position,
                "type": q.type,
                "stem_html": q.stem_html or render_text(q.stem),
                "your_response": responses.get(str(q.pk)),
                "correct": None if hidden else graded.get("c"),
                "score": None if hidden else graded.get("s", "0.00"),
                "points": entry["p"],
                "options": displayed_options(q, order),
                "answer": None if hidden else answer,
                "explanation_html": "" if hidden else explanation_html(q, order),
                "key_held": hidden,
                "source": None
                if passage is None or hidden
                else {
                    "material_id": passage.material_id,
                    "material_title": passage.material.title,
                    "passage_id": passage.pk,
                    "passage_key": passage.key,
                    "quote": ""
                    if explanations.quotes_source(q.explanation, q.source_quote)
                    else q.source_quote,
                },
            }
        )
    return items


def displayed_options(question: Question, order: list[str] | None) -> list[dict]:
    """A choice question's options as this attempt showed them: [{key: letter shown, text}]."""
    by_key = {o["key"]: o.get("text", "") for o in question.options or []}
    keys = order or [o["key"] for o in question.options or []]
    return [
        {"key": chr(ord("A") + i), "text": by_key[key]}
        for i, key in enumerate(keys)
        if key in by_key
    ]


def explanation_html(question: Question, order: list[str] | None) -> str:
    """The explanation with its option letters as this attempt showed them."""
    text = explanations.remap_letters(question.explanation, order)
    if text != question.explanation:
        return render_question_text(text)
    return question.explanation_html or render_text(question.explanation)


def attempt_payload(
    attempt: Attempt, shown: dict[int, Shown] | None = None, fresh: bool = False
) -> dict:
    """<Attempt> of the API contract: questions without keys, saved answers, server time."""
    exam = attempt.exam
    now = timezone.now()
    return {
        "id": attempt.pk,
        "exam": {
            "id": exam.pk,
            "title": exam.title,
            "kind": exam.kind,
            "score_release": exam.score_release,
            "answer_release": exam.answer_release,
        },
        "status": attempt.status,
        "started_at": attempt.started_at,
        "deadline": attempt.deadline,
        "server_now": now,
        "submitted_at": attempt.submitted_at,
        "submit_reason": attempt.submit_reason or None,
        "questions": question_payloads(attempt, shown),
        "answers": {} if fresh else saved_answers(attempt),
        "flagged": attempt.flagged or [],
        "focus_loss_count": attempt.focus_loss_count,
        "focus_loss_limit": exam.focus_loss_limit,
        "result": result_for(attempt, now),
    }


def papers_for_admin(user):
    from django.db.models import Exists, OuterRef

    started = Attempt.objects.filter(exam__paper=OuterRef("pk"))
    return (
        scoping.scope_queryset(Paper.objects.all(), user)
        .annotate(in_use=Exists(started), exam_count=Count("exams", distinct=True))
        .select_related("org_unit")
        .prefetch_related("items__question", "rules__bank", "rules__knowledge_point")
        .order_by("-created_at", "-id")
    )


def paper_preview(paper: Paper, viewer) -> dict:
    """A sample draw of the paper, with keys (admins only), except keys an exam the viewer
    could still sit holds from them."""
    from apps.exams.services.papers import draw

    drawn = draw(paper, use_cache=False)
    questions = Question.objects.in_bulk([qid for qid, _, _ in drawn])
    held = held_keys.held_for(viewer)
    rows = [
        {
            "position": i,
            "section": section,
            "points": str(points),
            "question_id": qid,
            "type": questions[qid].type,
            "stem": questions[qid].stem,
            "options": questions[qid].options,
            "answer": None if held.holds(questions[qid]) else questions[qid].answer,
            "key_held": held.holds(questions[qid]),
            "difficulty": questions[qid].difficulty,
        }
        for i, (qid, points, section) in enumerate(drawn, start=1)
    ]
    return {
        "paper_id": paper.pk,
        "question_count": len(rows),
        "total_points": str(sum(Decimal(r["points"]) for r in rows)),
        "questions": rows,
    }
