"""案例征集 and 考核档案 in the console, end to end. The county admin uses only the console:
a call with a three-criterion rubric and two reviewers per case; a cadre's case scored far
apart goes to arbitration and is decided; a period with the exam, the call and an indicator;
the indicator sheet with a bad row, fixed and re-imported; publish refused while the exam is
open (naming it), then published with a written reason shown under 公示; a cadre objects on
the phone; a township admin cannot decide, the county admin does; lock, then export.

The cadre and the reviewers work on their phones (390×844); the admin only in the console."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.cases.models import Case, CaseCall, ReviewAssignment
from apps.records.models import Objection, Period
from tests.backend.records.conftest import make_exam
from tests.browser.builders import log_in, new_phone_page
from tests.browser.console.conftest import (
    WAIT,
    console_login,
    message,
    open_menu,
    pick_unit,
    shot,
    xlsx_file,
)
from tests.factories import make_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CALL = "乡村治理典型案例征集"
PERIOD = "2026年度综合考核"
OVERRIDE = "县委要求月底前公示，理论考试成绩待考试结束后补算"
CASE_BODY = (
    "## 基本情况\n\n村东小水渠年久失修，下游二十户的秧田灌不上水，两个组为放水先后起了争执。\n\n"
    "## 做法\n\n驻村干部召集两组户主开议事会，公开维修预算，约定按受益亩数分摊，三天修通水渠。"
)
CRITERIA = [("事实真实", "30"), ("做法可鉴", "40"), ("成效明显", "30")]


@pytest.fixture
def world(db):
    tree = make_tree()
    county = make_user(
        tree.department, username="countyorg", real_name="县组织部", admin_of=[tree.county]
    )
    town = make_user(
        tree.town_a, username="townorg", real_name="甲镇组织委员", admin_of=[tree.town_a]
    )
    cadre = make_user(tree.village_a1, username="cadre81", real_name="林晓红")
    first = make_user(
        tree.department, username="rev81", real_name="评审周", is_cadre=False, is_reviewer=True
    )
    second = make_user(
        tree.village_b1, username="rev82", real_name="评审吴", is_cadre=False, is_reviewer=True
    )
    third = make_user(
        tree.department, username="rev83", real_name="评审郑", is_cadre=False, is_reviewer=True
    )
    exam = make_exam(tree.county, "年度政策理论考试")
    exam.closes_at = timezone.now() + timedelta(hours=3)  # still open for three hours
    exam.save()
    return {
        "tree": tree,
        "county": county,
        "town": town,
        "cadre": cadre,
        "exam": exam,
        "reviewers": [first, second, third],
    }


def box(page, testid: str):
    """The text box of an Element Plus field: el-input puts the test id on its <input> or
    <textarea>, el-input-number on its wrapper."""
    return page.locator(
        f"input[data-testid='{testid}'], textarea[data-testid='{testid}'], "
        f"[data-testid='{testid}'] input"
    ).first


def create_call(page):
    open_menu(page, "案例征集", "征集管理")
    page.get_by_test_id("call-create").click()
    box(page, "call-title").fill(CALL)
    box(page, "call-theme").fill("乡村治理")
    pick_unit(page, "call-audience", "测试县")
    page.get_by_test_id("criterion-add").click()
    page.get_by_test_id("criterion-add").click()
    for index, (name, points) in enumerate(CRITERIA):
        box(page, f"criterion-name-{index}").fill(name)
        number = box(page, f"criterion-max-{index}")
        number.fill(points)
        number.press("Tab")
    page.get_by_test_id("band-add-0").click()
    band = page.get_by_test_id("band-0-0")
    band.get_by_placeholder("档名").fill("优秀")
    band.get_by_placeholder("分", exact=True).fill("25")
    band.get_by_placeholder("这一档的描述").fill("事实经得起核实，有数据、有人物")
    expect(page.get_by_test_id("rubric-total")).to_have_text("100")
    shot(page, "cases-call-form")
    page.get_by_test_id("call-save").click()
    page.get_by_test_id("call-header").wait_for(timeout=WAIT)
    shot(page, "cases-call-detail")


def submit_on_the_phone(browser, base_url, world) -> Case:
    call = CaseCall.objects.get(title=CALL)
    assert call.reviewers_per_case == 2 and call.rubric.criteria.count() == 3
    phone = new_phone_page(browser)
    log_in(phone, base_url, "cadre81", landing="/cases")
    phone.get_by_test_id(f"write-case-{call.pk}").click()
    phone.wait_for_url(re.compile(r"/cases/write/\d+$"), timeout=WAIT)
    phone.get_by_test_id("case-title").fill("小水渠议事会")
    phone.get_by_test_id("case-body").fill(CASE_BODY)
    expect(phone.get_by_test_id("case-save-state")).to_contain_text("已保存", timeout=WAIT)
    phone.get_by_test_id("case-submit").click()
    phone.get_by_role("button", name="确认提交").click()
    expect(phone.get_by_text("案例已提交")).to_be_visible(timeout=WAIT)
    phone.context.close()
    case = Case.objects.get(call=call, author=world["cadre"])
    assert case.status == Case.Status.UNDER_REVIEW
    return case


def review_on_the_phone(browser, base_url, assignment, values):
    phone = new_phone_page(browser)
    log_in(phone, base_url, assignment.reviewer.username, landing="/reviews")
    phone.get_by_test_id(f"review-{assignment.pk}").click()
    phone.wait_for_url(f"**/reviews/{assignment.pk}", timeout=WAIT)
    for criterion, value in zip(assignment.rubric.criteria.all(), values, strict=True):
        stepper = phone.get_by_test_id(f"criterion-{criterion.pk}").locator(".van-stepper__input")
        stepper.fill(str(value))
        stepper.blur()
    expect(phone.get_by_test_id("review-total")).to_contain_text(f"合计 {sum(values)} 分")
    phone.get_by_test_id("review-overall").fill("见各项评语。")
    phone.get_by_test_id("review-submit").click()
    phone.get_by_role("button", name="确定").click()
    expect(phone.get_by_text("评审已提交")).to_be_visible(timeout=WAIT)
    phone.context.close()


def submit_and_review_far_apart(browser, base_url, world):
    case = submit_on_the_phone(browser, base_url, world)
    assignments = list(case.assignments.filter(status__in=ReviewAssignment.OPEN).order_by("id"))
    assert len(assignments) == 2
    for assignment, values in zip(assignments, ([28, 36, 28], [10, 15, 10]), strict=True):
        review_on_the_phone(browser, base_url, assignment, values)
    case.refresh_from_db()
    assert case.status == Case.Status.ARBITRATION  # 92 against 35: far apart
    return case


def decide_arbitration(page, case):
    open_menu(page, "案例征集", "仲裁队列")
    page.get_by_test_id(f"queue-open-{case.pk}").click()
    drawer = page.get_by_test_id("case-drawer")
    expect(drawer).to_contain_text("仲裁中", timeout=WAIT)
    expect(drawer).to_contain_text("评审周")
    shot(page, "cases-arbitration")
    page.get_by_test_id("case-arbitrate").click()
    score = box(page, "arbitrate-score")
    score.fill("70")
    score.press("Tab")
    box(page, "arbitrate-reason").fill("评审组合议：做法可鉴，成效数据略少")
    page.get_by_test_id("arbitrate-confirm").click()
    message(page, "已裁定")
    expect(drawer).to_contain_text("已完成评审", timeout=WAIT)
    page.keyboard.press("Escape")
    case.refresh_from_db()
    assert case.final_score == Decimal("70.00")


def create_period(page):
    open_menu(page, "考核档案", "考核周期")
    page.get_by_test_id("period-create").click()
    box(page, "period-name").fill(PERIOD)
    page.get_by_test_id("period-exams").click()
    page.locator(".el-select-dropdown__item:visible").filter(has_text="年度政策理论考试").click()
    page.keyboard.press("Escape")
    page.get_by_test_id("period-calls").click()
    page.locator(".el-select-dropdown__item:visible").filter(has_text=CALL).click()
    page.keyboard.press("Escape")
    for kind, name, weight in (
        ("exam", "理论考试", "50"),
        ("case", "案例评审", "30"),
        ("indicator", "入户走访率", "20"),
    ):
        page.get_by_test_id("scheme-add").click()
        page.get_by_test_id(f"scheme-add-{kind}").click()
        index = {"exam": 0, "case": 1, "indicator": 2}[kind]
        box(page, f"part-name-{index}").fill(name)
        number = box(page, f"part-weight-{index}")
        number.fill(weight)
        number.press("Tab")
    expect(page.get_by_test_id("weight-total")).to_have_text("100%")
    shot(page, "records-period-form")
    page.get_by_test_id("period-save").click()
    page.get_by_test_id("period-header").wait_for(timeout=WAIT)


def import_indicators(page, tmp_path, world):
    page.get_by_test_id("period-tabs").get_by_text("指标导入").click()
    header = ["工号", "姓名", "单位", "入户走访率"]
    bad = xlsx_file(
        tmp_path, "bad.xlsx", header, [["cadre81", "林晓红", "", "150"], ["townorg", "", "", "80"]]
    )
    page.locator("[data-testid=indicator-file] input[type=file]").set_input_files(bad)
    page.get_by_test_id("indicator-check").click()
    errors = page.get_by_test_id("indicator-row-errors")
    expect(errors).to_contain_text("第 2 行", timeout=WAIT)
    expect(errors).to_contain_text("超出范围")
    shot(page, "records-import-errors")
    good = xlsx_file(
        tmp_path, "good.xlsx", header, [["cadre81", "林晓红", "", "95"], ["townorg", "", "", "80"]]
    )
    page.locator("[data-testid=indicator-file] input[type=file]").set_input_files(good)
    page.get_by_test_id("indicator-check").click()
    expect(page.get_by_test_id("indicator-verdict")).to_contain_text("检查通过", timeout=WAIT)
    page.get_by_test_id("indicator-confirm").click()
    expect(page.get_by_test_id("indicator-verdict")).to_contain_text("已导入", timeout=WAIT)


def publish_refused_then_overridden(page):
    page.get_by_test_id("period-tabs").get_by_text("发布前检查").click()
    page.get_by_test_id("period-compute").click()
    message(page, "预览")
    reasons = page.get_by_test_id("readiness-reasons")
    expect(reasons).to_contain_text("年度政策理论考试", timeout=WAIT)
    page.get_by_test_id("period-publish").click()
    dialog = page.get_by_test_id("publish-dialog")
    expect(dialog).to_contain_text("尚未结束", timeout=WAIT)
    page.get_by_test_id("publish-confirm").click()
    expect(page.get_by_test_id("publish-error")).to_contain_text("发布被拒绝", timeout=WAIT)
    expect(dialog).to_contain_text("年度政策理论考试")
    shot(page, "records-publish-refused")
    box(page, "publish-override").fill(OVERRIDE)
    page.get_by_test_id("publish-confirm").click()
    message(page, "已发布公示")
    expect(page.get_by_test_id("period-status")).to_have_text("公示中", timeout=WAIT)
    expect(page.get_by_test_id("period-override")).to_contain_text(OVERRIDE)
    expect(page.get_by_test_id("publicity-footnote")).to_contain_text(OVERRIDE, timeout=WAIT)
    expect(page.get_by_test_id("unit-tables")).to_contain_text("待定")
    shot(page, "records-publicity")


def cadre_objects(browser, base_url):
    phone = new_phone_page(browser)
    log_in(phone, base_url, "cadre81", landing="/me/record")
    expect(phone.get_by_test_id("record-total")).to_contain_text("待定", timeout=WAIT)
    expect(phone.get_by_test_id("record-footnote")).to_contain_text(OVERRIDE)
    expect(phone.get_by_test_id("component-理论考试")).to_be_visible()
    expect(phone.get_by_text("exam：")).to_have_count(0)
    phone.get_by_test_id("object-open").click()
    phone.get_by_test_id("objection-reason").fill("本人的入户走访率应为百分之九十八，请核实台账。")
    phone.get_by_role("button", name="提交异议").click()
    expect(phone.get_by_test_id("objection")).to_have_count(1, timeout=WAIT)
    phone.screenshot(path=str(_artifacts() / "records-phone-objection.png"), full_page=True)
    phone.context.close()


def _artifacts():
    from tests.browser.console.conftest import SHOTS

    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS


def township_cannot_decide(browser, base_url, objection):
    from tests.browser.console.conftest import new_desktop_page

    page = new_desktop_page(browser)
    console_login(page, base_url, "townorg")
    open_menu(page, "考核档案", "异议处理")
    expect(page.get_by_test_id(f"objection-not-owner-{objection.pk}")).to_be_visible(timeout=WAIT)
    expect(page.get_by_test_id(f"objection-decide-{objection.pk}")).to_have_count(0)
    shot(page, "records-objection-township")
    # The county's period itself: the township reads its part, with no action to take.
    page.goto(f"{base_url}/console/periods/{objection.record.period_id}")
    expect(page.get_by_test_id("period-not-owner")).to_be_visible(timeout=WAIT)
    expect(page.get_by_test_id("period-lock")).to_have_count(0)
    page.context.close()


def county_decides(page, objection):
    open_menu(page, "考核档案", "异议处理")
    page.get_by_test_id(f"objection-decide-{objection.pk}").click()
    box(page, "objection-reply").fill("经核实入户台账，入户走访率为95%，维持原分。")
    page.get_by_test_id("objection-submit").click()
    message(page, "已答复")
    objection.refresh_from_db()
    assert objection.status == Objection.Status.REJECTED


def test_a_county_runs_a_case_call_and_an_assessment_period_in_the_console(
    live_server, browser, desktop, tmp_path, world
):
    page = desktop
    console_login(page, live_server.url, "countyorg")

    create_call(page)
    case = submit_and_review_far_apart(browser, live_server.url, world)
    decide_arbitration(page, case)

    create_period(page)
    import_indicators(page, tmp_path, world)
    publish_refused_then_overridden(page)
    period = Period.objects.get(name=PERIOD)
    assert period.override_reason == OVERRIDE

    cadre_objects(browser, live_server.url)
    objection = Objection.objects.get(record__period=period)
    township_cannot_decide(browser, live_server.url, objection)
    county_decides(page, objection)

    # The 公示 window ends; then the county locks the period and exports it.
    Period.objects.filter(pk=period.pk).update(
        publicity_ends_at=timezone.now() - timedelta(minutes=1)
    )
    page.goto(f"{live_server.url}/console/periods/{period.pk}")
    page.get_by_test_id("period-lock").click()
    page.locator(".el-message-box").get_by_role("button", name="锁定").click()
    expect(page.get_by_test_id("period-status")).to_have_text("已锁定", timeout=WAIT)
    page.get_by_test_id("period-tabs").get_by_text("公示表").click()
    with page.expect_download() as download:
        page.get_by_test_id("records-export").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    shot(page, "records-locked")
    period.refresh_from_db()
    assert period.status == Period.Status.LOCKED
