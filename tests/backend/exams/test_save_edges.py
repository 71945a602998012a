"""The save path's edges: the cutoff judged by arrival, two devices with the same seq, the
batch all or nothing, and a database outage answered with the API's Chinese 503."""

import logging
import time
from datetime import timedelta

import pytest
from django.db import OperationalError
from django.utils import timezone

from apps.common.arrival import MAX_PROXY_LAG_SECONDS
from apps.common.unavailable import DATABASE_UNAVAILABLE
from apps.exams.models import Answer, Attempt
from apps.exams.services import answer_store
from apps.exams.services import attempts as svc
from tests.backend.exams.conftest import start

pytestmark = pytest.mark.django_db


def _late_attempt(client, exam, seconds_past_cutoff: float) -> int:
    """An attempt whose deadline + grace passed `seconds_past_cutoff` ago."""
    attempt_id = start(client, exam).json()["id"]
    grace = svc.conf.save_grace_seconds()
    Attempt.objects.filter(pk=attempt_id).update(
        deadline=timezone.now() - timedelta(seconds=grace + seconds_past_cutoff)
    )
    answer_store.put_meta(Attempt.objects.get(pk=attempt_id), _specs(attempt_id))
    return attempt_id


def _specs(attempt_id):
    from apps.questions.models import Question

    attempt = Attempt.objects.get(pk=attempt_id)
    return {
        q.pk: answer_store.question_spec(q)
        for q in Question.objects.filter(pk__in=attempt.question_ids)
    }


def _put(client, attempt_id, qid, body, **headers):
    return client.put(
        f"/api/v1/attempts/{attempt_id}/answers/{qid}", body, format="json", **headers
    )


class TestCutoffByArrival:
    def test_a_save_that_reached_nginx_in_time_is_accepted_though_handled_late(
        self, client_for, cadre, exam, questions, settings
    ):
        settings.TRUSTED_PROXIES = 1
        client = client_for(cadre)
        attempt_id = _late_attempt(client, exam, seconds_past_cutoff=3)
        arrived = time.time() - 5  # two seconds before deadline + grace
        res = _put(
            client,
            attempt_id,
            questions["single"].pk,
            {"response": "B", "seq": 1},
            HTTP_X_REQUEST_START=f"t={arrived:.3f}",
        )
        assert res.status_code == 200 and res.json()["accepted"] is True
        assert Answer.objects.get(attempt_id=attempt_id).response == "B"

    def test_the_workers_queueing_stamp_counts_without_a_proxy(
        self, client_for, cadre, exam, questions
    ):
        """Under gunicorn (config.gunicorn_worker) a save that waited for a free thread is
        judged by when the worker queued it."""
        from apps.common import arrival

        client = client_for(cadre)
        attempt_id = _late_attempt(client, exam, seconds_past_cutoff=3)
        arrival.server_stamp.value = time.time() - 5  # what the worker noted at arrival
        try:
            res = _put(client, attempt_id, questions["single"].pk, {"response": "B", "seq": 1})
        finally:
            arrival.server_stamp.value = None
        assert res.status_code == 200 and res.json()["accepted"] is True

    def test_the_header_counts_only_behind_our_proxy(
        self, client_for, cadre, exam, questions, settings
    ):
        settings.TRUSTED_PROXIES = 0  # a client could send any time it likes
        client = client_for(cadre)
        attempt_id = _late_attempt(client, exam, seconds_past_cutoff=3)
        res = _put(
            client,
            attempt_id,
            questions["single"].pk,
            {"response": "B", "seq": 1},
            HTTP_X_REQUEST_START=f"t={time.time() - 5:.3f}",
        )
        assert res.status_code == 409 and res.json()["code"] == "time_up"

    def test_a_stamp_from_too_long_ago_is_not_believed(
        self, client_for, cadre, exam, questions, settings
    ):
        settings.TRUSTED_PROXIES = 1
        client = client_for(cadre)
        attempt_id = _late_attempt(client, exam, seconds_past_cutoff=3)
        forged = time.time() - MAX_PROXY_LAG_SECONDS - 60
        res = _put(
            client,
            attempt_id,
            questions["single"].pk,
            {"response": "B", "seq": 1},
            HTTP_X_REQUEST_START=f"t={forged:.3f}",
        )
        assert res.status_code == 409

    def test_the_service_judges_by_the_time_sent(self, client_for, cadre, exam, questions):
        client = client_for(cadre)
        attempt_id = _late_attempt(client, exam, seconds_past_cutoff=2)
        sent = timezone.now() - timedelta(seconds=4)
        ack = svc.save_answer(attempt_id, cadre, questions["single"].pk, "B", 1, sent_at=sent)
        assert ack["accepted"] is True


