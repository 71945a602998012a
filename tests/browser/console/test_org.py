"""组织与人员 in the console, as an org admin does it with only the browser: import a roster
(one bad row, fixed, re-uploaded), add and move units (a move under the unit's own
descendant refused), create, edit, deactivate a person and reset a password. Then a cadre
meets the "organization department only" page, and the admin finds 管理端 on the phone."""

import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from apps.accounts.models import MOVE_INTO_OWN_SUBTREE, OrgUnit, User
from tests.browser.builders import new_phone_page
from tests.browser.console.conftest import (
    WAIT,
    console_login,
    message,
    open_menu,
    pick_unit,
    shot,
    xlsx_file,
)
from tests.factories import PASSWORD, make_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADER = ["姓名", "工号", "手机号", "单位", "职务", "角色"]
ROSTER = [
    ["赵一", "0071", "13800000071", "测试县/甲镇/一村", "网格员", "干部"],
    ["钱二", "0072", "13800000072", "测试县/甲镇/二村", "村主任", "干部、评审员"],
    ["孙三", "0073", "123", "测试县/乙镇/三村", "文书", "干部"],
]


@pytest.fixture
def county(db):
    tree = make_tree()
    admin = make_user(
        tree.department, username="orgadmin", real_name="县组织部", admin_of=[tree.county]
    )
    return tree, admin


def import_roster(page, tmp_path):
    open_menu(page, "组织与人员", "花名册导入")
    upload = page.get_by_test_id("import-upload")
    upload.wait_for(timeout=WAIT)
    shot(page, "import-upload")

    bad = xlsx_file(tmp_path, "roster-bad.xlsx", HEADER, ROSTER)
    page.locator("[data-testid=roster-file] input[type=file]").set_input_files(bad)
    page.get_by_test_id("import-check").click()
    preview = page.get_by_test_id("import-preview")
    expect(preview.get_by_test_id("preview-errors")).to_contain_text("第 4 行", timeout=WAIT)
    expect(preview.get_by_test_id("preview-errors")).to_contain_text("手机号格式不正确：123")
    expect(preview.get_by_test_id("import-confirm")).to_contain_text("跳过 1 个错误行")
    shot(page, "import-preview-bad-row")
    assert not User.objects.filter(username__in=["0071", "0072", "0073"]).exists()

    # The admin fixes the mobile number in the file and uploads it again.
    page.get_by_test_id("import-again").click()
    fixed = [*ROSTER[:2], ["孙三", "0073", "13800000073", "测试县/乙镇/三村", "文书", "干部"]]
    good = xlsx_file(tmp_path, "roster-fixed.xlsx", HEADER, fixed)
    page.locator("[data-testid=roster-file] input[type=file]").set_input_files(good)
    page.get_by_test_id("import-check").click()
    expect(page.get_by_test_id("preview-create")).to_contain_text("3", timeout=WAIT)
    expect(page.get_by_test_id("preview-verdict")).to_contain_text("检查通过")
    shot(page, "import-preview-clean")
    page.get_by_test_id("import-confirm").click()

    result = page.get_by_test_id("import-result")
    expect(result).to_contain_text("新增 3 人", timeout=WAIT)
    passwords = result.get_by_test_id("initial-password")
    expect(passwords).to_have_count(3)
    shot(page, "import-result")
    shown = passwords.all_inner_texts()
    created = User.objects.filter(username__in=["0071", "0072", "0073"])
    assert created.count() == 3 and all(u.must_change_password for u in created)
    assert User.objects.get(username="0073").check_password(shown[2])

    with page.expect_download() as download:
        result.get_by_test_id("download-passwords").click()
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "0071",
        "0072",
        "0073",
    ]


