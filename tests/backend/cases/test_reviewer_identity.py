"""Blind review (DESIGN flow 3): who reviews a case is known to the call's organizer only.

A township admin reading their own people's cases in a county call sees every review's scores,
comments and status, with the reviewers shown as 评审员1, 评审员2… (numbered by their first
assignment on the case, so a number never moves); the author's own unit never learns a
reviewer's name, id or unit, on any endpoint: the case detail (its reviews and score history),
the case's reviewer table, the call's open assignments and the call's statistics."""

from __future__ import annotations

import pytest

from apps.cases.models import ReviewAssignment
from tests import factories
from tests.backend.cases.conftest import open_assignments, score_payload, submit

pytestmark = pytest.mark.django_db

A = ReviewAssignment


def _review_by_api(client_for, assignment, total, comment="论述充分"):
    """The reviewer submits through the API, as on a phone (the request's user is recorded)."""
    response = client_for(assignment.reviewer).post(
        f"/api/v1/reviews/{assignment.pk}/submit",
        {"scores": score_payload(assignment, total, comment), "overall_comment": "值得推广"},
        format="json",
    )
    assert response.status_code == 200, response.content


def _leaks(response, people) -> list[str]:
    text = response.content.decode()
    return [w for p in people for w in (p.real_name, p.username) if w in text]


@pytest.fixture
def finished(call, cadre, reviewers, client_for):
    """甲镇一村's case in the county's call, scored by two reviewers through the API."""
    case = submit(cadre, call)
    for assignment, total in zip(open_assignments(case), (80, 84), strict=True):
        _review_by_api(client_for, assignment, total)
    case.refresh_from_db()
    assert case.status == "finished"
    return case


def test_a_township_admin_reads_the_reviews_without_who_wrote_them(
    finished, reviewers, town_a_admin, client_for
):
    response = client_for(town_a_admin).get(f"/api/v1/cases/{finished.pk}")
    assert response.status_code == 200
    assert _leaks(response, reviewers) == []
    reviews = response.json()["reviews"]
    assert sorted(r["reviewer_name"] for r in reviews) == ["评审员1", "评审员2"]
    assert all(r["reviewer"] is None for r in reviews)
    # The words and numbers stay.
    assert [r["overall_comment"] for r in reviews] == ["值得推广", "值得推广"]
    assert sorted(r["total"] for r in reviews) == ["80.00", "84.00"]
    assert reviews[0]["scores"][0]["comment"] == "论述充分"
    # The final score's history names no reviewer: the last one's submission computed it.
    history = response.json()["score_history"]
    assert [h["changed_by"] for h in history] in (["评审员1"], ["评审员2"])


def test_the_case_reviewer_table_is_anonymous_for_a_township_admin(
    finished, reviewers, town_a_admin, client_for
):
    response = client_for(town_a_admin).get(f"/api/v1/cases/{finished.pk}/reviewers")
    assert response.status_code == 200
    assert _leaks(response, reviewers) == []
    rows = response.json()
    assert sorted(r["reviewer_name"] for r in rows) == ["评审员1", "评审员2"]
    assert {(r["reviewer"], r["reviewer_unit"]) for r in rows} == {(None, "")}
    assert {r["status"] for r in rows} == {"submitted"}
    assert sorted(r["total"] for r in rows) == ["80.00", "84.00"]


def test_the_labels_agree_and_stay_put_when_a_reviewer_is_replaced(
    call, cadre, reviewers, town_a_admin, county_admin, client_for
):
    case = submit(cadre, call)
    first, second = open_assignments(case)
    township, county = client_for(town_a_admin), client_for(county_admin)
    before = {
        r["assignment"]: r["reviewer_name"]
        for r in township.get(f"/api/v1/cases/{case.pk}/reviewers").json()
    }
    assert before == {first.pk: "评审员1", second.pk: "评审员2"}
    # The organizer moves the first task to the third reviewer: 评审员2 keeps its number.
    spare = next(r for r in reviewers if r.pk not in {first.reviewer_id, second.reviewer_id})
    moved = county.post(
        f"/api/v1/reviews/{first.pk}/reassign", {"reviewer": spare.pk}, format="json"
    )
    assert moved.status_code == 200, moved.content
    after = {
        r["assignment"]: r["reviewer_name"]
        for r in township.get(f"/api/v1/cases/{case.pk}/reviewers").json()
    }
    new = moved.json()["assignment"]
    assert after == {first.pk: "评审员1", second.pk: "评审员2", new: "评审员3"}
    # The detail labels each submitted review the same way as the table.
    _review_by_api(client_for, A.objects.get(pk=second.pk), 70)
    reviews = township.get(f"/api/v1/cases/{case.pk}").json()["reviews"]
    assert [(r["id"], r["reviewer_name"]) for r in reviews] == [(second.pk, "评审员2")]


