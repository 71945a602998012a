"""操作日志 and 解除锁定 in the console, as an org admin does it with only the browser:
reset a person's password, find that very entry by the person and the action, read it
whole, export the filtered log; a cadre locks themselves out on the phone, the admin sees
已锁定, unlocks, and the cadre gets in (and the admin finds the failures in the log)."""

import io
import re
from pathlib import Path

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from apps.audit import actions, services
from apps.audit.export import HEADERS
from apps.audit.models import AuditEntry
from tests.browser.builders import new_phone_page
from tests.browser.console.conftest import WAIT, console_login, message, open_menu, shot
from tests.factories import PASSWORD, make_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RESET = actions.ACTIONS[("user-reset-password", "POST")]
UPDATE = actions.ACTIONS[("user-detail", "PATCH")]


@pytest.fixture
def county(db):
    tree = make_tree()
    admin = make_user(
        tree.department, username="orgadmin", real_name="县组织部", admin_of=[tree.county]
    )
    return tree, admin


def find_person(page, username: str) -> None:
    open_menu(page, "组织与人员", "人员管理")
    page.get_by_test_id("filter-search").fill(username)
    page.get_by_role("button", name="查询").click()
    expect(page.get_by_test_id("list-total")).to_have_text("共 1 条", timeout=WAIT)


def row_menu(page, username: str, item: str) -> None:
    """Open a person's 更多 menu in 人员管理 and choose an item."""
    page.get_by_test_id(f"more-{username}").click()
    page.get_by_test_id(f"{item}-{username}").click()


def test_admin_finds_a_password_reset_in_the_log_reads_it_and_exports_it(
    live_server, desktop, county
):
    tree, admin = county
    wu = make_user(tree.village_a1, username="0101", real_name="吴六")
    other = make_user(tree.village_a1, username="0102", real_name="陈八")
    # What else the log holds: the same action on someone else, another action on 吴六.
    services.record(RESET, actor=admin, object_id=other.pk, object_repr=str(other))
    update = services.record(
        UPDATE,
        actor=admin,
        object_id=wu.pk,
        object_repr=str(wu),
        detail={"fields": {"is_reviewer": True, "position": "会计"}},
    )

    console_login(desktop, live_server.url, "orgadmin")
    find_person(desktop, "0101")
    desktop.get_by_test_id("reset-0101").click()
    desktop.locator(".el-message-box").get_by_role("button", name="重置").click()
    dialog = desktop.get_by_test_id("password-dialog")
    expect(dialog.get_by_test_id("initial-password")).to_have_count(1, timeout=WAIT)
    new_password = dialog.get_by_test_id("initial-password").inner_text()
    dialog.get_by_role("button", name="我已记下").click()

    # From 吴六's row to what was done to him, then narrowed to password resets today.
    row_menu(desktop, "0101", "log-about")
    expect(desktop).to_have_url(
        re.compile(rf"/console/audit-log\?object_type=user&object_id={wu.pk}$"), timeout=WAIT
    )
    expect(desktop.get_by_test_id("list-total")).to_have_text("共 2 条", timeout=WAIT)
    expect(desktop.get_by_test_id("audit-retention")).to_contain_text("日志保留 180 天")
    shot(desktop, "audit-log-about-person")
    # What a change sent reads in words, not as JSON.
    desktop.get_by_test_id(f"entry-{update.pk}").click()
    fields = desktop.get_by_test_id("entry-drawer").get_by_test_id("detail-fields")
    expect(fields).to_contain_text("提交的内容", timeout=WAIT)
    expect(fields.locator("tr").filter(has_text="评审员")).to_contain_text("是")
    expect(fields.locator("tr").filter(has_text="职务")).to_contain_text("会计")
    shot(desktop, "audit-log-entry-fields")
    desktop.keyboard.press("Escape")

    desktop.get_by_test_id("filter-action").click()
    options = desktop.locator(".el-select-dropdown:visible")
    expect(options).to_contain_text("全部：用户")
    shot(desktop, "audit-log-action-select")
    options.locator(".el-select-dropdown__item").get_by_text("重置密码", exact=True).click()
    desktop.keyboard.press("Escape")
    desktop.get_by_test_id("filter-dates").click()
    desktop.locator(".el-picker-panel__shortcut").get_by_text("今天", exact=True).click()
    desktop.get_by_role("button", name="查询").click()
    today = timezone.localdate().isoformat()
    expect(desktop).to_have_url(re.compile(r"action=user\.reset_password"), timeout=WAIT)
    assert f"date_from={today}&date_to={today}" in desktop.url
    expect(desktop.get_by_test_id("list-total")).to_have_text("共 1 条", timeout=WAIT)
    shot(desktop, "audit-log-filtered")

    entry = AuditEntry.objects.get(action=RESET.code, object_id=str(wu.pk), path__contains="/api/")
    desktop.get_by_test_id(f"entry-{entry.pk}").click()
    drawer = desktop.get_by_test_id("entry-drawer")
    expect(drawer.get_by_test_id("entry-actor")).to_have_text("县组织部（orgadmin）", timeout=WAIT)
    expect(drawer.get_by_test_id("entry-at")).to_contain_text(today)
    expect(drawer.get_by_test_id("entry-ip")).to_have_text("127.0.0.1")
    expect(drawer.get_by_test_id("entry-action")).to_have_text("重置密码")
    expect(drawer.get_by_test_id("entry-object")).to_have_text("用户：吴六（0101）")
    expect(drawer.get_by_test_id("entry-result")).to_have_text("成功")
    expect(drawer).to_contain_text(f"POST /api/v1/users/{wu.pk}/reset-password")
    # The new password went to the admin's screen only, never into the entry.
    expect(drawer).not_to_contain_text(new_password)
    shot(desktop, "audit-log-entry")
    desktop.keyboard.press("Escape")

    with desktop.expect_download() as download:
        desktop.get_by_test_id("audit-export").click()
    assert download.value.suggested_filename.startswith("audit-log-")
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert len(rows) == 2, rows  # the filters went with the export: one entry
    exported = dict(zip(HEADERS, rows[1], strict=True))
    assert exported["工号"] == "orgadmin" and exported["姓名"] == "县组织部"
    assert exported["操作"] == "重置密码" and exported["对象编号"] == str(wu.pk)
    assert exported["来源地址"] == "127.0.0.1" and exported["结果"] == "成功"
    assert exported["时间"].startswith(today)

    # The entry's 操作人 opens everything that person did; the picker names them.
    desktop.get_by_test_id(f"entry-{entry.pk}").click()
    drawer.get_by_test_id("entry-only-actor").click()
    expect(desktop).to_have_url(re.compile(rf"/console/audit-log\?actor={admin.pk}$"), timeout=WAIT)
    expect(desktop.locator(".el-select[data-testid=filter-actor]")).to_contain_text(
        "县组织部（orgadmin）", timeout=WAIT
    )
    expect(desktop.get_by_test_id("list-table")).to_contain_text("导出操作日志", timeout=WAIT)
    shot(desktop, "audit-log-by-actor")


