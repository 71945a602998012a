"""Playwright driving Debian's Chromium at a phone viewport against a live server.

Chromium is never downloaded: tests use /usr/bin/chromium and skip without it,
unless REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test.testcases import _MediaFilesHandler

from tests.browser.network import NetworkSwitch
from tests.conftest import REPO_ROOT, chromium_path

# Playwright's sync API runs an event loop in this thread; the ORM calls made by the
# tests themselves (fixtures, database checks) are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Django's live server answers /media/ itself, from disk and without any check. Turn
# that off so uploaded files go through the app's own permission view, as in production.
_MediaFilesHandler._should_handle = lambda self, path: False

PHONE = {"width": 390, "height": 844}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-dev-shm-usage",
]
ARTIFACTS = REPO_ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if executable is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("REQUIRE_BROWSER=1 但未找到 /usr/bin/chromium（apt-get install chromium）")
        pytest.skip("未安装 Debian chromium，跳过浏览器测试")
    if not (Path(settings.FRONTEND_DIST) / "index.html").exists():
        pytest.fail("前端未构建：请先运行 make install")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


# Reported by the page itself, so a blocked inline style or a refused request fails the
# test even where Chromium's own console wording changes.
REPORT_CSP_VIOLATIONS = """
document.addEventListener('securitypolicyviolation', (e) =>
  console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`))
"""


def watch_csp(context) -> list[str]:
    """Collect every Content-Security-Policy violation on the context's pages."""
    violations: list[str] = []
    context.add_init_script(REPORT_CSP_VIOLATIONS)

    def listen(page):
        page.on(
            "console",
            lambda msg: (
                violations.append(msg.text)
                if "CSP violation" in msg.text or "Content Security Policy" in msg.text
                else None
            ),
        )

    context.on("page", listen)
    return violations


@pytest.fixture
def phone(browser, request):
    """A fresh browser context at 390×844; a screenshot is saved when the test fails, and
    any Content-Security-Policy violation fails the test: the policy must fit the app."""
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="zh-CN"
    )
    violations = watch_csp(context)
    page = context.new_page()
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert not violations, f"内容安全策略拦截了页面所需的资源：{violations}"


@pytest.fixture
def network(live_server):
    """The live server behind a relay that can lose the network; browse `network.url`."""
    host, port = live_server.thread.host, live_server.thread.port
    switch = NetworkSwitch(host, port)
    yield switch
    switch.close()


@pytest.fixture(autouse=True)
def _server_tracebacks():
    """Print the live server's exceptions, so a failing test's output shows the server side."""
    import traceback

    from django.core.signals import got_request_exception

    def show(sender, request=None, **kwargs):
        print(f"服务器异常：{request and request.method} {request and request.path}")
        traceback.print_exc()

    got_request_exception.connect(show, weak=False, dispatch_uid="browser-tests")
    yield
    got_request_exception.disconnect(dispatch_uid="browser-tests")
