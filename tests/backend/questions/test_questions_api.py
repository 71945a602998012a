"""Questions API: validation, versions, scope, what a cadre may see, review workflow."""

from apps.questions.models import Bank, Question, QuestionReview
from apps.questions.services import review
from question_bank import format_checks as fc
from tests.backend.questions.conftest import single_data

URL = "/api/v1/questions/"
HIDDEN = {"answer", "explanation", "explanation_html", "scoring_points", "source_quote", "quality"}


def test_create_refuses_an_answer_that_is_not_an_option(client_for, county_admin, bank):
    response = client_for(county_admin).post(
        URL, {**single_data(answer="E"), "bank": bank.pk}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"]["answer"] == [fc.ANSWER_NOT_AN_OPTION.format(key="E")]
    assert not Question.objects.exists()


def test_create_renders_markdown_and_flags_a_similar_question(
    client_for, county_admin, bank, make_question
):
    existing = make_question(bank)
    data = {
        **single_data(
            stem="驻村干部每月至少要入户走访多少户？", explanation="<script>x</script>**见规则**"
        ),
        "bank": bank.pk,
    }
    response = client_for(county_admin).post(URL, data, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "draft"
    assert (
        "<script" not in body["explanation_html"]
        and "<strong>见规则</strong>" in body["explanation_html"]
    )
    assert body["similar"][0]["id"] == existing.pk and body["similar"][0]["score"] >= 0.8


def test_editing_a_published_question_creates_a_new_version(
    client_for, county_admin, bank, make_question
):
    old = make_question(bank)
    response = client_for(county_admin).patch(
        f"{URL}{old.pk}/", {"stem": "驻村干部每季度至少走访多少户？"}, format="json"
    )
    assert response.status_code == 200, response.json()
    new = response.json()
    assert new["id"] != old.pk and new["version"] == 2 and new["lineage"] == str(old.lineage)
    old.refresh_from_db()
    assert (
        old.is_current is False and old.stem == "驻村干部每月至少入户走访多少户？"
    )  # exams keep this row
    assert Question.objects.get(pk=new["id"]).status == Question.Status.PUBLISHED
    listed = client_for(county_admin).get(URL, {"bank": bank.pk}).json()["results"]
    assert [q["id"] for q in listed] == [new["id"]]
    stale = client_for(county_admin).patch(f"{URL}{old.pk}/", {"stem": "再改旧版"}, format="json")
    assert stale.status_code == 409


def test_editing_a_draft_changes_it_in_place(client_for, county_admin, bank, make_question):
    draft = make_question(bank, status=Question.Status.DRAFT)
    body = (
        client_for(county_admin).patch(f"{URL}{draft.pk}/", {"difficulty": 5}, format="json").json()
    )
    assert body["id"] == draft.pk and body["version"] == 1 and body["difficulty"] == 5


def test_admin_of_another_township_gets_404(
    client_for, town_a_admin, town_b_admin, town_a_bank, make_question
):
    question = make_question(town_a_bank)
    other = client_for(town_b_admin)
    assert other.get(f"{URL}{question.pk}/").status_code == 404
    assert other.patch(f"{URL}{question.pk}/", {"difficulty": 1}, format="json").status_code == 404
    assert (
        other.post(f"{URL}{question.pk}/review", {"action": "retire"}, format="json").status_code
        == 404
    )
    assert other.get(f"/api/v1/banks/{town_a_bank.pk}/").status_code == 404
    assert other.get(URL, {"bank": town_a_bank.pk}).json()["count"] == 0
    assert client_for(town_a_admin).get(f"{URL}{question.pk}/").status_code == 200


def test_township_admin_may_use_but_not_edit_a_county_shared_bank(
    client_for, town_b_admin, bank, make_question
):
    question = make_question(bank)
    client = client_for(town_b_admin)
    assert client.get(f"{URL}{question.pk}/").json()["answer"] == "B"
    assert client.patch(f"{URL}{question.pk}/", {"difficulty": 1}, format="json").status_code == 404
    assert client.get("/api/v1/banks/").json()["results"][0]["can_manage"] is False


def test_cadre_gets_no_answer_fields(client_for, cadre, bank, make_question, all_types):
    draft = make_question(bank, status=Question.Status.DRAFT, stem="草稿题目不应被干部看到吗？")
    client = client_for(cadre)
    listed = client.get(URL, {"page_size": 200}).json()["results"]
    assert len(listed) == len(all_types)
    for item in listed:
        assert not HIDDEN & set(item), item
    detail = client.get(f"{URL}{all_types[4].pk}/").json()
    assert not HIDDEN & set(detail)
    assert client.get(f"{URL}{draft.pk}/").status_code == 404
    assert client.get("/api/v1/questions/export?format=json").status_code == 403
    assert (
        client.post(f"{URL}{draft.pk}/review", {"action": "approve"}, format="json").status_code
        == 403
    )
    assert client.get(f"{URL}{draft.pk}/history").status_code == 403


def test_cadre_sees_nothing_of_an_unshared_bank(client_for, cadre, tree, make_question):
    private = Bank.objects.create(name="县内部题库", org_unit=tree.county, shared_down=False)
    make_question(private)
    assert client_for(cadre).get(URL).json()["count"] == 0


def test_filters(client_for, county_admin, bank, all_types):
    client = client_for(county_admin)
    assert client.get(URL, {"type": "fill_in"}).json()["count"] == 1
    assert client.get(URL, {"difficulty": 4}).json()["count"] == 1
    assert client.get(URL, {"search": "回访"}).json()["count"] == 2
    kp = all_types[0].knowledge_points.get()
    assert [q["id"] for q in client.get(URL, {"knowledge_point": kp.pk}).json()["results"]] == [
        all_types[0].pk
    ]
    assert client.get(URL, {"difficulty": "x"}).status_code == 400


def test_list_sorts_by_a_column_and_refuses_an_unknown_one(
    client_for, county_admin, bank, all_types
):
    client = client_for(county_admin)

    def difficulties(ordering):
        response = client.get(URL, {"ordering": ordering, "page_size": 50})
        return [q["difficulty"] for q in response.json()["results"]]

    rising = difficulties("difficulty")
    assert rising == sorted(rising) and len(set(rising)) > 1
    assert difficulties("-difficulty") == sorted(rising, reverse=True)
    refused = client.get(URL, {"ordering": "answer"})
    assert refused.status_code == 400 and "ordering" in refused.json()["errors"]


def test_review_workflow_logs_each_step(client_for, county_admin, bank, make_question):
    question = make_question(bank, status=Question.Status.DRAFT)
    client = client_for(county_admin)
    url = f"{URL}{question.pk}/review"
    assert client.post(url, {"action": "submit"}, format="json").json()["status"] == "pending"
    missing = client.post(url, {"action": "reject"}, format="json")
    assert missing.status_code == 400 and missing.json()["detail"] == review.REASON_REQUIRED
    rejected = client.post(
        url, {"action": "reject", "reason": "wrong_answer", "comment": "答案应为C"}, format="json"
    )
    assert rejected.json()["status"] == "draft"
    assert client.post(url, {"action": "retire"}, format="json").status_code == 409
    client.post(url, {"action": "submit"}, format="json")
    assert (
        client.post(url, {"action": "approve", "comment": "通过"}, format="json").json()["status"]
        == "published"
    )
    assert client.post(url, {"action": "retire"}, format="json").json()["status"] == "retired"
    log = list(
        QuestionReview.objects.filter(question=question).values_list(
            "action", "to_status", "reason"
        )
    )
    assert log == [
        ("create", "draft", ""),
        ("submit", "pending", ""),
        ("reject", "draft", "wrong_answer"),
        ("submit", "pending", ""),
        ("approve", "published", ""),
        ("retire", "retired", ""),
    ]
    history = client.get(f"{URL}{question.pk}/history").json()
    assert history[2]["comment"] == "答案应为C" and history[2]["actor"] == county_admin.display_name


def test_duplicate_clusters_endpoint(client_for, county_admin, bank, make_question):
    a = make_question(bank, stem="驻村干部每月至少入户走访多少户？")
    b = make_question(bank, stem="驻村干部每月至少要入户走访多少户？")
    make_question(bank, stem="问题办结后几日内开展满意度回访？")
    clusters = (
        client_for(county_admin).get("/api/v1/questions/duplicates", {"bank": bank.pk}).json()
    )
    assert len(clusters) == 1
    assert {q["id"] for q in clusters[0]["questions"]} == {a.pk, b.pk}


def test_only_unpublished_questions_can_be_deleted(client_for, county_admin, bank, make_question):
    from apps.questions.services.questions import PUBLISHED_NOT_DELETABLE

    draft = make_question(bank, status=Question.Status.DRAFT)
    published = make_question(bank, stem="问题办结后几日内开展满意度回访？")
    client = client_for(county_admin)
    refused = client.delete(f"{URL}{published.pk}/")
    assert refused.status_code == 409 and refused.json()["detail"] == PUBLISHED_NOT_DELETABLE
    assert client.delete(f"{URL}{draft.pk}/").status_code == 204
    assert list(Question.objects.values_list("pk", flat=True)) == [published.pk]


def test_a_knowledge_point_out_of_reach_is_refused_without_its_name(
    client_for, town_a_admin, town_a_bank, tree
):
    """Probe 17: the refusal named the knowledge point, so a township admin could read the
    names of another township's knowledge points by trying ids."""
    from apps.questions.models import KnowledgePoint
    from apps.questions.services import questions as question_service

    secret = KnowledgePoint.objects.create(name="乙镇机密要点", org_unit=tree.town_b)
    body = single_data(bank=town_a_bank.pk, knowledge_points=[secret.pk])
    response = client_for(town_a_admin).post("/api/v1/questions/", body, format="json")
    assert response.status_code == 400
    assert "乙镇机密要点" not in response.content.decode()
    message = question_service.KP_OUT_OF_SCOPE.format(position=1)
    assert response.json()["errors"] == {"knowledge_points": [message]}
