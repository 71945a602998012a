"""The lean save view keeps the API's auth rules and error body."""

import pytest
from django.test import Client

from apps.accounts.services.auth import issue_token
from apps.exams.api.fast_save import CSRF_FAILED
from apps.exams.models import Answer
from tests.backend.exams.conftest import start

pytestmark = pytest.mark.django_db


def _url(client, exam, questions):
    attempt_id = start(client, exam).json()["id"]
    return f"/api/v1/attempts/{attempt_id}/answers/{questions['single'].pk}"


def test_session_save_needs_csrf_token(client_for, cadre, exam, questions):
    url = _url(client_for(cadre), exam, questions)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(cadre)
    refused = browser.put(url, '{"response": "A", "seq": 1}', content_type="application/json")
    assert refused.status_code == 403 and refused.json()["detail"] == CSRF_FAILED
    browser.get("/api/v1/auth/csrf")
    token = browser.cookies["csrftoken"].value
    ok = browser.put(
        url, '{"response": "A", "seq": 1}', content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert ok.status_code == 200 and ok.json()["accepted"] is True


def test_token_save_and_unauthenticated(client_for, cadre, exam, questions):
    url = _url(client_for(cadre), exam, questions)
    _, key = issue_token(cadre)
    ok = Client().put(
        url,
        '{"response": "C", "seq": 2}',
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {key}",
    )
    assert ok.status_code == 200 and Answer.objects.get().response == "C"
    assert (
        Client()
        .put(url, '{"response": "C", "seq": 3}', content_type="application/json")
        .status_code
        == 401
    )
    bad = Client().put(
        url,
        '{"response": "C", "seq": 3}',
        content_type="application/json",
        HTTP_AUTHORIZATION="Token nope",
    )
    assert bad.status_code == 401


def test_bad_body_and_password_change_required(client_for, cadre, exam, questions):
    client = client_for(cadre)
    url = _url(client, exam, questions)
    res = client.put(url, "not json", content_type="application/json")
    assert res.status_code == 400 and res.json()["code"] == "parse_error"
    res = client.put(url, {"response": "A"}, format="json")
    assert res.status_code == 400 and "seq" in res.json()["errors"]
    res = client.put(url, {"response": "A", "seq": -1}, format="json")
    assert res.status_code == 400 and "seq" in res.json()["errors"]
    cadre.must_change_password = True
    cadre.save()
    res = client_for(cadre).put(url, {"response": "A", "seq": 1}, format="json")
    assert res.status_code == 403 and res.json()["code"] == "password_change_required"
    assert not Answer.objects.exists()
