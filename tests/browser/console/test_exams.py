"""The exam side of the console, as a county's organization department uses it with only the
browser (1366×768), and a township cadre with a phone (390×844): build a rule paper (one row
short of questions, fixed before it saves), set a 10-minute exam for one township, watch the
cadre answer in the monitor, read the statistics, send an item back to review, correct a
key and regrade, see the cadre's score change with the history saying who and why, and
download results.xlsx. Also: a township admin's audience picker stops at their township,
extra time for one person moves their deadline on the server and on the phone, also when
granted before they start, and a phone left idle follows a moved deadline or an early close."""

import io
import re
from datetime import timedelta
from decimal import Decimal

import openpyxl
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.exams.models import Answer, Attempt, Exam, ExamLog, ScoreChange
from apps.exams.services import lifecycle
from apps.questions.models import Bank, Question
from tests.backend.exams.conftest import ABCD, make_exam, make_paper, make_question
from tests.browser.builders import log_in, new_phone_page, start_exam, wait_saved
from tests.browser.console.conftest import (
    SHOTS,
    WAIT,
    console_login,
    message,
    open_menu,
    pick_unit,
    shot,
)
from tests.factories import make_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def county(db):
    tree = make_tree()
    admin = make_user(
        tree.department, username="orgadmin", real_name="县组织部", admin_of=[tree.county]
    )
    cadre = make_user(tree.village_a1, username="town01", real_name="甲镇干部")
    bank = Bank.objects.create(name="县考试题库", org_unit=tree.county)
    for stem in ("村务公开的周期是？", "村民会议由谁召集？"):
        make_question(bank, "single", "B", options=ABCD, stem=stem)
    for stem in ("村民会议可以由十分之一以上村民提议召开。", "村务监督委员会成员由村民选举产生。"):
        make_question(bank, "true_false", True, stem=stem)
    return tree, admin, cadre, bank


def choose(page, select, text: str) -> None:
    """Pick an option of an Element Plus select by its text."""
    select.click()
    page.locator(".el-select-dropdown__item:visible").get_by_text(text, exact=True).first.click()


def field(page, testid: str):
    """The input of an el-input or el-input-number, wherever the test id landed."""
    return page.locator(f"input[data-testid={testid}], [data-testid={testid}] input").first


def set_number(page, testid: str, value: int) -> None:
    box = field(page, testid)
    box.fill(str(value))
    box.press("Tab")


def local_minutes(page, offset_seconds: int) -> str:
    """A moment as the date picker takes it, in the browser's own time zone."""
    return page.evaluate(
        """(s) => { const d = new Date(Date.now() + s * 1000); const p = (n) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}` }""",
        offset_seconds,
    )


def fill_date(page, testid: str, text: str) -> None:
    field = page.locator(f"[data-testid={testid}] input, input[data-testid={testid}]").first
    field.fill(text)
    field.press("Enter")


def build_rule_paper(page) -> None:
    open_menu(page, "试卷")
    page.get_by_test_id("paper-create-rules").click()
    field(page, "paper-title").fill("村务知识抽题卷")
    choose(page, page.locator(".el-select[data-testid=rule-bank-0]"), "县考试题库")
    choose(page, page.locator(".el-select[data-testid=rule-type-0]"), "单选")
    set_number(page, "rule-count-0", 2)
    set_number(page, "rule-points-0", 5)
    page.get_by_test_id("rule-add").click()
    choose(page, page.locator(".el-select[data-testid=rule-bank-1]"), "县考试题库")
    choose(page, page.locator(".el-select[data-testid=rule-type-1]"), "判断")
    set_number(page, "rule-count-1", 5)
    set_number(page, "rule-points-1", 5)
    # The short row shows before saving, and saving waits until it is fixed.
    expect(page.get_by_test_id("rule-available-1")).to_contain_text("缺 3 题", timeout=WAIT)
    expect(page.get_by_test_id("paper-save")).to_be_disabled()
    shot(page, "paper-rules-short")
    set_number(page, "rule-count-1", 2)
    expect(page.get_by_test_id("rule-available-1")).to_contain_text("可抽 2 题", timeout=WAIT)
    expect(page.get_by_test_id("paper-totals")).to_contain_text("共 4 题")
    expect(page.get_by_test_id("paper-totals")).to_contain_text("总分 20 分")
    page.get_by_test_id("paper-save").click()
    message(page, "试卷已保存")
    shot(page, "paper-rules-saved")


