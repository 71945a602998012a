"""Login lockout counts the person, locks only the (account, source) pair, slows down a
spread-out attack on one account, and an admin can lift it within their subtree."""

import logging
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.accounts.services import login_throttle
from apps.accounts.services.auth import ACCOUNT_UNLOCKED, THROTTLED
from apps.audit.models import AuditEntry
from tests.factories import PASSWORD, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

TOWNSHIP_IP = "198.51.100.7"  # one public address for a whole township
STRANGER_IP = "203.0.113.9"


def login(client, username, password, ip=TOWNSHIP_IP):
    return client.post(
        "/api/v1/auth/login",
        {"username": username, "password": password},
        format="json",
        REMOTE_ADDR=ip,
    )


def fail(client_for, username, times, ip):
    for _ in range(times):
        assert login(client_for(), username, "wrong-password", ip).status_code in (400, 403)


@pytest.fixture
def named_cadre(tree):
    return make_user(tree.village_a1, real_name="李四", mobile="13900000040")


def test_failures_by_staff_number_and_by_mobile_count_for_the_same_person(
    client_for, named_cadre, settings
):
    fail(client_for, named_cadre.username, settings.AXES_FAILURE_LIMIT, TOWNSHIP_IP)
    by_mobile = login(client_for(), named_cadre.mobile, PASSWORD)
    assert by_mobile.status_code == 403 and by_mobile.json()["code"] == "locked"


def test_a_stranger_locks_only_their_own_source_not_the_cadre(client_for, named_cadre, settings):
    fail(client_for, named_cadre.mobile, settings.AXES_FAILURE_LIMIT, STRANGER_IP)
    stranger = login(client_for(), named_cadre.username, PASSWORD, STRANGER_IP)
    assert stranger.status_code == 403 and stranger.json()["code"] == "locked"
    cadre = login(client_for(), named_cadre.username, PASSWORD, TOWNSHIP_IP)
    assert cadre.status_code == 200, cadre.content


def test_a_locked_cadre_does_not_lock_out_the_township_behind_the_same_address(
    client_for, named_cadre, settings
):
    fail(client_for, named_cadre.username, settings.AXES_FAILURE_LIMIT, TOWNSHIP_IP)
    colleague = make_user(named_cadre.org_unit)
    assert login(client_for(), colleague.username, PASSWORD, TOWNSHIP_IP).status_code == 200


class Clock:
    def __init__(self):
        self.time = 1_000_000.0

    def __call__(self) -> float:
        return self.time


@pytest.fixture
def clock(monkeypatch):
    """The throttle's clock, stopped, so no wait runs out while a slow machine works."""
    stopped = Clock()
    monkeypatch.setattr(login_throttle, "now", stopped)
    return stopped


def test_failures_spread_over_many_sources_slow_the_account_down(
    client_for, named_cadre, settings, clock
):
    settings.LOGIN_THROTTLE_AFTER = 6
    assert login(client_for(), named_cadre.username, PASSWORD).status_code == 200  # known source
    for n in range(3):  # three sources, each below the pair limit
        fail(client_for, named_cadre.username, 2, f"203.0.113.{n + 10}")

    slowed = login(client_for(), named_cadre.username, PASSWORD, "203.0.113.50")
    assert slowed.status_code == 429
    assert slowed.json()["code"] == "throttled"
    wait = int(slowed["Retry-After"])
    assert wait > 0 and slowed.json()["detail"] == THROTTLED.format(seconds=wait)
    # The cadre's own township, where they logged in before, is not slowed down.
    assert login(client_for(), named_cadre.username, PASSWORD).status_code == 200

    clock.time += wait
    assert login(client_for(), named_cadre.username, PASSWORD, "203.0.113.50").status_code == 200


def test_the_wait_grows_with_each_further_failure_up_to_the_cap(
    client_for, named_cadre, settings, clock
):
    settings.LOGIN_THROTTLE_AFTER = 2
    settings.LOGIN_THROTTLE_MAX_SECONDS = 40
    waits = []
    for n in range(7):
        clock.time += 100  # every earlier wait is over
        fail(client_for, named_cadre.username, 1, f"203.0.113.{n + 10}")
        waits.append(login_throttle.seconds_to_wait(named_cadre.username, "192.0.2.1"))
    assert waits[0] == 0
    assert 0 < waits[1] < waits[2] < waits[3] < waits[4] < waits[5] <= 40
    assert waits[6] == 40


def test_an_admin_unlocks_a_cadre_in_their_subtree_only(
    client_for, named_cadre, settings, county_admin, town_b_admin
):
    fail(client_for, named_cadre.username, settings.AXES_FAILURE_LIMIT, TOWNSHIP_IP)
    url = f"/api/v1/users/{named_cadre.pk}/unlock"
    assert client_for(town_b_admin).post(url).status_code == 404
    assert client_for(make_user(named_cadre.org_unit)).post(url).status_code == 403
    assert login(client_for(), named_cadre.username, PASSWORD).status_code == 403

    response = client_for(county_admin).post(url)
    assert response.status_code == 200
    assert response.json() == {"detail": ACCOUNT_UNLOCKED, "cleared": 1}
    assert login(client_for(), named_cadre.username, PASSWORD).status_code == 200


def test_a_township_admin_cannot_unlock_an_admin_above_them(client_for, tree, settings):
    """The county's admin lives in 甲镇: 甲镇's admin may not lift the lockout on their account
    (it would let whoever guesses their password go on after every fifth try)."""
    boss = make_user(tree.village_a1, is_cadre=False, admin_of=[tree.county])
    town_admin = make_user(tree.town_a, is_cadre=False, admin_of=[tree.town_a])
    fail(client_for, boss.username, settings.AXES_FAILURE_LIMIT, STRANGER_IP)

    refused = client_for(town_admin).post(f"/api/v1/users/{boss.pk}/unlock")

    assert refused.status_code == 403, refused.content.decode()
    assert login(client_for(), boss.username, PASSWORD, STRANGER_IP).status_code == 403


