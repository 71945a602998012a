"""A cadre changes phones mid-exam: the second phone shows every answer the first one saved."""

import pytest
from playwright.sync_api import expect

from apps.exams.models import Answer, Attempt
from tests.browser.builders import (
    WAIT,
    log_in,
    new_phone_page,
    next_question,
    objective_exam,
    question_card,
    start_exam,
    wait_saved,
    wait_stored,
)
from tests.browser.conftest import ARTIFACTS
from tests.factories import make_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_second_phone_resumes_the_attempt_with_the_saved_answers(live_server, phone, browser):
    tree = make_tree()
    cadre = make_user(tree.village_a1, username="cadre31")
    exam = objective_exam(tree)

    log_in(phone, live_server.url, "cadre31")
    attempt_id = start_exam(phone, live_server.url, exam)
    q = exam.questions_by_type
    phone.get_by_test_id("option-D").click()
    wait_stored(attempt_id, q["single"], "D")
    phone.get_by_test_id("option-B").click()  # changed mind: B replaces D
    wait_stored(attempt_id, q["single"], "B")
    next_question(phone, 2)
    phone.get_by_test_id("option-A").click()
    wait_stored(attempt_id, q["multiple"], ["A"])
    next_question(phone, 3)
    phone.get_by_test_id("option-false").click()
    wait_stored(attempt_id, q["true_false"], False)
    wait_saved(phone)
    assert Answer.objects.filter(attempt_id=attempt_id).count() == 3

    second = new_phone_page(browser)
    try:
        log_in(second, live_server.url, "cadre31")
        assert start_exam(second, live_server.url, exam, resume=True) == attempt_id

        # It opens at the first unanswered question; the answer sheet shows 3 of 4 answered.
        expect(question_card(second, 4)).to_be_visible(timeout=WAIT)
        expect(second.get_by_role("button", name="答题卡 3/4")).to_be_visible()
        second.get_by_role("button", name="上一题").click()
        expect(second.get_by_test_id("option-false")).to_have_attribute("aria-checked", "true")
        second.get_by_role("button", name="上一题").click()
        expect(second.get_by_test_id("option-A")).to_have_attribute("aria-checked", "true")
        expect(second.get_by_test_id("option-C")).to_have_attribute("aria-checked", "false")
        second.get_by_role("button", name="上一题").click()
        expect(second.get_by_test_id("option-B")).to_have_attribute("aria-checked", "true")
        expect(second.get_by_test_id("option-D")).to_have_attribute("aria-checked", "false")

        # Answering on the second phone keeps counting seq above the first phone's.
        first_seq = Answer.objects.get(
            attempt_id=attempt_id, question=exam.questions_by_type["true_false"]
        ).seq
        second.get_by_role("button", name="下一题").click()
        second.get_by_role("button", name="下一题").click()
        second.get_by_role("button", name="下一题").click()
        second.get_by_test_id("blank-1").fill("振兴乡村")
        second.get_by_test_id("blank-2").fill("ABC")
        second.get_by_test_id("blank-2").blur()
        wait_stored(attempt_id, q["fill_in"], ["振兴乡村", "ABC"])
        latest = Answer.objects.get(
            attempt_id=attempt_id, question=exam.questions_by_type["fill_in"]
        )
        assert latest.response == ["振兴乡村", "ABC"] and latest.seq > first_seq
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        second.screenshot(path=str(ARTIFACTS / "resume-second-phone.png"), full_page=True)
        raise
    finally:
        second.context.close()
    assert Attempt.objects.get(pk=attempt_id, user=cadre).status == Attempt.Status.IN_PROGRESS
