"""Logging in by 工号 or mobile, lockout, me, tokens, and the first-login password change."""

import pytest
from django.contrib.auth.hashers import make_password

from apps.accounts.services.auth import BAD_CREDENTIALS, WRONG_OLD_PASSWORD
from apps.common.permissions import PASSWORD_CHANGE_REQUIRED
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def login(client, username, password):
    return client.post(
        "/api/v1/auth/login", {"username": username, "password": password}, format="json"
    )


def test_login_by_staff_number_or_mobile_returns_me(cadre, client_for):
    cadre.mobile = "13912345678"
    cadre.save()
    for username in ("13912345678", cadre.username):
        client = client_for()
        response = login(client, username, PASSWORD)
        assert response.status_code == 200, response.content
        assert response.json()["username"] == cadre.username
        assert client.get("/api/v1/auth/me").json()["real_name"] == "张三"


def test_wrong_password_is_refused_in_chinese(cadre, client_for):
    response = login(client_for(), cadre.username, "not-the-password")
    assert response.status_code == 400
    assert response.json()["detail"] == BAD_CREDENTIALS


def test_repeated_failures_lock_the_account_even_with_the_right_password(
    cadre, client_for, settings
):
    client = client_for()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, cadre.username, "wrong")
    response = login(client, cadre.username, PASSWORD)
    assert response.status_code == 403
    body = response.json()
    assert body["code"] == "locked"
    assert "锁定" in body["detail"] and "分钟" in body["detail"]
    # Another account is not affected by this one's lockout.
    other = make_user(cadre.org_unit)
    assert login(client_for(), other.username, PASSWORD).status_code == 200


def test_me_shows_roles_and_admin_scopes(town_a_admin, tree, client_for):
    body = client_for(town_a_admin).get("/api/v1/auth/me").json()
    assert set(body["roles"]) == {"cadre", "org_admin"}
    assert [u["full_name"] for u in body["admin_units"]] == ["测试县/甲镇"]
    assert body["org_unit"]["full_name"] == "测试县/甲镇"


def test_me_without_login_is_401(client_for, db):
    response = client_for().get("/api/v1/auth/me")
    assert response.status_code == 401
    assert response.json()["detail"]


def test_logout_ends_the_session(cadre, client_for):
    client = client_for()
    login(client, cadre.username, PASSWORD)
    assert client.post("/api/v1/auth/logout").status_code == 204
    assert client.get("/api/v1/auth/me").status_code == 401


def test_token_auth_for_scripts(cadre, client_for):
    token = (
        client_for()
        .post(
            "/api/v1/auth/token", {"username": cadre.username, "password": PASSWORD}, format="json"
        )
        .json()["token"]
    )
    script = client_for()
    script.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert script.get("/api/v1/auth/me").json()["username"] == cadre.username


def test_imported_user_must_change_initial_password_before_anything_else(tree, client_for):
    user = make_user(tree.village_a1, must_change_password=True)
    user.password = make_password("Init1234abcd", hasher="initial_sha256")
    user.save()
    client = client_for()
    assert login(client, user.username, "Init1234abcd").json()["must_change_password"] is True

    blocked = client.get("/api/v1/org-units/")
    assert blocked.status_code == 403
    assert blocked.json() == {
        "detail": PASSWORD_CHANGE_REQUIRED,
        "errors": {},
        "code": "password_change_required",
    }

    wrong = client.post(
        "/api/v1/auth/password",
        {"old_password": "x", "new_password": "Hezuo7Tuanjie"},
        format="json",
    )
    assert wrong.status_code == 400 and wrong.json()["errors"]["old_password"] == [
        WRONG_OLD_PASSWORD
    ]
    weak = client.post(
        "/api/v1/auth/password",
        {"old_password": "Init1234abcd", "new_password": "123"},
        format="json",
    )
    assert weak.status_code == 400 and "new_password" in weak.json()["errors"]

    changed = client.post(
        "/api/v1/auth/password",
        {"old_password": "Init1234abcd", "new_password": "Hezuo7Tuanjie"},
        format="json",
    )
    assert changed.status_code == 200 and changed.json()["must_change_password"] is False
    assert client.get("/api/v1/org-units/").status_code == 200  # session survives the change
    user.refresh_from_db()
    assert user.password.startswith("pbkdf2_sha256$")


def test_login_leaves_a_readable_signed_in_hint_and_logout_removes_it(cadre, client_for):
    from apps.accounts.api.views_auth import SIGNED_IN_COOKIE

    client = client_for()
    response = login(client, cadre.username, PASSWORD)
    hint = response.cookies[SIGNED_IN_COOKIE]
    assert hint.value == "1" and not hint["httponly"]
    out = client.post("/api/v1/auth/logout")
    assert out.cookies[SIGNED_IN_COOKIE].value == ""
