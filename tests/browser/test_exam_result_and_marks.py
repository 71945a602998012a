"""The result of a shuffled attempt reads right, and answer-sheet marks survive a reload."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from apps.exams.models import Attempt, Paper, PaperItem
from apps.exams.services import attempts
from apps.questions.models import Bank
from tests.backend.exams.conftest import make_exam, make_question
from tests.browser.builders import WAIT, log_in, objective_exam, question_card, start_exam
from tests.factories import make_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
QUOTE = "村务公开每季度至少一次，重大事项随时公开。"
OPTIONS = [
    {"key": "A", "text": "每月一次"},
    {"key": "B", "text": "每季度至少一次"},
    {"key": "C", "text": "每半年一次"},
    {"key": "D", "text": "每年一次"},
]


def test_a_shuffled_result_shows_texts_and_letters_that_agree(live_server, phone):
    tree = make_tree()
    cadre = make_user(tree.village_a1, username="cadre61")
    bank = Bank.objects.create(name="乱序题库", org_unit=tree.county)
    question = make_question(bank, "single", "B", options=OPTIONS, stem="村务公开的周期是？")
    question.explanation = f"原文：“{QUOTE}”故选B。"
    question.source_quote = QUOTE
    question.save()
    paper = Paper.objects.create(title="乱序卷", org_unit=tree.county, mode=Paper.Mode.FIXED)
    PaperItem.objects.create(paper=paper, position=1, question=question, points=Decimal(2))
    exam = make_exam(tree, paper, shuffle_options=True, pass_mark=Decimal(1))
    attempt, _, _ = attempts.start_or_resume(exam, cadre)
    attempt.layout[0]["o"] = ["D", "C", "B", "A"]  # the key B was shown as C
    attempt.save(update_fields=["layout"])
    attempts.save_answer(attempt.pk, cadre, question.pk, "B", 1)  # shown B: 每半年一次
    attempts.submit(Attempt.objects.get(pk=attempt.pk))

    log_in(phone, live_server.url, "cadre61", landing=f"/attempts/{attempt.pk}/result")
    expect(phone.get_by_test_id("your-answer")).to_have_text("B．每半年一次", timeout=WAIT)
    expect(phone.get_by_test_id("reference-answer")).to_have_text("C．每季度至少一次")
    item = phone.locator("article.item")
    expect(item).to_contain_text("故选C")
    expect(item).not_to_contain_text("故选B")
    assert item.inner_text().count(QUOTE) == 1
    phone.screenshot(path="/tmp/h15_shuffled_result.png", full_page=True)


def test_answer_sheet_marks_survive_a_reload(live_server, phone):
    tree = make_tree()
    make_user(tree.village_a1, username="cadre62")
    exam = objective_exam(tree)
    log_in(phone, live_server.url, "cadre62")
    attempt_id = start_exam(phone, live_server.url, exam)
    question_card(phone, 1).get_by_test_id("flag").click()
    expect(question_card(phone, 1).get_by_test_id("flag")).to_contain_text("已标记")
    for _ in range(50):  # the mark is sent in the background
        if Attempt.objects.get(pk=attempt_id).flagged:
            break
        phone.wait_for_timeout(100)
    phone.evaluate("localStorage.clear()")  # as on a second phone: only the server knows
    phone.reload()
    expect(question_card(phone, 1).get_by_test_id("flag")).to_contain_text("已标记", timeout=WAIT)