def set_exam(page) -> Exam:
    open_menu(page, "考试")
    page.get_by_test_id("exam-create").click()
    field(page, "exam-title").fill("甲镇村务知识测试")
    choose(
        page, page.locator(".el-select[data-testid=exam-paper]"), "村务知识抽题卷（4 题，20 分）"
    )
    shot(page, "exam-wizard-1")
    page.get_by_test_id("wizard-next").click()
    fill_date(page, "exam-opens", local_minutes(page, -120))
    fill_date(page, "exam-closes", local_minutes(page, 3 * 3600))
    set_number(page, "exam-duration", 10)
    shot(page, "exam-wizard-2")
    page.get_by_test_id("wizard-next").click()
    pick_unit(page, "exam-audience", "甲镇")
    expect(page.get_by_test_id("exam-headcount")).to_contain_text("1 人", timeout=WAIT)
    # Without sub-units only the township's own staff count: the village cadre drops out.
    page.get_by_test_id("exam-subunits").click()
    expect(page.get_by_test_id("exam-headcount")).to_contain_text("0 人", timeout=WAIT)
    shot(page, "exam-wizard-3-own-unit-only")
    page.get_by_test_id("exam-subunits").click()
    expect(page.get_by_test_id("exam-headcount")).to_contain_text("1 人", timeout=WAIT)
    shot(page, "exam-wizard-3")
    page.get_by_test_id("wizard-next").click()
    page.get_by_text("打乱选项顺序").click()  # keep the letters as the bank has them
    shot(page, "exam-wizard-4")
    page.get_by_test_id("wizard-next").click()
    expect(page.get_by_test_id("exam-summary")).to_contain_text("10 分钟")
    expect(page.get_by_test_id("exam-summary")).to_contain_text("甲镇（含下级单位）")
    shot(page, "exam-wizard-5")
    page.get_by_test_id("exam-publish").click()
    message(page, "考试已发布")
    expect(page.get_by_test_id("exam-state")).to_have_text("进行中", timeout=WAIT)
    return Exam.objects.get(title="甲镇村务知识测试")


def answer_three(phone, base_url, exam) -> int:
    """Questions 1, 3 and 4 (a single choice, then both true/false), leaving 2 blank."""
    attempt_id = start_exam(phone, base_url, exam)
    phone.locator('article.qcard[aria-label="第 1 题"]').get_by_test_id("option-B").click()
    wait_saved(phone)
    for number in (3, 4):
        phone.get_by_role("button", name="下一题").click()
        if number == 3:
            phone.get_by_role("button", name="下一题").click()
        card = phone.locator(f'article.qcard[aria-label="第 {number} 题"]')
        card.get_by_test_id("option-true").click()
        wait_saved(phone)
    return attempt_id


