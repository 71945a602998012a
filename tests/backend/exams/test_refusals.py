"""Each refusal to start has its own Chinese message and code; others' attempts are 404."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.exams.services import attempts as svc
from tests import factories
from tests.backend.exams.conftest import make_exam, put, start

pytestmark = pytest.mark.django_db


def test_not_in_audience(client_for, tree, paper):
    exam = make_exam(tree, paper, audience_units=[tree.town_a])
    outsider = factories.make_user(tree.village_b1)
    res = start(client_for(outsider), exam)
    assert res.status_code == 403
    assert res.json()["code"] == "not_in_audience" and res.json()["detail"] == svc.NOT_IN_AUDIENCE
    insider = factories.make_user(tree.village_a2)  # sub-unit of 甲镇
    assert start(client_for(insider), exam).status_code == 201


def test_named_user_and_roles(client_for, tree, paper, reviewer):
    exam = make_exam(tree, paper, audience_units=[], audience_roles=["reviewer"])
    assert start(client_for(reviewer), exam).status_code == 201
    cadre = factories.make_user(tree.village_a1)
    assert start(client_for(cadre), exam).status_code == 403
    exam.audience_users.add(cadre)
    exam.save()  # audience facts are cached per exam version
    assert start(client_for(cadre), exam).status_code == 201


def test_not_open_and_closed(client_for, cadre, tree, paper):
    now = timezone.now()
    upcoming = make_exam(
        tree, paper, opens_at=now + timedelta(hours=1), closes_at=now + timedelta(hours=2)
    )
    res = start(client_for(cadre), upcoming)
    assert (res.status_code, res.json()["code"], res.json()["detail"]) == (
        409,
        "not_open",
        svc.NOT_OPEN,
    )
    closed = make_exam(
        tree, paper, opens_at=now - timedelta(hours=2), closes_at=now - timedelta(hours=1)
    )
    res = start(client_for(cadre), closed)
    assert (res.status_code, res.json()["code"], res.json()["detail"]) == (
        409,
        "closed",
        svc.CLOSED,
    )


def test_no_attempts_left(client_for, cadre, tree, paper):
    exam = make_exam(tree, paper, attempts_allowed=1)
    client = client_for(cadre)
    attempt_id = start(client, exam).json()["id"]
    client.post(f"/api/v1/attempts/{attempt_id}/submit")
    res = start(client, exam)
    assert (res.status_code, res.json()["code"], res.json()["detail"]) == (
        409,
        "no_attempts_left",
        svc.NO_ATTEMPTS_LEFT,
    )


def test_another_cadres_attempt_is_404(client_for, cadre, tree, exam, questions):
    attempt_id = start(client_for(cadre), exam).json()["id"]
    other = client_for(factories.make_user(tree.village_a1))
    assert other.get(f"/api/v1/attempts/{attempt_id}").status_code == 404
    assert put(other, attempt_id, questions["single"].pk, "A", 1).status_code == 404
    assert other.post(f"/api/v1/attempts/{attempt_id}/submit").status_code == 404


def test_question_not_in_attempt_is_404(client_for, cadre, tree, bank, questions):
    from tests.backend.exams.conftest import make_paper

    exam = make_exam(tree, make_paper(tree, questions, ["single"]))
    client = client_for(cadre)
    attempt_id = start(client, exam).json()["id"]
    res = put(client, attempt_id, questions["multiple"].pk, ["A"], 1)
    assert res.status_code == 404 and res.json()["detail"] == svc.QUESTION_NOT_IN_ATTEMPT


def test_anonymous_is_401(exam):
    from rest_framework.test import APIClient

    assert APIClient().post(f"/api/v1/exams/{exam.pk}/attempts").status_code == 401
