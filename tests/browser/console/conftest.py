"""The console's browser harness: Debian's Chromium at 1366×768 against the live server.

Reuse it for every console area:
- `desktop`: a fresh 1366×768 page (a failure leaves test-artifacts/<test>.png);
- `console_login(page, base_url, username)`: log in through the console's own login page
  and wait for the 工作台 (or, with `expect`, for another landing page);
- `open_menu(page, area, item)`: navigate the way a person does, through the left menu;
- `shot(page, name)`: save test-artifacts/console/<name>.png, one for every screen a test
  visits, to be looked at before calling a screen done;
- `pick_unit(page, testid, name)`: choose a unit in a UnitSelect (el-tree-select);
- `xlsx_file(tmp_path, header, rows)`: a spreadsheet to upload.
"""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS
from tests.factories import PASSWORD

DESKTOP = {"width": 1366, "height": 768}
WAIT = 15_000
SHOTS = ARTIFACTS / "console"


def new_desktop_page(browser) -> Page:
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN", accept_downloads=True)
    return context.new_page()


@pytest.fixture
def desktop(browser, request):
    """A fresh browser context at 1366×768; a screenshot is saved when the test fails."""
    page = new_desktop_page(browser)
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    page.context.close()


def shot(page: Page, name: str) -> None:
    """Save what the screen shows now (the 1366×768 viewport, as a person sees it)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(300)  # let Element Plus finish its transitions
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def console_login(
    page: Page,
    base_url: str,
    username: str,
    password: str = PASSWORD,
    *,
    expect_testid: str | None = "console-menu",
) -> None:
    """Log in through /console/login; by default wait for the console's menu."""
    page.goto(f"{base_url}/console/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.get_by_role("button", name="登录").click()
    if expect_testid:
        page.get_by_test_id(expect_testid).wait_for(timeout=WAIT)


def open_menu(page: Page, area: str, item: str | None = None) -> None:
    """Click an area in the left menu (and one of its items when it has several). An area
    whose sub-menu is already open is not clicked again: that would fold it up, as it does
    for a person, and its items would slide away under the pointer."""
    menu = page.get_by_test_id("console-menu")
    if not item:
        menu.get_by_text(area, exact=True).click()
        return
    target = menu.get_by_text(item, exact=True)
    if not target.is_visible():
        menu.get_by_text(area, exact=True).click()
    target.click()


def pick_unit(page: Page, testid: str, name: str) -> None:
    """Open a UnitSelect and choose the unit with this name (filtering the tree first)."""
    # el-tree-select hands its attributes to both the select and the tree inside it.
    select = page.locator(f".el-select[data-testid={testid}]")
    select.click()
    select.locator("input").fill(name)
    option = page.locator(".el-tree-select__popper:visible .el-tree-node__content").get_by_text(
        name, exact=True
    )
    option.first.click()
    page.keyboard.press("Escape")


def xlsx_file(tmp_path, name: str, header: list[str], rows: list[list]) -> str:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    path = tmp_path / name
    path.write_bytes(buffer.getvalue())
    return str(path)


def message(page: Page, text: str) -> None:
    """Wait for an Element Plus message (ElMessage) with this text."""
    expect(page.locator(".el-message").filter(has_text=text).first).to_be_visible(timeout=WAIT)
