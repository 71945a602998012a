"""API tokens: one per login, expiring, revoked on logout, password change and deactivation."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.accounts.authentication import TOKEN_INVALID
from apps.accounts.models import AuthToken
from apps.accounts.services import users
from tests.factories import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


def get_token(client_for, user, password=PASSWORD):
    response = client_for().post(
        "/api/v1/auth/token", {"username": user.username, "password": password}, format="json"
    )
    assert response.status_code == 200, response.content
    return response.json()


def script(client_for, key):
    client = client_for()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_every_login_gets_its_own_token_and_both_work(client_for, cadre):
    first, second = get_token(client_for, cadre), get_token(client_for, cadre)
    assert first["token"] != second["token"]
    for body in (first, second):
        me = script(client_for, body["token"]).get("/api/v1/auth/me")
        assert me.status_code == 200 and me.json()["username"] == cadre.username


def test_token_expires_after_the_configured_hours(client_for, cadre, settings):
    settings.AUTH_TOKEN_HOURS = 2
    body = get_token(client_for, cadre)
    expires = timezone.datetime.fromisoformat(body["expires_at"])
    assert abs(expires - (timezone.now() + timedelta(hours=2))) < timedelta(minutes=1)

    AuthToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    refused = script(client_for, body["token"]).get("/api/v1/auth/me")
    assert refused.status_code == 401
    assert refused.json()["detail"] == TOKEN_INVALID


def test_only_a_digest_of_the_key_is_stored(client_for, cadre):
    key = get_token(client_for, cadre)["token"]
    assert not AuthToken.objects.filter(digest=key).exists()
    assert AuthToken.objects.filter(user=cadre).count() == 1


def test_logout_revokes_the_token_it_was_called_with(client_for, cadre):
    kept, dropped = get_token(client_for, cadre)["token"], get_token(client_for, cadre)["token"]
    assert script(client_for, dropped).post("/api/v1/auth/logout").status_code == 204
    assert script(client_for, dropped).get("/api/v1/auth/me").status_code == 401
    assert script(client_for, kept).get("/api/v1/auth/me").status_code == 200


def test_password_change_revokes_every_token_of_the_user(client_for, cadre):
    tokens = [get_token(client_for, cadre)["token"] for _ in range(2)]
    browser = client_for()
    browser.post(
        "/api/v1/auth/login", {"username": cadre.username, "password": PASSWORD}, format="json"
    )
    changed = browser.post(
        "/api/v1/auth/password",
        {"old_password": PASSWORD, "new_password": "Hezuo7Tuanjie"},
        format="json",
    )
    assert changed.status_code == 200, changed.content
    for key in tokens:
        assert script(client_for, key).get("/api/v1/auth/me").status_code == 401
    assert browser.get("/api/v1/auth/me").status_code == 200  # the session that changed it stays
    assert get_token(client_for, cadre, "Hezuo7Tuanjie")["token"]


def test_admin_reset_revokes_every_token_of_the_user(client_for, cadre, county_admin):
    key = get_token(client_for, cadre)["token"]
    users.reset_password(actor=county_admin, user=cadre)
    assert script(client_for, key).get("/api/v1/auth/me").status_code == 401


def test_deactivation_revokes_tokens_on_every_path(client_for, cadre, county_admin):
    key = get_token(client_for, cadre)["token"]
    response = client_for(county_admin).post(f"/api/v1/users/{cadre.pk}/deactivate")
    assert response.status_code == 200, response.content
    assert not AuthToken.objects.filter(user=cadre).exists()
    assert script(client_for, key).get("/api/v1/auth/me").status_code == 401


def test_deactivation_in_the_django_admin_revokes_tokens(client_for, cadre):
    get_token(client_for, cadre)
    cadre.is_active = False
    cadre.save()  # the admin's change form saves the model the same way
    assert not AuthToken.objects.filter(user=cadre).exists()