def test_a_county_sets_watches_and_corrects_an_exam(
    live_server, browser, desktop, county, tmp_path
):
    tree, admin, cadre, bank = county
    base = live_server.url
    page = desktop
    console_login(page, base, admin.username)
    build_rule_paper(page)
    exam = set_exam(page)
    assert exam.duration_minutes == 10 and list(exam.audience_units.all()) == [tree.town_a]

    phone = new_phone_page(browser)
    log_in(phone, base, cadre.username)
    phone.goto(f"{base}/exams/{exam.pk}")
    expect(phone.get_by_test_id("score-release")).to_contain_text("交卷后立即公布", timeout=WAIT)
    expect(phone.get_by_test_id("answer-release")).to_contain_text("考试结束后公布")
    phone.screenshot(path=str(SHOTS / "phone-exam-releases.png"))
    attempt_id = answer_three(phone, base, exam)

    monitor = page.get_by_test_id("monitor")
    expect(monitor.get_by_test_id(f"person-state-{cadre.username}")).to_have_text(
        "作答中", timeout=WAIT
    )
    expect(monitor.get_by_test_id(f"person-answered-{cadre.username}")).to_have_text(
        "3 / 4", timeout=WAIT
    )
    expect(page.get_by_test_id("fig-audience")).to_have_text("1")
    shot(page, "exam-monitor")

    phone.get_by_role("button", name="交卷", exact=True).click()
    phone.get_by_role("button", name="确认交卷").click()
    phone.wait_for_url(f"**/attempts/{attempt_id}/result", timeout=WAIT)
    first = Attempt.objects.get(pk=attempt_id).score
    assert first == Decimal("15.00")  # one single choice and two true/false right
    expect(phone.get_by_test_id("result-score")).to_have_attribute("data-score", "15.00")

    expect(page.get_by_test_id("fig-handed-in")).to_have_text("1", timeout=WAIT)
    page.get_by_role("tab", name="成绩与分析").click()
    expect(page.get_by_test_id("stat-participants")).to_have_text("1 / 1", timeout=WAIT)
    expect(page.get_by_test_id("stat-mean")).to_have_text("15.00")
    items = page.get_by_test_id("item-table")
    expect(items.locator("tr.el-table__row")).to_have_count(4, timeout=WAIT)
    shot(page, "exam-results")

    single_row = items.locator("tr.el-table__row").filter(has_text="单选").first
    single_row.get_by_role("button", name="退回复审").click()
    page.locator(".el-message-box input").fill("选项表述容易误解")
    page.get_by_role("button", name="退回复审", exact=True).last.click()
    message(page, "已退回复审")
    assert Question.objects.filter(bank=bank, type="single", status="pending").count() == 1

    tf_row = items.locator("tr.el-table__row").filter(has_text="判断").first
    tf_row.get_by_role("button", name="更正答案并重新判分").click()
    page.get_by_test_id("regrade-truth").get_by_text("错误", exact=True).click()
    field(page, "regrade-reason").fill("依据新修订的条例，本题答案应为错误")
    shot(page, "exam-regrade")
    page.get_by_test_id("regrade-confirm").click()
    message(page, "已重新判分")

    changed = Attempt.objects.get(pk=attempt_id).score
    assert changed == Decimal("10.00")
    phone.reload()
    expect(phone.get_by_test_id("result-score")).to_have_attribute(
        "data-score", "10.00", timeout=WAIT
    )
    phone.context.close()

    page.get_by_role("tab", name="主观题评分").click()
    expect(page.get_by_test_id("grading")).to_contain_text("评分进度", timeout=WAIT)
    shot(page, "exam-grading")

    page.get_by_role("tab", name="操作记录").click()
    changes = page.get_by_test_id("score-changes")
    expect(changes).to_contain_text("依据新修订的条例", timeout=WAIT)
    expect(changes).to_contain_text("县组织部")
    expect(changes).to_contain_text("15.00 → 10.00")
    shot(page, "exam-history")
    assert ScoreChange.objects.filter(attempt_id=attempt_id, kind="regrade", actor=admin).exists()

    page.get_by_role("tab", name="成绩与分析").click()
    with page.expect_download() as info:
        page.get_by_test_id("download-results").click()
    path = tmp_path / "results.xlsx"
    info.value.save_as(path)
    sheet = openpyxl.load_workbook(io.BytesIO(path.read_bytes()))["成绩"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[7]) for r in rows] == [(cadre.username, "甲镇干部", 10.0)]
    open_menu(page, "考试")
    expect(page.get_by_test_id("list-table")).to_contain_text("甲镇村务知识测试")
    shot(page, "exam-list")


def test_a_township_admin_picks_only_their_township(live_server, desktop, county):
    tree, _admin, _cadre, bank = county
    make_user(tree.town_a, username="townadmin", real_name="甲镇组织委员", admin_of=[tree.town_a])
    paper = make_paper(tree, {q.type: q for q in Question.objects.filter(bank=bank)})
    paper.org_unit = tree.town_a
    paper.title = "甲镇试卷"
    paper.save()
    page = desktop
    console_login(page, live_server.url, "townadmin")
    open_menu(page, "考试")
    page.get_by_test_id("exam-create").click()
    field(page, "exam-title").fill("甲镇测试")
    page.get_by_test_id("wizard-next").click()  # no paper yet: the step says so and stays
    message(page, "请选择试卷")
    choose(page, page.locator(".el-select[data-testid=exam-paper]"), "甲镇试卷（2 题，4 分）")
    page.get_by_test_id("wizard-next").click()
    page.get_by_test_id("wizard-next").click()
    select = page.locator(".el-select[data-testid=exam-audience]")
    select.click()
    options = page.locator(".el-tree-select__popper:visible .el-tree-node__content")
    expect(options.first).to_be_visible(timeout=WAIT)
    names = options.all_inner_texts()
    assert any("甲镇" in n for n in names) and not any("乙镇" in n or "测试县" in n for n in names)
    shot(page, "exam-audience-township")

    # The county's exam their people take: listed, and open to read for their people only.
    county_exam = make_exam(tree, paper, title="全县村务知识考试", audience_units=[tree.county])
    open_menu(page, "考试")
    page.get_by_test_id(f"exam-{county_exam.pk}").click()
    expect(page.get_by_test_id("exam-followed")).to_contain_text("测试县主办", timeout=WAIT)
    expect(page.get_by_test_id("exam-cancel")).to_have_count(0)
    expect(page.get_by_test_id("monitor")).to_contain_text("甲镇")
    shot(page, "exam-followed")


