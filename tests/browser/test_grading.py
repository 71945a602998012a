"""A reviewer grades a subjective answer against the paper's points, reloads, finds it under
已评分 and revises it; the history shows both scores."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from apps.accounts.models import User
from apps.exams.models import Paper, PaperItem
from apps.exams.services import attempts
from apps.questions.models import Bank
from tests.backend.exams.conftest import make_exam, make_question
from tests.browser.builders import WAIT, log_in
from tests.factories import make_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_graded_answers_stay_listed_and_a_revision_is_kept(live_server, phone):
    tree = make_tree()
    cadre = make_user(tree.village_a1, username="cadre71")
    make_user(tree.department, username="reviewer71", is_cadre=False, is_reviewer=True)
    bank = Bank.objects.create(name="主观题库", org_unit=tree.county)
    question = make_question(
        bank,
        "short_answer",
        "每月走访，当天录入台账。",
        scoring_points=[
            {"point": "讲清走访频次", "score": "6.00"},
            {"point": "讲清台账要求", "score": "4.00"},
        ],
    )
    paper = Paper.objects.create(title="主观卷", org_unit=tree.county, mode=Paper.Mode.FIXED)
    PaperItem.objects.create(paper=paper, position=1, question=question, points=Decimal(8))
    exam = make_exam(tree, paper, pass_mark=Decimal(1), audience_roles=["cadre"])
    exam.graders.add(User.objects.get(username="reviewer71"))
    attempt, _, _ = attempts.start_or_resume(exam, cadre)
    attempts.save_answer(attempt.pk, cadre, question.pk, "每月走访二十户，当天录入。", 1)
    attempts.submit(attempt)

    page = phone
    log_in(page, live_server.url, "reviewer71", landing="/grading")
    task = page.locator("article.task")
    expect(task).to_have_count(1, timeout=WAIT)
    page.get_by_text("评分要点与参考答案").click()
    # the bank's 6 + 4 points, scaled to the paper's 8
    expect(page.get_by_test_id("scoring-point").first).to_contain_text("4.8 分")
    expect(page.get_by_test_id("scoring-point").nth(1)).to_contain_text("3.2 分")
    task.locator("input.van-stepper__input").fill("6")
    page.get_by_role("button", name="保存评分").click()
    expect(page.get_by_text("评分已保存")).to_be_visible(timeout=WAIT)

    page.reload()
    page.get_by_role("tab", name="已评分 1").click()
    expect(task).to_have_count(1, timeout=WAIT)
    task.locator("input.van-stepper__input").fill("7")
    page.get_by_role("button", name="修改评分").click()
    history = page.get_by_test_id("grade-history")
    expect(history).to_contain_text("6 分", timeout=WAIT)
    expect(history).to_contain_text("7 分")
    page.screenshot(path="/tmp/h15_grading.png", full_page=True)
