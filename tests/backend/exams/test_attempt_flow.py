"""Starting, resuming, saving and submitting an attempt through the API, as the contract says."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.exams.models import Answer, Attempt
from apps.exams.services import attempts as svc
from tests.backend.exams.conftest import make_exam, put, start

pytestmark = pytest.mark.django_db


def test_start_returns_questions_without_keys_and_resume_returns_same(
    client_for, cadre, exam, questions
):
    client = client_for(cadre)
    first = start(client, exam)
    assert first.status_code == 201
    body = first.json()
    assert body["status"] == "in_progress" and body["result"] is None
    assert [q["type"] for q in body["questions"]] == [
        "single",
        "multiple",
        "true_false",
        "fill_in",
        "short_answer",
    ]
    assert body["questions"][0]["options"][0] == {"key": "A", "html": "选项A"}
    assert body["questions"][3]["blanks"] == 2
    assert {
        "deadline",
        "server_now",
        "answers",
        "focus_loss_count",
        "focus_loss_limit",
    } <= body.keys()
    text = first.content.decode()
    assert "乡村振兴" not in text and "的解析" not in text and "参考答案" not in text
    again = start(client, exam)
    assert again.status_code == 200 and again.json()["id"] == body["id"]
    assert Attempt.objects.count() == 1


def test_deadline_is_capped_by_window_close(client_for, cadre, tree, paper):
    exam = make_exam(
        tree, paper, closes_at=timezone.now() + timedelta(minutes=5), duration_minutes=60
    )
    body = start(client_for(cadre), exam).json()
    attempt = Attempt.objects.get(pk=body["id"])
    assert attempt.deadline == exam.closes_at


def test_save_keeps_highest_seq_and_is_idempotent(client_for, cadre, exam, questions):
    client = client_for(cadre)
    attempt_id = start(client, exam).json()["id"]
    qid = questions["single"].pk
    ok = put(client, attempt_id, qid, "C", 5)
    assert ok.status_code == 200 and ok.json()["accepted"] is True
    older = put(client, attempt_id, qid, "A", 3).json()
    assert older["accepted"] is False and older["response"] == "C" and older["seq"] == 5
    same = put(client, attempt_id, qid, "C", 5).json()
    assert same["accepted"] is False and same["seq"] == 5
    newer = put(client, attempt_id, qid, "B", 6).json()
    assert newer["accepted"] is True
    assert Answer.objects.get(attempt_id=attempt_id, question_id=qid).response == "B"
    saved = client.get(f"/api/v1/attempts/{attempt_id}").json()["answers"][str(qid)]
    assert saved["response"] == "B" and saved["seq"] == 6


def test_batch_saves_many_with_same_rules(client_for, cadre, exam, questions):
    client = client_for(cadre)
    attempt_id = start(client, exam).json()["id"]
    put(client, attempt_id, questions["single"].pk, "A", 10)
    answers = [
        {"question_id": questions["single"].pk, "response": "B", "seq": 4},
        {"question_id": questions["true_false"].pk, "response": False, "seq": 5},
        {"question_id": questions["fill_in"].pk, "response": ["乡村振兴", "abc"], "seq": 6},
    ]
    res = client.post(
        f"/api/v1/attempts/{attempt_id}/answers/batch", {"answers": answers}, format="json"
    )
    assert res.status_code == 200
    assert [r["accepted"] for r in res.json()["results"]] == [False, True, True]
    assert res.json()["results"][0]["response"] == "A"


def test_bad_response_names_the_field_and_saves_nothing(client_for, cadre, exam, questions):
    client = client_for(cadre)
    attempt_id = start(client, exam).json()["id"]
    res = put(client, attempt_id, questions["single"].pk, "Z", 1)
    assert res.status_code == 400 and "response" in res.json()["errors"]
    res = put(client, attempt_id, questions["true_false"].pk, "对", 1)
    assert res.status_code == 400 and res.json()["detail"] == "判断题的作答应为 true 或 false"
    res = client.post(
        f"/api/v1/attempts/{attempt_id}/answers/batch",
        {
            "answers": [
                {"question_id": questions["single"].pk, "response": "A", "seq": 1},
                {"question_id": questions["multiple"].pk, "response": ["A", "A"], "seq": 2},
            ]
        },
        format="json",
    )
    assert res.status_code == 400 and "answers.1.response" in res.json()["errors"]
    assert not Answer.objects.exists()


def test_submit_is_idempotent_and_later_saves_refused(client_for, cadre, exam, questions):
    client = client_for(cadre)
    attempt_id = start(client, exam).json()["id"]
    put(client, attempt_id, questions["single"].pk, "B", 1)
    first = client.post(f"/api/v1/attempts/{attempt_id}/submit")
    assert first.status_code == 200 and first.json()["status"] == "submitted"
    assert first.json()["submit_reason"] == "manual"
    second = client.post(f"/api/v1/attempts/{attempt_id}/submit")
    assert second.json()["submitted_at"] == first.json()["submitted_at"]
    late = put(client, attempt_id, questions["single"].pk, "C", 2)
    assert late.status_code == 409 and late.json()["code"] == "submitted"
    assert Answer.objects.get(attempt_id=attempt_id).response == "B"


def test_save_after_deadline_plus_grace_is_refused_and_finalizes(
    client_for, cadre, exam, questions, settings
):
    settings.EXAM_SAVE_GRACE_SECONDS = 15
    client = client_for(cadre)
    attempt_id = start(client, exam).json()["id"]
    put(client, attempt_id, questions["single"].pk, "B", 1)
    Attempt.objects.filter(pk=attempt_id).update(deadline=timezone.now() - timedelta(seconds=10))
    svc.answer_store.get_meta(attempt_id)  # cached meta is stale; the statement still checks
    from django.core.cache import cache

    cache.clear()
    in_grace = put(client, attempt_id, questions["true_false"].pk, True, 2)
    assert in_grace.status_code == 200 and in_grace.json()["accepted"] is True
    Attempt.objects.filter(pk=attempt_id).update(deadline=timezone.now() - timedelta(seconds=16))
    cache.clear()
    late = put(client, attempt_id, questions["single"].pk, "C", 3)
    assert late.status_code == 409
    assert late.json() == {
        "detail": "考试时间已到，本次作答未能保存",
        "errors": {},
        "code": "time_up",
    }
    attempt = Attempt.objects.get(pk=attempt_id)
    assert attempt.status == "submitted" and attempt.submit_reason == "deadline"
    assert attempt.score == 4  # single 2 + true_false 2, saved before the deadline


def test_late_save_refused_even_with_stale_cache(client_for, cadre, exam, questions):
    """The cache may say "in progress"; the upsert statement itself checks the deadline."""
    client = client_for(cadre)
    attempt_id = start(client, exam).json()["id"]
    Attempt.objects.filter(pk=attempt_id).update(deadline=timezone.now() - timedelta(seconds=60))
    late = put(client, attempt_id, questions["single"].pk, "C", 3)
    assert late.status_code == 409 and late.json()["code"] == "time_up"
    assert not Answer.objects.exists()


def test_sweep_finalizes_expired_attempts(client_for, cadre, exam, questions):
    client = client_for(cadre)
    attempt_id = start(client, exam).json()["id"]
    put(client, attempt_id, questions["multiple"].pk, ["C", "A"], 1)
    assert svc.finalize_expired() == 0
    Attempt.objects.filter(pk=attempt_id).update(deadline=timezone.now() - timedelta(minutes=1))
    from django.core.management import call_command

    call_command("finalize_expired_attempts")
    attempt = Attempt.objects.get(pk=attempt_id)
    assert (
        attempt.status == "submitted"
        and attempt.score == 4
        and attempt.submitted_at == attempt.deadline
    )


def test_touching_an_expired_attempt_finalizes_it(client_for, cadre, exam):
    client = client_for(cadre)
    attempt_id = start(client, exam).json()["id"]
    Attempt.objects.filter(pk=attempt_id).update(deadline=timezone.now() - timedelta(minutes=1))
    body = client.get(f"/api/v1/attempts/{attempt_id}").json()
    assert body["status"] == "submitted" and body["submit_reason"] == "deadline"


def test_focus_loss_past_limit_submits_and_says_why(client_for, cadre, tree, paper):
    exam = make_exam(tree, paper, focus_loss_limit=2)
    client = client_for(cadre)
    attempt_id = start(client, exam).json()["id"]
    url = f"/api/v1/attempts/{attempt_id}/events"
    for expected in (1, 2):
        body = client.post(url, {"kind": "focus_loss"}, format="json").json()
        assert body["focus_loss_count"] == expected and body["submitted"] is False
    assert client.post(url, {"kind": "reconnect"}, format="json").json()["submitted"] is False
    body = client.post(url, {"kind": "focus_loss"}, format="json").json()
    assert body["submitted"] is True and "超过 2 次" in body["detail"]
    assert Attempt.objects.get(pk=attempt_id).submit_reason == "focus_loss"


def test_exam_list_for_cadre_shows_card(client_for, cadre, exam):
    client = client_for(cadre)
    start(client, exam)
    body = client.get("/api/v1/exams/?mine=1").json()
    assert body["count"] == 1
    card = body["results"][0]
    assert card["state"] == "open" and card["attempts_used"] == 1 and card["in_progress_attempt"]
    assert (
        card["total_points"] == "20.00"
        and card["question_count"] == 5
        and card["kind_label"] == "正式考试"
    )
    detail = client.get(f"/api/v1/exams/{exam.pk}").json()
    assert "rules" in detail and detail["id"] == exam.pk


def test_celery_task_under_the_scheduled_name_sweeps(client_for, cadre, exam, settings):
    from apps.exams.tasks import finalize_expired_attempts

    assert (
        finalize_expired_attempts.name
        == settings.CELERY_BEAT_SCHEDULE["finalize-expired-attempts"]["task"]
    )
    attempt_id = start(client_for(cadre), exam).json()["id"]
    Attempt.objects.filter(pk=attempt_id).update(deadline=timezone.now() - timedelta(minutes=1))
    assert finalize_expired_attempts.delay().get() == 1
    assert Attempt.objects.get(pk=attempt_id).status == "submitted"
