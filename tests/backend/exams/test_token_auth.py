"""The exam hot paths refuse a deactivated user, a revoked token and an expired one at once."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from apps.accounts.models import AuthToken, User
from tests.backend.exams.conftest import start
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def token_client(client_for, cadre):
    key = (
        client_for()
        .post(
            "/api/v1/auth/token", {"username": cadre.username, "password": PASSWORD}, format="json"
        )
        .json()["token"]
    )
    client = client_for()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client, key


def save(key, attempt_id, question_id, seq):
    return Client().put(
        f"/api/v1/attempts/{attempt_id}/answers/{question_id}",
        f'{{"response": "A", "seq": {seq}}}',
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {key}",
    )


def test_deactivated_cadre_is_refused_on_the_next_save(token_client, cadre, exam, questions):
    client, key = token_client
    attempt_id = start(client, exam).json()["id"]
    qid = questions["single"].pk
    assert save(key, attempt_id, qid, 1).status_code == 200  # the token's user is now warm
    assert client.get(f"/api/v1/attempts/{attempt_id}").status_code == 200

    # Even a bulk update that bypasses every model hook takes effect on the next request.
    User.objects.filter(pk=cadre.pk).update(is_active=False)
    assert save(key, attempt_id, qid, 2).status_code == 401
    assert client.get(f"/api/v1/attempts/{attempt_id}").status_code == 401


def test_revoked_and_expired_tokens_are_refused_on_the_save_path(
    token_client, cadre, exam, questions
):
    client, key = token_client
    attempt_id = start(client, exam).json()["id"]
    qid = questions["single"].pk
    assert save(key, attempt_id, qid, 1).status_code == 200
    AuthToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert save(key, attempt_id, qid, 2).status_code == 401
    AuthToken.objects.update(expires_at=timezone.now() + timedelta(hours=1))
    assert save(key, attempt_id, qid, 3).status_code == 200
    assert client.post("/api/v1/auth/logout").status_code == 204
    assert save(key, attempt_id, qid, 4).status_code == 401