def test_every_lockout_is_logged_with_account_and_source(client_for, named_cadre, settings, caplog):
    with caplog.at_level(logging.WARNING, logger="apps.accounts"):
        fail(client_for, named_cadre.mobile, settings.AXES_FAILURE_LIMIT, STRANGER_IP)
    locked = [r.getMessage() for r in caplog.records if "locked out" in r.getMessage()]
    assert len(locked) == 1
    assert named_cadre.username in locked[0] and STRANGER_IP in locked[0]


def test_the_source_behind_the_proxies_is_the_address_they_saw(client_for, named_cadre, settings):
    settings.TRUSTED_PROXIES = 1
    for n in range(settings.AXES_FAILURE_LIMIT):
        client_for().post(
            "/api/v1/auth/login",
            {"username": named_cadre.username, "password": "wrong"},
            format="json",
            REMOTE_ADDR="172.18.0.5",  # nginx
            # The left-hand entry is whatever the client wrote; nginx appended the right one.
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, {STRANGER_IP}",
        )
    through_proxy = client_for().post(
        "/api/v1/auth/login",
        {"username": named_cadre.username, "password": PASSWORD},
        format="json",
        REMOTE_ADDR="172.18.0.5",
        HTTP_X_FORWARDED_FOR=TOWNSHIP_IP,
    )
    assert through_proxy.status_code == 200


def test_the_admin_login_is_slowed_down_the_same_way(named_cadre, settings, clock):
    settings.LOGIN_THROTTLE_AFTER = 2
    for n in range(2):
        Client(REMOTE_ADDR=f"203.0.113.{n + 10}").post(
            "/admin/login/", {"username": named_cadre.mobile, "password": "wrong"}
        )
    page = Client(REMOTE_ADDR="203.0.113.50").post(
        "/admin/login/", {"username": named_cadre.username, "password": PASSWORD}
    )
    assert page.status_code == 200  # the form again
    assert THROTTLED.format(seconds=login_throttle.seconds_to_wait(named_cadre.username, "x")) in (
        page.content.decode()
    )


def listed(client, user) -> dict:
    rows = client.get(f"/api/v1/users/?search={user.username}").json()["results"]
    assert [row["id"] for row in rows] == [user.pk]
    return rows[0]


def test_the_people_list_marks_a_locked_account_until_an_admin_unlocks_it(
    client_for, named_cadre, settings, county_admin
):
    admin = client_for(county_admin)
    fail(client_for, named_cadre.username, settings.AXES_FAILURE_LIMIT - 1, TOWNSHIP_IP)
    assert listed(admin, named_cadre)["locked"] is False  # one try left

    fail(client_for, named_cadre.mobile, 1, TOWNSHIP_IP)
    assert listed(admin, named_cadre)["locked"] is True
    assert admin.get(f"/api/v1/users/{named_cadre.pk}/").json()["locked"] is True

    assert admin.post(f"/api/v1/users/{named_cadre.pk}/unlock").status_code == 200
    assert listed(admin, named_cadre)["locked"] is False
    entry = AuditEntry.objects.get(action="user.unlock")
    assert (entry.action_label, entry.object_id) == ("解除登录锁定", str(named_cadre.pk))


def test_a_lockout_past_its_cool_off_is_no_longer_marked(
    client_for, named_cadre, settings, county_admin
):
    fail(client_for, named_cadre.username, settings.AXES_FAILURE_LIMIT, TOWNSHIP_IP)
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
    )
    assert listed(client_for(county_admin), named_cadre)["locked"] is False
    assert login(client_for(), named_cadre.username, PASSWORD).status_code == 200


def test_failures_spread_over_sources_below_the_limit_are_not_a_lock(
    client_for, named_cadre, settings, county_admin
):
    fail(client_for, named_cadre.username, settings.AXES_FAILURE_LIMIT - 1, TOWNSHIP_IP)
    fail(client_for, named_cadre.username, settings.AXES_FAILURE_LIMIT - 1, STRANGER_IP)
    assert listed(client_for(county_admin), named_cadre)["locked"] is False


def test_the_lock_mark_costs_no_query_per_person(client_for, tree, settings, county_admin):
    admin = client_for(county_admin)
    url = f"/api/v1/users/?org_unit={tree.village_a1.pk}"

    def list_locked() -> tuple[int, list[bool]]:
        with CaptureQueriesContext(connection) as captured:
            rows = admin.get(url).json()["results"]
        return len(captured), [row["locked"] for row in rows]

    def locked_person(n):
        person = make_user(tree.village_a1, username=f"L{n}")
        fail(client_for, person.username, settings.AXES_FAILURE_LIMIT, TOWNSHIP_IP)

    locked_person(0)
    queries, marks = list_locked()
    assert marks == [True]
    for n in range(1, 4):
        locked_person(n)
    assert list_locked() == (queries, [True] * 4)


def test_a_person_created_under_a_locked_name_is_shown_locked(
    client_for, tree, settings, county_admin
):
    fail(client_for, "N777", settings.AXES_FAILURE_LIMIT, TOWNSHIP_IP)  # nobody has it yet
    response = client_for(county_admin).post(
        "/api/v1/users/",
        {"username": "N777", "real_name": "王新", "org_unit": tree.village_a1.pk},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["locked"] is True
