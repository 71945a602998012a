"""During 公示 a cadre opens the record, sees the breakdown and files an objection."""

from datetime import date

import pytest
from django.db import transaction
from playwright.sync_api import expect

from apps.records.models import Objection, Record
from apps.records.services import periods
from apps.records.services.compute import recompute
from tests.backend.records.conftest import (
    SCHEME,
    fill_indicators,
    make_attempt,
    make_call,
    make_exam,
)
from tests.browser.builders import WAIT, log_in, new_phone_page
from tests.browser.conftest import ARTIFACTS
from tests.factories import make_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REASON = "本人参加了年度理论考试，成绩应为九十分，请核实考试得分的计入情况。"


def published_period(tree, admin, scores):
    exam, call = make_exam(tree.county), make_call(tree.county)
    data = {
        "name": "2026年度考核",
        "kind": "year",
        "start_date": date(2026, 1, 1),
        "end_date": date(2026, 12, 31),
        "org_unit": tree.county,
        "exams": [exam],
        "case_calls": [call],
    }
    period = periods.create_period(actor=admin, data=data, components=[dict(c) for c in SCHEME])
    for user, score in scores.items():
        make_attempt(exam, user, score)
    fill_indicators(period, {u.username: u for u in scores}, "85")
    recompute(period.pk)
    with transaction.atomic():
        return periods.publish_period(actor=admin, period=period, days=5)


def test_a_cadre_views_the_record_in_publicity_and_files_an_objection(live_server, phone):
    tree = make_tree()
    admin = make_user(tree.department, is_cadre=False, admin_of=[tree.county])
    cadre = make_user(tree.village_a1, username="cadre71", real_name="孙红梅")
    neighbour = make_user(tree.village_a1, username="cadre72", real_name="周志强")
    period = published_period(tree, admin, {cadre: "90", neighbour: "70"})
    record = Record.objects.get(period=period, user=cadre)
    page = phone

    log_in(page, live_server.url, "cadre71", landing="/me/record")
    total = f"{record.total.normalize():f}"
    expect(page.get_by_test_id("record-total")).to_contain_text(total, timeout=WAIT)
    expect(page.get_by_text("理论考试").first).to_be_visible()
    # The unit's 公示 table lists both cadres of 一村.
    expect(page.get_by_text("周志强").first).to_be_visible()

    page.get_by_test_id("object-open").click()
    page.get_by_test_id("objection-reason").fill(REASON)
    page.get_by_role("button", name="提交异议").click()
    filed = page.get_by_test_id("objection")
    expect(filed).to_have_count(1, timeout=WAIT)
    expect(filed).to_contain_text("本人参加了年度理论考试")

    objection = Objection.objects.get(record=record)
    assert objection.filed_by == cadre
    assert objection.reason == REASON
    assert objection.status == Objection.Status.PENDING


@pytest.mark.parametrize("viewport", [(360, 780), (390, 844)], ids=["360", "390"])
def test_the_publicity_list_fits_a_narrow_phone(live_server, browser, viewport):
    """The unit's 公示 list stays inside its card (nothing wider than the screen), long unit
    names included, with every person's rank, name, parts and total readable."""
    tree = make_tree()
    tree.village_a1.name = "幸福街道办事处第一社区居民委员会"
    tree.village_a1.save()
    admin = make_user(tree.department, is_cadre=False, admin_of=[tree.county])
    cadre = make_user(tree.village_a1, username="cadre81", real_name="欧阳晓明")
    neighbour = make_user(tree.village_a1, username="cadre82", real_name="周志强")
    published_period(tree, admin, {cadre: "90", neighbour: "70"})
    width, height = viewport
    page = new_phone_page(browser)
    page.set_viewport_size({"width": width, "height": height})
    log_in(page, live_server.url, "cadre81", landing="/me/record")
    table = page.get_by_test_id("publicity-list")
    expect(table).to_contain_text("周志强", timeout=WAIT)
    table.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"record-publicity-{width}.png"))
    overflow = page.evaluate(
        """() => {
        const card = document.querySelector('[data-testid=publicity-card]').getBoundingClientRect()
        const wide = [...document.querySelectorAll('[data-testid=publicity-card] *')]
          .filter((el) => el.getBoundingClientRect().right > card.right + 0.5)
          .map((el) => el.textContent.slice(0, 20))
        return { wide, page: document.documentElement.scrollWidth - window.innerWidth }
      }"""
    )
    assert overflow == {"wide": [], "page": 0}
    page.context.close()
