"""A phone that kept the app open across a release: the next screen's old chunk is gone."""

import pytest

from tests.browser.builders import WAIT
from tests.browser.conftest import PHONE
from tests.factories import PASSWORD, make_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone(browser):
    """A phone whose service worker is not running (not yet installed, or its cache evicted):
    an installed one keeps serving the old release's chunks from its cache, and page.route
    never sees those requests, so whether the test met a missing chunk was a race."""
    context = browser.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="zh-CN",
        service_workers="block",
    )
    yield context.new_page()
    context.close()


def test_a_missing_screen_chunk_loads_the_new_app_instead_of_an_error(live_server, phone):
    tree = make_tree()
    make_user(tree.village_a1, username="cadre81", real_name="吴卫东")
    loads, missing = [], []
    phone.on("domcontentloaded", lambda _page: loads.append(1))

    def gone_from_old_page(route):
        # The page opened before the release cannot fetch the home screen's chunk any more;
        # a freshly loaded page can.
        if len(loads) <= 1:
            missing.append(route.request.url)
            route.fulfill(status=404, body="Not Found")
        else:
            route.continue_()

    phone.route("**/assets/HomeView-*.js", gone_from_old_page)
    phone.goto(f"{live_server.url}/login")
    phone.fill("input[name=username]", "cadre81")
    phone.fill("input[name=password]", PASSWORD)
    phone.get_by_role("button", name="登录").click()

    phone.get_by_test_id("me-name").wait_for(timeout=WAIT)
    assert missing, "the home screen chunk was never requested"
    assert len(loads) == 2  # the app was loaded once more, not in a loop
    assert "吴卫东" in phone.get_by_test_id("me-name").inner_text()
