"""Generated drafts: one review batch in 待审, approve / edit-then-approve / reject, rule stats."""

import pytest

from apps.questions.models import GenerationBatch, Material, Question
from apps.questions.services import materials
from tests.backend.questions.conftest import SAMPLE_TEXT


@pytest.fixture
def material(county_admin):
    return materials.create_from_text(
        actor=county_admin, title="联系服务群众工作规则", text=SAMPLE_TEXT
    )


def _generate(client, material, bank, **body):
    # The sample is a county's own work rules: the review flow needs the broad range's drafts.
    body = {"mode": "broad", **body}
    return client.post(
        f"/api/v1/materials/{material.pk}/generate", {"bank": bank.pk, **body}, format="json"
    )


def test_strict_range_on_local_rules_says_why_nothing_came_and_broad_fills_the_queue(
    client_for, county_admin, material, bank
):
    client = client_for(county_admin)
    strict = _generate(client, material, bank, mode="strict", types=["fill_in", "true_false"])
    assert strict.status_code == 201, strict.json()
    assert strict.json()["candidate_count"] == 0
    assert "宽松" in strict.json()["error"] and "国家出处" in strict.json()["error"]
    assert not Question.objects.exists()
    broad = _generate(client, material, bank, types=["fill_in", "true_false"]).json()
    assert broad["candidate_count"] > 0 and broad["error"] == ""
    assert GenerationBatch.objects.get(pk=broad["id"]).params["mode"] == "broad"


def test_unknown_range_is_refused_naming_the_field(client_for, county_admin, material, bank):
    response = _generate(client_for(county_admin), material, bank, mode="everything")
    assert response.status_code == 400 and "mode" in response.json()["errors"]
    assert not GenerationBatch.objects.exists()


def test_generate_creates_pending_drafts_in_one_batch(client_for, county_admin, material, bank):
    response = _generate(client_for(county_admin), material, bank, types=["fill_in", "true_false"])
    assert response.status_code == 201, response.json()
    batch = response.json()
    assert batch["candidate_count"] > 0 and batch["pending_count"] == batch["candidate_count"]
    drafts = Question.objects.filter(generation_batch_id=batch["id"])
    assert {q.status for q in drafts} == {Question.Status.PENDING}
    assert {q.type for q in drafts} <= {"fill_in", "true_false"}
    for question in drafts:
        assert material.text[question.source_start : question.source_end] == question.source_quote
        assert question.source_passage.material_id == material.pk and question.generation_rule
    screen = client_for(county_admin).get(f"/api/v1/generation-batches/{batch['id']}/").json()
    assert len(screen["questions"]) == batch["candidate_count"]
    assert screen["reject_reasons"]["weak_distractors"] == "干扰项不合理"


def test_generate_refuses_unknown_type_and_other_scope(
    client_for, county_admin, town_b_admin, material, bank
):
    bad = _generate(client_for(county_admin), material, bank, types=["essay"])
    assert bad.status_code == 400 and "types.0" in bad.json()["errors"]
    assert _generate(client_for(town_b_admin), material, bank).status_code == 404
    assert not Question.objects.exists()


def test_generate_waits_for_ingestion(client_for, county_admin, material, bank):
    Material.objects.filter(pk=material.pk).update(status=Material.Status.PROCESSING)
    assert _generate(client_for(county_admin), material, bank).status_code == 409


def test_review_actions_feed_the_rule_stats(client_for, county_admin, material, bank):
    client = client_for(county_admin)
    batch = _generate(client, material, bank, types=["fill_in"]).json()
    drafts = list(Question.objects.filter(generation_batch_id=batch["id"]).order_by("id"))
    assert len(drafts) >= 3
    first, second, third = drafts[:3]
    assert (
        client.post(
            f"/api/v1/questions/{first.pk}/review", {"action": "approve"}, format="json"
        ).status_code
        == 200
    )
    edited = client.post(
        f"/api/v1/questions/{second.pk}/review",
        {"action": "approve", "changes": {"explanation": "人工补充的解析"}},
        format="json",
    )
    assert edited.status_code == 200 and edited.json()["explanation"] == "人工补充的解析"
    assert edited.json()["status"] == "published"
    no_reason = client.post(
        f"/api/v1/questions/{third.pk}/review", {"action": "reject"}, format="json"
    )
    assert no_reason.status_code == 400
    bad_reason = client.post(
        f"/api/v1/questions/{third.pk}/review",
        {"action": "reject", "reason": "boring"},
        format="json",
    )
    assert bad_reason.status_code == 400
    client.post(
        f"/api/v1/questions/{third.pk}/review",
        {"action": "reject", "reason": "trivial"},
        format="json",
    )
    stats = client.get("/api/v1/generator/stats").json()
    totals = {
        key: sum(row[key] for row in stats)
        for key in ("generated", "approved", "approved_edited", "rejected")
    }
    assert totals == {"generated": len(drafts), "approved": 1, "approved_edited": 1, "rejected": 1}
    assert sum(row["reasons"]["trivial"] for row in stats) == 1
    rule = next(row for row in stats if row["rule"] == third.generation_rule)
    assert rule["reasons"]["trivial"] == 1 and rule["approval_rate"] is not None


def test_edit_then_approve_with_a_broken_answer_changes_nothing(
    client_for, county_admin, material, bank
):
    client = client_for(county_admin)
    batch = _generate(client, material, bank, types=["fill_in"]).json()
    draft = Question.objects.filter(generation_batch_id=batch["id"]).first()
    response = client.post(
        f"/api/v1/questions/{draft.pk}/review",
        {"action": "approve", "changes": {"answer": []}},
        format="json",
    )
    assert response.status_code == 400
    draft.refresh_from_db()
    assert draft.status == Question.Status.PENDING


def test_a_numeric_fill_in_draft_accepts_digits_and_chinese_numerals(
    client_for, county_admin, material, bank
):
    batch = _generate(client_for(county_admin), material, bank, types=["fill_in"]).json()
    numbers = [
        q
        for q in Question.objects.filter(generation_batch_id=batch["id"])
        if any(form.isdigit() for forms in q.answer for form in forms)
    ]
    assert numbers
    for question in numbers:
        for forms in question.answer:
            digits = [f for f in forms if f.isdigit()]
            assert digits and len(forms) == 2  # "5" and "五": either is graded right