def add_and_move_units(page, tree):
    open_menu(page, "组织与人员", "单位管理")
    tree_view = page.get_by_test_id("unit-tree")
    tree_view.get_by_test_id("unit-甲镇").click()
    page.get_by_test_id("unit-add-child").click()
    dialog = page.get_by_test_id("unit-form")
    dialog.locator("input[name=name]").fill("新村")
    dialog.get_by_test_id("unit-save").click()
    message(page, "已新增：测试县/甲镇/新村")

    tree_view.get_by_test_id("unit-新村").click()
    page.get_by_test_id("unit-add-child").click()
    dialog.locator("input[name=name]").fill("新村一组")
    dialog.get_by_test_id("unit-save").click()
    message(page, "已新增：测试县/甲镇/新村/新村一组")
    shot(page, "units")

    # Under its own descendant: refused, with the reason on the 上级单位 field.
    tree_view.get_by_test_id("unit-新村").click()
    page.get_by_test_id("unit-move").click()
    pick_unit(page, "unit-parent", "新村一组")
    dialog.get_by_test_id("unit-save").click()
    expect(dialog.locator(".el-form-item__error")).to_have_text(MOVE_INTO_OWN_SUBTREE, timeout=WAIT)
    shot(page, "unit-move-refused")
    assert OrgUnit.objects.get(name="新村").parent == tree.town_a

    pick_unit(page, "unit-parent", "乙镇")
    dialog.get_by_test_id("unit-save").click()
    message(page, "已保存：测试县/乙镇/新村")
    assert OrgUnit.objects.get(name="新村一组").full_name == "测试县/乙镇/新村/新村一组"


def manage_people(page):
    open_menu(page, "组织与人员", "人员管理")
    expect(page.get_by_test_id("list-table")).to_contain_text("赵一", timeout=WAIT)
    shot(page, "users")

    # A save refused by the server keeps what was typed and names the field.
    page.get_by_test_id("user-create").click()
    form = page.get_by_test_id("user-form")
    form.locator("input[name=username]").fill("0090")
    form.locator("input[name=real_name]").fill("周新")
    form.locator("input[name=mobile]").fill("13800000071")  # 赵一's
    pick_unit(page, "user-unit", "二村")
    form.get_by_test_id("user-save").click()
    expect(form.locator(".el-form-item__error")).to_have_text(
        "该手机号已被其他用户使用", timeout=WAIT
    )
    expect(form.locator("input[name=real_name]")).to_have_value("周新")
    shot(page, "user-form-error")
    form.locator("input[name=mobile]").fill("13800000090")
    form.get_by_test_id("user-save").click()
    dialog = page.get_by_test_id("password-dialog")
    expect(dialog.get_by_test_id("initial-password")).to_have_count(1, timeout=WAIT)
    shot(page, "user-created-password")
    first_password = dialog.get_by_test_id("initial-password").inner_text()
    zhou = User.objects.get(username="0090")
    assert zhou.org_unit.name == "二村" and zhou.must_change_password
    assert zhou.check_password(first_password)
    dialog.get_by_role("button", name="我已记下").click()

    # Find him, edit, deactivate, reset his password.
    page.get_by_test_id("filter-search").fill("0090")  # el-input puts it on <input>
    page.get_by_role("button", name="查询").click()
    expect(page).to_have_url(re.compile(r"/console/org/users\?search=0090$"), timeout=WAIT)
    expect(page.get_by_test_id("list-total")).to_have_text("共 1 条", timeout=WAIT)
    page.get_by_test_id("edit-0090").click()
    form.locator("input[name=position]").fill("驻村干部")
    form.get_by_test_id("user-save").click()
    message(page, "已保存")
    zhou.refresh_from_db()
    assert zhou.position == "驻村干部"

    page.get_by_test_id("deactivate-0090").click()
    page.locator(".el-message-box").get_by_role("button", name="停用").click()
    message(page, "已停用：周新")
    expect(page.get_by_test_id("activate-0090")).to_be_visible(timeout=WAIT)
    zhou.refresh_from_db()
    assert not zhou.is_active

    page.get_by_test_id("reset-0090").click()
    page.locator(".el-message-box").get_by_role("button", name="重置").click()
    expect(page.get_by_text("已重置：周新")).to_be_visible(timeout=WAIT)
    expect(dialog.get_by_test_id("initial-password")).not_to_have_text(first_password)
    new_password = dialog.get_by_test_id("initial-password").inner_text()
    assert new_password != first_password
    zhou.refresh_from_db()
    assert zhou.check_password(new_password) and zhou.must_change_password
    shot(page, "user-reset-password")
    dialog.get_by_role("button", name="我已记下").click()


