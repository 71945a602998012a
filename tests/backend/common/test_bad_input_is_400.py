"""Issue 14 item 15: inputs that used to raise a server error get a 400 with the Chinese
error body, naming the field or query parameter."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

HUGE = 2**64 + 5


def assert_400(response, field: str) -> None:
    assert response.status_code == 400, (response.status_code, response.content[:300])
    body = response.json()
    assert set(body) == {"detail", "errors", "code"}
    assert field in body["errors"], body
    assert any("\u4e00" <= ch <= "\u9fff" for ch in body["detail"]), body


@pytest.mark.parametrize(
    ("path", "param"),
    [
        ("/api/v1/users/?org_unit=x", "org_unit"),
        (f"/api/v1/users/?org_unit={HUGE}", "org_unit"),
        ("/api/v1/org-units/?parent=x", "parent"),
        (f"/api/v1/org-units/?parent={HUGE}", "parent"),
        ("/api/v1/study-needs/ranking?unit=x", "unit"),
        (f"/api/v1/study-needs/ranking?unit={HUGE}", "unit"),
        (f"/api/v1/questions/?knowledge_point={HUGE}", "knowledge_point"),
        ("/api/v1/questions/?knowledge_point=x", "knowledge_point"),
        (f"/api/v1/questions/?bank={HUGE}", "bank"),
        ("/api/v1/records/?period=x", "period"),
        ("/api/v1/exams/?mine=yes", "mine"),
        ("/api/v1/grading-tasks/?pending=x", "pending"),
        ("/api/v1/objections/?status=nope", "status"),
    ],
)
def test_bad_filters_are_a_400_naming_the_parameter(client_for, county_admin, path, param):
    assert_400(client_for(county_admin).get(path), param)


@pytest.mark.parametrize(
    ("path", "param"),
    [
        ("/api/v1/org-units/?parent=x", "parent"),
        ("/api/v1/wrong-book/?knowledge_point=x", "knowledge_point"),
        (f"/api/v1/wrong-book/?knowledge_point={HUGE}", "knowledge_point"),
        ("/api/v1/cases/?call=x", "call"),
        ("/api/v1/knowledge-points/?material=x", "material"),
    ],
)
def test_a_cadres_bad_filters_are_a_400(client_for, cadre, path, param):
    assert_400(client_for(cadre).get(path), param)


def test_huge_daily_quiz_question_id_is_a_400(client_for, cadre):
    response = client_for(cadre).post(
        "/api/v1/daily-quiz/answers", {"question_id": HUGE, "response": "A"}, format="json"
    )
    assert_400(response, "question_id")


def test_huge_notice_audience_unit_is_a_400(client_for, county_admin, tree):
    response = client_for(county_admin).post(
        "/api/v1/notices/",
        {"title": "通知", "body": "正文", "org_unit": tree.county.pk, "audience_units": [HUGE]},
        format="json",
    )
    assert_400(response, "audience_units.0")


def test_huge_path_id_is_a_404_not_a_crash(client_for, county_admin):
    for path in (f"/api/v1/exams/{HUGE}", f"/api/v1/questions/{HUGE}/", f"/api/v1/cases/{HUGE}"):
        assert client_for(county_admin).get(path).status_code == 404