class TestTwoDevices:
    def test_equal_seqs_are_ordered_by_device_and_the_loser_sees_the_kept_answer(
        self, client_for, cadre, exam, questions
    ):
        client = client_for(cadre)
        attempt_id = start(client, exam).json()["id"]
        qid = questions["single"].pk
        first = _put(client, attempt_id, qid, {"response": "A", "seq": 12, "device": "phone-b"})
        second = _put(client, attempt_id, qid, {"response": "C", "seq": 12, "device": "phone-a"})
        assert first.json()["accepted"] is True
        # phone-a < phone-b: the server keeps phone-b's answer and says so.
        loser = second.json()
        assert loser["accepted"] is False
        assert (loser["response"], loser["seq"], loser["device"]) == ("A", 12, "phone-b")
        third = _put(client, attempt_id, qid, {"response": "D", "seq": 12, "device": "phone-c"})
        assert third.json()["accepted"] is True
        stored = Answer.objects.get(attempt_id=attempt_id, question_id=qid)
        assert (stored.response, stored.device) == ("D", "phone-c")

    def test_a_bad_device_id_is_named(self, client_for, cadre, exam, questions):
        client = client_for(cadre)
        attempt_id = start(client, exam).json()["id"]
        res = _put(
            client,
            attempt_id,
            questions["single"].pk,
            {"response": "A", "seq": 1, "device": "手机"},
        )
        assert res.status_code == 400 and "device" in res.json()["errors"]


class TestBatch:
    def test_a_batch_after_submit_stores_nothing(self, client_for, cadre, exam, questions):
        client = client_for(cadre)
        attempt_id = start(client, exam).json()["id"]
        client.post(f"/api/v1/attempts/{attempt_id}/submit")
        res = client.post(
            f"/api/v1/attempts/{attempt_id}/answers/batch",
            {
                "answers": [
                    {"question_id": questions["single"].pk, "response": "B", "seq": 1},
                    {"question_id": questions["true_false"].pk, "response": True, "seq": 2},
                ]
            },
            format="json",
        )
        assert res.status_code == 409 and not Answer.objects.exists()

    def test_a_batch_that_turns_late_midway_stores_nothing(
        self, client_for, cadre, exam, questions, monkeypatch
    ):
        """The first item is written, then the attempt turns out finished: all rolled back."""
        client = client_for(cadre)
        attempt_id = start(client, exam).json()["id"]
        real = answer_store.upsert
        calls = {"n": 0}

        def upsert_then_submit(*args, **kwargs):
            calls["n"] += 1
            if calls["n"] == 2:  # a submit lands between the two items
                Attempt.objects.filter(pk=attempt_id).update(status="submitted")
            return real(*args, **kwargs)

        monkeypatch.setattr(answer_store, "upsert", upsert_then_submit)
        res = client.post(
            f"/api/v1/attempts/{attempt_id}/answers/batch",
            {
                "answers": [
                    {"question_id": questions["single"].pk, "response": "B", "seq": 1},
                    {"question_id": questions["true_false"].pk, "response": True, "seq": 2},
                ]
            },
            format="json",
        )
        assert res.status_code == 409 and res.json()["code"] == "submitted"
        assert not Answer.objects.filter(attempt_id=attempt_id).exists()

    def test_a_batch_reply_names_each_stored_item(self, client_for, cadre, exam, questions):
        client = client_for(cadre)
        attempt_id = start(client, exam).json()["id"]
        _put(client, attempt_id, questions["true_false"].pk, {"response": False, "seq": 9})
        res = client.post(
            f"/api/v1/attempts/{attempt_id}/answers/batch",
            {
                "answers": [
                    {"question_id": questions["true_false"].pk, "response": True, "seq": 2},
                    {"question_id": questions["single"].pk, "response": "B", "seq": 3},
                ]
            },
            format="json",
        )
        results = res.json()["results"]
        assert [(r["question_id"], r["accepted"]) for r in results] == [
            (questions["true_false"].pk, False),
            (questions["single"].pk, True),
        ]
        assert results[0]["response"] is False and results[0]["seq"] == 9


class TestDatabaseDown:
    def _down(self, *args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed')

    def test_the_answer_put_gets_a_chinese_503(
        self, client_for, cadre, exam, questions, monkeypatch, caplog
    ):
        client = client_for(cadre)
        attempt_id = start(client, exam).json()["id"]
        monkeypatch.setattr(svc, "save_answer", self._down)
        with caplog.at_level(logging.INFO):
            res = _put(client, attempt_id, questions["single"].pk, {"response": "B", "seq": 1})
        assert res.status_code == 503 and res["Retry-After"]
        assert res.json() == {
            "detail": DATABASE_UNAVAILABLE,
            "errors": {},
            "code": "database_unavailable",
        }
        errors = [r for r in caplog.records if r.levelno >= logging.WARNING]
        assert len(errors) == 1 and errors[0].exc_info is None

    def test_drf_views_get_the_same_503(self, client_for, cadre, exam, monkeypatch, caplog):
        client = client_for(cadre)
        attempt_id = start(client, exam).json()["id"]
        from apps.exams import selectors

        monkeypatch.setattr(selectors, "attempt_for_cadre", self._down)
        with caplog.at_level(logging.INFO):
            res = client.get(f"/api/v1/attempts/{attempt_id}")
        assert res.status_code == 503 and res.json()["code"] == "database_unavailable"
        assert res["Retry-After"]
        errors = [r for r in caplog.records if r.levelno >= logging.WARNING]
        assert len(errors) == 1 and errors[0].exc_info is None
