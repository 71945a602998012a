"""Practice shows one question at a time, with feedback before the next one appears."""

import pytest
from playwright.sync_api import expect

from apps.questions.models import Bank
from apps.training.services.practice import start_session
from tests.backend.training.conftest import make_question
from tests.browser.builders import WAIT, log_in
from tests.factories import make_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_practice_one_question_at_a_time_with_feedback_after_each(live_server, phone):
    tree = make_tree()
    cadre = make_user(tree.village_a1, username="cadre51")
    bank = Bank.objects.create(name="练习题库", org_unit=tree.county, shared_down=True)
    make_question(bank, "fill_in", stem="低保审核应在____个工作日内完成。", answer=[["十五"]])
    make_question(bank, "true_false", stem="村务公开应当及时。")
    session = start_session(cadre, bank=bank.pk, count=2, seed=1)
    page = phone

    log_in(page, live_server.url, "cadre51", landing=f"/study/practice/{session.pk}")
    cards = page.locator("section.pq")
    expect(cards).to_have_count(1, timeout=WAIT)  # never the whole set on one page
    expect(page.get_by_test_id("practice-next")).to_have_count(0)
    for number in (1, 2):
        card = cards.first
        expect(card).to_contain_text(f"{number}", timeout=WAIT)
        if card.locator("input.blank__input").count():
            card.locator("input.blank__input").first.fill("15")  # typed as digits on a phone
        else:
            card.get_by_test_id("option-true").click()
        card.get_by_test_id("practice-submit").click()
        expect(card.get_by_test_id("feedback")).to_contain_text("回答正确", timeout=WAIT)
        if number == 1:
            page.screenshot(path="/tmp/h15_practice_feedback.png")
            page.get_by_test_id("practice-next").click()
            expect(cards).to_have_count(1)
            expect(cards.first.get_by_test_id("feedback")).to_have_count(0)
    expect(page.get_by_test_id("practice-summary")).to_contain_text("答对 2 题")
    # a reload comes back to the last question, already answered
    page.reload()
    expect(cards).to_have_count(1, timeout=WAIT)
    expect(page.get_by_test_id("practice-prev")).to_be_visible()
