"""Reads for training: which questions a cadre may practise, mastery per knowledge point,
the wrong-question book, and the daily-quiz streak."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from apps.accounts.models import OrgUnit, User
from apps.common.scoping import scope_queryset
from apps.exams import held_keys
from apps.exams.models import Attempt
from apps.questions.models import OBJECTIVE_TYPES, Bank, KnowledgePoint, Question
from apps.training.models import (
    DailyQuiz,
    ExamResult,
    PracticeAnswer,
    PracticeSession,
    StudyVote,
    WrongBookEntry,
)

# Laplace-smoothed mastery of a knowledge point nobody has answered yet.
UNTRIED_MASTERY = 0.5


def available_banks(user: User) -> QuerySet[Bank]:
    """Banks of the cadre's own unit, and banks of ancestors that are shared down."""
    unit = user.org_unit
    if unit is None:
        return Bank.objects.none()
    return Bank.objects.filter(
        Q(org_unit=unit) | Q(org_unit_id__in=unit.ancestor_ids(), shared_down=True)
    )


def practice_questions(user: User, now: dt.datetime | None = None) -> QuerySet[Question]:
    """Current, published, auto-gradable questions the cadre may practise: never one whose
    key is held from them by an exam they could still sit (see apps.exams.held_keys)."""
    return Question.objects.filter(
        bank__in=available_banks(user),
        is_current=True,
        status=Question.Status.PUBLISHED,
        type__in=OBJECTIVE_TYPES,
    ).exclude(held_keys.held_for(user, now=now).q())


def passage_practice_counts(user: User, material_id: int) -> list[dict]:
    """Passages of one material with practisable questions linked to them, in reading order."""
    rows = (
        practice_questions(user)
        .filter(source_passage__material_id=material_id)
        .values("source_passage", "source_passage__key", "source_passage__position")
        .annotate(question_count=Count("id", distinct=True))
        .order_by("source_passage__position")
    )
    return [
        {
            "passage": row["source_passage"],
            "key": row["source_passage__key"],
            "question_count": row["question_count"],
        }
        for row in rows
    ]


def in_exam(user: User, now: dt.datetime) -> bool:
    """Whether the cadre is sitting an exam right now (an attempt open and before its deadline)."""
    return Attempt.objects.filter(
        user=user, status=Attempt.Status.IN_PROGRESS, deadline__gt=now
    ).exists()


def hides_key(user: User, now: dt.datetime | None = None) -> Callable[[Question], bool]:
    """Whether reopened feedback must leave out a question's key: always while the cadre sits
    an exam, and for every question an exam holds from them."""
    now = now or timezone.now()
    if in_exam(user, now):
        return lambda question: True
    return held_keys.held_for(user, now=now).holds


def available_knowledge_points(user: User) -> QuerySet[KnowledgePoint]:
    """Knowledge points with at least one practisable question, with that count."""
    pool = practice_questions(user)
    return (
        KnowledgePoint.objects.filter(questions__in=pool, status=KnowledgePoint.Status.CONFIRMED)
        .annotate(question_count=Count("questions", filter=Q(questions__in=pool), distinct=True))
        .order_by("name")
    )


def banks_with_counts(user: User) -> QuerySet[Bank]:
    pool = practice_questions(user)
    return (
        available_banks(user)
        .annotate(question_count=Count("questions", filter=Q(questions__in=pool), distinct=True))
        .filter(question_count__gt=0)
        .order_by("name")
    )


def current_version(lineage: uuid.UUID, fallback: Question) -> Question:
    """The published current version of a question, or the version the cadre last saw."""
    current = (
        Question.objects.filter(lineage=lineage, is_current=True, status=Question.Status.PUBLISHED)
        .select_related("source_passage")
        .first()
    )
    return current or fallback


def mastery_by_knowledge_point(user: User) -> dict[int, float]:
    """Smoothed share of right answers per knowledge point, over practice and exams (an exam
    verdict once applied: released by its exam and held by no other, see exam_feed)."""
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for answers in (PracticeAnswer.objects.all(), ExamResult.objects.filter(applied=True)):
        rows = (
            answers.filter(user=user, question__knowledge_points__isnull=False)
            .values("question__knowledge_points")
            .annotate(total=Count("id"), right=Count("id", filter=Q(is_correct=True)))
        )
        for row in rows:
            pair = totals[row["question__knowledge_points"]]
            pair[0] += row["total"]
            pair[1] += row["right"]
    return {kp: (right + 1) / (total + 2) for kp, (total, right) in totals.items()}


