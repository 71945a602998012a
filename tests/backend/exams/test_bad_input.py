"""Issue 14 item 15, on the exam paths: a response or a key of the wrong shape for a
single-choice question, and an incomplete scoring point, are a 400 naming the field."""

from __future__ import annotations

import pytest

from apps.questions.models import Bank
from tests.backend.common.test_bad_input_is_400 import assert_400
from tests.backend.exams.conftest import make_exam, make_paper, make_question, start

pytestmark = pytest.mark.django_db


def test_scoring_point_without_score_is_a_400(client_for, county_admin, tree):
    draft_bank = Bank.objects.create(name="草稿题库", org_unit=tree.county)
    question = make_question(draft_bank, "short_answer", "参考", status="draft")
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
