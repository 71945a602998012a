"""GET attempts/{id}/clock: an idle exam page learns a moved deadline or an early close from a
short reply that reads one row."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.dateparse import parse_datetime

from apps.exams.models import Attempt
from tests import factories
from tests.backend.exams.conftest import make_exam, start

pytestmark = pytest.mark.django_db


def _clock(client, attempt_id):
    return client.get(f"/api/v1/attempts/{attempt_id}/clock")


def test_the_clock_follows_extra_time_and_an_early_close(client_for, town_a_admin, tree, paper):
    exam = make_exam(tree, paper, org_unit=tree.town_a, audience_units=[tree.town_a])
    cadre = factories.make_user(tree.village_a1)
    phone = client_for(cadre)
    attempt_id = start(phone, exam).json()["id"]
    first = _clock(phone, attempt_id)
    assert first.status_code == 200 and first["Cache-Control"] == "no-store"
    body = first.json()
    assert set(body) == {"status", "deadline", "server_now"}
    assert body["status"] == "in_progress"
    deadline = Attempt.objects.get(pk=attempt_id).deadline
    assert parse_datetime(body["deadline"]) == deadline

    admin = client_for(town_a_admin)
    admin.post(
        f"/api/v1/exams/{exam.pk}/extra-time",
        {"user": cadre.pk, "minutes": 10, "reason": "手机故障"},
        format="json",
    )
    moved = _clock(phone, attempt_id).json()
    assert parse_datetime(moved["deadline"]) == deadline + timedelta(minutes=10)

    admin.post(f"/api/v1/exams/{exam.pk}/close", {"reason": "提前结束"}, format="json")
    closed = _clock(phone, attempt_id).json()
    assert closed["status"] == "submitted"
    assert parse_datetime(closed["deadline"]) <= parse_datetime(closed["server_now"])


def test_the_clock_reads_one_row_and_only_ones_own(client_for, tree, paper):
    exam = make_exam(tree, paper)
    cadre = factories.make_user(tree.village_a1)
    phone = client_for(cadre)
    attempt_id = start(phone, exam).json()["id"]
    _clock(phone, attempt_id)  # session and user loaded once before counting
    with CaptureQueriesContext(connection) as ctx:
        assert _clock(phone, attempt_id).status_code == 200
    on_attempts = [q["sql"] for q in ctx.captured_queries if "exams_attempt" in q["sql"]]
    assert len(on_attempts) == 1 and "exams_exam" not in on_attempts[0]
    assert len(ctx.captured_queries) <= 3
    other = client_for(factories.make_user(tree.village_a1))
    res = _clock(other, attempt_id)
    assert res.status_code == 404 and res.json()["detail"] == "答卷不存在或无权访问"
