"""Practice by knowledge point or bank: questions arrive without answers, and each answer
gets feedback graded by the exams' rules."""

import pytest

from apps.questions.models import Bank
from apps.training.services import practice
from apps.training.services.responses import RESPONSE_REQUIRED
from question_bank.question_types import RESPONSE_CHOICE
from tests.backend.training.conftest import (
    ANSWER_FIELDS,
    make_question,
    right_response,
    wrong_response,
)

pytestmark = pytest.mark.django_db


def _start(client, **body):
    return client.post("/api/v1/practice/", body, format="json")


def _answer(client, session_id, question_id, response):
    return client.post(
        f"/api/v1/practice/{session_id}/answers",
        {"question_id": question_id, "response": response},
        format="json",
    )


def test_started_session_carries_no_answer_fields(cadre, content, client_for):
    client = client_for(cadre)
    body = _start(client, bank=content.bank.id, count=5).json()
    assert len(body["items"]) == 5
    for item in body["items"]:
        assert not ANSWER_FIELDS & set(item["question"]), item["question"].keys()
        assert item["feedback"] is None
    # Reopening before answering reveals nothing either.
    again = client.get(f"/api/v1/practice/{body['session']['id']}/").json()
    assert all(
        not ANSWER_FIELDS & set(i["question"]) and i["feedback"] is None for i in again["items"]
    )


@pytest.mark.parametrize(
    ("qtype", "response", "correct", "score"),
    [
        ("single", "B", True, "2.00"),
        ("single", "C", False, "0.00"),
        ("multiple", ["C", "A"], True, "2.00"),
        ("multiple", ["A"], False, "0.00"),  # a correct subset is not full marks in practice
        ("multiple", ["A", "B", "C"], False, "0.00"),
        ("true_false", True, True, "2.00"),
        ("true_false", False, False, "0.00"),
        ("fill_in", ["村委会", " 三 年 "], True, "2.00"),  # synonym accepted, spaces ignored
        ("fill_in", ["村民委员会。", "４年"], False, "1.00"),  # per-blank credit, one blank wrong
        ("fill_in", ["村委会", "３年"], True, "2.00"),  # ３年 is 三年 written in digits
        ("fill_in", ["居委会", "两年"], False, "0.00"),
    ],
)
def test_feedback_per_type(cadre, tree, client_for, qtype, response, correct, score):
    bank = Bank.objects.create(name="专项", org_unit=tree.county)
    question = make_question(bank, qtype)
    client = client_for(cadre)
    session = _start(client, bank=bank.id).json()["session"]
    body = _answer(client, session["id"], question.id, response).json()
    assert body["is_correct"] is correct
    assert body["score"] == score
    assert body["explanation"] == "这是解析。"
    assert body["source"]["quote"] == "示例出处原文。"
    expected_key = ["村民委员会", "三年"] if qtype == "fill_in" else question.answer
    assert body["correct_answer"] == expected_key


def test_fill_in_full_width_text_matches(cadre, tree, client_for):
    bank = Bank.objects.create(name="专项", org_unit=tree.county)
    question = make_question(bank, "fill_in", answer=[["ABC"]], stem="填写 ____")
    client = client_for(cadre)
    session = _start(client, bank=bank.id).json()["session"]
    assert _answer(client, session["id"], question.id, ["ＡＢＣ"]).json()["is_correct"] is True


def test_second_answer_to_same_question_is_refused(cadre, content, client_for):
    client = client_for(cadre)
    body = _start(client, bank=content.bank.id, count=1).json()
    qid = body["items"][0]["question"]["id"]
    question = next(q for q in content.questions if q.id == qid)
    assert _answer(client, body["session"]["id"], qid, wrong_response(question)).status_code == 200
    again = _answer(client, body["session"]["id"], qid, right_response(question))
    assert again.status_code == 409
    assert again.json()["detail"] == practice.PRACTICE_ALREADY_ANSWERED
    detail = client.get(f"/api/v1/practice/{body['session']['id']}/").json()
    assert detail["session"]["answered"] == 1 and detail["session"]["correct"] == 0


def test_bad_response_shape_names_the_field_and_records_nothing(cadre, content, client_for):
    client = client_for(cadre)
    body = _start(client, knowledge_point=content.kp_weak.id, count=1).json()
    session_id, qid = body["session"]["id"], body["items"][0]["question"]["id"]
    bad = _answer(client, session_id, qid, "Z")
    assert bad.status_code == 400
    assert bad.json()["errors"]["response"] == [RESPONSE_CHOICE]
    empty = _answer(client, session_id, qid, None)
    assert empty.json()["detail"] == RESPONSE_REQUIRED
    assert client.get(f"/api/v1/practice/{session_id}/").json()["session"]["answered"] == 0


