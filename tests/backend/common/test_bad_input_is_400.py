"""Issue 14 item 15: inputs that used to raise a server error get a 400 with the Chinese
error body, naming the field or query parameter."""

from __future__ import annotations

import pytest

from apps.questions.models import Bank
from tests.backend.exams.conftest import (  # noqa: F401 (fixtures)
    bank,
    make_exam,
    make_paper,
    make_question,
    questions,
    start,
)

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


def test_scoring_point_without_score_is_a_400(client_for, county_admin, tree):
    bank = Bank.objects.create(name="题库", org_unit=tree.county)
    question = make_question(bank, "short_answer", "参考", status="draft")
    response = client_for(county_admin).patch(
        f"/api/v1/questions/{question.pk}/", {"scoring_points": [{"point": "x"}]}, format="json"
    )
    assert_400(response, "scoring_points.0.score")


@pytest.fixture
def single_exam(tree, questions):
    return make_exam(tree, make_paper(tree, questions, ["single", "short_answer"]))


@pytest.mark.parametrize("response_value", [["A"], {"a": 1}, 3])
def test_list_response_to_single_choice_is_a_400_on_both_save_paths(
    client_for, cadre, single_exam, questions, response_value
):
    client = client_for(cadre)
    attempt = start(client, single_exam).json()["id"]
    qid = questions["single"].pk
    put = client.put(
        f"/api/v1/attempts/{attempt}/answers/{qid}",
        {"response": response_value, "seq": 1},
        format="json",
    )
    assert_400(put, "response")
    batch = client.post(
        f"/api/v1/attempts/{attempt}/answers/batch",
        {"answers": [{"question_id": qid, "response": response_value, "seq": 2}]},
        format="json",
    )
    assert batch.status_code in (200, 400), batch.content
    if batch.status_code == 200:
        assert batch.json()["results"][0]["status"] != "saved", batch.json()
    else:
        assert_400(batch, "answers.0.response")


@pytest.mark.parametrize("answer", [["A"], {"a": 1}])
def test_regrade_with_a_list_key_for_single_choice_is_a_400(
    client_for, county_admin, questions, answer
):
    response = client_for(county_admin).post(
        "/api/v1/regrades/",
        {"question_id": questions["single"].pk, "answer": answer, "reason": "更正"},
        format="json",
    )
    assert_400(response, "answer")
