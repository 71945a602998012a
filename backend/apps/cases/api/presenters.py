"""Case detail as each caller may see it: the author gets anonymous reviews once they are
meant to be read; an admin also gets the author and the score history, and the reviewers by
name if they organize the call (评审员1, 评审员2… for the author's own unit's admin)."""

from __future__ import annotations

from apps.cases import selectors
from apps.cases.api import serializers as s
from apps.cases.models import Case

AUTHOR_SEES_REVIEWS = (Case.Status.REVISION, Case.Status.FINISHED)


def _labels(reviews) -> dict[int, int]:
    counters: dict[tuple[int, str], int] = {}
    labels = {}
    for review in reviews:
        key = (review.round, review.kind)
        labels[review.pk] = counters.get(key, 0)
        counters[key] = labels[review.pk] + 1
    return labels


def _score_history(case: Case, masked: dict[int, str]) -> list[dict]:
    """`masked`: reviewer id → the label shown instead of their name. A score computed when a
    review came in is recorded as changed by that reviewer (the request's user)."""
    result = getattr(case, "result", None)
    if result is None:
        return []

    def by(h) -> str:
        if h.history_user is None:
            return "系统"
        return masked.get(h.history_user_id) or h.history_user.display_name

    return [
        {
            "score": str(h.score),
            "method": h.method,
            "reason": h.history_change_reason or h.note,
            "changed_by": by(h),
            "changed_at": h.history_date,
        }
        for h in result.history.select_related("history_user").order_by("history_date")
    ]


def _masked_reviewers(user, case: Case) -> dict[int, str]:
    """Reviewer id → 评审员N for a viewer who may not know the case's reviewers, else {}."""
    if selectors.sees_reviewers(user, case):
        return {}
    return {
        reviewer: label for (_case, reviewer), label in selectors.reviewer_labels([case.pk]).items()
    }


def case_detail(case: Case, request) -> dict:
    returned = case.status == Case.Status.REVISION
    context = {
        "request": request,
        "return_comments": selectors.return_comments(case) if returned else [],
    }
    data = s.CaseSerializer(case, context=context).data
    user = request.user
    as_admin = case.author_id != user.pk and user.is_org_admin
    if as_admin:
        reviews = selectors.submitted_reviews(case)
        for review in reviews:
            review.case = case  # its call decides who may see the reviewer
        context = {
            "labels": _labels(reviews),
            "identities": selectors.reviewer_identities(user, reviews),
        }
        data["reviews"] = s.CaseAdminReviewSerializer(reviews, many=True, context=context).data
        data["author"] = {
            "id": case.author_id,
            "name": case.author.display_name,
            "unit": case.author_unit.full_name,
            "position": case.author.position,
        }
        data["score_history"] = _score_history(case, _masked_reviewers(user, case))
        # What the console may offer on this case: the call's organizer decides it.
        data["permissions"] = selectors.call_permissions(user, case.call)
    elif case.status in AUTHOR_SEES_REVIEWS:
        reviews = selectors.submitted_reviews(case)
        data["reviews"] = s.CaseAnonymousReviewSerializer(
            reviews, many=True, context={"labels": _labels(reviews)}
        ).data
    else:
        data["reviews"] = []
    return data
