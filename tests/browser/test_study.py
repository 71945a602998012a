"""每日一练 (one question at a time) and the wrong-question book: a wrong daily answer lands in
the book and can be retried."""

import pytest
from playwright.sync_api import expect

from apps.questions.models import Bank, KnowledgePoint
from apps.training.models import WrongBookEntry
from tests.backend.training.conftest import make_question
from tests.browser.builders import WAIT, log_in
from tests.factories import make_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_daily_quiz_feedback_streak_and_retrying_a_wrong_question(live_server, phone):
    tree = make_tree()
    cadre = make_user(tree.village_a1, username="cadre41")
    bank = Bank.objects.create(name="县级题库", org_unit=tree.county, shared_down=True)
    kp = KnowledgePoint.objects.create(name="村务公开", org_unit=tree.county)
    # True/false only (key: 正确), so every daily item is answered the same way.
    for i in range(5):
        make_question(bank, "true_false", kps=[kp], stem=f"村务公开判断题{i}")
    page = phone

    log_in(page, live_server.url, "cadre41", landing="/study/daily")
    cards = page.locator("section.pq")
    expect(cards).to_have_count(1, timeout=WAIT)  # one question at a time, like practice
    expect(page.get_by_test_id("daily-streak")).to_contain_text("连续 0 天")
    expect(page.get_by_test_id("daily-progress")).to_contain_text("已答 0/5 题")
    expect(page.get_by_test_id("step-label")).not_to_be_empty()

    card = cards.first
    card.get_by_test_id("option-false").click()
    card.get_by_test_id("practice-submit").click()
    expect(card.get_by_test_id("feedback")).to_contain_text("回答错误", timeout=WAIT)
    expect(card.get_by_test_id("feedback")).to_contain_text("参考答案：正确")
    for number in range(2, 6):
        page.get_by_test_id("practice-next").click()
        expect(cards).to_have_count(1)
        card = cards.first
        expect(card.get_by_test_id("feedback")).to_have_count(0)
        card.get_by_test_id("option-true").click()
        card.get_by_test_id("practice-submit").click()
        expect(card.get_by_test_id("feedback")).to_contain_text("回答正确", timeout=WAIT)
        expect(page.get_by_test_id("daily-progress")).to_contain_text(f"已答 {number}/5 题")
    expect(page.get_by_test_id("practice-next")).to_have_count(0)
    expect(page.get_by_test_id("daily-summary")).to_contain_text("答对 4 题")
    expect(page.get_by_test_id("daily-streak")).to_contain_text("连续 1 天", timeout=WAIT)
    expect(page.get_by_text("今日已完成")).to_be_visible()

    entry = WrongBookEntry.objects.get(user=cadre)
    assert entry.wrong_count == 1 and entry.right_streak == 0
    assert entry.question.stem.startswith("村务公开判断题")

    page.goto(f"{live_server.url}/study/wrong-book")
    card = page.get_by_test_id(f"wrong-{entry.pk}")
    expect(card).to_contain_text(entry.question.stem, timeout=WAIT)
    expect(page.locator("[data-testid^=wrong-]")).to_have_count(1)
    card.get_by_role("button", name="重做此题").click()
    card.get_by_test_id("option-true").click()
    card.get_by_test_id("practice-submit").click()
    expect(card.get_by_test_id("feedback")).to_contain_text("回答正确", timeout=WAIT)

    entry.refresh_from_db()
    assert entry.right_streak == 1
