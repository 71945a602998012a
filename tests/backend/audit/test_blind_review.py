"""Blind review in the operation log: review work on a case call (claim, decline, draft,
submit, reassign, adding reviewers, arbitration) is shown with its actor only to the call's
organizer. A township admin whose scope holds a village reviewer does not find, in the list,
a filter, a search or the export, that this reviewer worked on a case of the county's call;
the reviewer's other work stays in the township's log."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook

from apps.accounts.models import AdminScope, User
from apps.audit import actions, services
from tests import factories
from tests.backend.cases import conftest as case_flow
from tests.backend.cases.conftest import open_assignments, score_payload, submit

# The case-flow fixtures: the rubric and the county's open call.
rubric, make_call, call = case_flow.rubric, case_flow.make_call, case_flow.call

pytestmark = pytest.mark.django_db

URL = "/api/v1/audit-log/"


@pytest.fixture
def village_reviewer(tree):
    """A reviewer in 甲镇二村: no conflict with 甲镇一村's author, inside 甲镇's admin's scope."""
    return factories.make_user(
        tree.village_a2, is_cadre=False, is_reviewer=True, real_name="二村评审员"
    )


@pytest.fixture
def reviewed(call, cadre, village_reviewer, tree, client_for):
    """甲镇一村's case in the county's call: the village reviewer claims, saves and submits it,
    the county's reviewer declines, all through the API so the recorder writes the entries."""
    factories.make_user(tree.department, is_cadre=False, is_reviewer=True, real_name="县评审员")
    case = submit(cadre, call)
    mine = next(a for a in open_assignments(case) if a.reviewer_id == village_reviewer.pk)
    other = next(a for a in open_assignments(case) if a.reviewer_id != village_reviewer.pk)
    client = client_for(village_reviewer)
    assert client.post(f"/api/v1/reviews/{mine.pk}/claim").status_code == 200
    body = {"scores": score_payload(mine, 80, "二村评审意见"), "overall_comment": "值得推广"}
    assert client.post(f"/api/v1/reviews/{mine.pk}/submit", body, format="json").status_code == 200
    declined = client_for(other.reviewer).post(
        f"/api/v1/reviews/{other.pk}/decline", {"reason": "本人事务繁忙"}, format="json"
    )
    assert declined.status_code == 200, declined.content
    return case


def _review_rows(client, **query) -> list[dict]:
    response = client.get(URL, {"page_size": 200, **query})
    assert response.status_code == 200, response.content
    return [r for r in response.json()["results"] if r["action"].startswith("review.")]


def test_a_township_admin_never_sees_review_work_of_a_reviewer_in_their_scope(
    reviewed, village_reviewer, town_a_admin, client_for
):
    client = client_for(town_a_admin)
    assert _review_rows(client) == []
    assert _review_rows(client, actor=village_reviewer.pk) == []
    assert _review_rows(client, search=village_reviewer.real_name) == []
    assert _review_rows(client, object_type="review") == []
    assert _review_rows(client, action="review.") == []
    export = client.get(URL + "export.xlsx")
    assert export.status_code == 200
    cells = [c for row in load_workbook(BytesIO(export.content)).active.values for c in row]
    assert not any(isinstance(c, str) and "review." in c for c in cells)
    assert not any(isinstance(c, str) and reviewed.title in c for c in cells)


def test_the_organizer_sees_who_did_the_review_work(
    reviewed, village_reviewer, county_admin, client_for
):
    rows = _review_rows(client_for(county_admin))
    done = sorted((r["action"], r["actor_name"]) for r in rows)
    assert ("review.claim", "二村评审员") in done
    assert ("review.submit", "二村评审员") in done
    assert ("review.decline", "县评审员") in done


def test_the_reviewers_other_work_stays_in_the_township_log(
    reviewed, village_reviewer, town_a_admin, client_for
):
    services.record(actions.ACTIONS[("auth-password", "POST")], actor=village_reviewer)
    rows = client_for(town_a_admin).get(URL, {"actor": village_reviewer.pk}).json()["results"]
    done = {r["action"] for r in rows}
    assert {"auth.login", "auth.change_password"} <= done
    assert not {a for a in done if a.startswith("review.")}


def test_the_organizers_choices_of_reviewers_stay_with_the_organizer(
    reviewed, village_reviewer, tree, town_a_admin, county_admin, client_for
):
    """Entries naming reviewers by an organizer whose home unit lies in the township (a county
    admin posted to a village) are the organizer's, not the township's."""
    posted = factories.make_user(
        tree.village_a2, is_cadre=False, admin_of=[tree.county], real_name="驻村县干部"
    )
    case_entry = actions.ACTIONS[("case-reviewers", "POST")]
    services.record(case_entry, actor=posted, object_id=reviewed.pk, object_repr=str(reviewed))
    assign = actions.ACTIONS[("case-call-assign", "POST")]
    services.record(assign, actor=posted, object_id=reviewed.call_id)
    wanted = {"case.add_reviewer", "case_call.assign"}
    seen = client_for(town_a_admin).get(URL, {"actor": posted.pk}).json()["results"]
    assert {r["action"] for r in seen} & wanted == set()
    seen = client_for(county_admin).get(URL, {"actor": posted.pk}).json()["results"]
    assert {r["action"] for r in seen} >= wanted


def test_a_reviewers_own_entries_stay_theirs(reviewed, village_reviewer, tree, client_for):
    """A reviewer who is also an admin (of another township) reads their own review work."""
    AdminScope.objects.create(user=village_reviewer, org_unit=tree.town_b)
    rows = _review_rows(client_for(User.objects.get(pk=village_reviewer.pk)))
    assert {r["action"] for r in rows} >= {"review.claim", "review.submit"}
