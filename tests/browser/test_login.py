"""The first thing a cadre does: open the site on a phone and log in."""

import pytest

from tests.factories import PASSWORD, make_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_cadre_logs_in_on_a_phone_and_sees_their_name(live_server, phone):
    tree = make_tree()
    make_user(tree.village_a1, username="cadre01", real_name="王建国")

    phone.goto(f"{live_server.url}/login")
    phone.fill("input[name=username]", "cadre01")
    phone.fill("input[name=password]", PASSWORD)
    phone.get_by_role("button", name="登录").click()

    name = phone.get_by_test_id("me-name")
    name.wait_for(timeout=15_000)
    assert "王建国" in name.inner_text()
    assert phone.viewport_size == {"width": 390, "height": 844}


def test_wrong_password_shows_a_chinese_message(live_server, phone):
    tree = make_tree()
    make_user(tree.village_a1, username="cadre02")

    phone.goto(f"{live_server.url}/login")
    phone.fill("input[name=username]", "cadre02")
    phone.fill("input[name=password]", "wrong-password")
    phone.get_by_role("button", name="登录").click()

    phone.get_by_text("工号/手机号或密码错误").first.wait_for(timeout=10_000)
    assert "/login" in phone.url


def test_the_login_page_asks_nothing_that_answers_401(live_server, phone):
    """Without a session the page does not ask auth/me, so the console stays clean."""
    failed = []
    phone.on("response", lambda r: failed.append(r.url) if r.status == 401 else None)
    errors = []
    phone.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    phone.goto(f"{live_server.url}/")
    phone.locator("input[name=username]").wait_for(timeout=15_000)
    assert "/login" in phone.url
    assert failed == [] and errors == []
