"""The organizer's oversight: candidates for a case, stuck assignments, deciding an arbitration,
progress per unit, and the rubric's in-use flag that makes an edit a new version."""

import pytest

from apps.cases import errors
from apps.cases.models import Case, CaseScore, ReviewAssignment
from apps.cases.services import reviews
from tests import factories
from tests.backend.cases.conftest import open_assignments, score_payload, submit

A = ReviewAssignment


@pytest.fixture
def in_arbitration(call, tree, reviewers):
    """Two reviewers 40 points apart on a 100-point rubric: arbitration."""
    author = factories.make_user(tree.village_a1, real_name="作者甲")
    case = submit(author, call)
    first, second = open_assignments(case)
    for assignment, total in ((first, 90), (second, 50)):
        reviews.save_review(
            assignment.pk,
            assignment.reviewer,
            scores=score_payload(assignment, total),
            submit=True,
        )
    case.refresh_from_db()
    assert case.status == Case.Status.ARBITRATION
    return case


@pytest.mark.django_db
class TestArbitrate:
    def test_the_organizer_decides_with_a_reason_and_the_arbitrator_is_released(
        self, in_arbitration, county_admin, client_for
    ):
        response = client_for(county_admin).post(
            f"/api/v1/cases/{in_arbitration.pk}/arbitrate",
            {"score": "72", "reason": "两位评审意见分歧大，经评审组合议取72分"},
            format="json",
        )
        assert response.status_code == 200, response.json()
        body = response.json()
        assert body["status"] == "finished" and body["final_score"] == "72.00"
        assert body["score_history"][-1]["reason"].startswith("组织方仲裁裁定")
        result = CaseScore.objects.get(case=in_arbitration)
        assert result.method == CaseScore.Method.ARBITRATION
        assert not in_arbitration.assignments.filter(
            kind=A.Kind.ARBITRATION, status__in=A.OPEN
        ).exists()

    def test_a_reason_and_a_score_in_range_are_required(
        self, in_arbitration, county_admin, client_for
    ):
        client = client_for(county_admin)
        url = f"/api/v1/cases/{in_arbitration.pk}/arbitrate"
        no_reason = client.post(url, {"score": "72", "reason": " "}, format="json")
        assert no_reason.status_code == 400
        assert no_reason.json()["errors"]["reason"] == [errors.ARBITRATE_REASON_REQUIRED]
        too_high = client.post(url, {"score": "120", "reason": "合议"}, format="json")
        assert too_high.status_code == 400 and "score" in too_high.json()["errors"]

    def test_a_case_not_in_arbitration_is_refused(self, call, tree, county_admin, client_for):
        case = submit(factories.make_user(tree.village_a1), call)
        response = client_for(county_admin).post(
            f"/api/v1/cases/{case.pk}/arbitrate", {"score": "60", "reason": "合议"}, format="json"
        )
        assert response.status_code == 409

    def test_another_townships_admin_cannot_see_or_decide(
        self, in_arbitration, town_b_admin, client_for
    ):
        response = client_for(town_b_admin).post(
            f"/api/v1/cases/{in_arbitration.pk}/arbitrate",
            {"score": "72", "reason": "合议"},
            format="json",
        )
        assert response.status_code == 404


@pytest.mark.django_db
class TestOversight:
    def test_candidates_say_who_may_not_review_and_why(
        self, call, tree, reviewers, county_admin, client_for
    ):
        near = factories.make_user(
            tree.town_a, is_cadre=False, is_reviewer=True, real_name="评审丁"
        )
        case = submit(factories.make_user(tree.village_a1), call)
        rows = client_for(county_admin).get(f"/api/v1/cases/{case.pk}/candidates").json()
        by_name = {r["name"]: r for r in rows}
        assert by_name[near.display_name]["eligible"] is False
        assert by_name[near.display_name]["reason"] == errors.REVIEWER_CONFLICT
        assigned = {a.reviewer.display_name for a in open_assignments(case)}
        for name in assigned:
            assert by_name[name]["reason"] == errors.REVIEWER_ALREADY_ON_CASE
        assert rows[0]["eligible"] is True

    def test_open_assignments_are_listed_oldest_first_and_can_be_reassigned(
        self, call, tree, reviewers, county_admin, client_for
    ):
        case = submit(factories.make_user(tree.village_a1), call)
        client = client_for(county_admin)
        rows = client.get(f"/api/v1/case-calls/{call.pk}/assignments").json()["results"]
        assert [r["case"] for r in rows] == [case.pk, case.pk]
        free = next(
            r for r in client.get(f"/api/v1/cases/{case.pk}/candidates").json() if r["eligible"]
        )
        moved = client.post(
            f"/api/v1/reviews/{rows[0]['id']}/reassign", {"reviewer": free["id"]}, format="json"
        )
        assert moved.status_code == 200
        after = client.get(f"/api/v1/case-calls/{call.pk}/assignments").json()["results"]
        assert free["id"] in {r["reviewer"] for r in after}

    def test_progress_per_unit_counts_each_stage(
        self, in_arbitration, call, county_admin, client_for
    ):
        stats = client_for(county_admin).get(f"/api/v1/case-calls/{call.pk}/stats").json()
        unit = next(u for u in stats["units"] if u["unit"] == in_arbitration.author_unit_id)
        assert (unit["submitted"], unit["arbitration"], unit["scored"]) == (1, 1, 0)
        assert stats["agreement"]["cases_compared"] == 1

    def test_the_reviewer_list_keeps_to_the_admins_scope(
        self, reviewers, town_b_admin, county_admin, client_for
    ):
        county = {r["name"] for r in client_for(county_admin).get("/api/v1/case-reviewers/").json()}
        town = {r["name"] for r in client_for(town_b_admin).get("/api/v1/case-reviewers/").json()}
        assert {r.display_name for r in reviewers} <= county
        assert town == {reviewers[2].display_name}

    def test_a_pool_outside_the_scope_is_refused(
        self, make_call, reviewers, town_b_admin, tree, rubric, client_for
    ):
        response = client_for(town_b_admin).post(
            "/api/v1/case-calls/",
            {
                "title": "乙镇案例征集",
                "theme": "乡村振兴",
                "opens_at": "2026-01-01T00:00:00+08:00",
                "closes_at": "2026-12-01T00:00:00+08:00",
                "audience_units": [tree.town_b.pk],
                "rubric": rubric.pk,
                "reviewer_pool": [reviewers[0].pk],
            },
            format="json",
        )
        assert response.status_code == 400
        assert response.json()["errors"]["reviewer_pool"] == [errors.CALL_POOL_OUT_OF_SCOPE]


@pytest.mark.django_db
def test_a_used_rubric_says_so_and_an_edit_makes_a_new_version(
    in_arbitration, call, county_admin, client_for
):
    client = client_for(county_admin)
    rubric = client.get(f"/api/v1/case-rubrics/{call.rubric_id}").json()
    assert rubric["in_use"] is True and rubric["is_latest"] is True
    rubric["criteria"][0]["levels"] = [{"label": "优秀", "min": "18", "description": "事实翔实"}]
    saved = client.put(f"/api/v1/case-rubrics/{call.rubric_id}", rubric, format="json").json()
    assert saved["version"] == rubric["version"] + 1 and saved["in_use"] is False
    assert saved["criteria"][0]["levels"][0]["description"] == "事实翔实"
    old = client.get(f"/api/v1/case-rubrics/{call.rubric_id}").json()
    assert old["is_latest"] is False
