"""Parallel writers on PostgreSQL (skipped elsewhere): the last two reviews finishing at
once give one final score; a reassignment racing a claim never lets both win."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from apps.cases.models import CaseScore, ReviewAssignment
from apps.cases.services import assignment, reviews
from apps.cases.signals import case_final_score_changed
from apps.common.errors import DomainError
from tests.backend.cases.conftest import open_assignments, score_payload, submit

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("需要 PostgreSQL：请设置 DATABASE_URL=postgresql://... 后运行")


def parallel(fns):
    barrier = threading.Barrier(len(fns))

    def run(fn):
        barrier.wait()
        try:
            return fn()
        except DomainError as exc:
            return exc
        finally:
            connections.close_all()

    with ThreadPoolExecutor(len(fns)) as pool:
        return list(pool.map(run, fns))


def test_simultaneous_last_reviews_give_one_final_score(call, cadre, reviewers):
    sent = []

    def listener(sender, case, **kwargs):
        sent.append(case.pk)

    case_final_score_changed.connect(listener)
    case = submit(cadre, call)
    first, second = open_assignments(case)
    try:
        outcome = parallel(
            [
                lambda a=a, t=t: reviews.save_review(
                    a.pk, a.reviewer, scores=score_payload(a, t), submit=True
                )
                for a, t in ((first, 80), (second, 90))
            ]
        )
    finally:
        case_final_score_changed.disconnect(listener)
    assert not any(isinstance(o, Exception) for o in outcome)
    result = CaseScore.objects.get(case=case)
    assert str(result.score) == "85.00"
    assert result.history.count() == 1
    assert sent.count(case.pk) == 1


def test_reassign_racing_a_claim_has_one_winner(call, cadre, reviewers):
    case = submit(cadre, call)
    target = open_assignments(case)[0]
    spare = next(
        r for r in reviewers if r.pk not in {a.reviewer_id for a in open_assignments(case)}
    )
    for _ in range(5):
        outcome = parallel(
            [
                lambda: assignment.claim(target.pk, target.reviewer),
                lambda: assignment.reassign(target.pk, spare),
            ]
        )
        claimed, moved = (not isinstance(o, Exception) for o in outcome)
        assert claimed != moved
        if moved:
            break
        ReviewAssignment.objects.filter(pk=target.pk).update(lease_expires_at=None)
    assert ReviewAssignment.objects.filter(case=case, status__in=ReviewAssignment.OPEN).count() == 2
