"""练一练 in the materials reader: practice scoped to a material's passages, with the
same bank visibility and answer-free questions as any practice session."""

import pytest

from apps.questions.models import Bank, Material, Passage, Question
from apps.training.services import practice
from tests.backend.training.conftest import ANSWER_FIELDS, make_question, right_response

pytestmark = pytest.mark.django_db


@pytest.fixture
def reading(tree):
    material = Material.objects.create(
        title="村务公开学习材料", org_unit=tree.county, status=Material.Status.READY
    )
    passages = [
        Passage.objects.create(
            material=material,
            key=f"p{i}",
            position=i,
            kind="paragraph",
            text=f"第{i}段",
            start=0,
            end=3,
        )
        for i in range(1, 4)
    ]
    shared = Bank.objects.create(name="县级题库", org_unit=tree.county, shared_down=True)
    hidden = Bank.objects.create(name="乙镇题库", org_unit=tree.town_b, shared_down=True)
    linked = {
        "p1": [make_question(shared, "single"), make_question(shared, "true_false")],
        "p2": [make_question(shared, "single")],
        "hidden": [make_question(hidden, "single")],  # another township's bank
        "draft": [make_question(shared, "single", status=Question.Status.DRAFT)],
    }
    for key, passage in (("p1", 0), ("p2", 1), ("hidden", 1), ("draft", 2)):
        Question.objects.filter(pk__in=[q.id for q in linked[key]]).update(
            source_passage=passages[passage]
        )
    return material, passages, linked


def test_reader_learns_which_passages_have_questions(cadre, reading, client_for):
    material, passages, _ = reading
    res = client_for(cadre).get(f"/api/v1/practice/passages?material={material.id}")
    assert res.status_code == 200
    # p2's other-township question and p3's draft are not counted; p3 gets no entry.
    assert res.json() == [
        {"passage": passages[0].id, "key": "p1", "question_count": 2},
        {"passage": passages[1].id, "key": "p2", "question_count": 1},
    ]


def test_passage_session_holds_only_its_questions_without_answers(cadre, reading, client_for):
    _, passages, linked = reading
    client = client_for(cadre)
    res = client.post("/api/v1/practice/", {"passage": passages[0].id}, format="json")
    assert res.status_code == 201
    body = res.json()
    assert {i["question"]["id"] for i in body["items"]} == {q.id for q in linked["p1"]}
    assert all(not ANSWER_FIELDS & set(i["question"]) for i in body["items"])
    question = linked["p1"][0]
    feedback = client.post(
        f"/api/v1/practice/{body['session']['id']}/answers",
        {"question_id": question.id, "response": right_response(question)},
        format="json",
    ).json()
    assert feedback["is_correct"] is True
    assert feedback["source"]["passage_id"] is not None


def test_material_session_spans_its_visible_passages(cadre, reading, client_for):
    material, _, linked = reading
    body = (
        client_for(cadre)
        .post("/api/v1/practice/", {"material": material.id, "count": 10}, format="json")
        .json()
    )
    assert {i["question"]["id"] for i in body["items"]} == {
        q.id for q in linked["p1"] + linked["p2"]
    }


def test_passage_without_visible_questions_is_refused_by_name(cadre, reading, client_for):
    _, passages, _ = reading
    res = client_for(cadre).post("/api/v1/practice/", {"passage": passages[2].id}, format="json")
    assert res.status_code == 400
    assert res.json()["errors"]["passage"] == [practice.PRACTICE_EMPTY]


def test_material_of_another_township_is_not_found(cadre, tree, client_for):
    other = Material.objects.create(
        title="乙镇材料", org_unit=tree.town_b, status=Material.Status.READY
    )
    passage = Passage.objects.create(
        material=other, key="p1", position=1, kind="paragraph", text="乙镇", start=0, end=2
    )
    bank = Bank.objects.create(name="县级题库", org_unit=tree.county, shared_down=True)
    make_question(bank, "single")
    Question.objects.update(source_passage=passage)
    client = client_for(cadre)
    assert client.get(f"/api/v1/practice/passages?material={other.id}").status_code == 404
    res = client.post("/api/v1/practice/", {"passage": passage.id}, format="json")
    assert res.status_code == 404
    assert res.json()["detail"] == practice.PRACTICE_PASSAGE_NOT_FOUND
    assert (
        client.post("/api/v1/practice/", {"material": other.id}, format="json").status_code == 404
    )


def test_passage_and_bank_together_are_refused(cadre, reading, client_for):
    _, passages, _ = reading
    res = client_for(cadre).post(
        "/api/v1/practice/", {"passage": passages[0].id, "bank": 1}, format="json"
    )
    assert res.status_code == 400
    assert res.json()["detail"] == practice.PRACTICE_TARGET_BOTH
