"""The close rush's in-request and after-commit paths: the submit's light reply, the feed of
many attempts in one batch (idempotent, one bad attempt holding back no other) and the
sweep finalising many attempts per transaction."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.exams.api import contract as c
from apps.exams.models import Attempt, Exam, ScoreChange
from apps.exams.services import attempts as svc
from apps.exams.services import graded_feed
from apps.exams.services.attempts import ATTEMPT_NOT_FOUND
from apps.exams.signals import attempts_graded
from apps.training.models import ExamResult, ReviewCard, WrongBookEntry
from tests import factories
from tests.backend.exams.conftest import make_exam, put, start
from tests.backend.exams.test_contract import conforms

pytestmark = pytest.mark.django_db


def _wrong_attempt(client, exam, questions) -> int:
    attempt_id = start(client, exam).json()["id"]
    put(client, attempt_id, questions["single"].pk, "A", 1)  # the key is B
    put(client, attempt_id, questions["true_false"].pk, False, 2)  # the key is true
    return attempt_id


def test_the_submit_reply_is_light_and_shows_a_released_score(client_for, cadre, exam, questions):
    client = client_for(cadre)
    attempt_id = _wrong_attempt(client, exam, questions)
    reply = client.post(f"/api/v1/attempts/{attempt_id}/submit")
    assert reply.status_code == 200
    body = reply.json()
    conforms(c.SubmitReplySerializer, body, "submit")
    assert body["status"] == "submitted" and body["submit_reason"] == "manual"
    assert body["score_visible"] is True and body["score"] == "0.00"
    assert body["pending_review"] is True and body["passed"] is None  # a short answer waits
    assert "questions" not in body and "result" not in body
    assert len(reply.content) < 400
    # Submitting again answers the same, and the result page still has the full result.
    again = client.post(f"/api/v1/attempts/{attempt_id}/submit").json()
    assert again["submitted_at"] == body["submitted_at"]
    full = client.get(f"/api/v1/attempts/{attempt_id}").json()
    assert full["result"]["items"] and full["result"]["score"] == "0.00"


def test_the_submit_reply_holds_back_a_score_released_only_after_the_close(
    client_for, cadre, tree, paper, questions
):
    exam = make_exam(tree, paper, score_release=Exam.Release.AFTER_CLOSE)
    client = client_for(cadre)
    body = client.post(f"/api/v1/attempts/{_wrong_attempt(client, exam, questions)}/submit").json()
    assert body["status"] == "submitted"
    assert body["score_visible"] is False
    assert body["score"] is None and body["passed"] is None


def test_submitting_someone_elses_attempt_is_not_found(client_for, cadre, tree, exam, questions):
    attempt_id = _wrong_attempt(client_for(cadre), exam, questions)
    other = factories.make_user(tree.village_a1)
    reply = client_for(other).post(f"/api/v1/attempts/{attempt_id}/submit")
    assert reply.status_code == 404
    assert reply.json()["detail"] == ATTEMPT_NOT_FOUND
    assert Attempt.objects.get(pk=attempt_id).status == Attempt.Status.IN_PROGRESS


def test_finalising_inside_the_request_takes_a_handful_of_queries(cadre, exam, questions):
    attempt, _, _ = svc.start_or_resume(exam, cadre)
    svc.save_answer(attempt.pk, cadre, questions["single"].pk, "A", 1)
    with CaptureQueriesContext(connection) as ctx:
        done = svc.submit_own(attempt.pk, cadre)
    assert done.status == Attempt.Status.SUBMITTED
    # lock (with the owner check), answers, keys, subjective items, store, history, commit
    assert len(ctx.captured_queries) <= 9, [q["sql"][:80] for q in ctx.captured_queries]


def _submitted_many(exam, questions, tree, n):
    people = [factories.make_user(tree.village_a1) for _ in range(n)]
    ids = []
    for user in people:
        attempt, _, _ = svc.start_or_resume(exam, user)
        svc.save_answer(attempt.pk, user, questions["single"].pk, "A", 1)  # wrong
        svc.save_answer(attempt.pk, user, questions["multiple"].pk, ["A", "C"], 2)  # right
        svc.submit(attempt)
        ids.append(attempt.pk)
    return people, ids


def test_the_feed_of_many_attempts_runs_in_one_batch_and_twice_changes_nothing(
    tree, exam, questions, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks():  # the feeds are run below, by hand
        people, ids = _submitted_many(exam, questions, tree, 6)
    assert graded_feed.run(ids) == 6
    assert Attempt.objects.filter(pk__in=ids, feed_applied_at__isnull=False).count() == 6
    state = (
        sorted(WrongBookEntry.objects.values_list("user_id", "question_id", "wrong_count")),
        sorted(ReviewCard.objects.values_list("user_id", "question_id", "box")),
        ExamResult.objects.count(),
    )
    wrong = {questions[k].pk for k in ("single", "true_false", "fill_in")}  # 2 left blank
    for user in people:  # each cadre's own mistakes, once each
        assert set(
            WrongBookEntry.objects.filter(user=user).values_list("question_id", "wrong_count")
        ) == {(qid, 1) for qid in wrong}
    assert not ExamResult.objects.filter(applied=False).exists()
    # Again (a retry, the sweep): nothing is added or counted twice.
    assert graded_feed.run(ids) == 6
    assert graded_feed.run(ids[:3] + ids) == 6
    again = (
        sorted(WrongBookEntry.objects.values_list("user_id", "question_id", "wrong_count")),
        sorted(ReviewCard.objects.values_list("user_id", "question_id", "box")),
        ExamResult.objects.count(),
    )
    assert again == state


def test_one_bad_attempt_does_not_hold_back_the_rest_of_its_batch(
    tree, exam, questions, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks():
        _, ids = _submitted_many(exam, questions, tree, 4)
    bad = ids[1]

    def picky(sender, attempts, **kwargs):
        if any(a.pk == bad for a in attempts):
            raise RuntimeError("答卷数据异常")

    attempts_graded.connect(picky, weak=False, dispatch_uid="test.picky")
    try:
        assert graded_feed.run(ids) == 3
    finally:
        attempts_graded.disconnect(dispatch_uid="test.picky")
    fed = set(Attempt.objects.filter(feed_applied_at__isnull=False).values_list("pk", flat=True))
    assert fed == set(ids) - {bad}
    assert graded_feed.run([bad]) == 1  # the sweep's later run


def test_the_sweep_finalizes_many_attempts_per_transaction(
    tree, exam, questions, django_capture_on_commit_callbacks
):
    people = [factories.make_user(tree.village_a1) for _ in range(5)]
    ids = []
    for user in people:
        attempt, _, _ = svc.start_or_resume(exam, user)
        svc.save_answer(attempt.pk, user, questions["single"].pk, "A", 1)
        ids.append(attempt.pk)
    past = timezone.now() - timedelta(minutes=5)
    Attempt.objects.filter(pk__in=ids).update(deadline=past)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert svc.finalize_expired(batch=2) == 5
    assert len(callbacks) == 3  # one feed per batch of 2, 2 and 1
    for attempt in Attempt.objects.filter(pk__in=ids):
        assert attempt.status == Attempt.Status.SUBMITTED
        assert attempt.submit_reason == Attempt.SubmitReason.DEADLINE
        assert attempt.submitted_at == past
        assert attempt.score is not None and attempt.feed_applied_at is not None
    assert ScoreChange.objects.filter(attempt_id__in=ids).count() == 5
    # each cadre's four objective questions are wrong (one answered wrong, three blank)
    assert WrongBookEntry.objects.filter(user__in=people).count() == 5 * 4
    assert svc.finalize_expired(batch=2) == 0  # nothing left, nothing twice
    # The save path's cached facts say submitted: a late save is refused at once.
    late = svc.save_answer
    with pytest.raises(Exception) as refused:
        late(ids[0], people[0], questions["single"].pk, "B", 5)
    assert getattr(refused.value, "code", "") in {"submitted", "time_up"}
