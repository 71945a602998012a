"""Results as the policy allows, the blind subjective queue, and the final score."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.exams.models import Attempt, Exam, ScoreChange
from apps.exams.signals import attempt_graded
from tests import factories
from tests.backend.exams.conftest import make_exam, put, start, submit

pytestmark = pytest.mark.django_db


def _answer_all(client, attempt_id, questions):
    put(client, attempt_id, questions["single"].pk, "B", 1)
    put(client, attempt_id, questions["multiple"].pk, ["A"], 2)
    put(client, attempt_id, questions["true_false"].pk, True, 3)
    put(client, attempt_id, questions["fill_in"].pk, ["乡村振兴", "x"], 4)
    put(client, attempt_id, questions["short_answer"].pk, "我的作答文字", 5)


def _submitted(client_for, cadre, exam, questions):
    client = client_for(cadre)
    attempt_id = start(client, exam).json()["id"]
    _answer_all(client, attempt_id, questions)
    return client, attempt_id, submit(client, attempt_id)


def test_immediate_policy_shows_items_with_answers_and_sources(client_for, cadre, exam, questions):
    _, _, body = _submitted(client_for, cadre, exam, questions)
    result = body["result"]
    # single 2 + multiple 0 (all or nothing) + tf 2 + fill-in 2 of 4; short answer pending
    assert result["score"] == "6.00" and result["max_score"] == "20.00"
    assert result["pending_review"] is True and result["passed"] is None
    items = {i["type"]: i for i in result["items"]}
    assert items["single"]["correct"] is True and items["single"]["answer"] == "B"
    assert items["multiple"]["correct"] is False and items["multiple"]["answer"] == ["A", "C"]
    assert items["single"]["source"]["material_title"] == "乡村振兴学习材料"
    assert "的解析" in items["multiple"]["explanation_html"]
    assert result["knowledge_points"][0]["name"] == "基层治理"


def test_partial_credit_policy(client_for, cadre, tree, paper, questions):
    exam = make_exam(tree, paper, multiple_policy=Exam.MultiplePolicy.PARTIAL)
    _, _, body = _submitted(client_for, cadre, exam, questions)
    assert body["result"]["score"] == "8.00"


@pytest.mark.parametrize("policy", [Exam.Release.AFTER_CLOSE, Exam.Release.NEVER])
def test_keys_never_leave_before_policy_allows(client_for, cadre, tree, paper, questions, policy):
    exam = make_exam(tree, paper, answer_release=policy)
    client, attempt_id, body = _submitted(client_for, cadre, exam, questions)
    for text in (str(body), client.get(f"/api/v1/attempts/{attempt_id}").content.decode()):
        assert "振兴乡村" not in text and "的解析" not in text and "参考答案" not in text
    assert body["result"]["items"] == [] and body["result"]["score"] == "6.00"
    Exam.objects.filter(pk=exam.pk).update(
        opens_at=timezone.now() - timedelta(hours=3),
        closes_at=timezone.now() - timedelta(minutes=1),
    )
    later = client.get(f"/api/v1/attempts/{attempt_id}").json()["result"]
    assert bool(later["items"]) is (policy == Exam.Release.AFTER_CLOSE)


def test_reviewer_grades_blind_and_score_becomes_final(
    client_for, cadre, reviewer, exam, questions, django_capture_on_commit_callbacks
):
    received = []
    attempt_graded.connect(
        lambda sender, attempt, **kw: received.append(attempt.score), weak=False, dispatch_uid="t1"
    )
    _assign_grader(exam, reviewer)
    try:
        with django_capture_on_commit_callbacks(execute=True):  # listeners run after commit
            _, attempt_id, _ = _submitted(client_for, cadre, exam, questions)
            rev = client_for(reviewer)
            listing = rev.get("/api/v1/grading-tasks/").json()
            assert listing["count"] == 1
            task = listing["results"][0]
            assert task["answer_text"] == "我的作答文字" and task["question"]["scoring_points"]
            assert cadre.real_name not in str(task) and cadre.username not in str(task)
            bad = rev.post(
                f"/api/v1/grading-tasks/{task['id']}/grade", {"score": "9"}, format="json"
            )
            assert bad.status_code == 400 and "score" in bad.json()["errors"]
            ok = rev.post(
                f"/api/v1/grading-tasks/{task['id']}/grade",
                {"score": "7.5", "comment": "要点基本齐全"},
                format="json",
            )
            assert ok.status_code == 200 and ok.json()["score"] == "7.50"
    finally:
        attempt_graded.disconnect(dispatch_uid="t1")
    attempt = Attempt.objects.get(pk=attempt_id)
    assert attempt.score == 13.5 and attempt.pending_review is False and attempt.passed is True
    assert received[-1] == attempt.score and len(received) == 2
    assert list(ScoreChange.objects.filter(attempt=attempt).values_list("kind", flat=True)) == [
        "finalize",
        "review",
    ]
    assert rev.get("/api/v1/grading-tasks/").json()["count"] == 0


def _assign_grader(exam, user):
    """Cadres only sit the exam (the reviewer's department is inside its county audience)."""
    exam.audience_roles = ["cadre"]
    exam.save()
    exam.graders.add(user)


def test_reviewer_never_grades_own_answer(client_for, tree, exam, questions):
    both = factories.make_user(tree.village_a1, is_reviewer=True)
    exam.graders.add(both)
    _submitted(client_for, both, exam, questions)
    assert client_for(both).get("/api/v1/grading-tasks/").json()["count"] == 0


def test_plain_cadre_cannot_see_grading_queue(client_for, cadre):
    assert client_for(cadre).get("/api/v1/grading-tasks/").status_code == 403


def test_rank_within_unit(client_for, tree, exam, questions):
    scores = []
    for response in ("B", "A"):
        user = factories.make_user(tree.village_a1)
        client = client_for(user)
        attempt_id = start(client, exam).json()["id"]
        put(client, attempt_id, questions["single"].pk, response, 1)
        Attempt.objects.filter(
            pk=attempt_id
        ).update()  # keep subjective pending out: grade it below
        scores.append((client, attempt_id))
    from apps.exams.models import SubjectiveGrade
    from apps.exams.services import review

    grader = factories.make_user(tree.department, is_cadre=False, is_reviewer=True)
    _assign_grader(exam, grader)
    for client, attempt_id in scores:
        client.post(f"/api/v1/attempts/{attempt_id}/submit")
    for task in SubjectiveGrade.objects.all():
        review.grade(task.pk, grader, "0")
    first = scores[0][0].get(f"/api/v1/attempts/{scores[0][1]}").json()["result"]
    second = scores[1][0].get(f"/api/v1/attempts/{scores[1][1]}").json()["result"]
    assert (first["rank_in_unit"], first["unit_count"]) == (1, 2)
    assert second["rank_in_unit"] == 2


def test_shuffled_options_frozen_per_attempt_and_graded_back(
    client_for, cadre, tree, paper, questions
):
    exam = make_exam(tree, paper, shuffle_options=True, shuffle_questions=True)
    client = client_for(cadre)
    body = start(client, exam).json()
    single = next(q for q in body["questions"] if q["type"] == "single")
    correct_letter = next(o["key"] for o in single["options"] if o["html"] == "选项B")
    again = client.get(f"/api/v1/attempts/{body['id']}").json()
    assert [q["id"] for q in again["questions"]] == [q["id"] for q in body["questions"]]
    assert (
        next(q for q in again["questions"] if q["type"] == "single")["options"] == single["options"]
    )
    put(client, body["id"], single["id"], correct_letter, 1)
    result = submit(client, body["id"])["result"]
    item = next(i for i in result["items"] if i["type"] == "single")
    assert item["correct"] is True and item["answer"] == correct_letter and item["score"] == "2.00"
