"""The exam's rush moments with real parallel requests against gunicorn on PostgreSQL
(skipped elsewhere): the close, two devices with colliding seqs, a batch racing a submit,
and the database being unreachable."""

from __future__ import annotations

import time
from datetime import timedelta

import httpx
import pytest
from django.db import connection
from django.utils import timezone

from apps.accounts.services.auth import issue_token
from apps.common.unavailable import DATABASE_UNAVAILABLE
from apps.exams.api.contract import SubmitReplySerializer
from apps.exams.models import Answer, Attempt, Exam, ScoreChange
from apps.exams.services import attempts as svc
from apps.exams.services import graded_feed
from apps.questions.models import OBJECTIVE_TYPES
from apps.training.models import ExamResult, WrongBookEntry
from tests import factories
from tests.backend.exams.conftest import make_exam, make_paper
from tests.backend.exams.live import Server, free_port, wait_for_feeds
from tests.backend.exams.test_concurrency_pg import _parallel

SUBMIT_REPLY_FIELDS = set(SubmitReplySerializer().fields)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("feeds_settled"),
]


@pytest.fixture(autouse=True)
def _needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("需要 PostgreSQL：请设置 DATABASE_URL=postgresql://... 后运行")


@pytest.fixture(scope="module")
def server(django_db_setup):
    if connection.vendor != "postgresql":
        pytest.skip("需要 PostgreSQL")
    srv = Server(workers=2, threads=8)
    yield srv
    srv.stop()


def _client(server, user) -> httpx.Client:
    _, key = issue_token(user)
    return httpx.Client(
        base_url=f"{server.url}/api/v1", headers={"Authorization": f"Token {key}"}, timeout=60
    )


def test_close_rush_accepts_every_in_grace_save_and_feeds_every_book(server, tree, questions):
    """100 phones auto-submit at the close of an exam whose answers are released at close,
    while 10 phones that were offline send their queued save 5-10 s after the deadline."""
    exam = make_exam(tree, make_paper(tree, questions), answer_release=Exam.Release.AFTER_CLOSE)
    people = [factories.make_user(tree.village_a1) for _ in range(110)]
    attempt_ids = []
    for user in people:
        attempt, _, _ = svc.start_or_resume(exam, user)
        svc.save_answer(attempt.pk, user, questions["single"].pk, "A", 1)  # the key is B
        attempt_ids.append(attempt.pk)
    clients = [_client(server, user) for user in people]
    close = timezone.now() + timedelta(seconds=2)
    Exam.objects.filter(pk=exam.pk).update(closes_at=close)
    Attempt.objects.filter(pk__in=attempt_ids).update(deadline=close)
    time.sleep(max(0.0, (close - timezone.now()).total_seconds()))

    def act(i):
        client, attempt_id = clients[i], attempt_ids[i]
        if i < 100:
            return client.post(f"/attempts/{attempt_id}/submit")
        time.sleep(5 + (i - 100) * 0.5)  # 5-9.5 s after the deadline, inside the 15 s grace
        saved = client.put(
            f"/attempts/{attempt_id}/answers/{questions['true_false'].pk}",
            json={"response": False, "seq": 2, "device": "late-phone"},  # the key is true
        )
        client.post(f"/attempts/{attempt_id}/submit")
        return saved

    replies = _parallel(110, act)
    assert all(r.status_code == 200 for r in replies[:100]), {r.status_code for r in replies}
    # The submit's reply is light: status and the released score, no questions or items.
    assert all(set(r.json()) == SUBMIT_REPLY_FIELDS for r in replies[:100])
    assert all(r.json()["status"] == "submitted" for r in replies[:100])
    late = replies[100:]
    assert [r.status_code for r in late] == [200] * 10, [r.text for r in late]
    assert all(r.json()["accepted"] for r in late)
    assert Attempt.objects.filter(pk__in=attempt_ids, status="submitted").count() == 110
    wait_for_feeds(attempt_ids)
    for i, user in enumerate(people):
        wrong = set(WrongBookEntry.objects.filter(user=user).values_list("question_id", flat=True))
        expected = {questions["single"].pk}
        if i >= 100:  # the in-grace answer was graded, and its mistake reached the book
            expected.add(questions["true_false"].pk)
        assert expected <= wrong, (i, wrong)
    # Fed in batches, each verdict once: one result row per objective question per attempt.
    objective = sum(1 for q in questions.values() if q.type in OBJECTIVE_TYPES)
    assert ExamResult.objects.filter(attempt_id__in=attempt_ids).count() == 110 * objective
    assert not ExamResult.objects.filter(attempt_id__in=attempt_ids, applied=False).exists()


