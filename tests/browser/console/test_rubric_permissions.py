"""The rubric of a call in the console (1366×768) when a county call uses it too: 甲镇's admin
editing their own call sees the criteria read-only with a hint naming the county (the PUT
would be refused), and can start a new rubric from it instead; the county admin edits it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.cases.models import CaseCall, Rubric
from apps.cases.services import calls, rubrics
from tests.browser.console.conftest import WAIT, console_login, shot
from tests.factories import make_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(db):
    tree = make_tree()
    county = make_user(
        tree.department, username="countyorg", real_name="县组织部", admin_of=[tree.county]
    )
    town = make_user(
        tree.town_a, username="townorg", real_name="甲镇组织委员", admin_of=[tree.town_a]
    )
    rubric = rubrics.create_rubric(
        name="调解案例评分",
        criteria=[{"name": "事实", "max_score": "50"}, {"name": "做法", "max_score": "50"}],
    )
    now = timezone.now()
    made = {}
    for key, by, unit, title in (
        ("county", county, tree.county, "全县调解案例征集"),
        ("town", town, tree.town_a, "甲镇调解案例征集"),
    ):
        made[key] = calls.create_call(
            by=by,
            data={
                "title": title,
                "theme": "矛盾调解",
                "opens_at": now - timedelta(days=1),
                "closes_at": now + timedelta(days=10),
                "audience_units": [unit],
                "rubric": rubric,
            },
        )
    return made, rubric, tree


def open_edit(page, base_url, call):
    page.goto(f"{base_url}/console/case-calls/{call.pk}/edit")
    expect(page.get_by_test_id("criterion-name-0")).to_be_visible(timeout=WAIT)


def test_a_township_admin_cannot_edit_the_county_calls_rubric_but_can_start_a_new_one(
    live_server, desktop, browser, world
):
    made, rubric, tree = world
    console_login(desktop, live_server.url, "townorg")
    open_edit(desktop, live_server.url, made["town"])
    locked = desktop.get_by_test_id("rubric-locked")
    expect(locked).to_be_visible()
    expect(locked).to_contain_text(tree.county.full_name)
    expect(locked).to_contain_text("只有组织单位可以修改")
    expect(desktop.get_by_test_id("criterion-add")).to_have_count(0)
    expect(desktop.get_by_test_id("rubric-name")).to_be_disabled()
    expect(desktop.get_by_test_id("criterion-name-0")).to_be_disabled()
    expect(desktop.get_by_test_id("call-save")).to_be_enabled()  # the call itself is theirs
    shot(desktop, "cases-shared-rubric-as-township-admin")

    desktop.get_by_test_id("rubric-copy").click()
    expect(locked).to_have_count(0)
    desktop.get_by_test_id("criterion-name-0").fill("事实清楚")
    desktop.get_by_test_id("call-save").click()
    desktop.get_by_test_id("call-header").wait_for(timeout=WAIT)
    town_call = CaseCall.objects.get(pk=made["town"].pk)
    assert town_call.rubric_id != rubric.pk
    assert list(town_call.rubric.criteria.values_list("name", flat=True)) == ["事实清楚", "做法"]
    # The county call's rubric is untouched.
    assert CaseCall.objects.get(pk=made["county"].pk).rubric_id == rubric.pk
    assert list(Rubric.objects.get(pk=rubric.pk).criteria.values_list("name", flat=True)) == [
        "事实",
        "做法",
    ]


def test_the_county_admin_who_organizes_every_call_using_it_edits_the_rubric(
    live_server, desktop, browser, world
):
    made, _rubric, _tree = world
    # 甲镇's call lies in the county's scope, so the county organizes both calls using it.
    console_login(desktop, live_server.url, "countyorg")
    open_edit(desktop, live_server.url, made["county"])
    expect(desktop.get_by_test_id("rubric-locked")).to_have_count(0)
    expect(desktop.get_by_test_id("criterion-add")).to_be_visible()
    expect(desktop.get_by_test_id("criterion-name-0")).to_be_enabled()
    shot(desktop, "cases-shared-rubric-as-organizer")
