"""When the countdown reaches zero the app hands the paper in by itself."""

import pytest
from playwright.sync_api import expect

from apps.exams.models import Answer, Attempt
from tests.browser.builders import closes_in, log_in, objective_exam, start_exam, wait_stored
from tests.factories import make_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_short_exam_is_submitted_automatically_when_time_runs_out(live_server, phone):
    tree = make_tree()
    cadre = make_user(tree.village_a1, username="cadre21")
    exam = objective_exam(tree, duration_minutes=30)
    page = phone

    log_in(page, live_server.url, "cadre21")
    # The window closes ~20 s after the start, so the attempt's deadline is that close.
    closes_in(exam, 20)
    attempt_id = start_exam(page, live_server.url, exam)
    expect(page.get_by_test_id("countdown")).to_contain_text("00:", timeout=5_000)
    page.get_by_test_id("option-B").click()
    wait_stored(attempt_id, exam.questions_by_type["single"], "B")

    attempt = Attempt.objects.get(pk=attempt_id, user=cadre)
    assert attempt.status == Attempt.Status.IN_PROGRESS

    # Waiting for the clock is the point of this test: no clicks until the deadline passes.
    page.get_by_text("系统已为您自动交卷。").wait_for(timeout=45_000)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED
    assert attempt.submitted_at <= attempt.deadline + _grace()
    assert Answer.objects.get(attempt=attempt).response == "B"
    assert str(attempt.score) == "2.00"

    page.get_by_role("button", name="查看成绩").click()
    page.wait_for_url(f"**/attempts/{attempt_id}/result", timeout=15_000)
    expect(page.get_by_test_id("result-score")).to_have_attribute("data-score", "2.00")
    expect(page.get_by_test_id("result-pass")).to_have_text("不合格")
    # The wrong answers are listed with the reference answer (fill-in: every accepted text).
    expect(page.get_by_text("乡村振兴／振兴乡村")).to_be_visible()


def _grace():
    from datetime import timedelta

    from apps.exams import conf

    return timedelta(seconds=conf.save_grace_seconds())