def test_org_admin_runs_people_and_units_in_the_console(live_server, desktop, county, tmp_path):
    tree, _admin = county
    desktop.goto(f"{live_server.url}/console/")
    desktop.wait_for_url("**/console/login**", timeout=WAIT)
    shot(desktop, "login")
    console_login(desktop, live_server.url, "orgadmin")
    expect(desktop.get_by_test_id("scope-label")).to_have_text("测试县")
    expect(desktop.get_by_test_id("count-questions_draft")).to_contain_text("0", timeout=WAIT)
    shot(desktop, "dashboard")

    import_roster(desktop, tmp_path)
    add_and_move_units(desktop, tree)
    manage_people(desktop)

    # An area not built yet (whichever is left) shows an honest 即将上线 page.
    soon = desktop.get_by_test_id("console-menu").locator(".el-menu-item", has_text="即将上线")
    if soon.count():
        soon.first.click()
        expect(desktop.get_by_test_id("coming-soon")).to_contain_text("即将上线", timeout=WAIT)
        shot(desktop, "coming-soon")


def test_cadre_changes_the_initial_password_then_meets_the_org_only_page(
    live_server, desktop, county
):
    tree, _admin = county
    make_user(tree.village_a1, username="cadre9", real_name="李干部", must_change_password=True)
    desktop.goto(f"{live_server.url}/console/org/users")
    console_login(desktop, live_server.url, "cadre9", expect_testid=None)
    expect(desktop.get_by_role("heading", name="首次登录，请修改初始密码")).to_be_visible(
        timeout=WAIT
    )
    shot(desktop, "first-login-password")
    desktop.fill("input[name=old_password]", PASSWORD)
    desktop.fill("input[name=new_password]", "Xin@mima2026")
    desktop.fill("input[name=confirm]", "Xin@mima2026")
    desktop.get_by_role("button", name="确认修改").click()
    org_only = desktop.get_by_test_id("org-only")
    expect(org_only).to_contain_text("管理端仅供组织部使用", timeout=WAIT)
    expect(org_only).to_contain_text("李干部")
    expect(org_only.get_by_test_id("to-phone")).to_have_attribute("href", "/")
    shot(desktop, "org-only")


def test_org_admin_finds_the_console_on_the_phone(live_server, browser, county):
    phone = new_phone_page(browser)
    try:
        phone.goto(f"{live_server.url}/login")
        phone.fill("input[name=username]", "orgadmin")
        phone.fill("input[name=password]", PASSWORD)
        phone.get_by_role("button", name="登录").click()
        phone.get_by_test_id("me-name").wait_for(timeout=WAIT)
        phone.goto(f"{live_server.url}/me")
        entry = phone.get_by_test_id("console-entry")
        expect(entry).to_contain_text("管理端", timeout=WAIT)
        shot(phone, "phone-profile-console-entry")
        entry.click()
        phone.wait_for_url("**/console/**", timeout=WAIT)
        phone.get_by_test_id("console-menu").wait_for(timeout=WAIT)
    finally:
        phone.context.close()


def test_admin_of_two_townships_narrows_the_console_to_one(live_server, desktop, county):
    tree, _admin = county
    make_user(
        tree.town_a,
        username="twotowns",
        real_name="两镇管理员",
        admin_of=[tree.town_a, tree.town_b],
    )
    make_user(tree.village_a1, real_name="甲镇干部")
    make_user(tree.village_b1, real_name="乙镇干部")
    console_login(desktop, live_server.url, "twotowns")
    open_menu(desktop, "组织与人员", "人员管理")
    table = desktop.get_by_test_id("list-table")
    expect(table).to_contain_text("乙镇干部", timeout=WAIT)
    expect(table).to_contain_text("甲镇干部")

    desktop.get_by_test_id("scope-switcher").click()
    desktop.locator(".el-select-dropdown__item:visible").get_by_text(
        "测试县/乙镇", exact=True
    ).click()
    expect(table).not_to_contain_text("甲镇干部", timeout=WAIT)
    expect(table).to_contain_text("乙镇干部")
    shot(desktop, "scope-switched")
    # The choice holds across a reload, and the 工作台 counts follow it.
    desktop.reload()
    expect(desktop.get_by_test_id("list-table")).not_to_contain_text("甲镇干部", timeout=WAIT)
    open_menu(desktop, "工作台")
    expect(desktop.get_by_test_id("dashboard-scope")).to_have_text(
        "统计范围：测试县/乙镇", timeout=WAIT
    )
