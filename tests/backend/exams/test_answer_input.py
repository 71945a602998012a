"""The answer save paths refuse hostile bodies with a Chinese 400 and store clean text."""

import json

import pytest

from apps.accounts.models import User
from apps.exams.models import Answer
from tests.backend.error_body import DEEP, assert_chinese_error
from tests.backend.exams.conftest import start

pytestmark = pytest.mark.django_db


def test_deep_json_on_the_answer_save_path_is_a_400(cadre, client_for, exam, questions):
    client = client_for(cadre)
    attempt_id = start(client, exam).json()["id"]
    url = f"/api/v1/attempts/{attempt_id}/answers/{questions['single'].pk}"
    response = client.put(url, DEEP, content_type="application/json")
    assert_chinese_error(response, 400)


def test_nul_in_a_saved_answer_is_refused_on_both_save_paths(cadre, client_for, exam, questions):
    client = client_for(cadre)
    attempt_id = start(client, exam).json()["id"]
    qid = questions["short_answer"].pk
    one = client.put(
        f"/api/v1/attempts/{attempt_id}/answers/{qid}",
        '{"response": "参考\\u0000答案", "seq": 1}',
        content_type="application/json",
    )
    assert_chinese_error(one, 400, "response")
    batch = client.post(
        f"/api/v1/attempts/{attempt_id}/answers/batch",
        {"answers": [{"question": qid, "response": "参考\x00答案", "seq": 2}]},
        format="json",
    )
    assert_chinese_error(batch, 400, "answers.0.response")
    assert not Answer.objects.exists()


def test_invisible_direction_and_zero_width_characters_are_stripped(
    county_admin, cadre, client_for, exam, questions
):
    response = client_for(county_admin).patch(
        f"/api/v1/users/{cadre.pk}/", {"real_name": "\u202e李\u200b四\u2066"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert User.objects.get(pk=cadre.pk).real_name == "李四"

    client = client_for(cadre)
    attempt_id = start(client, exam).json()["id"]
    qid = questions["short_answer"].pk
    saved = client.put(
        f"/api/v1/attempts/{attempt_id}/answers/{qid}",
        json.dumps({"response": "参考\u200d答\ufeff案\u202d", "seq": 1}),
        content_type="application/json",
    )
    assert saved.status_code == 200, saved.content
    assert Answer.objects.get().response == "参考答案"
