"""Held keys: whose eyes a question's key (answer, explanation, scoring points, source quote)
must not reach yet.

An exam holds the key of every question in its pool (its fixed items, or every question of
the banks its rules draw from) from each person who could still sit it: in its audience,
with an attempt in progress or attempts left, and the exam not closed; and from each person
who has sat it, unless its answers are released at once (they could pass them on). Holding ends when
the last sitting can end: the close, or later for extra time (see "Past the close" below;
after_close releases its answers then, services.exams.sitting_over; never does not release
them, and nobody can sit it any more). An exam's own result page follows its own policy.

Rules hold whole banks, not the slice their type/knowledge point/difficulty filters pick
today: an edit (a new version with another difficulty, a new knowledge point) moves a
question into that slice while the exam is open, so only the bank is provably the pool.
A bank's versions never move banks, so `bank_id` identifies the pool on any version.

Cost: the open exams, their audiences and pools are kept per process under a fingerprint of
the exams that are not closed (count, latest exam and paper edits), re-read with one
aggregate query per call; per person, one query counts their attempts, and only when they
are in some audience. bench/held_keys.py measures it.

Past the close. Extra time can run an attempt past `closes_at` (services.extra_time), and
while anyone still answers, the keys of the exam's pool must stay back from them: a grading
task of another exam on the same bank, practice, a mock result. So an exam holds until its
close plus its longest grant (`Exam.longest_grant`) plus the save grace (a save in flight is
still taken); after `closes_at` nobody can start, so it holds only from those with an
attempt in progress whose deadline (plus the grace) has not passed. The answer-save path
never asks any of this.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from apps.exams import conf
from apps.exams.models import Attempt, Exam, PaperItem, PaperRule
from apps.exams.services.exams import audience_includes


@dataclass(frozen=True)
class HeldKeys:
    """The pools held from one person: whole banks, and single lineages of fixed papers."""

    bank_ids: frozenset[int] = field(default_factory=frozenset)
    lineages: frozenset[uuid.UUID] = field(default_factory=frozenset)

    def __bool__(self) -> bool:
        return bool(self.bank_ids or self.lineages)

    def holds(self, question) -> bool:
        return question.bank_id in self.bank_ids or question.lineage in self.lineages

    @classmethod
    def of(cls, rows) -> HeldKeys:
        """The pools of these holding_exams() rows together."""
        rows = list(rows)
        if not rows:
            return NOTHING_HELD
        return cls(
            bank_ids=frozenset().union(*(row["banks"] for row in rows)),
            lineages=frozenset().union(*(row["lineages"] for row in rows)),
        )

    def q(self, prefix: str = "") -> Q:
        """Rows whose question (at `prefix`, e.g. "question__") is held."""
        if not self:
            return Q(pk__in=[])
        return Q(**{f"{prefix}bank_id__in": self.bank_ids}) | Q(
            **{f"{prefix}lineage__in": self.lineages}
        )


NOTHING_HELD = HeldKeys()


def _grace() -> dt.timedelta:
    return dt.timedelta(seconds=conf.save_grace_seconds())


# Extra time up to this long is found by the close alone; more (rare) by the grant's size.
_GRANT_WINDOW = dt.timedelta(days=1)


def _still_holding(now: dt.datetime):
    """Every exam whose hold may not have ended (the close plus the longest grant plus the
    grace), by plain column comparisons: closed less than a day ago, or given more extra
    time than that. No date arithmetic per row on every call (bench/held_keys.py);
    holding_exams keeps the rows whose hold is still ahead."""
    since = now - _grace()
    return Exam.objects.filter(
        Q(closes_at__gt=since - _GRANT_WINDOW) | Q(longest_grant__gt=_GRANT_WINDOW)
    )


def _fingerprint(now: dt.datetime) -> tuple:
    """Changes whenever a possibly holding exam is added, edited (its audience too: saving an
    exam touches updated_at, and so does a grant of extra time), removed, or its paper is
    edited. An exam's hold ending needs no change here: holding_exams checks it on every
    read."""
    row = _still_holding(now).aggregate(
        n=Count("id"),
        exam=Max("updated_at"),
        paper=Max("paper__updated_at"),
        # A window moved by a bulk update (scripts, tests) touches no updated_at.
        first=Min("closes_at"),
        last=Max("closes_at"),
    )
    return tuple(row.values())


# The holding exams of this process, for the fingerprint they were read under: no cache
# round trip and no unpickling on the hot path, and never stale (the key is re-read).
_memo: dict = {"key": None, "rows": []}


def forget() -> None:
    """Drop this process's copy (tests call it between databases)."""
    _memo["key"], _memo["rows"] = None, []


