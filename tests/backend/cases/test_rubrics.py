"""Rubric versioning: a rubric scored against never changes; editing makes a new version."""

import pytest

from apps.cases import errors
from apps.cases.models import ReviewScore, Rubric
from apps.cases.services import reviews, rubrics
from apps.common.errors import Conflict, InvalidInput
from tests.backend.cases.conftest import CRITERIA, open_assignments, score_payload, submit

NEW_CRITERIA = [
    *CRITERIA[:4],
    {"name": "文字表达", "max_score": "10"},
    {"name": "创新性", "max_score": "5"},
]


def test_unused_rubric_is_edited_in_place(rubric):
    revised = rubrics.revise_rubric(rubric, name="新标准", criteria=NEW_CRITERIA)
    assert revised.pk == rubric.pk
    assert revised.version == 1
    assert [c.name for c in revised.criteria.all()][-1] == "创新性"


def test_used_rubric_gets_a_new_version_and_old_scores_keep_theirs(call, cadre, reviewers, rubric):
    case = submit(cadre, call)
    first = open_assignments(case)[0]
    reviews.save_review(first.pk, first.reviewer, scores=score_payload(first, 80))
    old_criteria = list(rubric.criteria.values_list("pk", "name", "max_score"))

    revised = rubrics.revise_rubric(rubric, name="案例评分标准", criteria=NEW_CRITERIA)

    assert revised.pk != rubric.pk
    assert (revised.family, revised.version) == (rubric.family, 2)
    assert list(rubric.criteria.values_list("pk", "name", "max_score")) == old_criteria
    assert {s.criterion.rubric_id for s in ReviewScore.objects.all()} == {rubric.pk}
    call.refresh_from_db()
    assert call.rubric_id == revised.pk
    first.refresh_from_db()
    assert first.rubric_id == rubric.pk  # the draft stays on the version it was scored against


def test_used_criterion_cannot_be_changed_directly(call, cadre, reviewers, rubric):
    case = submit(cadre, call)
    first = open_assignments(case)[0]
    reviews.save_review(first.pk, first.reviewer, scores=score_payload(first, 70))
    criterion = rubric.criteria.first()
    criterion.max_score = 50
    with pytest.raises(Conflict) as caught:
        criterion.save()
    assert caught.value.message == errors.RUBRIC_LOCKED
    with pytest.raises(Conflict):
        criterion.delete()


def test_rubric_api_returns_the_new_version(
    call, cadre, reviewers, rubric, county_admin, client_for
):
    case = submit(cadre, call)
    first = open_assignments(case)[0]
    reviews.save_review(first.pk, first.reviewer, scores=score_payload(first, 70))
    response = client_for(county_admin).put(
        f"/api/v1/case-rubrics/{rubric.pk}",
        {"name": "二版", "criteria": NEW_CRITERIA},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["version"] == 2
    assert Rubric.objects.filter(family=rubric.family).count() == 2


def test_rubric_needs_positive_maximums(db):
    with pytest.raises(InvalidInput) as caught:
        rubrics.create_rubric(name="坏标准", criteria=[{"name": "真实性", "max_score": "0"}])
    assert "criteria.0.max_score" in caught.value.errors
    assert not Rubric.objects.exists()


def test_only_the_organizer_of_every_call_using_a_rubric_may_revise_it(
    call, rubric, tree, town_a_admin, county_admin, make_call, client_for
):
    """Rubrics are shared, but a call scores by its organizer's choice: 甲镇's admin may not
    rewrite the county call's criteria (in place while unused, or as a version it moves to)."""
    url = f"/api/v1/case-rubrics/{rubric.pk}"
    body = {"name": "改过的标准", "criteria": NEW_CRITERIA}
    refused = client_for(town_a_admin).put(url, body, format="json")
    assert refused.status_code == 403
    assert refused.json()["detail"] == errors.RUBRIC_OF_ANOTHER_ORGANIZER.format(
        unit=call.org_unit.full_name
    )
    rubric.refresh_from_db()
    assert rubric.name == "案例评分标准" and rubric.criteria.count() == len(CRITERIA)
    assert client_for(county_admin).put(url, body, format="json").status_code == 200
    # A rubric no call uses, or only 甲镇's own calls, is 甲镇's admin's to edit.
    own = rubrics.create_rubric(name="甲镇标准", criteria=CRITERIA, by=town_a_admin)
    assert (
        client_for(town_a_admin)
        .put(f"/api/v1/case-rubrics/{own.pk}", body, format="json")
        .status_code
        == 200
    )


def test_rubric_api_says_who_may_revise_it_by_the_writes_own_rule(
    call, rubric, town_a_admin, county_admin, client_for
):
    """The console offers 编辑 only where the PUT is accepted: the county organizes the call
    using the rubric, 甲镇's admin gets the hint naming the county (the 403's own words)."""
    url = f"/api/v1/case-rubrics/{rubric.pk}"
    expected_hint = errors.RUBRIC_OF_ANOTHER_ORGANIZER.format(unit=call.org_unit.full_name)
    town = client_for(town_a_admin)
    assert town.get(url).json()["permissions"] == {"can_revise": False, "hint": expected_hint}
    listed = {
        r["id"]: r["permissions"] for r in town.get("/api/v1/case-rubrics/").json()["results"]
    }
    assert listed[rubric.pk] == {"can_revise": False, "hint": expected_hint}
    refused = town.put(url, {"name": "改过的标准", "criteria": NEW_CRITERIA}, format="json")
    assert refused.status_code == 403 and refused.json()["detail"] == expected_hint

    county = client_for(county_admin)
    assert county.get(url).json()["permissions"] == {"can_revise": True, "hint": ""}
    saved = county.put(url, {"name": "改过的标准", "criteria": NEW_CRITERIA}, format="json")
    assert saved.status_code == 200 and saved.json()["permissions"]["can_revise"] is True
    # A rubric no call uses is anyone's (any admin's) to edit.
    own = rubrics.create_rubric(name="甲镇标准", criteria=CRITERIA, by=town_a_admin)
    own_url = f"/api/v1/case-rubrics/{own.pk}"
    assert town.get(own_url).json()["permissions"] == {"can_revise": True, "hint": ""}