def test_knowledge_point_session_only_draws_that_point(cadre, content, client_for):
    body = _start(client_for(cadre), knowledge_point=content.kp_strong.id, count=50).json()
    names = {kp["name"] for item in body["items"] for kp in item["question"]["knowledge_points"]}
    assert names == {"村务公开"} and len(body["items"]) == 6


def test_only_published_current_objective_questions_are_practised(cadre, tree, client_for):
    bank = Bank.objects.create(name="混合", org_unit=tree.county)
    keep = make_question(bank, "single")
    make_question(bank, "short_answer")
    make_question(bank, "single", status="draft")
    old = make_question(bank, "single")
    old.is_current = False
    old.save()
    body = _start(client_for(cadre), bank=bank.id, count=10).json()
    assert [i["question"]["id"] for i in body["items"]] == [keep.id]


def test_bank_access_follows_ownership_and_sharing(cadre, tree, client_for):
    own = Bank.objects.create(name="本村题库", org_unit=tree.village_a1, shared_down=False)
    town_shared = Bank.objects.create(name="甲镇共享", org_unit=tree.town_a, shared_down=True)
    county_private = Bank.objects.create(name="县内部", org_unit=tree.county, shared_down=False)
    other_town = Bank.objects.create(name="乙镇题库", org_unit=tree.town_b, shared_down=True)
    for bank in (own, town_shared, county_private, other_town):
        make_question(bank, "single")
    client = client_for(cadre)
    options = client.get("/api/v1/practice/options").json()
    assert {b["name"] for b in options["banks"]} == {"本村题库", "甲镇共享"}
    refused = _start(client, bank=other_town.id)
    assert refused.status_code == 404
    assert refused.json()["detail"] == practice.PRACTICE_BANK_NOT_FOUND
    assert _start(client, bank=county_private.id).status_code == 404


def test_start_needs_exactly_one_target_and_a_sane_count(cadre, content, client_for):
    client = client_for(cadre)
    none = _start(client)
    assert none.status_code == 400 and none.json()["errors"]["knowledge_point"] == [
        practice.PRACTICE_TARGET_REQUIRED
    ]
    both = _start(client, bank=content.bank.id, knowledge_point=content.kp_weak.id)
    assert both.json()["detail"] == practice.PRACTICE_TARGET_BOTH
    too_many = _start(client, bank=content.bank.id, count=500)
    assert too_many.status_code == 400 and "count" in too_many.json()["errors"]


def test_a_cadre_cannot_open_or_answer_another_cadres_session(cadre, content, tree, client_for):
    from tests import factories

    other = factories.make_user(tree.village_a2)
    body = _start(client_for(cadre), bank=content.bank.id, count=1).json()
    session_id, qid = body["session"]["id"], body["items"][0]["question"]["id"]
    intruder = client_for(other)
    assert intruder.get(f"/api/v1/practice/{session_id}/").status_code == 404
    assert _answer(intruder, session_id, qid, "B").status_code == 404


def test_non_cadre_cannot_practise(county_admin, content, client_for):
    assert _start(client_for(county_admin), bank=content.bank.id).status_code == 403


def test_my_sessions_list_shows_progress(cadre, content, client_for):
    client = client_for(cadre)
    body = _start(client, knowledge_point=content.kp_strong.id, count=2).json()
    first = next(q for q in content.questions if q.id == body["items"][0]["question"]["id"])
    _answer(client, body["session"]["id"], first.id, right_response(first))
    listing = client.get("/api/v1/practice/").json()
    assert listing["count"] == 1
    row = listing["results"][0]
    assert (row["knowledge_point_name"], row["total"], row["answered"], row["correct"]) == (
        "村务公开",
        2,
        1,
        1,
    )


def test_questions_already_answered_right_come_last(cadre, content, client_for):
    client = client_for(cadre)
    first = _start(client, bank=content.bank.id, count=10).json()
    for item in first["items"]:
        question = next(q for q in content.questions if q.id == item["question"]["id"])
        _answer(client, first["session"]["id"], question.id, right_response(question))
    fresh = {q.id for q in content.questions} - {i["question"]["id"] for i in first["items"]}
    second = _start(client, bank=content.bank.id, count=2).json()
    assert {i["question"]["id"] for i in second["items"]} == fresh
