"""通知公告 in the console, as a county's organization department uses it with only the
browser (1366×768): write a notice for one township with a Markdown body (previewed as the
phone shows it) and see how many people it reaches, have a wrong expiry refused on its
field, find it in the list, see a cadre of that township read it on the phone (390×844)
while a cadre of the other township does not, then withdraw it and see it gone."""

import pytest
from playwright.sync_api import expect

from apps.notices.models import Notice
from apps.notices.selectors import notices_for_reader
from apps.notices.services import EXPIRY_BEFORE_PUBLISH
from tests.browser.builders import log_in, new_phone_page
from tests.browser.console.conftest import (
    SHOTS,
    WAIT,
    console_login,
    message,
    open_menu,
    pick_unit,
    shot,
)
from tests.factories import make_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "关于甲镇干部参加防汛培训的通知"


@pytest.fixture
def county(db):
    tree = make_tree()
    make_user(tree.department, username="orgadmin", real_name="县组织部", admin_of=[tree.county])
    town_cadre = make_user(tree.village_a1, username="town01", real_name="甲镇干部")
    make_user(tree.town_a, username="town02", real_name="甲镇镇干部")
    other = make_user(tree.village_b1, username="townb01", real_name="乙镇干部")
    return tree, town_cadre, other


def field(page, testid: str):
    """The input (or textarea) of an el-input or date picker, wherever the test id landed."""
    return page.locator(
        f"input[data-testid={testid}], textarea[data-testid={testid}], "
        f"[data-testid={testid}] input, [data-testid={testid}] textarea"
    ).first


def fill_date(page, testid: str, text: str) -> None:
    box = field(page, testid)
    box.fill(text)
    box.press("Enter")


def phone_notices(phone, base_url):
    """The phone's home page 通知公告 block, once loaded."""
    phone.goto(f"{base_url}/")
    notices = phone.get_by_test_id("home-notices")
    expect(notices).to_be_visible(timeout=WAIT)
    expect(notices.locator(".van-loading")).to_have_count(0, timeout=WAIT)
    return notices


def test_org_admin_publishes_and_withdraws_a_notice(live_server, desktop, browser, county):
    _tree, town_cadre, other = county
    console_login(desktop, live_server.url, "orgadmin")
    open_menu(desktop, "通知公告")
    expect(desktop.get_by_test_id("list-total")).to_have_text("共 0 条", timeout=WAIT)

    desktop.get_by_test_id("notice-create").click()
    field(desktop, "notice-title").fill(TITLE)
    field(desktop, "notice-body").fill(
        "甲镇各村（社区）干部：\n\n县里将于下周举办防汛培训，请：\n\n"
        "1. 提前在**手机端**完成每日一练；\n2. 按时到镇会议室参加。\n\n县委组织部"
    )
    preview = desktop.get_by_test_id("notice-preview")
    expect(preview.locator("strong")).to_have_text("手机端", timeout=WAIT)
    # The county as a whole reaches everyone; 甲镇 only its three people.
    pick_unit(desktop, "notice-audience", "甲镇")
    expect(desktop.get_by_test_id("notice-reach")).to_contain_text("2 人", timeout=WAIT)

    # An expiry before the publish time is refused by the server, on the expiry field.
    desktop.get_by_test_id("notice-publish-at").click()
    fill_date(desktop, "notice-published-at", "2030-06-10 09:00")
    desktop.get_by_test_id("notice-expiry-at").click()
    fill_date(desktop, "notice-expires-at", "2030-06-09 09:00")
    desktop.get_by_test_id("notice-save").click()
    expiry_item = desktop.locator(".el-form-item", has_text="截止时间")
    expect(expiry_item.locator(".el-form-item__error")).to_have_text(
        EXPIRY_BEFORE_PUBLISH, timeout=WAIT
    )
    assert not Notice.objects.exists()
    shot(desktop, "notice-form-error")

    # Publish now, for a long time.
    desktop.get_by_test_id("notice-publish-now").click()
    desktop.locator(".el-form-item", has_text="截止时间").get_by_text("长期有效").click()
    shot(desktop, "notice-form")
    desktop.get_by_test_id("notice-save").click()
    message(desktop, "通知已发布")
    notice = Notice.objects.get()
    assert [u.name for u in notice.audience_units.all()] == ["甲镇"]
    expect(desktop.get_by_test_id(f"notice-status-{notice.id}")).to_have_text(
        "生效中", timeout=WAIT
    )
    expect(desktop.get_by_test_id("list-table")).to_contain_text("甲镇（含下级单位）；不限角色")
    shot(desktop, "notices-list")

    # The township's cadre reads it on the phone; the other township's does not get it.
    phone = new_phone_page(browser)
    try:
        log_in(phone, live_server.url, "town01")
        expect(phone_notices(phone, live_server.url)).to_contain_text(TITLE)
        phone.screenshot(path=str(SHOTS / "phone-notice.png"))
        assert not notices_for_reader(other).exists()

        # Withdraw: confirmed, it stays in the list as 已截止 and leaves the phone.
        desktop.get_by_test_id(f"notice-withdraw-{notice.id}").click()
        dialog = desktop.locator(".el-message-box")
        expect(dialog).to_contain_text("撤回通知", timeout=WAIT)
        shot(desktop, "notice-withdraw-confirm")
        dialog.get_by_role("button", name="撤回").click()
        message(desktop, "通知已撤回")
        expect(desktop.get_by_test_id(f"notice-status-{notice.id}")).to_have_text(
            "已截止", timeout=WAIT
        )
        home = phone_notices(phone, live_server.url)
        expect(home).not_to_contain_text(TITLE)
        expect(home).to_contain_text("暂无通知公告")
        assert not notices_for_reader(town_cadre).exists()
    finally:
        phone.context.close()

    # The status filter keeps its choice in the URL.
    desktop.get_by_test_id("filter-status").click()
    desktop.locator(".el-select-dropdown__item:visible").get_by_text("生效中", exact=True).click()
    desktop.get_by_role("button", name="查询").click()
    desktop.wait_for_url("**status=live**", timeout=WAIT)
    expect(desktop.get_by_test_id("list-total")).to_have_text("共 0 条", timeout=WAIT)
