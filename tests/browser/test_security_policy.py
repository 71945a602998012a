"""Under our Content-Security-Policy the phone app (with its service worker and the ECharts
chart), the Django admin and Swagger UI all still work, and nothing reaches for another
origin: every request outside the test server is refused and recorded."""

import pytest
from playwright.sync_api import expect

from apps.exams.services import attempts
from apps.questions.models import KnowledgePoint
from tests.browser.builders import log_in, objective_exam
from tests.browser.conftest import ARTIFACTS, PHONE, watch_csp
from tests.factories import PASSWORD, make_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1366, "height": 768}


def offline_context(browser, base_url, **options):
    """A context where any request to another origin is aborted and remembered."""
    context = browser.new_context(locale="zh-CN", **options)
    outside: list[str] = []

    def guard(route):
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    return context, outside, watch_csp(context)


def admin_login(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(f"{base_url}/admin/", timeout=15_000)


def test_phone_app_service_worker_and_chart_work_under_the_policy(live_server, browser):
    tree = make_tree()
    cadre = make_user(tree.village_a1, username="cadre31")
    exam = objective_exam(tree)
    point = KnowledgePoint.objects.create(name="村务公开", org_unit=tree.county)
    for question in exam.questions_by_type.values():
        question.knowledge_points.add(point)
    attempt, _, _ = attempts.start_or_resume(exam, cadre)
    attempts.submit(attempt)

    context, outside, violations = offline_context(
        browser, live_server.url, viewport=PHONE, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    log_in(page, live_server.url, "cadre31")
    assert page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    page.goto(f"{live_server.url}/attempts/{attempt.pk}/result")
    expect(page.locator(".kp-chart canvas")).to_be_visible(timeout=15_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "csp-phone-result-chart.png"), full_page=True)
    context.close()
    assert not violations and not outside, (violations, outside)


def test_django_admin_works_under_the_policy(live_server, browser):
    tree = make_tree()
    make_user(tree.county, username="root9", is_staff=True, is_superuser=True)
    context, outside, violations = offline_context(browser, live_server.url, viewport=DESKTOP)
    page = context.new_page()
    admin_login(page, live_server.url, "root9")
    page.goto(f"{live_server.url}/admin/accounts/user/")
    # The changelist's own script: ticking a row updates the action counter.
    page.locator("input.action-select").first.check()
    expect(page.locator(".action-counter")).to_contain_text("1", timeout=10_000)
    page.screenshot(path=str(ARTIFACTS / "csp-admin-changelist.png"))
    context.close()
    assert not violations and not outside, (violations, outside)


def test_swagger_ui_renders_offline_from_our_own_files(live_server, browser):
    tree = make_tree()
    make_user(tree.county, username="admin9", admin_of=[tree.county])
    context, outside, violations = offline_context(browser, live_server.url, viewport=DESKTOP)
    page = context.new_page()
    admin_login(page, live_server.url, "admin9")
    page.goto(f"{live_server.url}/api/docs/")
    expect(page.locator(".opblock").first).to_be_visible(timeout=20_000)
    expect(page.get_by_role("heading", name="应知应会 API")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "csp-swagger-offline.png"))
    context.close()
    assert not violations and not outside, (violations, outside)
