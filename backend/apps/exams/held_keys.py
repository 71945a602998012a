"""Held keys: whose eyes a question's key (answer, explanation, scoring points, source quote)
must not reach yet.

An exam holds the key of every question in its pool (its fixed items, or every question of
the banks its rules draw from) from each person who could still sit it: in its audience,
with an attempt in progress or attempts left, and the exam not closed. Holding ends when
the exam closes (after_close releases its answers then; never does not release them, and
nobody can sit it any more). An exam's own result page follows its own policy.

Rules hold whole banks, not the slice their type/knowledge point/difficulty filters pick
today: an edit (a new version with another difficulty, a new knowledge point) moves a
question into that slice while the exam is open, so only the bank is provably the pool.
A bank's versions never move banks, so `bank_id` identifies the pool on any version.

Cost: the open exams and their pools are cached under a fingerprint of the exams that are
not closed (count, latest exam and paper edits), read with one aggregate query per call;
per person, one query counts their attempts, and only when they are in some audience.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.utils import timezone

from apps.exams.models import Attempt, Exam, PaperItem, PaperRule
from apps.exams.services.exams import in_audience

# Keys of the payloads that carry a question's key, blanked when the key is held.
HELD_NOTICE = "该题正用于您尚未结束的考试，考试结束后再查看答案与解析"
CACHE_SECONDS = 300


@dataclass(frozen=True)
class HeldKeys:
    """The pools held from one person: whole banks, and single lineages of fixed papers."""

    bank_ids: frozenset[int] = field(default_factory=frozenset)
    lineages: frozenset[uuid.UUID] = field(default_factory=frozenset)

    def __bool__(self) -> bool:
        return bool(self.bank_ids or self.lineages)

    def holds(self, question) -> bool:
        return question.bank_id in self.bank_ids or question.lineage in self.lineages

    def q(self, prefix: str = "") -> Q:
        """Rows whose question (at `prefix`, e.g. "question__") is held."""
        if not self:
            return Q(pk__in=[])
        return Q(**{f"{prefix}bank_id__in": self.bank_ids}) | Q(
            **{f"{prefix}lineage__in": self.lineages}
        )


NOTHING_HELD = HeldKeys()


def _fingerprint(now: dt.datetime) -> str:
    row = Exam.objects.filter(closes_at__gt=now).aggregate(
        n=Count("id"), exam=Max("updated_at"), paper=Max("paper__updated_at")
    )
    stamp = [row["n"], row["exam"] and row["exam"].timestamp()]
    return ":".join(str(v) for v in [*stamp, row["paper"] and row["paper"].timestamp()])


def holding_exams(now: dt.datetime | None = None) -> list[dict]:
    """Every exam not yet closed, with its pool: [{"exam", "closes_at", "banks", "lineages"}]."""
    now = now or timezone.now()
    key = f"exams:holding:{_fingerprint(now)}"
    rows = cache.get(key)
    if rows is None:
        exams = list(
            Exam.objects.filter(closes_at__gt=now).select_related("org_unit").order_by("pk")
        )
        paper_ids = {e.paper_id for e in exams}
        banks: dict[int, set[int]] = {}
        for paper_id, bank_id in PaperRule.objects.filter(paper_id__in=paper_ids).values_list(
            "paper_id", "bank_id"
        ):
            banks.setdefault(paper_id, set()).add(bank_id)
        lineages: dict[int, set[uuid.UUID]] = {}
        for paper_id, lineage in PaperItem.objects.filter(paper_id__in=paper_ids).values_list(
            "paper_id", "question__lineage"
        ):
            lineages.setdefault(paper_id, set()).add(lineage)
        rows = [
            {
                "exam": exam,
                "closes_at": exam.closes_at,
                "banks": frozenset(banks.get(exam.paper_id, ())),
                "lineages": frozenset(lineages.get(exam.paper_id, ())),
            }
            for exam in exams
        ]
        cache.set(key, rows, CACHE_SECONDS)
    # Filtered again on every read: an exam stops holding the moment it closes.
    return [row for row in rows if row["closes_at"] > now]


def exams_user_could_sit(user, now: dt.datetime | None = None) -> list[dict]:
    """The holding exams this person is in the audience of and still has a sitting of."""
    if user is None or not user.is_authenticated:
        return []
    rows = [row for row in holding_exams(now) if in_audience(row["exam"], user)]
    if not rows:
        return []
    usage = {
        r["exam_id"]: r
        for r in Attempt.objects.filter(user=user, exam_id__in=[row["exam"].pk for row in rows])
        .values("exam_id")
        .annotate(used=Count("id"), open=Count("id", filter=Q(status=Attempt.Status.IN_PROGRESS)))
    }
    sittable = []
    for row in rows:
        used = usage.get(row["exam"].pk, {"used": 0, "open": 0})
        if used["open"] or used["used"] < row["exam"].attempts_allowed:
            sittable.append(row)
    return sittable


def held_for(user, *, except_exam: Exam | None = None, now=None) -> HeldKeys:
    """The keys held from `user`; `except_exam` leaves out one exam's own pool (its own
    result page and its own draw follow its policy, not the hold)."""
    rows = [
        row
        for row in exams_user_could_sit(user, now)
        if except_exam is None or row["exam"].pk != except_exam.pk
    ]
    if not rows:
        return NOTHING_HELD
    return HeldKeys(
        bank_ids=frozenset().union(*(row["banks"] for row in rows)),
        lineages=frozenset().union(*(row["lineages"] for row in rows)),
    )


def held_for_request(request) -> HeldKeys:
    """Computed once per request: several serializers of one response ask."""
    if not hasattr(request, "_held_keys"):
        request._held_keys = held_for(request.user)
    return request._held_keys
