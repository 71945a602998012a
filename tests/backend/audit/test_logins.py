"""Logins, failures and lockouts in the operation log, and the address they came from,
also behind a reverse proxy."""

from collections import Counter

import pytest

from apps.audit.models import AuditEntry
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def login(client, username, password, **extra):
    return client.post(
        "/api/v1/auth/login", {"username": username, "password": password}, format="json", **extra
    )


def actions_of(**lookup) -> list[str]:
    return list(AuditEntry.objects.filter(**lookup).order_by("id").values_list("action", flat=True))


def test_a_login_and_a_failure_name_the_person_and_the_channel(cadre, client_for):
    assert login(client_for(), cadre.username, "wrong-password").status_code == 400
    assert login(client_for(), cadre.username, PASSWORD).status_code == 200
    failed, succeeded = AuditEntry.objects.order_by("id")
    assert (failed.action, failed.actor, failed.succeeded) == ("auth.login_failed", cadre, False)
    assert (succeeded.action, succeeded.actor, succeeded.succeeded) == ("auth.login", cadre, True)
    assert succeeded.detail == {"channel": "网页"}
    assert "wrong-password" not in str(failed.detail)


def test_a_failure_under_an_unknown_name_keeps_the_name_typed(db, client_for):
    login(client_for(), "nobody-here", "x")
    entry = AuditEntry.objects.get()
    assert entry.actor is None and entry.actor_username == "nobody-here"


def test_a_lockout_and_the_tries_while_locked_are_logged(cadre, client_for, settings):
    client = client_for()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, cadre.username, "wrong")
    assert login(client, cadre.username, PASSWORD).status_code == 403
    logged = actions_of(actor=cadre)
    # django-axes announces the lockout while it handles the last failure.
    assert Counter(logged) == {
        "auth.login_failed": settings.AXES_FAILURE_LIMIT,
        "auth.locked_out": 1,
        "auth.login_refused_locked": 1,
    }
    assert logged[-1] == "auth.login_refused_locked"


def test_a_token_for_a_script_is_logged_as_a_login(cadre, client_for):
    response = client_for().post(
        "/api/v1/auth/token", {"username": cadre.username, "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.actor, entry.detail) == (
        "auth.login",
        cadre,
        {"channel": "接口令牌"},
    )
    assert response.json()["token"] not in str(entry.detail)


def test_behind_one_proxy_the_address_is_the_one_the_proxy_saw(cadre, client_for, settings):
    settings.TRUSTED_PROXIES = 1
    # The client forged the first entry; nginx appended the address it really saw.
    login(
        client_for(),
        cadre.username,
        PASSWORD,
        REMOTE_ADDR="172.18.0.5",
        HTTP_X_FORWARDED_FOR="8.8.8.8, 10.1.2.3",
    )
    assert AuditEntry.objects.get().ip == "10.1.2.3"


def test_without_a_trusted_proxy_a_forwarded_header_is_ignored(cadre, client_for, settings):
    settings.TRUSTED_PROXIES = 0
    login(
        client_for(),
        cadre.username,
        PASSWORD,
        REMOTE_ADDR="10.9.9.9",
        HTTP_X_FORWARDED_FOR="8.8.8.8",
    )
    assert AuditEntry.objects.get().ip == "10.9.9.9"
