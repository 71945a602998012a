"""Who sees which calls, cases and reviews. Anything outside a caller's view is a 404."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from apps.accounts.models import User
from apps.cases import errors
from apps.cases.models import Case, CaseCall, CaseImage, ReviewAssignment, ReviewScore, Rubric
from apps.common import scoping
from apps.common.errors import Forbidden, NotFound

A = ReviewAssignment


def _unit_chain(user: User) -> list[int]:
    """The user's unit and its ancestors: a call whose audience holds any of them includes the user."""
    if not user.org_unit_id:
        return []
    return [*user.org_unit.ancestor_ids(), user.org_unit_id]


def calls_visible_to(user: User) -> QuerySet[CaseCall]:
    qs = CaseCall.objects.select_related("rubric", "org_unit")
    if user.is_superuser:
        return qs
    condition = Q(audience_units__in=_unit_chain(user))
    if user.is_org_admin:
        condition |= scoping.unit_scope_q(user, "org_unit") | scoping.unit_scope_q(
            user, "audience_units"
        )
    return qs.filter(condition).distinct()


def is_organizer(user: User, call: CaseCall) -> bool:
    """The one rule for a call's writes: its organizer is an admin whose scope holds the
    call's unit (or a superuser). Only they edit the call, assign and reassign reviewers,
    decide arbitrations, adjust scores and publish to the library; the author's own township
    admin reads the cases of their unit, nothing more."""
    return scoping.unit_in_scope(user, call.org_unit)


def calls_organized_by(user: User) -> QuerySet[CaseCall]:
    """`is_organizer` as a query: the calls whose unit lies in the user's scope."""
    return scoping.scope_queryset(CaseCall.objects.all(), user, "org_unit")


def cases_of_calls_organized_by(user: User) -> QuerySet[Case]:
    return Case.objects.filter(call__in=calls_organized_by(user))


def reviews_seen_by(user: User) -> QuerySet[ReviewAssignment]:
    """`sees_reviewers` as a query: the assignments whose reviewer this user may know, those
    of the calls they organize, minus those on their own cases."""
    return A.objects.filter(case__call__in=calls_organized_by(user)).exclude(case__author=user)


def call_permissions(user: User, call: CaseCall) -> dict:
    """What the viewer may do on the call, for the console to offer only that: every flag is
    `is_organizer`, the check the writes make (call_for_admin, ensure_organizer), and the one
    that shows reviewers by name (reviewer_identities)."""
    may = is_organizer(user, call)
    hint = ""
    if not may and user.is_org_admin:
        hint = errors.NOT_ORGANIZER_HINT.format(unit=call.org_unit.full_name)
    return {
        "can_edit": may,
        "can_assign": may,
        "can_reassign": may,
        "can_add_reviewer": may,
        "can_arbitrate": may,
        "can_adjust_score": may,
        "can_publish": may,
        "can_see_reviewers": may,
        "hint": hint,
    }


def rubric_permissions(user: User, rubric: Rubric) -> dict:
    """Whether the viewer may revise the rubric, the check `revise_rubric` makes: every call
    scoring by its family must be one they organize (`is_organizer`), since the edit (in
    place, or as the version those calls move to) changes what those calls score by. The
    hint names the unit organizing the first call that stands in the way. One query: the
    rubric list asks it of every rubric."""
    if not user.is_org_admin:
        return {"can_revise": False, "hint": ""}
    other = (
        CaseCall.objects.filter(rubric__family=rubric.family)
        .exclude(pk__in=calls_organized_by(user).values("pk"))
        .select_related("org_unit")
        .order_by("pk")
        .first()
    )
    if other is None:
        return {"can_revise": True, "hint": ""}
    hint = errors.RUBRIC_OF_ANOTHER_ORGANIZER.format(unit=other.org_unit.full_name)
    return {"can_revise": False, "hint": hint}


def call_for_admin(user: User, pk: int) -> CaseCall:
    """A call its organizer may change; to anyone else it does not exist (404)."""
    call = CaseCall.objects.select_related("org_unit").filter(pk=pk).first()
    if call is None or not is_organizer(user, call):
        raise NotFound()
    return call


def cases_for_admin(user: User) -> QuerySet[Case]:
    qs = Case.objects.select_related("call", "author", "author_unit", "result")
    return scoping.scope_queryset(qs, user, "author_unit")


def cases_organized_by(user: User) -> QuerySet[Case]:
    """The cases of an admin's scope whose call they organize (is_organizer, as a query):
    the ones they can act on, not only read."""
    return cases_for_admin(user).filter(scoping.unit_scope_q(user, "call__org_unit"))


def ensure_organizer(user: User | None, case: Case) -> None:
    """Reviewers, final scores and the library are the call organizer's to decide (an admin
    whose scope holds the call's unit), not the author's own township admin, who only reads
    the case. `user` None is the system (demo data, background work)."""
    if user is not None and not is_organizer(user, case.call):
        raise Forbidden(errors.NOT_ORGANIZER)


def case_for(user: User, pk: int) -> Case:
    """The author's own case, or one in an org admin's scope."""
    qs = Case.objects.select_related("call__rubric", "author", "author_unit", "result")
    case = qs.filter(pk=pk, author=user).first()
    if case is None and user.is_org_admin:
        case = cases_for_admin(user).filter(pk=pk).first()
    if case is None:
        raise NotFound()
    return case


def assignments_for(user: User) -> QuerySet[ReviewAssignment]:
    return (
        A.objects.filter(reviewer=user)
        .exclude(status=A.Status.CANCELLED)
        .select_related("case__call", "rubric")
        .prefetch_related("rubric__criteria", "scores", "case__versions")
    )


