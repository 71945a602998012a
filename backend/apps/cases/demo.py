"""Demo case call: the default rubric, cases written by village cadres, finished reviews,
one case in arbitration, one returned for revision, two published to the library."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from apps.accounts.models import OrgUnit, User
from apps.cases import demo_content as content
from apps.cases.models import ReviewAssignment
from apps.cases.services import calls, cases, results, reviews, rubrics

PUBLISHED = ("water", "land")


def _review(assignment: ReviewAssignment, values: list[int], comment: str) -> None:
    criteria = list(assignment.rubric.criteria.all())
    scores = {
        str(c.pk): {"score": str(v), "comment": ""} for c, v in zip(criteria, values, strict=True)
    }
    reviews.save_review(
        assignment.pk, assignment.reviewer, scores=scores, overall_comment=comment, submit=True
    )


def load(stdout) -> None:
    admin = User.objects.get(username="admin")
    county = OrgUnit.objects.get(parent=None, name="青山县")
    rubric = rubrics.create_rubric(
        name=content.RUBRIC_NAME,
        criteria=content.RUBRIC_CRITERIA,
        description="满分100分",
        by=admin,
    )
    now = timezone.now()
    call = calls.create_call(
        by=admin,
        data={
            "title": content.CALL_TITLE,
            "theme": content.CALL_THEME,
            "description": content.CALL_DESCRIPTION,
            "opens_at": now - timedelta(days=10),
            "closes_at": now + timedelta(days=20),
            "audience_units": [county],
            "rubric": rubric,
        },
    )
    made = {}
    for key, (username, title, body, named) in content.CASES.items():
        author = User.objects.get(username=username)
        case = cases.start_case(call, author, title=title, body=body, show_author_name=named)
        if key != "draft":
            case = cases.submit_case(case.pk, author)
        made[key] = case
    for key, planned in content.REVIEWS.items():
        assigned = (
            made[key].assignments.filter(status=ReviewAssignment.Status.PENDING).order_by("id")
        )
        for assignment, (values, comment) in zip(assigned, planned, strict=False):
            _review(assignment, values, comment)
    _return_for_revision(made["returned"])
    for key in PUBLISHED:
        results.publish(made[key].pk, excellent=True)
    stdout.write(
        f"  案例征集：1 个征集，{call.cases.count()} 篇案例"
        "（2 篇已入案例库，1 篇仲裁中，1 篇退回修改）"
    )


def _return_for_revision(case) -> None:
    """One reviewer scores, the other returns it: the author sees both comments, unnamed."""
    first, second = case.assignments.filter(status=ReviewAssignment.Status.PENDING).order_by("id")
    _review(first, *content.RETURN_SCORE)
    overall, notes = content.RETURN_REASON
    scores = {
        str(c.pk): {"score": "12", "comment": notes[c.name]}
        for c in second.rubric.criteria.all()
        if c.name in notes
    }
    reviews.save_review(
        second.pk,
        second.reviewer,
        scores=scores,
        overall_comment=overall,
        submit=True,
        decision=ReviewAssignment.Decision.REVISE,
    )
