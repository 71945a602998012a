"""A county-organized case call in the console (1366×768), seen by a township admin and by
the county admin. The township admin reads the call and their own people's cases and is
offered none of the organizer's actions (edit, assign, reassign, add a reviewer), with a
short hint why, and never learns who reviews (blind review: 评审员1, 评审员2…, no empty
column); the county admin, who organizes it, sees them all by name."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.cases.services import calls, cases, rubrics
from tests.browser.console.conftest import WAIT, console_login, shot
from tests.factories import make_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CALL = "基层矛盾调解典型案例征集"
ACTIONS = ("call-edit", "call-assign")
REVIEWERS = ("评审甲", "评审乙", "评审丙")


@pytest.fixture
def world(db):
    tree = make_tree()
    county = make_user(
        tree.department, username="countyorg", real_name="县组织部", admin_of=[tree.county]
    )
    make_user(tree.town_a, username="townorg", real_name="甲镇组织委员", admin_of=[tree.town_a])
    for n in range(3):
        make_user(
            tree.department,
            username=f"rev9{n}",
            real_name=f"评审{'甲乙丙'[n]}",
            is_cadre=False,
            is_reviewer=True,
        )
    rubric = rubrics.create_rubric(
        name="调解案例评分",
        criteria=[{"name": "事实", "max_score": "50"}, {"name": "做法", "max_score": "50"}],
    )
    now = timezone.now()
    call = calls.create_call(
        by=county,
        data={
            "title": CALL,
            "theme": "矛盾调解",
            "opens_at": now - timedelta(days=1),
            "closes_at": now + timedelta(days=10),
            "audience_units": [tree.county],
            "rubric": rubric,
        },
    )
    author = make_user(tree.village_a1, real_name="周海燕")
    draft = cases.start_case(
        call,
        author,
        title="宅基地边界纠纷调解",
        body="## 经过\n\n两户为院墙位置争执，村调解员请来老党员一起丈量，当场立界。",
        show_author_name=True,
    )
    case = cases.submit_case(draft.pk, author)
    return call, case


def open_call(page, base_url, call):
    page.goto(f"{base_url}/console/case-calls/{call.pk}")
    page.get_by_test_id("call-header").wait_for(timeout=WAIT)


def open_case(page, case):
    page.get_by_role("tab", name="案例").click()
    page.get_by_test_id(f"case-open-{case.pk}").click()
    drawer = page.get_by_test_id("case-drawer")
    expect(drawer.get_by_test_id("case-assignments")).to_be_visible(timeout=WAIT)
    expect(drawer.locator(".el-loading-mask")).to_have_count(0, timeout=WAIT)
    return drawer


def test_a_township_admin_sees_no_organizer_action_on_a_county_call(
    live_server, desktop, browser, world
):
    call, case = world
    assert case.assignments.count() == 2  # two reviewers assigned on submission

    console_login(desktop, live_server.url, "townorg")
    open_call(desktop, live_server.url, call)
    hint = desktop.get_by_test_id("call-readonly-hint")
    expect(hint).to_be_visible()
    expect(hint).to_contain_text("组织单位")
    for action in ACTIONS:
        expect(desktop.get_by_test_id(action)).to_have_count(0)
    desktop.get_by_role("tab", name="待完成评审").click()
    expect(desktop.get_by_test_id("open-assignments")).to_be_visible()
    expect(desktop.get_by_test_id("open-assignments").locator(".el-table__row")).to_have_count(2)
    expect(desktop.locator("[data-testid^=reassign-]")).to_have_count(0)
    expect(desktop.get_by_text("改派由征集的组织单位办理")).to_be_visible()
    open_rows = desktop.get_by_test_id("open-assignments")
    expect(open_rows).to_contain_text("评审员1")
    expect(open_rows).to_contain_text("评审员2")
    for name in REVIEWERS:
        expect(desktop.get_by_text(name)).to_have_count(0)
    shot(desktop, "cases-county-call-as-township-admin")
    desktop.get_by_role("tab", name="评审员工作量与一致性").click()
    expect(desktop.get_by_test_id("reviewer-load-hidden")).to_be_visible()
    expect(desktop.get_by_test_id("reviewer-load")).to_have_count(0)

    drawer = open_case(desktop, case)
    expect(drawer.get_by_test_id("case-readonly-hint")).to_be_visible()
    expect(drawer.get_by_test_id("case-add-reviewer")).to_have_count(0)
    expect(drawer.locator("[data-testid^=case-reassign-]")).to_have_count(0)
    expect(drawer.get_by_role("button", name="改派")).to_have_count(0)
    table = drawer.get_by_test_id("case-assignments")
    expect(table).to_contain_text("评审员1")
    expect(drawer.get_by_test_id("case-reviewers-blind")).to_be_visible()
    for name in REVIEWERS:
        expect(drawer.get_by_text(name)).to_have_count(0)
    # Reviewer, kind, status, total: no empty column where the organizer's 改派 would be.
    expect(table.locator("thead th")).to_have_count(4)
    shot(desktop, "cases-county-case-as-township-admin")

    # The edit page opened by its address says so and will not save.
    desktop.goto(f"{live_server.url}/console/case-calls/{call.pk}/edit")
    expect(desktop.get_by_test_id("call-readonly-hint")).to_be_visible(timeout=WAIT)
    expect(desktop.get_by_test_id("call-save")).to_be_disabled()


def test_the_county_admin_who_organizes_the_call_sees_every_action(
    live_server, desktop, browser, world
):
    call, case = world
    console_login(desktop, live_server.url, "countyorg")
    open_call(desktop, live_server.url, call)
    expect(desktop.get_by_test_id("call-readonly-hint")).to_have_count(0)
    for action in ACTIONS:
        expect(desktop.get_by_test_id(action)).to_be_visible()
    desktop.get_by_role("tab", name="待完成评审").click()
    expect(desktop.locator("[data-testid^=reassign-]")).to_have_count(2)
    assigned = [a.reviewer.real_name for a in case.assignments.select_related("reviewer")]
    for name in assigned:
        expect(desktop.get_by_test_id("open-assignments")).to_contain_text(name)
    shot(desktop, "cases-county-call-as-organizer")
    desktop.get_by_role("tab", name="评审员工作量与一致性").click()
    expect(desktop.get_by_test_id("reviewer-load")).to_be_visible()

    drawer = open_case(desktop, case)
    expect(drawer.get_by_test_id("case-readonly-hint")).to_have_count(0)
    expect(drawer.get_by_test_id("case-add-reviewer")).to_be_visible()
    expect(drawer.locator("[data-testid^=case-reassign-]")).to_have_count(2)
    expect(drawer.get_by_test_id("case-reviewers-blind")).to_have_count(0)
    for name in assigned:
        expect(drawer.get_by_test_id("case-assignments")).to_contain_text(name)
    shot(desktop, "cases-county-case-as-organizer")