def assignment_for(user: User, pk: int) -> ReviewAssignment:
    assignment = assignments_for(user).filter(pk=pk).first()
    if assignment is None:
        raise NotFound()
    return assignment


def submitted_reviews(case: Case) -> list[ReviewAssignment]:
    """Submitted reviews, oldest first, with scores, criteria and reviewers loaded."""
    scores = Prefetch("scores", queryset=ReviewScore.objects.select_related("criterion"))
    return list(
        case.assignments.filter(status=A.Status.SUBMITTED)
        .order_by("round", "kind", "submitted_at", "id")
        .select_related("reviewer__org_unit")
        .prefetch_related(scores)
    )


def sees_reviewers(user: User, case: Case) -> bool:
    """Blind review: who reviews a case is the call organizer's to know (they pick, chase and
    replace reviewers), never its author's, and not the author's own unit's admin, who could
    approach the reviewer."""
    return case.author_id != user.pk and is_organizer(user, case.call)


def reviewer_labels(case_ids) -> dict[tuple[int, int], str]:
    """(case, reviewer) → 评审员1, 评审员2…, numbered by each reviewer's first assignment on
    the case (declined and replaced ones included), so a number never moves."""
    labels: dict[tuple[int, int], str] = {}
    counts: dict[int, int] = {}
    rows = A.objects.filter(case_id__in=case_ids).order_by("case_id", "pk")
    for key in rows.values_list("case_id", "reviewer_id"):
        if key not in labels:
            counts[key[0]] = counts.get(key[0], 0) + 1
            labels[key] = f"评审员{counts[key[0]]}"
    return labels


def reviewer_identities(user: User, assignments) -> dict[int, dict]:
    """Assignment id → the reviewer as this viewer may see them: id, name, unit and decline
    reason (free text that may say who they are) for whom `sees_reviewers`; for anyone else
    no id, the case's label (reviewer_labels) for a name, and neither unit nor reason.
    Needs each assignment's case (with its call's unit) and reviewer (with their unit)."""
    assignments = list(assignments)
    shown: dict[int, bool] = {}
    for a in assignments:
        if a.case_id not in shown:
            shown[a.case_id] = sees_reviewers(user, a.case)
    hidden = [case_id for case_id, seen in shown.items() if not seen]
    labels = reviewer_labels(hidden) if hidden else {}
    rows = {}
    for a in assignments:
        if shown[a.case_id]:
            rows[a.pk] = {
                "reviewer": a.reviewer_id,
                "reviewer_name": a.reviewer.display_name,
                "reviewer_unit": a.reviewer.org_unit.full_name if a.reviewer.org_unit_id else "",
                "decline_reason": a.decline_reason,
            }
        else:
            rows[a.pk] = {
                "reviewer": None,
                "reviewer_name": labels[(a.case_id, a.reviewer_id)],
                "reviewer_unit": "",
                "decline_reason": "",
            }
    return rows


def return_comments(case: Case) -> list[dict]:
    """The comments of the reviewers of the version that was returned, numbered by the order
    they submitted; reviewers' identities never leave this function."""
    reviews = [
        r for r in submitted_reviews(case) if r.round == case.version and r.kind == A.Kind.REGULAR
    ]
    rows = []
    for review in reviews:
        notes = [
            {"criterion_name": sc.criterion.name, "comment": sc.comment.strip()}
            for sc in sorted(
                review.scores.all(), key=lambda sc: (sc.criterion.order, sc.criterion_id)
            )
            if sc.comment.strip()
        ]
        if not review.overall_comment.strip() and not notes:
            continue
        rows.append(
            {
                "label": f"评审意见{len(rows) + 1}",
                "asked_revision": review.decision == A.Decision.REVISE,
                "overall_comment": review.overall_comment.strip(),
                "criterion_comments": notes,
            }
        )
    return rows


def library(user: User, *, theme: str = "", keyword: str = "") -> QuerySet[Case]:
    qs = Case.objects.filter(published_at__isnull=False).select_related(
        "call", "author", "author_unit", "result"
    )
    condition = Q(call__audience_units__in=_unit_chain(user))
    if user.is_superuser:
        condition = Q()
    elif user.is_org_admin:
        condition |= scoping.unit_scope_q(user, "author_unit")
    qs = qs.filter(condition)
    if theme:
        qs = qs.filter(call__theme__icontains=theme)
    for word in keyword.split():
        qs = qs.filter(Q(title__icontains=word) | Q(body__icontains=word))
    return qs.distinct().order_by("-published_at", "-id")


def library_case(user: User, pk: int) -> Case:
    case = library(user).filter(pk=pk).first()
    if case is None:
        raise NotFound()
    return case


def can_see_case(user: User, case_id: int) -> bool:
    """Its author, an org admin over the author's unit, a reviewer holding (or having
    held) an assignment on it, or anyone the case library shows it to."""
    if Case.objects.filter(pk=case_id, author=user).exists():
        return True
    if user.is_org_admin and cases_for_admin(user).filter(pk=case_id).exists():
        return True
    reviewing = A.objects.filter(case_id=case_id, reviewer=user).exclude(
        status__in=[A.Status.DECLINED, A.Status.CANCELLED]
    )
    return reviewing.exists() or library(user).filter(pk=case_id).exists()


def can_read_case_image(user: User, name: str) -> bool:
    """Media check for stored names under cases/ (a photo or its thumbnail)."""
    image = CaseImage.objects.filter(Q(file=name) | Q(thumbnail=name)).values("case_id").first()
    return image is not None and can_see_case(user, image["case_id"])
