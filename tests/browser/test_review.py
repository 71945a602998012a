"""A reviewer opens an assigned case (blind), scores it on the rubric form and submits."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from apps.cases.models import ReviewAssignment
from tests.backend.cases.conftest import open_assignments, submit
from tests.browser.builders import WAIT, log_in, open_call
from tests.factories import make_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCORES = [18, 16, 20, 17, 12]  # rubric maxima 20, 20, 25, 20, 15


def test_a_reviewer_scores_an_assigned_case_on_the_phone(live_server, phone):
    tree = make_tree()
    admin = make_user(tree.department, is_cadre=False, admin_of=[tree.county])
    author = make_user(tree.village_a1, username="cadre61", real_name="钱立新")
    for i in range(3):
        make_user(tree.department, username=f"rev6{i}", is_cadre=False, is_reviewer=True)
    call = open_call(tree, admin)
    case = submit(author, call, title="议事会化解用水纠纷", show_author_name=True)
    assignment = open_assignments(case)[0]
    page = phone

    log_in(page, live_server.url, assignment.reviewer.username, landing="/reviews")
    page.get_by_test_id(f"review-{assignment.pk}").click()
    page.wait_for_url(f"**/reviews/{assignment.pk}", timeout=WAIT)
    expect(page.get_by_text("议事会化解用水纠纷").first).to_be_visible(timeout=WAIT)
    # Blind review: nothing on the page names the author.
    assert "钱立新" not in page.content()

    criteria = list(assignment.rubric.criteria.all())
    for criterion, value in zip(criteria, SCORES, strict=True):
        box = page.get_by_test_id(f"criterion-{criterion.pk}")
        stepper = box.locator(".van-stepper__input")
        stepper.fill(str(value))
        stepper.blur()
    expect(page.get_by_test_id("review-total")).to_contain_text(f"合计 {sum(SCORES)} 分")
    page.get_by_test_id(f"criterion-{criteria[0].pk}").locator("textarea").fill(
        "事实清楚，有走访记录"
    )
    page.get_by_test_id("review-overall").fill("做法可推广，建议补充后续效果。")

    page.get_by_test_id("review-submit").click()
    page.get_by_role("button", name="确定").click()
    expect(page.get_by_text("评审已提交")).to_be_visible(timeout=WAIT)
    expect(page.get_by_test_id("review-submit")).to_have_count(0)

    assignment.refresh_from_db()
    assert assignment.status == ReviewAssignment.Status.SUBMITTED
    assert assignment.total == Decimal(sum(SCORES))
    assert assignment.overall_comment == "做法可推广，建议补充后续效果。"
    stored = {s.criterion_id: (s.score, s.comment) for s in assignment.scores.all()}
    assert stored[criteria[0].pk] == (Decimal("18"), "事实清楚，有走访记录")
    assert [stored[c.pk][0] for c in criteria] == [Decimal(v) for v in SCORES]
