"""Finalising grades inside the request; attempt_graded's listeners (the wrong-question
book, records) run after commit, are marked done per attempt, and the sweep re-runs any
feed that did not finish."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from apps.exams.models import Attempt
from apps.exams.services import attempts as svc
from apps.exams.services import graded_feed
from apps.exams.signals import attempt_graded
from apps.training.models import WrongBookEntry
from tests.backend.exams.conftest import put, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    calls = []

    def listener(sender, attempt, **kwargs):
        calls.append(attempt.pk)

    attempt_graded.connect(listener, weak=False, dispatch_uid="test.heard")
    yield calls
    attempt_graded.disconnect(dispatch_uid="test.heard")


def _wrong_submit(client, exam, questions):
    attempt_id = start(client, exam).json()["id"]
    put(client, attempt_id, questions["single"].pk, "A", 1)  # the key is B
    return attempt_id


def test_submit_answers_before_the_listeners_run(
    client_for, cadre, exam, questions, heard, django_capture_on_commit_callbacks
):
    client = client_for(cadre)
    attempt_id = _wrong_submit(client, exam, questions)
    with django_capture_on_commit_callbacks() as callbacks:
        res = client.post(f"/api/v1/attempts/{attempt_id}/submit")
    assert res.status_code == 200 and res.json()["score"] == "0.00"
    # Graded and committed, but no listener ran inside the request.
    assert heard == [] and not WrongBookEntry.objects.exists()
    assert Attempt.objects.get(pk=attempt_id).feed_applied_at is None
    assert len(callbacks) == 1
    callbacks[0]()  # what happens after commit, off the request
    assert heard == [attempt_id]
    assert WrongBookEntry.objects.filter(user=cadre, question=questions["single"]).exists()
    assert Attempt.objects.get(pk=attempt_id).feed_applied_at is not None


def test_a_failing_listener_leaves_the_feed_due_and_the_sweep_reruns_it(
    client_for, cadre, exam, questions, django_capture_on_commit_callbacks, caplog
):
    failures = {"left": 1}

    def flaky(sender, attempt, **kwargs):
        if failures["left"]:
            failures["left"] -= 1
            raise RuntimeError("数据库忙")

    attempt_graded.connect(flaky, weak=False, dispatch_uid="test.flaky")
    try:
        client = client_for(cadre)
        attempt_id = _wrong_submit(client, exam, questions)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"/api/v1/attempts/{attempt_id}/submit")
        assert Attempt.objects.get(pk=attempt_id).feed_applied_at is None
        assert "将由定时任务重试" in caplog.text
        # Not yet: a feed is left to its own dispatch for a while.
        assert graded_feed.replay_due() == 0
        later = timezone.now() + graded_feed.REPLAY_AFTER + timedelta(seconds=1)
        assert graded_feed.replay_due(now=later) == 1
        assert Attempt.objects.get(pk=attempt_id).feed_applied_at is not None
        assert graded_feed.replay_due(now=later) == 0
        # Running it twice changed nothing: one entry, counted once.
        entry = WrongBookEntry.objects.get(user=cadre, question=questions["single"])
        assert entry.wrong_count == 1
    finally:
        attempt_graded.disconnect(dispatch_uid="test.flaky")


def test_a_feed_lost_in_a_crash_is_replayed(client_for, cadre, exam, questions):
    client = client_for(cadre)
    attempt_id = _wrong_submit(client, exam, questions)
    # The process died between the commit and its feed: the callback never ran.
    client.post(f"/api/v1/attempts/{attempt_id}/submit")
    assert not WrongBookEntry.objects.exists()
    later = timezone.now() + graded_feed.REPLAY_AFTER + timedelta(seconds=1)
    assert graded_feed.replay_due(now=later) == 1
    assert WrongBookEntry.objects.filter(user=cadre, question=questions["single"]).exists()


def test_a_regrade_makes_the_feed_due_again(
    client_for, cadre, exam, questions, django_capture_on_commit_callbacks
):
    client = client_for(cadre)
    attempt_id = _wrong_submit(client, exam, questions)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/api/v1/attempts/{attempt_id}/submit")
    assert Attempt.objects.get(pk=attempt_id).feed_applied_at is not None
    with django_capture_on_commit_callbacks() as callbacks:
        svc.rescore([attempt_id], kind="regrade", reason="更正答案")
    # Nothing changed in the score: nothing to feed.
    assert callbacks == [] and Attempt.objects.get(pk=attempt_id).feed_applied_at is not None
    Attempt.objects.filter(pk=attempt_id).update(item_scores={})
    with django_capture_on_commit_callbacks() as callbacks:
        svc.rescore([attempt_id], kind="regrade", reason="更正答案")
    assert Attempt.objects.get(pk=attempt_id).feed_applied_at is None
    for callback in callbacks:
        callback()
    assert Attempt.objects.get(pk=attempt_id).feed_applied_at is not None


def test_the_sweep_is_scheduled():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "apps.exams.tasks.replay_graded_feeds" in tasks


def test_the_finalize_lock_takes_only_the_attempt_row(client_for, cadre, exam, questions):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(cadre)
    attempt_id = start(client, exam).json()["id"]
    with CaptureQueriesContext(connection) as ctx:
        svc.submit(Attempt.objects.get(pk=attempt_id))
    locks = [q["sql"] for q in ctx.captured_queries if "FOR UPDATE" in q["sql"]]
    if connection.vendor == "postgresql":
        assert locks and all('FOR UPDATE OF "exams_attempt"' in sql for sql in locks)


def test_a_start_costs_the_same_queries_whatever_the_bank_size(tree, bank, client_for):
    """The start rush: the rule's candidate pool is cached, so no per-start query grows with
    the bank (only with the paper)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from apps.exams.models import Paper, PaperRule
    from tests import factories
    from tests.backend.exams.conftest import make_exam, make_question

    def starts_cost(bank_size: int) -> int:
        from apps.questions.models import Bank

        rule_bank = Bank.objects.create(name=f"规则题库{bank_size}", org_unit=tree.county)
        for i in range(bank_size):
            make_question(rule_bank, "true_false", True, stem=f"判断题{bank_size}-{i}")
        paper = Paper.objects.create(title="规则卷", org_unit=tree.county, mode=Paper.Mode.RULES)
        PaperRule.objects.create(paper=paper, position=1, bank=rule_bank, count=5, points=2)
        exam = make_exam(tree, paper)
        start(client_for(factories.make_user(tree.village_a1)), exam)  # warms the pool
        with CaptureQueriesContext(connection) as ctx:
            start(client_for(factories.make_user(tree.village_a1)), exam)
        return len(ctx.captured_queries)

    assert starts_cost(200) == starts_cost(20)


def test_with_redis_the_feed_goes_to_a_celery_worker(settings, monkeypatch, caplog):
    from apps.exams import tasks

    settings.REDIS_URL = "redis://127.0.0.1:6379/1"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    sent = []
    monkeypatch.setattr(tasks.run_graded_feed, "delay", lambda ids: sent.append(ids))
    graded_feed._dispatch([7, 8])
    assert sent == [[7, 8]]

    def broker_down(ids):
        raise ConnectionError("Redis 无法连接")

    monkeypatch.setattr(tasks.run_graded_feed, "delay", broker_down)
    graded_feed._dispatch([9])  # never raises into the request: the sweep catches up
    assert "将由定时任务补做" in caplog.text


def test_inside_a_request_the_feed_runs_on_the_background_thread(monkeypatch):
    ran = []
    monkeypatch.setattr(graded_feed, "run", lambda ids: ran.append(ids))
    graded_feed._request_started()
    try:
        graded_feed._dispatch([3])
        assert ran in ([], [[3]])  # not necessarily done yet: it is off the request
    finally:
        graded_feed._request_finished()
    graded_feed.wait_idle()
    assert ran == [[3]]
    graded_feed._dispatch([4])  # outside a request (a command, the sweep): at once
    assert ran == [[3], [4]]
