"""Case detail as each caller may see it: the author gets anonymous reviews once they are
meant to be read; an admin also gets the author, the reviewers and the score history."""

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


def _score_history(case: Case) -> list[dict]:
    result = getattr(case, "result", None)
    if result is None:
        return []
    return [
        {
            "score": str(h.score),
            "method": h.method,
            "reason": h.history_change_reason or h.note,
            "changed_by": h.history_user.display_name if h.history_user else "系统",
            "changed_at": h.history_date,
        }
        for h in result.history.select_related("history_user").order_by("history_date")
    ]


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
        context = {"labels": _labels(reviews)}
        data["reviews"] = s.CaseAdminReviewSerializer(reviews, many=True, context=context).data
        data["author"] = {
            "id": case.author_id,
            "name": case.author.display_name,
            "unit": case.author_unit.full_name,
            "position": case.author.position,
        }
        data["score_history"] = _score_history(case)
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