def test_extra_time_moves_the_deadline_on_the_server_and_the_phone(
    live_server, browser, desktop, county
):
    tree, admin, cadre, bank = county
    questions = {q.type: q for q in Question.objects.filter(bank=bank)}
    paper = make_paper(tree, questions, kinds=["single", "true_false"])
    for item in paper.items.all():
        item.points = Decimal("5")
        item.save()
    exam = make_exam(
        tree, paper, title="延时测试", duration_minutes=10, audience_units=[tree.town_a]
    )
    phone = new_phone_page(browser)
    log_in(phone, live_server.url, cadre.username)
    attempt_id = start_exam(phone, live_server.url, exam)
    before = Attempt.objects.get(pk=attempt_id).deadline
    expect(phone.get_by_test_id("countdown")).to_contain_text(re.compile(r"0?9:\d\d"), timeout=WAIT)

    page = desktop
    console_login(page, live_server.url, admin.username)
    page.goto(f"{live_server.url}/console/exams/{exam.pk}")
    page.get_by_test_id(f"extra-time-{cadre.username}").click(timeout=WAIT)
    set_number(page, "extra-minutes", 15)
    field(page, "extra-reason").fill("手机没电，换机重新登录")
    shot(page, "exam-extra-time")
    page.get_by_test_id("extra-confirm").click()
    message(page, "延时 15 分钟")

    after = Attempt.objects.get(pk=attempt_id).deadline
    assert after - before == timedelta(minutes=15)
    log = ExamLog.objects.get(exam=exam, kind="extra_time")
    assert log.user == cadre and log.reason == "手机没电，换机重新登录"
    # The next save's reply carries the moved deadline: the countdown follows without a reload.
    phone.locator('article.qcard[aria-label="第 1 题"]').get_by_test_id("option-B").click()
    wait_saved(phone)
    longer = re.compile(r"2[34]:\d\d")
    expect(phone.get_by_test_id("countdown")).to_contain_text(longer, timeout=WAIT)
    phone.reload()
    expect(phone.get_by_test_id("countdown")).to_contain_text(longer, timeout=WAIT)
    assert timezone.now() < after
    phone.context.close()


def hide_and_show(phone) -> None:
    """The cadre switches to another app and back (the page's visibilitychange)."""
    for state in ("hidden", "visible"):
        phone.evaluate(
            """(state) => { Object.defineProperty(document, 'visibilityState',
            { configurable: true, get: () => state });
            document.dispatchEvent(new Event('visibilitychange')) }""",
            state,
        )