def _read_holding_exams(now: dt.datetime) -> list[dict]:
    exams = list(
        _still_holding(now)
        .exclude(status=Exam.Status.CANCELLED)  # a cancelled exam holds nothing (drafts do)
        .select_related("org_unit")
        .prefetch_related("audience_units", "audience_users")
        .order_by("pk")
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
    return [
        {
            "exam": exam.pk,
            "attempts_allowed": exam.attempts_allowed,
            "answer_release": exam.answer_release,
            "closes_at": exam.closes_at,
            "longest_grant": exam.longest_grant,
            # The shape of services.exams.audience_facts, read for all exams at once.
            "audience": {
                "users": {u.pk for u in exam.audience_users.all()},
                "paths": [u.path for u in exam.audience_units.all()],
                "subunits": exam.include_subunits,
                "roles": set(exam.audience_roles or []),
                "owner": exam.org_unit.path,
            },
            "banks": frozenset(banks.get(exam.paper_id, ())),
            "lineages": frozenset(lineages.get(exam.paper_id, ())),
        }
        for exam in exams
    ]


def holding_exams(now: dt.datetime | None = None) -> list[dict]:
    """Every exam not yet closed, or closed but possibly still answered on extra time, with
    its audience and its pool."""
    now = now or timezone.now()
    key = _fingerprint(now)
    if _memo["key"] != key:
        _memo["rows"], _memo["key"] = _read_holding_exams(now), key
    # Filtered again on every read: an exam stops holding the moment its hold ends.
    since = now - _grace()
    return [row for row in _memo["rows"] if row["closes_at"] + row["longest_grant"] > since]


def _rows_with_usage(user, now: dt.datetime) -> list[tuple[dict, dict]]:
    """The holding exams this person is in the audience of, each with their attempts: how
    many used, how many in progress, how many still running (deadline plus the grace)."""
    if user is None or not user.is_authenticated:
        return []
    rows = [row for row in holding_exams(now) if audience_includes(row["audience"], user)]
    if not rows:
        return []
    running = Q(status=Attempt.Status.IN_PROGRESS)
    usage = {
        r["exam_id"]: r
        for r in Attempt.objects.filter(user=user, exam_id__in=[row["exam"] for row in rows])
        .values("exam_id")
        .annotate(
            used=Count("id"),
            open=Count("id", filter=running),
            live=Count("id", filter=running & Q(deadline__gt=now - _grace())),
        )
    }
    nothing = {"used": 0, "open": 0, "live": 0}
    return [(row, usage.get(row["exam"], nothing)) for row in rows]


def _can_sit(row: dict, used: dict, now: dt.datetime) -> bool:
    if row["closes_at"] <= now:
        return bool(used["live"])
    return bool(used["open"] or used["used"] < row["attempts_allowed"])


def exams_user_could_sit(user, now: dt.datetime | None = None) -> list[dict]:
    """The holding exams this person is in the audience of and still has a sitting of: before
    the close, an attempt in progress or one left to start; after it, an attempt still running
    on extra time."""
    now = now or timezone.now()
    return [row for row, used in _rows_with_usage(user, now) if _can_sit(row, used, now)]


def exams_holding_from(user, now: dt.datetime | None = None) -> list[dict]:
    """The exams whose pools are held from this person: those they could still sit, and those
    they have sat whose answers are not out (answer_release is not immediate) while the hold
    lasts. A candidate who handed in early must not read the keys in practice or the daily
    quiz and pass them to the colleagues still sitting."""
    now = now or timezone.now()
    return [
        row
        for row, used in _rows_with_usage(user, now)
        if _can_sit(row, used, now)
        or (used["used"] and row["answer_release"] != Exam.Release.IMMEDIATE)
    ]


def held_for(user, *, except_exam: Exam | None = None, now=None) -> HeldKeys:
    """The keys held from `user`; `except_exam` leaves out one exam's own pool (its own
    result page and its own draw follow its policy, not the hold)."""
    return HeldKeys.of(
        row
        for row in exams_holding_from(user, now)
        if except_exam is None or row["exam"] != except_exam.pk
    )


def held_for_request(request) -> HeldKeys:
    """Computed once per request: several serializers of one response ask."""
    if not hasattr(request, "_held_keys"):
        request._held_keys = held_for(request.user)
    return request._held_keys
