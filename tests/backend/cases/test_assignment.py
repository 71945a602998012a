"""Assignment: load balancing, conflicts of interest, manual changes, declines, the lease."""

from collections import Counter
from datetime import timedelta

from django.utils import timezone

from apps.cases import errors
from apps.cases.models import Case, CaseCall, ReviewAssignment
from apps.cases.services import reviews
from apps.cases.tasks import assign_closed_calls
from tests import factories
from tests.backend.cases.conftest import open_assignments, score_payload, submit

A = ReviewAssignment


def test_load_is_balanced_across_reviewers(call, tree, reviewers):
    for _ in range(3):
        submit(factories.make_user(tree.village_a1), call)
    load = Counter(A.objects.values_list("reviewer_id", flat=True))
    assert sorted(load.values()) == [2, 2, 2]


def test_reviewers_related_to_the_author_are_never_picked(call, tree, cadre):
    same = factories.make_user(tree.village_a1, is_reviewer=True)
    township = factories.make_user(tree.town_a, is_reviewer=True)
    county = factories.make_user(tree.county, is_reviewer=True)
    sibling = factories.make_user(tree.village_a2, is_reviewer=True)
    case = submit(cadre, call)
    assert [a.reviewer_id for a in open_assignments(case)] == [sibling.pk]
    assert {same.pk, township.pk, county.pk}.isdisjoint(
        case.assignments.values_list("reviewer_id", flat=True)
    )


def test_admin_cannot_assign_a_reviewer_from_the_authors_unit(
    call, tree, cadre, county_admin, client_for
):
    same_unit = factories.make_user(tree.village_a1, is_reviewer=True, is_cadre=False)
    ancestor = factories.make_user(tree.town_a, is_reviewer=True, is_cadre=False)
    case = submit(cadre, call)  # no eligible reviewer yet: waits for a manual assignment
    assert case.status == "submitted"
    client = client_for(county_admin)
    for reviewer in (same_unit, ancestor):
        response = client.post(
            f"/api/v1/cases/{case.pk}/reviewers", {"reviewer": reviewer.pk}, format="json"
        )
        assert response.status_code == 400
        assert response.json()["errors"] == {"reviewer": [errors.REVIEWER_CONFLICT]}
    assert not A.objects.exists()
    fine = factories.make_user(tree.department, is_reviewer=True, is_cadre=False)
    ok = client.post(f"/api/v1/cases/{case.pk}/reviewers", {"reviewer": fine.pk}, format="json")
    assert ok.status_code == 201
    assert Case.objects.get(pk=case.pk).status == "under_review"


def test_admin_reassign_refuses_a_conflicting_reviewer(
    call, tree, cadre, reviewers, county_admin, client_for
):
    case = submit(cadre, call)
    a = open_assignments(case)[0]
    same_unit = factories.make_user(tree.village_a1, is_reviewer=True)
    response = client_for(county_admin).post(
        f"/api/v1/reviews/{a.pk}/reassign", {"reviewer": same_unit.pk}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["detail"] == errors.REVIEWER_CONFLICT
    a.refresh_from_db()
    assert a.status == "pending"


def test_decline_needs_a_reason_and_brings_a_replacement(call, cadre, reviewers, client_for):
    case = submit(cadre, call)
    a = open_assignments(case)[0]
    client = client_for(a.reviewer)
    refused = client.post(f"/api/v1/reviews/{a.pk}/decline", {"reason": " "}, format="json")
    assert refused.status_code == 400
    assert refused.json()["detail"] == errors.DECLINE_REASON_REQUIRED
    response = client.post(
        f"/api/v1/reviews/{a.pk}/decline", {"reason": "与作者是亲属"}, format="json"
    )
    assert response.json() == {"declined": a.pk, "replaced": True}
    current = {x.reviewer_id for x in open_assignments(case)}
    assert len(current) == 2
    assert a.reviewer_id not in current


def test_lease_keeps_one_reviewer_on_an_assignment(
    call, cadre, reviewers, county_admin, client_for
):
    case = submit(cadre, call)
    a = open_assignments(case)[0]
    spare = next(
        r for r in reviewers if r.pk not in {x.reviewer_id for x in open_assignments(case)}
    )
    holder = client_for(a.reviewer)
    assert holder.post(f"/api/v1/reviews/{a.pk}/claim").status_code == 200
    # Another reviewer cannot claim it at all.
    assert client_for(spare).post(f"/api/v1/reviews/{a.pk}/claim").status_code == 404
    admin = client_for(county_admin)
    blocked = admin.post(f"/api/v1/reviews/{a.pk}/reassign", {"reviewer": spare.pk}, format="json")
    assert blocked.status_code == 409
    assert blocked.json()["code"] == "leased"

    A.objects.filter(pk=a.pk).update(lease_expires_at=timezone.now() - timedelta(seconds=1))
    moved = admin.post(f"/api/v1/reviews/{a.pk}/reassign", {"reviewer": spare.pk}, format="json")
    assert moved.status_code == 200
    late = holder.post(
        f"/api/v1/reviews/{a.pk}/submit", {"scores": score_payload(a, 80)}, format="json"
    )
    assert late.status_code == 409
    assert late.json()["detail"] == errors.ASSIGNMENT_CLOSED
    new = A.objects.get(pk=moved.json()["assignment"])
    reviews.save_review(new.pk, spare, scores=score_payload(new, 80), submit=True)
    assert A.objects.filter(case=case, status="submitted").count() == 1
    assert not A.objects.get(pk=a.pk).scores.exists()


def test_at_close_calls_assign_after_the_deadline(make_call, cadre, reviewers):
    call = make_call(assign_mode=CaseCall.AssignMode.AT_CLOSE)
    case = submit(cadre, call)
    assert assign_closed_calls() == 0
    assert case.assignments.count() == 0
    CaseCall.objects.filter(pk=call.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    assert assign_closed_calls() == 2
    assert Case.objects.get(pk=case.pk).status == "under_review"
    assert assign_closed_calls() == 0


def test_only_the_calls_pool_is_used(make_call, cadre, reviewers):
    call = make_call(reviewer_pool=[reviewers[2]], reviewers_per_case=2)
    case = submit(cadre, call)
    assert [a.reviewer_id for a in open_assignments(case)] == [reviewers[2].pk]


def test_reviewer_cannot_decline_someone_elses_assignment(call, cadre, reviewers, client_for):
    case = submit(cadre, call)
    a = open_assignments(case)[0]
    spare = reviewers[2]
    response = client_for(spare).post(
        f"/api/v1/reviews/{a.pk}/decline", {"reason": "忙"}, format="json"
    )
    assert response.status_code == 404
    a.refresh_from_db()
    assert a.status == "pending"