def test_a_locked_out_cadre_is_unlocked_by_the_admin_and_logs_in(
    live_server, desktop, browser, county, settings
):
    tree, _admin = county
    make_user(tree.village_a1, username="0201", real_name="郑七", mobile="13800000201")
    phone = new_phone_page(browser)
    try:
        phone.goto(f"{live_server.url}/login")
        for _ in range(settings.AXES_FAILURE_LIMIT):
            phone.fill("input[name=username]", "13800000201")
            phone.fill("input[name=password]", "wrong-password-1")
            phone.get_by_role("button", name="登录").click()
            expect(
                phone.get_by_test_id("login-error").or_(phone.get_by_test_id("login-locked"))
            ).to_be_visible(timeout=WAIT)
        expect(phone.get_by_test_id("login-locked")).to_be_visible(timeout=WAIT)

        console_login(desktop, live_server.url, "orgadmin")
        find_person(desktop, "0201")
        expect(desktop.get_by_test_id("locked-0201")).to_have_text("已锁定")
        shot(desktop, "users-locked")
        desktop.get_by_test_id("more-0201").click()
        expect(desktop.get_by_test_id("unlock-0201")).to_be_visible(timeout=WAIT)
        shot(desktop, "users-more-menu")
        desktop.get_by_test_id("unlock-0201").click()
        confirm = desktop.locator(".el-message-box")
        expect(confirm).to_contain_text("郑七（0201）")
        shot(desktop, "users-unlock-confirm")
        confirm.get_by_role("button", name="解除锁定").click()
        message(desktop, "已解除该账号的登录锁定：郑七")
        expect(desktop.get_by_test_id("locked-0201")).to_have_count(0, timeout=WAIT)

        phone.fill("input[name=username]", "0201")
        phone.fill("input[name=password]", PASSWORD)
        phone.get_by_role("button", name="登录").click()
        expect(phone.get_by_test_id("me-name")).to_have_text("郑七", timeout=WAIT)
    finally:
        phone.context.close()

    # 郑七's own record: the failures, the lockout, the login after the unlock.
    row_menu(desktop, "0201", "log")
    expect(desktop.get_by_test_id("list-total")).to_have_text(
        f"共 {settings.AXES_FAILURE_LIMIT + 2} 条", timeout=WAIT
    )
    table = desktop.get_by_test_id("list-table")
    expect(table).to_contain_text("登录失败次数过多，账号锁定")
    expect(table).to_contain_text("登录成功")
    desktop.locator(".el-select[data-testid=filter-result]").click()
    desktop.locator(".el-select-dropdown__item:visible").get_by_text("失败", exact=True).click()
    desktop.get_by_role("button", name="查询").click()
    expect(desktop.get_by_test_id("list-total")).to_have_text(
        f"共 {settings.AXES_FAILURE_LIMIT + 1} 条", timeout=WAIT
    )
    assert "succeeded=false" in desktop.url
    shot(desktop, "audit-log-lockout")