def test_the_calls_open_assignments_are_anonymous_for_a_township_admin(
    call, cadre, reviewers, town_a_admin, county_admin, client_for
):
    case = submit(cadre, call)
    response = client_for(town_a_admin).get(f"/api/v1/case-calls/{call.pk}/assignments")
    assert response.status_code == 200
    assert _leaks(response, reviewers) == []
    rows = response.json()["results"]
    assert [(r["case"], r["reviewer"], r["reviewer_name"]) for r in rows] == [
        (case.pk, None, "评审员1"),
        (case.pk, None, "评审员2"),
    ]
    # The organizer still sees who, to chase or reassign them.
    named = client_for(county_admin).get(f"/api/v1/case-calls/{call.pk}/assignments").json()
    assert {r["reviewer_name"] for r in named["results"]} == {
        a.reviewer.display_name for a in open_assignments(case)
    }


def test_the_calls_statistics_show_a_township_admin_no_reviewer(
    finished, call, reviewers, town_a_admin, county_admin, client_for
):
    response = client_for(town_a_admin).get(f"/api/v1/case-calls/{call.pk}/stats")
    assert response.status_code == 200
    assert _leaks(response, reviewers) == []
    stats = response.json()
    assert stats["reviewers"] == []
    assert stats["agreement"]["cases_compared"] == 1
    organizer = client_for(county_admin).get(f"/api/v1/case-calls/{call.pk}/stats").json()
    assert len(organizer["reviewers"]) == 2


def test_the_permissions_say_who_may_see_the_reviewers(
    call, cadre, town_a_admin, county_admin, client_for
):
    seen = client_for(town_a_admin).get(f"/api/v1/case-calls/{call.pk}").json()["permissions"]
    assert seen["can_see_reviewers"] is False
    organizer = client_for(county_admin).get(f"/api/v1/case-calls/{call.pk}").json()
    assert organizer["permissions"]["can_see_reviewers"] is True
    mine = client_for(cadre).get(f"/api/v1/case-calls/{call.pk}").json()["permissions"]
    assert mine["can_see_reviewers"] is False


def test_the_organizer_sees_every_reviewer(finished, reviewers, county_admin, client_for):
    client = client_for(county_admin)
    detail = client.get(f"/api/v1/cases/{finished.pk}").json()
    assigned = {a.reviewer_id: a.reviewer for a in finished.assignments.all()}
    assert {(r["reviewer"], r["reviewer_name"]) for r in detail["reviews"]} == {
        (pk, u.display_name) for pk, u in assigned.items()
    }
    rows = client.get(f"/api/v1/cases/{finished.pk}/reviewers").json()
    assert {r["reviewer"] for r in rows} == set(assigned)
    assert all(r["reviewer_unit"] for r in rows)


def test_a_decline_reason_stays_with_the_organizer(
    call, cadre, reviewers, town_a_admin, county_admin, client_for
):
    case = submit(cadre, call)
    first = open_assignments(case)[0]
    declined = client_for(first.reviewer).post(
        f"/api/v1/reviews/{first.pk}/decline", {"reason": "本人是作者的同学"}, format="json"
    )
    assert declined.status_code == 200, declined.content
    township = client_for(town_a_admin).get(f"/api/v1/cases/{case.pk}/reviewers")
    assert "同学" not in township.content.decode()
    assert {r["status"] for r in township.json()} >= {"declined"}
    county = client_for(county_admin).get(f"/api/v1/cases/{case.pk}/reviewers").json()
    assert any(r["decline_reason"] == "本人是作者的同学" for r in county)


def test_an_admin_who_wrote_the_case_sees_no_reviewer_even_as_organizer(
    call, tree, reviewers, client_for
):
    """A county admin who is also a cadre writes a case in their own call: blind to them too."""
    author = factories.make_user(tree.village_a1, admin_of=[tree.county], real_name="兼任作者")
    case = submit(author, call)
    client = client_for(author)
    assert client.get(f"/api/v1/cases/{case.pk}/reviewers").status_code == 403
    response = client.get(f"/api/v1/case-calls/{call.pk}/assignments")
    rows = [r for r in response.json()["results"] if r["case"] == case.pk]
    assert rows and all(r["reviewer"] is None for r in rows)
    assert _leaks(response, reviewers) == []


def test_the_author_never_sees_a_reviewer(finished, cadre, reviewers, client_for):
    client = client_for(cadre)
    for path in (
        f"cases/{finished.pk}",
        "cases/",
        f"case-calls/{finished.call_id}",
        "case-calls/",
    ):
        response = client.get(f"/api/v1/{path}")
        assert response.status_code == 200, path
        assert _leaks(response, reviewers) == [], path
    for path in (
        f"cases/{finished.pk}/reviewers",
        f"case-calls/{finished.call_id}/assignments",
        f"case-calls/{finished.call_id}/stats",
    ):
        assert client.get(f"/api/v1/{path}").status_code == 403, path
