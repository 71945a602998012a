"""Real parallel requests against a gunicorn process on PostgreSQL (skipped elsewhere)."""

from __future__ import annotations

import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import httpx
import pytest
from django.db import connection, connections
from django.utils import timezone

from apps.accounts.services.auth import issue_token
from apps.exams.models import Answer, Attempt, ExamLog, ScoreChange
from apps.exams.services import attempts as svc
from apps.exams.services import lifecycle, scoring
from tests import factories
from tests.backend.exams.conftest import make_exam, make_paper
from tests.backend.exams.live import Server

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
    srv = Server()
    yield srv
    srv.stop()


@pytest.fixture
def setup(tree, questions):
    return make_exam(tree, make_paper(tree, questions))


def _client(server, user) -> httpx.Client:
    _, key = issue_token(user)
    return httpx.Client(
        base_url=f"{server.url}/api/v1", headers={"Authorization": f"Token {key}"}, timeout=30
    )


def _parallel(n, fn):
    barrier = threading.Barrier(n)

    def run(i):
        barrier.wait()
        try:
            return fn(i)
        finally:
            connections.close_all()  # this thread's own connections only

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(run, range(n)))


def test_fifty_parallel_saves_keep_the_highest_seq(server, setup, tree, questions):
    user = factories.make_user(tree.village_a1)
    clients = [_client(server, user) for _ in range(10)]
    attempt_id = clients[0].post(f"/exams/{setup.pk}/attempts").json()["id"]
    seqs = list(range(1, 51))
    random.shuffle(seqs)
    qid = questions["fill_in"].pk

    def save(i):
        seq = seqs[i]
        return clients[i % 10].put(
            f"/attempts/{attempt_id}/answers/{qid}", json={"response": [f"答{seq}"], "seq": seq}
        )

    responses = _parallel(50, save)
    assert all(r.status_code == 200 for r in responses), [
        r.text for r in responses if r.status_code != 200
    ]
    stored = Answer.objects.get(attempt_id=attempt_id, question_id=qid)
    assert (stored.seq, stored.response) == (50, ["答50"])
    assert any(r.json()["accepted"] for r in responses if r.json()["seq"] == 50)


def test_two_parallel_starts_make_one_attempt(server, setup, tree):
    users = [factories.make_user(tree.village_a1) for _ in range(5)]
    for user in users:
        a, b = _client(server, user), _client(server, user)
        first, second = _parallel(
            2, lambda i, a=a, b=b: (a, b)[i].post(f"/exams/{setup.pk}/attempts")
        )
        assert sorted([first.status_code, second.status_code]) == [200, 201]
        assert first.json()["id"] == second.json()["id"]
        assert Attempt.objects.filter(user=user, exam=setup).count() == 1


def test_submit_racing_a_save_and_the_sweep_gives_one_final_score(
    server, setup, tree, questions, settings
):
    grace = svc.conf.save_grace_seconds()
    for _ in range(5):
        user = factories.make_user(tree.village_a1)
        client = _client(server, user)
        attempt_id = client.post(f"/exams/{setup.pk}/attempts").json()["id"]
        client.put(
            f"/attempts/{attempt_id}/answers/{questions['single'].pk}",
            json={"response": "B", "seq": 1},
        )
        # The deadline (plus grace) passes right as the three arrive together.
        Attempt.objects.filter(pk=attempt_id).update(
            deadline=timezone.now() - timedelta(seconds=grace - 0.5)
        )
        save_client = _client(server, user)

        def act(i, attempt_id=attempt_id, client=client, save_client=save_client):
            if i == 0:
                return client.post(f"/attempts/{attempt_id}/submit").status_code
            if i == 1:
                return save_client.put(
                    f"/attempts/{attempt_id}/answers/{questions['true_false'].pk}",
                    json={"response": True, "seq": 2},
                )
            return svc.finalize_expired(now=timezone.now() + timedelta(seconds=1))

        results = _parallel(3, act)
        attempt = Attempt.objects.get(pk=attempt_id)
        assert attempt.status == "submitted"
        assert ScoreChange.objects.filter(attempt=attempt, kind="finalize").count() == 1
        assert scoring.compute_many([attempt])[attempt.pk].score == attempt.score
        save = results[1]
        if save.status_code == 200:  # acknowledged: it must be in the DB and in the score
            assert Answer.objects.filter(attempt=attempt, question=questions["true_false"]).exists()
            assert attempt.score == 4
        else:
            assert save.status_code == 409 and attempt.score == 2