def test_the_sweep_racing_submits_finalizes_every_attempt_once(server, tree, questions):
    """The sweep finalizes expired attempts in batches while their phones submit at the same
    moment: each attempt is finalized exactly once, and every feed is applied."""
    exam = make_exam(tree, make_paper(tree, questions), answer_release=Exam.Release.IMMEDIATE)
    people = [factories.make_user(tree.village_a1) for _ in range(60)]
    attempt_ids = []
    for user in people:
        attempt, _, _ = svc.start_or_resume(exam, user)
        svc.save_answer(attempt.pk, user, questions["single"].pk, "A", 1)  # the key is B
        attempt_ids.append(attempt.pk)
    clients = [_client(server, user) for user in people[:30]]
    Attempt.objects.filter(pk__in=attempt_ids).update(
        deadline=timezone.now() - timedelta(minutes=1)
    )

    def act(i):
        if i == 30:
            return svc.finalize_expired(batch=7)
        return clients[i].post(f"/attempts/{attempt_ids[i]}/submit").status_code

    outcomes = _parallel(31, act)
    assert set(outcomes[:30]) == {200}
    assert Attempt.objects.filter(pk__in=attempt_ids, status="submitted").count() == 60
    finalized = ScoreChange.objects.filter(attempt_id__in=attempt_ids, kind="finalize")
    assert finalized.count() == 60
    assert sorted(finalized.values_list("attempt_id", flat=True)) == sorted(attempt_ids)
    wait_for_feeds(attempt_ids)
    graded_feed.run(attempt_ids)  # the sweep's own feeds ran in its thread; all idempotent
    for user in people:
        assert WrongBookEntry.objects.filter(user=user, question=questions["single"]).exists()


def test_two_devices_with_colliding_seqs_end_showing_what_is_graded(server, tree, questions):
    exam = make_exam(tree, make_paper(tree, questions))
    user = factories.make_user(tree.village_a1)
    phones = {"phone-a": _client(server, user), "phone-b": _client(server, user)}
    attempt_id = phones["phone-a"].post(f"/exams/{exam.pk}/attempts").json()["id"]
    qid = questions["single"].pk
    shown = {}
    for seq in range(1, 21):  # in turn, both counting from the same seq
        order = ["phone-a", "phone-b"] if seq % 2 else ["phone-b", "phone-a"]
        for device in order:
            mine = "ABCD"[(seq + len(device) + (device == "phone-b")) % 4]
            ack = (
                phones[device]
                .put(
                    f"/attempts/{attempt_id}/answers/{qid}",
                    json={"response": mine, "seq": seq, "device": device},
                )
                .json()
            )
            # The phone shows its own answer when stored, else the one the reply carries.
            shown[device] = mine if ack["accepted"] else ack["response"]
        last = order[-1]
        stored = Answer.objects.get(attempt_id=attempt_id, question_id=qid)
        assert shown[last] == stored.response, (seq, shown, stored.response)
        assert stored.device == "phone-b"  # equal seqs: the higher device id, whoever came first
    assert phones["phone-a"].post(f"/attempts/{attempt_id}/submit").status_code == 200
    done = phones["phone-a"].get(f"/attempts/{attempt_id}").json()
    graded = next(i for i in done["result"]["items"] if i["question_id"] == qid)
    assert graded["your_response"] == shown[last]


def test_a_batch_racing_submit_is_graded_exactly_as_its_reply_says(server, tree, questions):
    exam = make_exam(tree, make_paper(tree, questions))
    keys = {"single": "B", "true_false": True, "multiple": ["A", "C"]}
    outcomes = set()
    for round_ in range(12):
        user = factories.make_user(tree.village_a1)
        saver, submitter = _client(server, user), _client(server, user)
        attempt_id = saver.post(f"/exams/{exam.pk}/attempts").json()["id"]
        batch = [
            {"question_id": questions[kind].pk, "response": key, "seq": 1}
            for kind, key in keys.items()
        ]

        def act(i, attempt_id=attempt_id, saver=saver, submitter=submitter, batch=batch, r=round_):
            if i == 0:
                return saver.post(f"/attempts/{attempt_id}/answers/batch", json={"answers": batch})
            time.sleep(0.002 * (r % 6))
            return submitter.post(f"/attempts/{attempt_id}/submit")

        saved, submitted = _parallel(2, act)
        assert submitted.status_code == 200
        attempt = Attempt.objects.get(pk=attempt_id)
        graded_right = {qid for qid, item in attempt.item_scores.items() if item.get("c")}
        if saved.status_code == 200:
            stored = {str(r["question_id"]) for r in saved.json()["results"] if r["accepted"]}
            assert stored == {str(b["question_id"]) for b in batch}
            assert stored <= graded_right
            outcomes.add("stored")
        else:
            assert saved.status_code == 409, saved.text
            assert not Answer.objects.filter(attempt_id=attempt_id).exists()
            assert not graded_right
            outcomes.add("refused")


def test_database_down_gives_the_chinese_503_and_one_log_line(tree):
    dead = f"postgresql://postgres@127.0.0.1:{free_port()}/nowhere"  # nothing listens there
    srv = Server(workers=1, threads=4, database_url=dead)
    try:
        client = httpx.Client(
            base_url=f"{srv.url}/api/v1", headers={"Authorization": "Token abc"}, timeout=30
        )
        replies = [
            client.put("/attempts/1/answers/2", json={"response": "A", "seq": 1}),
            client.post("/attempts/1/answers/batch", json={"answers": []}),
            client.get("/attempts/1"),
            client.get("/exams/?mine=1"),
        ]
    finally:
        srv.stop()
    for reply in replies:
        assert reply.status_code == 503, reply.text
        assert reply.headers["content-type"].startswith("application/json")
        assert reply.json()["detail"] == DATABASE_UNAVAILABLE
        assert int(reply.headers["Retry-After"]) > 0
    log = srv.log()
    assert "Traceback" not in log, log[-3000:]
    assert log.count("数据库不可用") == len(replies), log[-3000:]
