"""Two phones of one cadre answer the same question in turn. Each phone ends showing the
answer the server keeps (and grades): a later change wins whatever the phones' own counters,
and when the server keeps the other phone's answer, the reply carries it and the phone shows it."""

import pytest
from playwright.sync_api import expect

from apps.exams.models import Answer
from tests.browser.builders import (
    WAIT,
    log_in,
    new_phone_page,
    objective_exam,
    question_card,
    start_exam,
    wait_saved,
    wait_stored,
)
from tests.browser.conftest import ARTIFACTS
from tests.factories import make_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A phone whose counter ran far ahead (an older app, or a clock that was wrong): its queue's
# stored seq, written into the page's IndexedDB before a reload.
AHEAD = """async ([attemptId, seq]) => {
  const db = await new Promise((ok, fail) => {
    const req = indexedDB.open('yz-exam')
    req.onsuccess = () => ok(req.result)
    req.onerror = () => fail(req.error)
  })
  await new Promise((ok, fail) => {
    const tx = db.transaction('kv', 'readwrite')
    tx.objectStore('kv').put({ seq, pending: {}, acked: {} }, `queue:${attemptId}`)
    tx.oncomplete = ok
    tx.onerror = () => fail(tx.error)
  })
  db.close()
}"""


def checked(page, key):
    return expect(page.get_by_test_id(f"option-{key}")).to_have_attribute(
        "aria-checked", "true", timeout=WAIT
    )


def test_two_phones_answering_in_turn_show_what_the_server_keeps(live_server, phone, browser):
    tree = make_tree()
    make_user(tree.village_a1, username="cadre32")
    exam = objective_exam(tree)
    single = exam.questions_by_type["single"]

    log_in(phone, live_server.url, "cadre32")
    attempt_id = start_exam(phone, live_server.url, exam)
    second = new_phone_page(browser)
    try:
        log_in(second, live_server.url, "cadre32")
        assert start_exam(second, live_server.url, exam, resume=True) == attempt_id

        # Both phones opened the attempt with nothing saved, so their counters agree: with
        # counters alone the second phone's later answer would be dropped while it kept
        # showing it. Seqs from the server clock make the later answer win.
        phone.get_by_test_id("option-D").click()
        wait_stored(attempt_id, single, "D")
        second.get_by_test_id("option-B").click()
        wait_stored(attempt_id, single, "B")
        wait_saved(second)
        checked(second, "B")

        # The first phone's counter runs far ahead: its answer is kept even though the
        # second phone answers after it, and the second phone switches to show it.
        phone.evaluate(AHEAD, [attempt_id, 10**12])
        phone.reload()
        phone.get_by_test_id("countdown").wait_for(timeout=WAIT)
        # It reopens at the first unanswered question: back to question 1.
        expect(question_card(phone, 2)).to_be_visible(timeout=WAIT)
        phone.get_by_role("button", name="上一题").click()
        expect(question_card(phone, 1)).to_be_visible(timeout=WAIT)
        phone.get_by_test_id("option-C").click()
        wait_stored(attempt_id, single, "C")
        second.get_by_test_id("option-A").click()
        wait_saved(second)
        checked(second, "C")
        stored = Answer.objects.get(attempt_id=attempt_id, question=single)
        assert stored.response == "C" and stored.seq > 10**12
        ARTIFACTS.mkdir(exist_ok=True)
        second.screenshot(path=str(ARTIFACTS / "two-devices-second-phone.png"))
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        second.screenshot(path=str(ARTIFACTS / "two-devices-failure.png"), full_page=True)
        raise
    finally:
        second.context.close()
