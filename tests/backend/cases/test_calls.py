"""Case calls: admins create them within their scope; cadres see the calls that include them."""

from datetime import timedelta

from django.utils import timezone

from apps.cases import errors
from apps.cases.models import CaseCall
from tests import factories


def payload(tree, rubric, **overrides):
    now = timezone.now()
    data = {
        "title": "乡村振兴案例征集",
        "theme": "乡村振兴",
        "opens_at": now.isoformat(),
        "closes_at": (now + timedelta(days=30)).isoformat(),
        "audience_units": [tree.town_a.pk],
        "rubric": rubric.pk,
    }
    data.update(overrides)
    return data


def test_admin_creates_a_call_with_defaults(tree, rubric, county_admin, client_for):
    response = client_for(county_admin).post(
        "/api/v1/case-calls/", payload(tree, rubric), format="json"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["reviewers_per_case"], body["arbitration_threshold_pct"], body["assign_mode"]) == (
        2,
        "15.00",
        "on_submit",
    )
    assert body["state"] == "open"
    assert body["rubric"]["max_total"] == "100.00"


def test_close_before_open_is_refused(tree, rubric, county_admin, client_for):
    now = timezone.now()
    data = payload(tree, rubric, closes_at=(now - timedelta(days=1)).isoformat())
    response = client_for(county_admin).post("/api/v1/case-calls/", data, format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == {"closes_at": [errors.CALL_DATES_INVALID]}
    assert not CaseCall.objects.exists()


def test_audience_outside_the_admins_scope_is_refused(tree, rubric, town_a_admin, client_for):
    data = payload(tree, rubric, audience_units=[tree.town_b.pk])
    response = client_for(town_a_admin).post("/api/v1/case-calls/", data, format="json")
    assert response.status_code == 400
    assert response.json()["detail"] == errors.CALL_AUDIENCE_OUT_OF_SCOPE
    assert not CaseCall.objects.exists()


def test_cadre_cannot_create_and_sees_only_calls_that_include_them(
    tree, rubric, make_call, client_for
):
    make_call(title="甲镇征集", audience_units=[tree.town_a])
    make_call(title="乙镇征集", audience_units=[tree.town_b])
    cadre = factories.make_user(tree.village_a2)
    client = client_for(cadre)
    assert [c["title"] for c in client.get("/api/v1/case-calls/").json()["results"]] == ["甲镇征集"]
    assert (
        client.post("/api/v1/case-calls/", payload(tree, rubric), format="json").status_code == 403
    )


def test_only_the_organizing_admin_edits_a_call(
    tree, make_call, county_admin, town_b_admin, client_for
):
    call = make_call(audience_units=[tree.town_a])
    outsider = client_for(town_b_admin).patch(
        f"/api/v1/case-calls/{call.pk}", {"theme": "改"}, format="json"
    )
    assert outsider.status_code == 404
    changed = client_for(county_admin).patch(
        f"/api/v1/case-calls/{call.pk}",
        {"theme": "人居环境", "reviewers_per_case": 3},
        format="json",
    )
    assert changed.status_code == 200, changed.json()
    call.refresh_from_db()
    assert (call.theme, call.reviewers_per_case) == ("人居环境", 3)
