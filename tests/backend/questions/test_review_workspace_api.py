"""What the console's generation and review screens call: per-type counts, the batch's
status, the cited passages, batch approval, Markdown preview, usage and facility."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.exams.models import Answer, Attempt, Exam, Paper
from apps.questions.models import GenerationBatch, Question
from apps.questions.services import generation, materials
from tests.backend.questions.conftest import single_data
from tests.sample_material import VILLAGE_AFFAIRS_TEXT

REVIEW_BATCH = "/api/v1/questions/review-batch"


@pytest.fixture
def material(county_admin):
    return materials.create_from_text(
        actor=county_admin, title="村级事务公开办法", text=VILLAGE_AFFAIRS_TEXT
    )


def test_counts_ask_for_how_many_of_each_type(client_for, county_admin, material, bank):
    response = client_for(county_admin).post(
        f"/api/v1/materials/{material.pk}/generate",
        {"bank": bank.pk, "counts": {"fill_in": 2, "true_false": 1, "single": 0}},
        format="json",
    )
    assert response.status_code == 201, response.json()
    batch = response.json()
    assert batch["status"] == "done" and batch["status_label"] == "已完成"
    drafts = Question.objects.filter(generation_batch_id=batch["id"])
    by_type = {t: drafts.filter(type=t).count() for t in ("fill_in", "true_false", "single")}
    assert by_type == {"fill_in": 2, "true_false": 1, "single": 0}
    assert batch["candidate_count"] == 3


def test_counts_of_nothing_are_refused(client_for, county_admin, material, bank):
    response = client_for(county_admin).post(
        f"/api/v1/materials/{material.pk}/generate",
        {"bank": bank.pk, "counts": {"fill_in": 0}},
        format="json",
    )
    assert response.status_code == 400 and response.json()["errors"]["counts"]
    assert not GenerationBatch.objects.exists()


def test_a_failing_generator_marks_the_batch_failed(county_admin, material, bank, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(generation, "generate", broken)
    batch = generation.generate_for_material(
        actor=county_admin, material=material, bank=bank, types=["fill_in"]
    )
    assert batch.status == GenerationBatch.Status.FAILED
    assert batch.error == generation.GENERATION_FAILED
    assert not Question.objects.exists()  # nothing half-stored


def test_review_screen_carries_the_cited_passages(client_for, county_admin, material, bank):
    batch = generation.generate_for_material(
        actor=county_admin, material=material, bank=bank, counts={"fill_in": 2}
    )
    screen = client_for(county_admin).get(f"/api/v1/generation-batches/{batch.pk}/").json()
    passages = {p["id"]: p for p in screen["passages"]}
    for question in screen["questions"]:
        passage = passages[question["source_passage"]]
        assert question["source_quote"] in passage["text"]
        assert passage["kind_label"] in {"段落", "要点", "条文", "标题"}


def test_batch_approve_publishes_each_and_reports_the_rest(
    client_for, county_admin, town_b_admin, material, bank, town_a_bank, make_question
):
    batch = generation.generate_for_material(
        actor=county_admin, material=material, bank=bank, counts={"fill_in": 3}
    )
    ids = list(batch.questions.values_list("pk", flat=True))
    already = make_question(bank)  # published: cannot be approved again
    refused = client_for(town_b_admin).post(
        REVIEW_BATCH, {"ids": ids, "action": "approve"}, format="json"
    )
    assert refused.status_code == 200 and refused.json()["done"] == []
    assert Question.objects.filter(pk__in=ids, status="published").count() == 0

    result = client_for(county_admin).post(
        REVIEW_BATCH, {"ids": [*ids, already.pk], "action": "approve"}, format="json"
    )
    body = result.json()
    assert sorted(body["done"]) == sorted(ids)
    assert [f["id"] for f in body["failed"]] == [already.pk]
    assert "不能执行" in body["failed"][0]["detail"]
    assert Question.objects.filter(pk__in=ids, status="published").count() == 3


def test_batch_review_needs_ids_and_a_known_action(client_for, county_admin):
    bad = client_for(county_admin).post(REVIEW_BATCH, {"ids": [], "action": "x"}, format="json")
    assert bad.status_code == 400 and {"ids", "action"} <= set(bad.json()["errors"])


def test_preview_renders_like_the_server_and_sanitizes(client_for, county_admin, cadre):
    body = {"stem": "**加粗** <script>alert(1)</script>", "explanation": "见第一条"}
    response = client_for(county_admin).post("/api/v1/questions/preview", body, format="json")
    assert response.status_code == 200
    html = response.json()["stem_html"]
    assert "<strong>加粗</strong>" in html and "<script" not in html
    assert (
        client_for(cadre).post("/api/v1/questions/preview", body, format="json").status_code == 403
    )


def _attempt(exam, user, question, correct: bool):
    attempt = Attempt.objects.create(
        exam=exam,
        user=user,
        status=Attempt.Status.SUBMITTED,
        layout=[{"q": question.pk, "p": "2.00"}],
        item_scores={str(question.pk): {"s": "2.00" if correct else "0.00", "c": correct}},
        started_at=timezone.now(),
        deadline=timezone.now(),
    )
    now = timezone.now()
    Answer.objects.create(
        attempt=attempt, question=question, response="B", seq=1, saved_at=now, first_saved_at=now
    )


def test_list_shows_times_used_and_facility_in_one_query(
    client_for, county_admin, bank, make_question, tree, django_assert_max_num_queries
):
    from tests.factories import make_user

    used = make_question(bank)
    make_question(bank, stem="问题办结后几日内回访？")
    now = timezone.now()
    paper = Paper.objects.create(title="卷", org_unit=tree.county)
    exams = [
        Exam.objects.create(
            title=f"考试{i}",
            org_unit=tree.county,
            paper=paper,
            opens_at=now,
            closes_at=now + timedelta(hours=1),
            duration_minutes=30,
        )
        for i in range(2)
    ]
    people = [make_user(tree.village_a1, real_name=f"干部{i}") for i in range(3)]
    _attempt(exams[0], people[0], used, True)
    _attempt(exams[0], people[1], used, False)
    _attempt(exams[1], people[2], used, True)
    client = client_for(county_admin)
    client.get("/api/v1/questions/")  # warm the session and content types
    with django_assert_max_num_queries(12):
        rows = {q["id"]: q for q in client.get("/api/v1/questions/").json()["results"]}
    assert rows[used.pk]["times_used"] == 2
    assert rows[used.pk]["facility"] == pytest.approx(0.667, abs=0.001)
    unused = next(q for pk, q in rows.items() if pk != used.pk)
    assert unused["times_used"] == 0 and unused["facility"] is None


def test_facility_follows_the_question_across_versions(client_for, county_admin, bank, tree):
    from apps.questions.services.questions import create_question, update_question
    from tests.factories import make_user

    first = create_question(
        actor=county_admin, bank=bank, data=single_data(), status=Question.Status.PUBLISHED
    )
    now = timezone.now()
    paper = Paper.objects.create(title="卷", org_unit=tree.county)
    exam = Exam.objects.create(
        title="考试",
        org_unit=tree.county,
        paper=paper,
        opens_at=now,
        closes_at=now + timedelta(hours=1),
        duration_minutes=30,
    )
    _attempt(exam, make_user(tree.village_a1, real_name="甲"), first, True)
    second = update_question(actor=county_admin, question=first, data={"explanation": "新解析"})
    rows = client_for(county_admin).get("/api/v1/questions/").json()["results"]
    current = next(q for q in rows if q["id"] == second.pk)
    assert current["times_used"] == 1 and current["facility"] == 1.0


def test_generated_knowledge_points_are_listed_with_their_material(
    client_for, county_admin, material, bank
):
    generation.generate_for_material(
        actor=county_admin, material=material, bank=bank, counts={"single": 2}
    )
    suggested = {
        kp.name
        for q in Question.objects.filter(generation_batch__isnull=False)
        for kp in q.knowledge_points.all()
    }
    assert suggested
    listed = client_for(county_admin).get(f"/api/v1/knowledge-points/?material={material.pk}")
    names = {kp["name"] for kp in listed.json() if kp["status"] == "suggested"}
    assert suggested <= names
