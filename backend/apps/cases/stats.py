"""Statistics of one call for org admins, limited to the units they administer."""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q

from apps.accounts.models import User, subtree_q
from apps.cases import selectors
from apps.cases.models import Case, CaseCall, ReviewAssignment
from apps.common import scoping

A = ReviewAssignment
CENT = Decimal("0.01")
BUCKETS = 10
# Per unit, where each submitted case stands: waiting or under review, in arbitration,
# returned for revision, scored.
PROGRESS_OF = {
    Case.Status.SUBMITTED: "under_review",
    Case.Status.UNDER_REVIEW: "under_review",
    Case.Status.ARBITRATION: "arbitration",
    Case.Status.REVISION: "returned",
    Case.Status.FINISHED: "scored",
}
PROGRESS = ("under_review", "arbitration", "returned", "scored")


def _q(value: Decimal) -> str:
    return str(value.quantize(CENT, rounding=ROUND_HALF_UP))


def _audience(call: CaseCall, user: User):
    paths = [u.path for u in call.audience_units.all()]
    qs = User.objects.filter(subtree_q(paths), is_cadre=True, is_active=True).select_related(
        "org_unit"
    )
    return scoping.scope_queryset(qs, user, "org_unit")


def _submissions(call: CaseCall, user: User) -> list[dict]:
    cases = scoping.scope_queryset(call.cases.all(), user, "author_unit")
    status_by_author = dict(cases.values_list("author_id", "status"))
    rows: dict[int, dict] = {}
    for cadre in _audience(call, user).order_by("org_unit__path", "username"):
        row = rows.setdefault(
            cadre.org_unit_id,
            {
                "unit": cadre.org_unit_id,
                "unit_name": cadre.org_unit.full_name,
                "audience": 0,
                "submitted": 0,
                "drafts": 0,
                **dict.fromkeys(PROGRESS, 0),
                "missing": [],
            },
        )
        row["audience"] += 1
        state = status_by_author.get(cadre.pk)
        if state in (None, Case.Status.DRAFT, Case.Status.WITHDRAWN):
            row["drafts"] += state is not None
            row["missing"].append(
                {"id": cadre.pk, "name": cadre.display_name, "username": cadre.username}
            )
        else:
            row["submitted"] += 1
            row[PROGRESS_OF[state]] += 1
    for row in rows.values():
        row["rate"] = round(row["submitted"] / row["audience"], 4) if row["audience"] else 0
    return list(rows.values())


def _distribution(cases, max_total: Decimal) -> dict:
    scores = [c.result.score for c in cases if hasattr(c, "result")]
    step = max_total / BUCKETS
    counts = [0] * BUCKETS
    for score in scores:
        counts[min(int(score / step), BUCKETS - 1) if step else 0] += 1
    buckets = [
        {"from": _q(step * i), "to": _q(step * (i + 1)), "count": counts[i]} for i in range(BUCKETS)
    ]
    summary = {"count": len(scores), "buckets": buckets}
    if scores:
        summary.update(mean=_q(sum(scores) / len(scores)), min=_q(min(scores)), max=_q(max(scores)))
    return summary


def _workload_and_agreement(cases, threshold: Decimal) -> tuple[list[dict], dict]:
    reviews = (
        A.objects.filter(case__in=cases)
        .exclude(status=A.Status.CANCELLED)
        .select_related("reviewer", "case__result")
    )
    load: dict[int, dict] = {}
    deviations: dict[int, list[Decimal]] = defaultdict(list)
    spreads: list[Decimal] = []
    per_case: dict[int, list[Decimal]] = defaultdict(list)
    for r in reviews:
        row = load.setdefault(
            r.reviewer_id,
            {
                "reviewer": r.reviewer_id,
                "name": r.reviewer.display_name,
                "assigned": 0,
                "submitted": 0,
                "open": 0,
                "declined": 0,
            },
        )
        row["assigned"] += 1
        row["submitted"] += r.status == A.Status.SUBMITTED
        row["open"] += r.status in A.OPEN
        row["declined"] += r.status == A.Status.DECLINED
        if r.status != A.Status.SUBMITTED or r.total is None or r.round != r.case.version:
            continue
        if r.kind == A.Kind.REGULAR and r.decision == A.Decision.SCORE:
            per_case[r.case_id].append(r.total)
        if final := getattr(r.case, "result", None):
            deviations[r.reviewer_id].append(abs(r.total - final.score))
    for totals in per_case.values():
        if len(totals) >= 2:
            spreads.append(max(totals) - min(totals))
    for reviewer_id, row in load.items():
        devs = deviations.get(reviewer_id)
        row["mean_deviation_from_final"] = _q(sum(devs) / len(devs)) if devs else None
    agreement = {
        "cases_compared": len(spreads),
        "mean_spread": _q(sum(spreads) / len(spreads)) if spreads else None,
        "within_threshold": sum(1 for x in spreads if x <= threshold),
        "threshold": _q(threshold),
        "arbitrations": reviews.filter(kind=A.Kind.ARBITRATION).count(),
    }
    return sorted(load.values(), key=lambda r: (-r["assigned"], r["name"])), agreement


def call_statistics(call: CaseCall, user: User) -> dict:
    max_total = call.rubric.max_total
    threshold = call.threshold_points(max_total)
    cases = scoping.scope_queryset(call.cases.select_related("result"), user, "author_unit")
    finished = list(cases.filter(status=Case.Status.FINISHED))
    units = _submissions(call, user)
    workload, agreement = _workload_and_agreement(cases, threshold)
    by_status = dict.fromkeys(Case.Status.values, 0)
    for state in cases.values_list("status", flat=True):
        by_status[state] += 1
    return {
        "call": call.pk,
        "max_total": _q(max_total),
        "by_status": by_status,
        "audience_total": sum(u["audience"] for u in units),
        "submitted_total": sum(u["submitted"] for u in units),
        "units": units,
        "scores": _distribution(finished, max_total),
        # Who reviewed: the organizer's to know (blind review); the agreement is for everyone.
        "reviewers": workload if selectors.is_organizer(user, call) else [],
        "agreement": agreement,
        "published": cases.filter(~Q(published_at=None)).count(),
    }