def test_extra_time_before_start_and_an_idle_phone_follows_the_deadline(
    live_server, browser, desktop, county
):
    """A grant for a cadre who has not started is made in the console and counts from their
    start; later changes (more time, closing early) reach the phone left idle, with no save."""
    tree, admin, cadre, bank = county
    questions = {q.type: q for q in Question.objects.filter(bank=bank)}
    paper = make_paper(tree, questions, kinds=["single", "true_false"])
    exam = make_exam(
        tree, paper, title="未开考延时", duration_minutes=10, audience_units=[tree.town_a]
    )
    page = desktop
    console_login(page, live_server.url, admin.username)
    page.goto(f"{live_server.url}/console/exams/{exam.pk}")
    expect(page.get_by_test_id(f"person-state-{cadre.username}")).to_have_text(
        "未开始", timeout=WAIT
    )
    page.get_by_test_id(f"extra-time-{cadre.username}").click()
    expect(page.get_by_test_id("extra-not-started")).to_contain_text("开始作答时")
    set_number(page, "extra-minutes", 15)
    field(page, "extra-reason").fill("视力不便，需要更长时间")
    page.get_by_test_id("extra-confirm").click()
    message(page, "延时 15 分钟")
    expect(page.get_by_test_id(f"person-extra-{cadre.username}")).to_have_text("+15分")
    shot(page, "exam-extra-time-not-started")
    assert "开始作答时生效" in ExamLog.objects.get(exam=exam, kind="extra_time").detail

    phone = new_phone_page(browser)
    log_in(phone, live_server.url, cadre.username)
    phone.goto(f"{live_server.url}/exams/{exam.pk}")
    expect(phone.get_by_test_id("exam-duration")).to_contain_text(
        "另为您延时 15 分钟", timeout=WAIT
    )
    attempt_id = start_exam(phone, live_server.url, exam)
    countdown = phone.get_by_test_id("countdown")
    expect(countdown).to_contain_text(re.compile(r"2[45]:\d\d"), timeout=WAIT)

    # More time while the phone sits idle: shown again, it learns the new deadline.
    lifecycle.extra_time(exam, admin, user=cadre, minutes=20, reason="手机故障")
    hide_and_show(phone)
    expect(countdown).to_contain_text(re.compile(r"4[45]:\d\d"), timeout=WAIT)
    assert not Answer.objects.filter(attempt_id=attempt_id).exists()

    # Closed early: the idle phone ends the attempt properly and shows the result.
    lifecycle.close_early(Exam.objects.get(pk=exam.pk), admin, reason="考场停电")
    hide_and_show(phone)
    expect(phone.locator(".van-dialog")).to_contain_text("答题已结束", timeout=WAIT)
    phone.get_by_role("button", name="查看成绩").click()
    phone.wait_for_url(re.compile(rf"/attempts/{attempt_id}/result$"), timeout=WAIT)
    assert Attempt.objects.get(pk=attempt_id).status == "submitted"
    phone.context.close()


def test_a_fixed_paper_is_built_from_the_bank_and_locked_once_sat(live_server, desktop, county):
    tree, admin, cadre, bank = county
    page = desktop
    console_login(page, live_server.url, admin.username)
    open_menu(page, "试卷")
    page.get_by_test_id("paper-create-fixed").click()
    field(page, "paper-title").fill("村务知识固定卷")
    for question in Question.objects.filter(bank=bank).order_by("id"):
        page.get_by_test_id(f"fixed-add-{question.pk}").click()
    expect(page.get_by_test_id("paper-totals")).to_contain_text("共 4 题")
    # Points per type: every true/false question at 3.
    section = page.get_by_test_id("section-true_false")
    section.locator(".per-type input").fill("3")
    section.get_by_role("button", name="应用到本题型").click()
    expect(page.get_by_test_id("paper-totals")).to_contain_text("总分 10 分")
    # Drag the second single choice above the first.
    singles = Question.objects.filter(bank=bank, type="single").order_by("id")
    page.get_by_test_id(f"item-{singles[1].pk}").drag_to(
        page.get_by_test_id(f"item-{singles[0].pk}")
    )
    shot(page, "paper-fixed")
    page.get_by_test_id("paper-save").click()
    message(page, "试卷已保存")
    from apps.exams.models import Paper

    paper = Paper.objects.get(title="村务知识固定卷")
    items = list(paper.items.order_by("position"))
    assert [i.question_id for i in items[:2]] == [singles[1].pk, singles[0].pk]
    assert [i.section for i in items] == ["一、单选题"] * 2 + ["二、判断题"] * 2
    assert [float(i.points) for i in items] == [2, 2, 3, 3]

    exam = make_exam(tree, paper, audience_units=[tree.town_a])
    Attempt.objects.create(
        exam=exam, user=cadre, started_at=timezone.now(), deadline=timezone.now(), layout=[]
    )
    page.reload()
    expect(page.get_by_test_id("paper-read-only")).to_be_visible(timeout=WAIT)
    expect(page.get_by_test_id("paper-save")).to_have_count(0)
    page.get_by_test_id("paper-copy").click()
    message(page, "已复制为")
    expect(page.get_by_test_id("paper-save")).to_be_visible(timeout=WAIT)
    assert Paper.objects.filter(title="村务知识固定卷（副本）").exists()
    open_menu(page, "试卷")
    expect(page.get_by_test_id("list-table")).to_contain_text("使用中（只读）")
    shot(page, "paper-list")