def wrong_book_entries(user: User, knowledge_point: int | None = None) -> QuerySet[WrongBookEntry]:
    qs = WrongBookEntry.objects.filter(user=user, resolved_at__isnull=True).select_related(
        "question"
    )
    if knowledge_point:
        qs = on_knowledge_point(qs, knowledge_point)
    return qs.order_by("-last_wrong_at", "-id")


def on_knowledge_point(entries: QuerySet[WrongBookEntry], knowledge_point: int):
    """Entries whose question (any version) is linked to the knowledge point."""
    lineages = Question.objects.filter(knowledge_points=knowledge_point).values("lineage")
    return entries.filter(lineage__in=lineages)


def streak(user: User, today: dt.date) -> dict:
    """Consecutive completed daily quizzes ending today (or yesterday, if today is open)."""
    days = set(
        DailyQuiz.objects.filter(user=user, completed_at__isnull=False).values_list(
            "day", flat=True
        )
    )
    cursor = today if today in days else today - dt.timedelta(days=1)
    current = 0
    while cursor in days:
        current += 1
        cursor -= dt.timedelta(days=1)
    best = run = 0
    previous = None
    for day in sorted(days):
        run = run + 1 if previous is not None and day - previous == dt.timedelta(days=1) else 1
        best = max(best, run)
        previous = day
    return {"current": current, "best": best, "today_done": today in days, "total_days": len(days)}


def votable_knowledge_points(user: User) -> QuerySet[KnowledgePoint]:
    """Confirmed knowledge points of the cadre's own unit and its ancestors."""
    if user.org_unit is None:
        return KnowledgePoint.objects.none()
    return KnowledgePoint.objects.filter(
        org_unit_id__in=[*user.org_unit.ancestor_ids(), user.org_unit_id],
        status=KnowledgePoint.Status.CONFIRMED,
    )


def study_need_ranking(admin: User, unit: OrgUnit | None = None) -> list[dict]:
    """Demand ranked by votes, counting only voters whose unit is in the admin's scope
    (and under `unit`, when given)."""
    votes = scope_queryset(StudyVote.objects.all(), admin, "org_unit")
    if unit is not None:
        votes = votes.filter(org_unit__path__startswith=unit.path)
    rows = (
        votes.values("knowledge_point", "knowledge_point__name", "topic", "topic__title")
        .annotate(votes=Count("id"), units=Count("org_unit", distinct=True))
        .order_by("-votes", "-units", "knowledge_point__name", "topic__title")
    )
    ranking = []
    for rank, row in enumerate(rows, start=1):
        is_kp = row["knowledge_point"] is not None
        ranking.append(
            {
                "rank": rank,
                "kind": "knowledge_point" if is_kp else "topic",
                "id": row["knowledge_point"] if is_kp else row["topic"],
                "name": row["knowledge_point__name"] if is_kp else row["topic__title"],
                "votes": row["votes"],
                "units": row["units"],
            }
        )
    return ranking


def session_items(session: PracticeSession) -> list[tuple[Question, PracticeAnswer | None]]:
    """The session's questions in order, each with the cadre's answer if given."""
    questions = (
        Question.objects.select_related("source_passage")
        .prefetch_related("knowledge_points")
        .in_bulk(session.question_ids)
    )
    answers = {a.question_id: a for a in session.answers.all()}
    return [(questions[qid], answers.get(qid)) for qid in session.question_ids if qid in questions]


def practice_sessions(user: User) -> QuerySet[PracticeSession]:
    return (
        PracticeSession.objects.filter(user=user)
        .select_related("knowledge_point", "bank")
        .annotate(
            answered=Count("answers"), correct=Count("answers", filter=Q(answers__is_correct=True))
        )
        .order_by("-created_at", "-id")
    )


def attach_display_questions(entries: list[WrongBookEntry]) -> list[WrongBookEntry]:
    """Set `display_question` on each entry: the current published version, else the last seen."""
    lineages = [e.lineage for e in entries]
    current = {
        q.lineage: q
        for q in Question.objects.filter(
            lineage__in=lineages, is_current=True, status=Question.Status.PUBLISHED
        ).prefetch_related("knowledge_points")
    }
    for entry in entries:
        entry.display_question = current.get(entry.lineage, entry.question)
    return entries


def wrong_book_summary(user: User) -> dict:
    """How many active wrong questions, in total and per knowledge point (most first)."""
    entries = wrong_book_entries(user)
    lineages = entries.values("lineage")
    rows = (
        KnowledgePoint.objects.filter(questions__lineage__in=lineages, questions__is_current=True)
        .annotate(count=Count("questions__lineage", distinct=True))
        .order_by("-count", "name")
        .values("id", "name", "count")
    )
    return {"total": entries.count(), "by_knowledge_point": list(rows)}