def test_save_one_second_after_deadline_plus_grace_is_refused(server, setup, tree, questions):
    user = factories.make_user(tree.village_a1)
    client = _client(server, user)
    attempt_id = client.post(f"/exams/{setup.pk}/attempts").json()["id"]
    grace = svc.conf.save_grace_seconds()
    Attempt.objects.filter(pk=attempt_id).update(
        deadline=timezone.now() - timedelta(seconds=grace + 1)
    )
    res = client.put(
        f"/attempts/{attempt_id}/answers/{questions['single'].pk}", json={"response": "B", "seq": 1}
    )
    assert res.status_code == 409 and res.json()["code"] == "time_up"
    assert not Answer.objects.filter(attempt_id=attempt_id).exists()


def test_sigkill_right_after_2xx_loses_nothing(setup, tree, questions):
    server = Server(workers=1, threads=4)
    try:
        user = factories.make_user(tree.village_a1)
        client = _client(server, user)
        attempt_id = client.post(f"/exams/{setup.pk}/attempts").json()["id"]
        acknowledged = {}
        for seq in range(1, 31):
            qid = questions["short_answer"].pk if seq % 2 else questions["fill_in"].pk
            response = f"第{seq}次" if seq % 2 else [f"空{seq}"]
            res = client.put(
                f"/attempts/{attempt_id}/answers/{qid}", json={"response": response, "seq": seq}
            )
            assert res.status_code == 200
            acknowledged[qid] = (seq, response)
        server.kill()  # at once after the last 2xx
    finally:
        server.stop()
    for qid, (seq, response) in acknowledged.items():
        stored = Answer.objects.get(attempt_id=attempt_id, question_id=qid)
        assert (stored.seq, stored.response) == (seq, response)


def test_a_grant_racing_the_start_is_counted_exactly_once(tree, paper, town_a_admin, monkeypatch):
    """The console grants 15 minutes while the cadre taps 开始. The grant's transaction has
    looked for an attempt (none yet) and written its row, uncommitted, when the start begins:
    whatever the start reads before its INSERT cannot see the grant, and the INSERT waits for
    the grant's lock on the exam. Two real connections, in this order."""
    exam = make_exam(tree, paper, org_unit=tree.town_a, audience_units=[tree.town_a])
    cadre = factories.make_user(tree.village_a1)
    grant_written = threading.Event()
    add = lifecycle.extra_time_grants.add

    def add_then_hold_the_transaction(*args, **kwargs):
        total = add(*args, **kwargs)
        grant_written.set()
        time.sleep(0.5)  # the start runs up to its INSERT meanwhile
        return total

    monkeypatch.setattr(lifecycle.extra_time_grants, "add", add_then_hold_the_transaction)

    def grant():
        try:
            lifecycle.extra_time(exam, town_a_admin, user=cadre, minutes=15, reason="视力障碍")
        finally:
            connections.close_all()

    def begin():
        assert grant_written.wait(10)
        try:
            return svc.start_or_resume(exam, cadre)[0]
        finally:
            connections.close_all()

    with ThreadPoolExecutor(2) as pool:
        granting, starting = pool.submit(grant), pool.submit(begin)
        granting.result(timeout=30)
        started = starting.result(timeout=30)
    assert started.deadline - started.started_at == timedelta(minutes=30 + 15)
    attempt = Attempt.objects.get(pk=started.pk)
    assert (attempt.deadline, attempt.extra_minutes) == (started.deadline, 15)
    assert ExamLog.objects.filter(exam=exam, kind="extra_time", user=cadre).count() == 1


def test_parallel_grants_keep_the_longest_on_the_exam(tree, paper, town_a_admin):
    """Grants to several people at once (two admins in the console): each takes the exam's
    lock, so the exam's longest grant, which its hold on the keys past the close lasts for,
    is the largest total whatever the order, never one grant overwriting a larger one."""
    exam = make_exam(tree, paper, org_unit=tree.town_a, audience_units=[tree.town_a])
    people = [factories.make_user(tree.village_a1) for _ in range(6)]
    minutes = [5, 40, 10, 25, 40, 15]

    def grant(i):
        lifecycle.extra_time(
            exam, town_a_admin, user=people[i], minutes=minutes[i], reason="网络故障"
        )

    _parallel(len(people), grant)
    exam.refresh_from_db()
    assert exam.longest_grant == timedelta(minutes=40)
    assert ExamLog.objects.filter(exam=exam, kind="extra_time").count() == len(people)
