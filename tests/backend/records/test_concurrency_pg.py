"""Recompute running while an indicator import commits ends consistent (PostgreSQL, real threads).

Each thread has its own database connection. Both paths take the period's row lock first,
so a recompute that starts while an import is uncommitted waits and then reads its values.
"""

from __future__ import annotations

import threading
import time
from decimal import Decimal

import pytest
from django.db import connection, connections

from apps.records.models import ComponentScore, IndicatorValue, Record
from apps.records.services import indicators
from apps.records.services.compute import recompute
from tests.backend.records.conftest import xlsx_bytes

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("需要 PostgreSQL（设置 DATABASE_URL）才能测试真实并发")


def run_threads(*targets):
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(targets))

    def wrap(target):
        try:
            barrier.wait(timeout=10)
            target()
        except BaseException as exc:  # collected and re-raised in the test thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=wrap, args=(t,)) for t in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors


def wait_for_a_blocked_backend(timeout: float = 5.0) -> bool:
    """True once another connection of this database waits on a row lock."""
    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute("SELECT pg_stat_clear_snapshot()")  # the view is cached per transaction
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
            )
            if cursor.fetchone()[0]:
                return True
            time.sleep(0.02)
    return False


def sheet(values: dict[str, str]) -> bytes:
    return xlsx_bytes(["工号", "入户走访率"], [[username, v] for username, v in values.items()])


def assert_consistent(period, expected: dict[str, str]):
    """One record per cadre, scores equal to the committed values, and a fresh recompute changes nothing."""
    assert Record.objects.filter(period=period).count() == 5
    for username, value in expected.items():
        score = ComponentScore.objects.get(
            record__period=period, record__user__username=username, component__name="入户走访率"
        )
        assert score.score == Decimal(value)
    before = Record.history.count() + ComponentScore.history.count()
    assert recompute(period.pk)["changed"] == 0
    assert Record.history.count() + ComponentScore.history.count() == before


def test_parallel_import_and_recomputes_end_consistent(period, people, county_admin):
    values = {"c_a1": "91", "c_a2": "82", "c_a3": "73", "c_b1": "64", "c_b2": "55"}

    def do_import():
        indicators.import_indicators(
            actor=county_admin, period=period, data=sheet(values), file_name="a.xlsx"
        )

    run_threads(do_import, lambda: recompute(period.pk), lambda: recompute(period.pk))
    assert IndicatorValue.objects.filter(period=period).count() == 5
    assert_consistent(period, values)


def test_a_recompute_started_during_an_uncommitted_import_reads_its_values(
    period, people, county_admin, monkeypatch
):
    recompute(period.pk)
    written = threading.Event()
    observed: list[bool] = []
    original_apply = indicators.IndicatorImportRun.apply

    def apply_then_hold(self, rows, report, actor, file_name):
        original_apply(self, rows, report, actor, file_name)
        written.set()  # values written, transaction still open until the recompute is seen waiting
        observed.append(wait_for_a_blocked_backend())

    monkeypatch.setattr(indicators.IndicatorImportRun, "apply", apply_then_hold)
    # Only the concurrent recompute may bring the records up to date.
    monkeypatch.setattr(indicators, "_after_import", lambda period_id: None)
    values = {"c_a1": "66", "c_b2": "44"}

    def do_import():
        indicators.import_indicators(
            actor=county_admin, period=period, data=sheet(values), file_name="b.xlsx"
        )

    def do_recompute():
        written.wait(timeout=10)
        recompute(period.pk)

    run_threads(do_import, do_recompute)
    assert observed == [True], "the recompute did not wait for the uncommitted import"
    assert_consistent(period, values)
