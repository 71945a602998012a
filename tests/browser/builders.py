"""Shared builders for the browser tests: a logged-in phone page and an exam with one
question of each objective type, built with the same helpers the backend tests use."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from playwright.sync_api import Page, expect

from apps.exams.models import Exam
from apps.questions.models import Bank
from tests.backend.exams.conftest import ABCD, make_exam, make_paper, make_question
from tests.browser.conftest import PHONE
from tests.factories import PASSWORD

WAIT = 15_000

# Points per question (tests.backend.exams.conftest.POINTS): 2 + 4 + 2 + 4 = 12.
OBJECTIVE = ["single", "multiple", "true_false", "fill_in"]
FULL_MARKS = Decimal("12")


def new_phone_page(browser) -> Page:
    """A second phone: a separate context with its own cookies and storage."""
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="zh-CN"
    )
    return context.new_page()


def log_in(page: Page, base_url: str, username: str, landing: str = "/") -> None:
    """Log in through the login form and wait for the home page."""
    page.goto(f"{base_url}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.get_by_test_id("me-name").wait_for(timeout=WAIT)
    if landing != "/":
        page.goto(f"{base_url}{landing}")


def objective_exam(tree, **extra) -> Exam:
    """An open exam over the county: single (B), multiple (A, C), true/false (true) and
    fill-in (乡村振兴 / ABC), 12 points in all, results shown right after submission."""
    bank = Bank.objects.create(name="浏览器测试题库", org_unit=tree.county)
    questions = {
        "single": make_question(bank, "single", "B", options=ABCD, stem="村务公开的周期是？"),
        "multiple": make_question(
            bank, "multiple", ["A", "C"], options=ABCD, stem="哪些属于议事程序？"
        ),
        "true_false": make_question(
            bank, "true_false", True, stem="村民会议可以由十分之一以上村民提议召开。"
        ),
        "fill_in": make_question(
            bank, "fill_in", [["乡村振兴", "振兴乡村"], ["ABC"]], stem="____和____"
        ),
    }
    paper = make_paper(tree, questions, kinds=OBJECTIVE)
    values = {"title": "浏览器测试考试", "pass_mark": Decimal("8"), "duration_minutes": 30}
    values.update(extra)
    exam = make_exam(tree, paper, **values)
    exam.questions_by_type = questions
    return exam


def closes_in(exam: Exam, seconds: int) -> None:
    Exam.objects.filter(pk=exam.pk).update(closes_at=timezone.now() + timedelta(seconds=seconds))


def start_exam(page: Page, base_url: str, exam: Exam, *, resume: bool = False) -> int:
    """Open the exam detail, start it (confirming the rules dialog) or continue it, and
    return the attempt id from the URL."""
    page.goto(f"{base_url}/exams/{exam.pk}")
    button = page.get_by_test_id("start-exam")
    expect(button).to_contain_text("继续作答" if resume else "开始考试", timeout=WAIT)
    button.click()
    if not resume:
        page.get_by_role("button", name="开始答题").click()
    page.wait_for_url(re.compile(r"/attempts/\d+$"), timeout=WAIT)
    page.get_by_test_id("countdown").wait_for(timeout=WAIT)
    return int(re.search(r"/attempts/(\d+)$", page.url).group(1))


def wait_saved(page: Page) -> None:
    expect(page.get_by_test_id("save-state")).to_contain_text("已保存", timeout=WAIT)


def next_question(page: Page, number: int) -> None:
    """Go to the next question and wait until question `number` (1-based) is shown."""
    page.get_by_role("button", name="下一题").click()
    expect(question_card(page, number)).to_be_visible(timeout=WAIT)


def question_card(page: Page, number: int):
    return page.locator(f'article.qcard[aria-label="第 {number} 题"]')


def open_call(tree, admin):
    """An open case call over the county with the cases tests' five-criterion rubric."""
    from apps.cases.services import calls, rubrics
    from tests.backend.cases.conftest import CRITERIA

    rubric = rubrics.create_rubric(name="案例评分标准", criteria=CRITERIA)
    now = timezone.now()
    data = {
        "title": "基层治理典型案例征集",
        "theme": "基层治理",
        "opens_at": now - timedelta(days=1),
        "closes_at": now + timedelta(days=7),
        "audience_units": [tree.county],
        "rubric": rubric,
    }
    return calls.create_call(by=admin, data=data)


def png_file(tmp_path, name="photo.png"):
    """A small real PNG, as a phone camera roll would offer it."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (320, 240), (200, 60, 40))
    ImageDraw.Draw(image).rectangle((40, 40, 200, 160), fill=(250, 240, 200))
    path = tmp_path / name
    image.save(path, format="PNG")
    return path


def wait_stored(attempt_id: int, question, response, timeout: float = 15) -> None:
    """Wait until the server holds `response` for the question. The save-state label can
    still read 已保存 for a moment after a tap, before the new change is queued, so tests
    that need a change on the server check the database itself."""
    import time

    from apps.exams.models import Answer

    deadline = time.monotonic() + timeout
    stored = None
    while time.monotonic() < deadline:
        stored = Answer.objects.filter(attempt_id=attempt_id, question=question).first()
        if stored is not None and stored.response == response:
            return
        time.sleep(0.1)
    raise AssertionError(f"服务器上的答案是 {stored and stored.response!r}，期望 {response!r}")
