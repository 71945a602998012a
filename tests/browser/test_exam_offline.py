"""The heart of the app: an exam that survives losing the network and a reload without it."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from apps.exams.models import Answer, Attempt
from tests.browser.builders import (
    FULL_MARKS,
    WAIT,
    log_in,
    next_question,
    objective_exam,
    question_card,
    start_exam,
    wait_saved,
    wait_stored,
)
from tests.factories import make_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_answers_given_offline_and_kept_across_a_reload_reach_the_server(network, phone):
    tree = make_tree()
    cadre = make_user(tree.village_a1, username="cadre11", real_name="李明")
    exam = objective_exam(tree)
    page = phone

    log_in(page, network.url, "cadre11")
    attempt_id = start_exam(page, network.url, exam)
    # The app shell must be cached before the network goes away.
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")

    q = {kind: question.pk for kind, question in exam.questions_by_type.items()}
    page.get_by_test_id("option-B").click()
    wait_stored(attempt_id, q["single"], "B")
    next_question(page, 2)
    page.get_by_test_id("option-A").click()
    page.get_by_test_id("option-C").click()
    wait_stored(attempt_id, q["multiple"], ["A", "C"])
    wait_saved(page)
    attempt = Attempt.objects.get(pk=attempt_id, user=cadre)
    assert Answer.objects.filter(attempt=attempt).count() == 2

    # Airplane mode: the phone knows it is offline, and the network is really gone.
    page.context.set_offline(True)
    network.down()
    next_question(page, 3)
    page.get_by_test_id("option-true").click()
    next_question(page, 4)
    page.get_by_test_id("blank-1").fill("乡村振兴")
    page.get_by_test_id("blank-2").fill("ABC")
    page.get_by_test_id("blank-2").blur()
    expect(page.get_by_test_id("save-state")).to_contain_text("离线，已缓存 2 题", timeout=WAIT)
    assert Answer.objects.filter(attempt=attempt).count() == 2

    # A reload in airplane mode: with the network really gone below the browser, nothing
    # (the service worker included) reaches the server, so the shell must come from the
    # service worker's cache, the attempt from its cached copy and the unsent answers
    # from IndexedDB.
    page.reload()
    expect_resumed_from_the_phone(page)

    # Then a dead network that the phone believes is up (a weak rural signal): every
    # request now goes out and fails, and the exam still opens from what the phone holds.
    page.context.set_offline(False)
    refused_before = network.refused_while_down
    page.reload()
    expect_resumed_from_the_phone(page)
    assert network.refused_while_down > refused_before  # the reload really met a dead network
    assert Answer.objects.filter(attempt=attempt).count() == 2

    network.up()
    wait_saved(page)
    wait_stored(attempt_id, q["fill_in"], ["乡村振兴", "ABC"])

    answers = {a.question_id: a for a in Answer.objects.filter(attempt=attempt)}
    assert answers[q["single"]].response == "B"
    assert sorted(answers[q["multiple"]].response) == ["A", "C"]
    assert answers[q["true_false"]].response is True
    assert answers[q["fill_in"]].response == ["乡村振兴", "ABC"]
    # Every change got the next seq, and the offline ones were sent in order after the others.
    seqs = [answers[q[t]].seq for t in ("single", "multiple", "true_false", "fill_in")]
    assert seqs == sorted(seqs) and len(set(seqs)) == 4
    assert seqs[1] >= 3  # the multiple-choice answer was changed twice (A, then A+C)

    page.get_by_role("button", name="交卷", exact=True).click()
    page.get_by_role("button", name="确认交卷").click()
    page.wait_for_url(f"**/attempts/{attempt_id}/result", timeout=WAIT)
    score = page.get_by_test_id("result-score")
    expect(score).to_have_attribute("data-score", "12.00", timeout=WAIT)
    expect(score).to_have_text("12")
    expect(page.get_by_test_id("result-pass")).to_have_text("合格")

    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED
    assert attempt.score == FULL_MARKS == Decimal("12")


def expect_resumed_from_the_phone(page) -> None:
    """The attempt is open with the two answers saved before and the two still queued."""
    expect(page.get_by_text("网络未连接：可以继续作答")).to_be_visible(timeout=WAIT)
    expect(page.get_by_role("button", name="答题卡 4/4")).to_be_visible(timeout=WAIT)
    expect(question_card(page, 1)).to_be_visible()
    expect(page.get_by_test_id("option-B")).to_have_attribute("aria-checked", "true")
    page.get_by_role("button", name="答题卡 4/4").click()
    page.get_by_test_id("sheet-4").click()
    expect(question_card(page, 4)).to_be_visible()
    expect(page.get_by_test_id("blank-1")).to_have_value("乡村振兴")
    expect(page.get_by_test_id("blank-2")).to_have_value("ABC")
    expect(page.get_by_test_id("save-state")).to_contain_text("离线，已缓存 2 题", timeout=WAIT)
