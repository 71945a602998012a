"""Knowledge points in the console: confirm, rename, merge; suggested points never reach a
cadre, on any cadre-facing endpoint."""

from decimal import Decimal

import pytest

from apps.exams.models import Attempt
from apps.exams.selectors import knowledge_point_mastery
from apps.questions.models import KnowledgePoint, Question
from apps.questions.services.knowledge import MERGE_INTO_ITSELF
from tests.backend.questions.conftest import single_data
from tests.factories import make_user

KPS = "/api/v1/knowledge-points/"


@pytest.fixture
def points(tree):
    confirmed = KnowledgePoint.objects.create(name="入户走访", org_unit=tree.county)
    suggested = KnowledgePoint.objects.create(
        name="台账草稿词", org_unit=tree.county, status=KnowledgePoint.Status.SUGGESTED
    )
    return confirmed, suggested


@pytest.fixture
def published(county_admin, bank, points):
    from apps.questions.services.questions import create_question

    return create_question(
        actor=county_admin,
        bank=bank,
        data=single_data(knowledge_points=list(points)),
        status=Question.Status.PUBLISHED,
    )


def test_cadre_endpoints_never_show_a_suggested_point(client_for, cadre, points, published):
    confirmed, suggested = points
    client = client_for(cadre)
    listed = client.get("/api/v1/questions/").json()["results"]
    assert listed[0]["knowledge_points"] == [confirmed.pk]
    detail = client.get(f"/api/v1/questions/{published.pk}/").json()
    assert detail["knowledge_points"] == [confirmed.pk]
    options = client.get("/api/v1/practice/options").json()["knowledge_points"]
    assert [o["name"] for o in options] == ["入户走访"]
    assert [kp["id"] for kp in client.get(KPS).json()] == [confirmed.pk]
    started = client.post(
        "/api/v1/practice/", {"knowledge_point": suggested.pk, "count": 5}, format="json"
    )
    assert started.status_code == 404
    session = client.post(
        "/api/v1/practice/", {"knowledge_point": confirmed.pk, "count": 5}, format="json"
    ).json()
    names = {kp["name"] for item in session["items"] for kp in item["question"]["knowledge_points"]}
    assert names == {"入户走访"}
    # An exam result's knowledge-point chart.
    attempt = Attempt(layout=[{"q": published.pk, "p": "2.00"}], item_scores={})
    assert [row["name"] for row in knowledge_point_mastery(attempt)] == ["入户走访"]


def test_admin_confirms_and_renames_a_suggestion(client_for, county_admin, points, cadre):
    _, suggested = points
    client = client_for(county_admin)
    assert client.post(f"{KPS}{suggested.pk}/confirm").json()["status"] == "confirmed"
    renamed = client.patch(f"{KPS}{suggested.pk}/", {"name": "民情台账"}, format="json")
    assert renamed.status_code == 200 and renamed.json()["name"] == "民情台账"
    assert "民情台账" in [kp["name"] for kp in client_for(cadre).get(KPS).json()]


def test_merge_moves_questions_and_confirms_the_target(
    client_for, county_admin, points, published, tree
):
    _, suggested = points
    other = KnowledgePoint.objects.create(
        name="走访入户", org_unit=tree.county, status=KnowledgePoint.Status.SUGGESTED
    )
    published.knowledge_points.set([other])
    response = client_for(county_admin).post(
        f"{KPS}{other.pk}/merge", {"target": suggested.pk}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "confirmed"
    assert not KnowledgePoint.objects.filter(pk=other.pk).exists()
    assert list(published.knowledge_points.all()) == [suggested]


def test_merge_refuses_itself_and_other_scopes(
    client_for, county_admin, town_b_admin, points, tree
):
    confirmed, suggested = points
    same = client_for(county_admin).post(
        f"{KPS}{suggested.pk}/merge", {"target": suggested.pk}, format="json"
    )
    assert same.status_code == 400 and same.json()["errors"]["target"] == [MERGE_INTO_ITSELF]
    town = KnowledgePoint.objects.create(name="乙镇知识点", org_unit=tree.town_b)
    refused = client_for(town_b_admin).post(
        f"{KPS}{town.pk}/merge", {"target": confirmed.pk}, format="json"
    )
    assert refused.status_code == 404
    cadre = make_user(tree.village_a1, real_name="村干部")
    assert (
        client_for(cadre)
        .post(f"{KPS}{town.pk}/merge", {"target": confirmed.pk}, format="json")
        .status_code
        == 403
    )
    assert KnowledgePoint.objects.filter(pk=town.pk).exists()


def test_mastery_counts_only_confirmed_points_in_scores(published, points):
    attempt = Attempt(
        layout=[{"q": published.pk, "p": "2.00"}], item_scores={str(published.pk): {"s": "2.00"}}
    )
    rows = knowledge_point_mastery(attempt)
    assert rows == [
        {
            "id": points[0].pk,
            "name": "入户走访",
            "score": str(Decimal("2.00")),
            "max_score": "2.00",
        }
    ]
