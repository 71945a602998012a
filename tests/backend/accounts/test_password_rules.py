"""Password rules, in Chinese: 8+ characters with letters and digits, nothing common and
nothing derived from the site, its units or the user; and the first-login change is
enforced in the Django admin as on the API."""

import pytest
from django.contrib.auth.hashers import make_password
from django.test import Client

from apps.accounts import password_rules as rules
from tests.factories import PASSWORD, make_unit, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

GOOD = "Hezuo7Tuanjie"


@pytest.fixture
def person(tree):
    make_unit("青山县")  # the demo county
    make_unit("东湖镇", tree.county)
    return make_user(tree.village_a1, username="100123", real_name="张三", mobile="13912345678")


def change(client_for, user, new_password):
    return client_for(user).post(
        "/api/v1/auth/password",
        {"old_password": PASSWORD, "new_password": new_password},
        format="json",
    )


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Ab3", "密码长度太短。密码必须包含至少 8 个字符。"),
        ("abcdefghij", rules.LETTERS_AND_DIGITS),
        ("2718281828459", rules.LETTERS_AND_DIGITS),
        ("qingshan2026", rules.SITE_WORD.format(word="qingshan")),
        ("Qingshan#2026", rules.SITE_WORD.format(word="qingshan")),
        ("Donghu@2026x", rules.SITE_WORD.format(word="donghu")),
        ("青山2026abc", rules.SITE_WORD.format(word="青山")),
        ("yingzhiyinghui1", rules.SITE_WORD.format(word="yingzhiyinghui")),
        ("Yzyh@2027", rules.SITE_WORD.format(word="yzyh")),
        ("Zhangsan@88", rules.PERSONAL_WORD),
        ("a100123bcd", rules.PERSONAL_WORD),
        ("x13912345678", rules.PERSONAL_WORD),
        ("Password2026", rules.COMMON_WORD),
        ("qwerty12345", rules.COMMON_WORD),
    ],
)
def test_weak_passwords_are_refused_with_a_chinese_reason(client_for, person, password, message):
    response = change(client_for, person, password)
    assert response.status_code == 400, response.content
    assert message in response.json()["errors"]["new_password"]


def test_a_strong_password_is_accepted(client_for, person):
    response = change(client_for, person, GOOD)
    assert response.status_code == 200, response.content


@pytest.fixture
def reset_admin(tree):
    """A township admin whose password was just reset to an initial one."""
    admin = make_user(tree.town_a, admin_of=[tree.town_a], must_change_password=True)
    admin.refresh_from_db()  # appointing the scope made them staff
    admin.password = make_password("Init4837xq", hasher="initial_sha256")
    admin.save()
    return admin


def admin_login(user, password):
    browser = Client()
    response = browser.post(
        "/admin/login/?next=/admin/", {"username": user.username, "password": password}
    )
    return browser, response


def test_admin_login_with_an_initial_password_leads_only_to_the_change_page(reset_admin):
    browser, response = admin_login(reset_admin, "Init4837xq")
    assert response.status_code == 302
    for path in ("/admin/", "/admin/accounts/user/", "/admin/exams/exam/"):
        page = browser.get(path)
        assert page.status_code == 302 and page["Location"] == "/admin/password_change/", path
    form = browser.get("/admin/password_change/")
    assert form.status_code == 200
    assert rules.FIRST_LOGIN_NOTICE in form.content.decode()


def test_the_admin_change_page_applies_the_rules_then_opens_the_admin(reset_admin):
    browser, _ = admin_login(reset_admin, "Init4837xq")
    weak = browser.post(
        "/admin/password_change/",
        {
            "old_password": "Init4837xq",
            "new_password1": "Password88",
            "new_password2": "Password88",
        },
    )
    assert weak.status_code == 200  # the form again, with the reason
    assert rules.COMMON_WORD in weak.content.decode()
    done = browser.post(
        "/admin/password_change/",
        {"old_password": "Init4837xq", "new_password1": GOOD, "new_password2": GOOD},
    )
    assert done.status_code == 302
    reset_admin.refresh_from_db()
    assert reset_admin.must_change_password is False
    assert browser.get("/admin/").status_code == 200
