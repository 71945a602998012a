"""The question-bank side of the console, as a county's organization department uses it with
only the browser: create a bank, upload a material for the whole county, generate drafts,
approve five (one after editing) and reject one with a reason; import a question sheet
through the preview, then import it again and see every row skipped; map another system's
columns; edit a published question into a new version. Then a township cadre, on a phone,
reads the material and its 练一练."""

import re

import pytest
from playwright.sync_api import expect

from apps.questions.models import Bank, Material, Question, QuestionReview
from tests.browser.builders import log_in, new_phone_page
from tests.browser.console.conftest import WAIT, console_login, message, open_menu, shot, xlsx_file
from tests.factories import make_tree, make_user
from tests.sample_material import VILLAGE_AFFAIRS_TEXT, VILLAGE_AFFAIRS_TITLE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEMPLATE = ["题型", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "解析", "难度"]
SHEET = [
    [
        "单选",
        "村级财务收支情况多久公开一次？",
        "每月",
        "每季度",
        "每半年",
        "每年",
        "B",
        "第四条",
        2,
    ],
    ["判断", "村务公开由村务监督委员会负责实施。", "", "", "", "", "错误", "第六条", 2],
    ["单选", "公开档案保管期限不少于几年？", "3年", "5年", "10年", "15年", "C", "第十一条", 3],
]
FOREIGN = ["题目", "类型", "选项", "正确答案"]
FOREIGN_ROWS = [
    ["意见箱多久开启一次？", "单选题", "A. 每周 B. 每月 C. 每季度", "B"],
    ["村民会议每年至少召开一次。", "判断题", "", "对"],
]


@pytest.fixture
def county(db):
    tree = make_tree()
    admin = make_user(
        tree.department, username="orgadmin", real_name="县组织部", admin_of=[tree.county]
    )
    cadre = make_user(tree.town_a, username="town01", real_name="甲镇干部")
    return tree, admin, cadre


def create_bank(page):
    open_menu(page, "题库", "题库管理")
    page.get_by_test_id("bank-create").click()
    form = page.get_by_test_id("bank-form")
    form.locator("input[name=name]").fill("县应知应会题库")
    expect(form.locator(".el-select[data-testid=bank-unit]")).to_contain_text("测试县")
    shot(page, "bank-form")
    form.get_by_test_id("bank-save").click()
    message(page, "题库已保存")
    expect(page.get_by_test_id("list-table")).to_contain_text("县应知应会题库")
    shot(page, "bank-list")


def upload_material(page, county_unit) -> Material:
    open_menu(page, "学习材料")
    page.get_by_test_id("material-upload").click()
    dialog = page.get_by_test_id("upload-dialog")
    dialog.get_by_text("粘贴文本").click()
    dialog.locator("input[name=title]").fill(VILLAGE_AFFAIRS_TITLE)
    dialog.locator("textarea[name=text]").fill(VILLAGE_AFFAIRS_TEXT)
    # The default audience is the whole county, not the admin's own department.
    expect(dialog.locator(".el-select[data-testid=material-audience]")).to_contain_text("测试县")
    shot(page, "material-upload")
    dialog.get_by_test_id("material-save").click()
    expect(page.get_by_test_id("material-audience-shown")).to_have_text("测试县", timeout=WAIT)
    passages = page.get_by_test_id("passages")
    expect(passages).to_contain_text("条文")
    expect(passages).to_contain_text("标题")
    shot(page, "material-detail")
    material = Material.objects.get()
    assert material.org_unit == county_unit
    return material


def reingest_and_upload_again(page, material):
    """Re-ingesting keeps every passage; the same text uploaded again is pointed out."""
    page.get_by_test_id("material-reingest").click()
    page.locator(".el-message-box").get_by_role("button", name="重新处理").click()
    expect(page.get_by_test_id("reingest-report")).to_contain_text("保留原编号", timeout=WAIT)
    shot(page, "material-reingested")
    open_menu(page, "学习材料")
    page.get_by_test_id("material-upload").click()
    dialog = page.get_by_test_id("upload-dialog")
    dialog.get_by_text("粘贴文本").click()
    dialog.locator("input[name=title]").fill("村务公开办法（重复上传）")
    dialog.locator("textarea[name=text]").fill(VILLAGE_AFFAIRS_TEXT)
    dialog.get_by_test_id("material-save").click()
    box = page.locator(".el-message-box")
    expect(box).to_contain_text(f"《{VILLAGE_AFFAIRS_TITLE}》", timeout=WAIT)
    shot(page, "material-duplicate-warning")
    box.get_by_role("button", name="知道了").click()
    expect(page.get_by_test_id("material-duplicate")).to_be_visible(timeout=WAIT)
    open_menu(page, "学习材料")
    expect(page.get_by_test_id("list-table")).to_contain_text("正文重复", timeout=WAIT)
    shot(page, "material-list")
    page.get_by_test_id(f"material-{material.pk}").click()
    expect(page.get_by_test_id("passages")).to_contain_text("条文", timeout=WAIT)


def confirm_a_knowledge_point(page):
    page.get_by_role("tab", name="知识点").click()
    page.get_by_test_id("kp-suggest").click()
    message(page, "已提取建议知识点")
    first = page.get_by_test_id("kp-table").locator("tbody tr").first
    first.get_by_role("button", name="确认").click()
    message(page, "已确认")
    shot(page, "material-knowledge-points")
    page.get_by_role("tab", name="正文与段落").click()


def generate_drafts(page):
    page.get_by_test_id("generate-open").click()
    dialog = page.get_by_test_id("generate-dialog")
    for kind, count in (
        ("single", "3"),
        ("true_false", "3"),
        ("fill_in", "3"),
        ("short_answer", "3"),
    ):
        box = dialog.locator(f"[data-testid=count-{kind}] input")
        box.fill(count)
        box.press("Tab")
    # The village's own rules: the broad range asks its figures too, naming the document.
    dialog.get_by_test_id("generate-mode-broad").click()
    expect(dialog).to_contain_text("须逐题审核")
    shot(page, "generate-dialog")
    dialog.get_by_test_id("generate-start").click()
    expect(dialog.get_by_test_id("generate-progress")).to_contain_text(
        "已生成 6 道待审草稿题", timeout=WAIT
    )
    shot(page, "generate-done")
    dialog.get_by_test_id("generate-review").click()


def review_drafts(page):
    workspace = page.get_by_test_id("review-workspace")
    progress = workspace.get_by_test_id("review-progress")
    expect(progress).to_have_text("已审 0/6", timeout=WAIT)
    expect(workspace.get_by_test_id("review-quote")).not_to_be_empty()
    expect(workspace.get_by_test_id("review-shortcuts")).to_contain_text("通过")
    shot(page, "review-workspace")

    # 1: approved with the keyboard.
    page.locator("body").press("a")
    expect(progress).to_have_text("已审 1/6", timeout=WAIT)

    # 2: edited in place, then approved. Typing "a" in the stem must not approve it.
    stem = workspace.get_by_test_id("review-draft").locator("[data-testid=q-stem]")
    stem.press("End")
    stem.type("（请作答）a")
    expect(workspace.get_by_test_id("review-edited")).to_be_visible()
    expect(progress).to_have_text("已审 1/6")
    shot(page, "review-edited")
    workspace.get_by_test_id("review-approve").click()
    expect(progress).to_have_text("已审 2/6", timeout=WAIT)

    # 3: rejected with a reason from the list, through the keyboard's R.
    page.locator("body").press("r")
    dialog = page.get_by_test_id("reject-dialog")
    dialog.get_by_test_id("reason-weak_distractors").click()
    shot(page, "review-reject")
    dialog.get_by_test_id("reject-confirm").click()
    expect(progress).to_have_text("已审 3/6", timeout=WAIT)

    # 4–6: selected together and approved at once.
    workspace.get_by_test_id("select-all").click()
    workspace.get_by_test_id("approve-selected").click()
    message(page, "已通过 3 道")
    expect(progress).to_have_text("已审 6/6", timeout=WAIT)
    shot(page, "review-done")

    generated = Question.objects.exclude(generation_batch=None)
    assert generated.filter(status="published", is_current=True).count() == 5
    rejected = generated.get(status="draft")
    assert QuestionReview.objects.get(question=rejected, action="reject").reason == (
        "weak_distractors"
    )
    edited = QuestionReview.objects.get(action="edit_approve").question
    assert edited.stem.endswith("（请作答）a")


def import_twice(page, tmp_path):
    open_menu(page, "题库", "试题导入")
    upload = page.get_by_test_id("qimport-upload")
    upload.wait_for(timeout=WAIT)
    path = xlsx_file(tmp_path, "questions.xlsx", TEMPLATE, SHEET)
    upload.locator("[data-testid=qimport-file] input[type=file]").set_input_files(path)
    shot(page, "question-import-upload")
    page.get_by_test_id("qimport-check").click()
    expect(page.get_by_test_id("qpreview-create")).to_contain_text("3", timeout=WAIT)
    shot(page, "question-import-preview")
    page.get_by_test_id("qimport-confirm").click()
    expect(page.get_by_test_id("qimport-result")).to_contain_text("新增 3 道试题", timeout=WAIT)
    shot(page, "question-import-result")
    bank = Bank.objects.get()
    imported = Question.objects.filter(bank=bank, generation_batch=None)
    assert imported.count() == 3

    # The same file again: every row is a duplicate, nothing to import.
    page.get_by_test_id("qimport-more").click()
    page.locator("[data-testid=qimport-file] input[type=file]").set_input_files(path)
    page.get_by_test_id("qimport-check").click()
    expect(page.get_by_test_id("qpreview-skipped")).to_contain_text("3", timeout=WAIT)
    expect(page.get_by_test_id("qpreview-verdict")).to_contain_text("不会重复导入")
    expect(page.get_by_test_id("qimport-confirm")).to_be_disabled()
    page.get_by_test_id("qpreview-skipped-rows").click()
    expect(page.get_by_test_id("qpreview-skipped-rows")).to_contain_text("第 2 行")
    shot(page, "question-import-duplicates")
    assert imported.count() == 3

    # Another system's sheet: its columns are mapped onto ours in the preview.
    page.get_by_test_id("qimport-again").click()
    foreign = xlsx_file(tmp_path, "other-system.xlsx", FOREIGN, FOREIGN_ROWS)
    page.locator("[data-testid=qimport-file] input[type=file]").set_input_files(foreign)
    page.get_by_test_id("qimport-check").click()
    mapping = page.get_by_test_id("qimport-mapping")
    expect(mapping.locator(".el-select[data-testid=map-题目]")).to_contain_text(
        "题干", timeout=WAIT
    )
    shot(page, "question-import-mapping")
    mapping.get_by_test_id("qimport-map-check").click()
    expect(page.get_by_test_id("qpreview-create")).to_contain_text("2", timeout=WAIT)
    assert imported.count() == 3  # still a dry run


def edit_into_a_new_version(page):
    open_menu(page, "题库", "试题")
    table = page.get_by_test_id("list-table")
    expect(table.locator("tbody tr").first).to_be_visible(timeout=WAIT)
    shot(page, "question-list")
    # Sorting by a column is kept in the URL, so a sorted list can be shared
    table.locator("th", has_text="难度").click()
    expect(page).to_have_url(re.compile(r"ordering=difficulty"), timeout=WAIT)
    published = Question.objects.filter(status="published", is_current=True).order_by("id").first()
    page.goto(f"{page.url.split('/console/')[0]}/console/banks?status=published")
    table.get_by_test_id(f"question-{published.pk}").click()
    editor = page.get_by_test_id("question-editor")
    expect(editor.get_by_test_id("phone-preview")).to_contain_text("答案", timeout=WAIT)
    explanation = editor.locator("[data-testid=q-explanation]")
    explanation.fill("依据办法的相关条文，**重点**掌握。")
    expect(editor.get_by_test_id("phone-preview").locator("strong")).to_have_text(
        "重点", timeout=WAIT
    )
    editor.get_by_test_id("q-save").click()
    expect(editor.get_by_test_id("version-note")).to_contain_text("第 2 版", timeout=WAIT)
    expect(editor.get_by_test_id("versions")).to_contain_text("第 2 版")
    shot(page, "question-editor-new-version")
    assert Question.objects.filter(lineage=published.lineage).count() == 2


def dashboard_links(page):
    open_menu(page, "工作台")
    page.get_by_test_id("count-questions_draft").click()
    expect(page).to_have_url(re.compile(r"/console/generation\?(.*&)?status=draft"))
    expect(page.get_by_test_id("list-total")).not_to_have_text("共 0 条", timeout=WAIT)
    shot(page, "generation-queue-drafts")
    open_menu(page, "工作台")
    page.get_by_test_id("count-questions_pending").click()
    expect(page).to_have_url(re.compile(r"/console/banks\?(.*&)?status=pending"))
    expect(page.locator(".el-select[data-testid=filter-status]")).to_contain_text("待审")


def test_org_admin_builds_the_bank_in_the_console(live_server, desktop, county, tmp_path, browser):
    tree, _, _ = county
    console_login(desktop, live_server.url, "orgadmin")
    create_bank(desktop)
    material = upload_material(desktop, tree.county)
    reingest_and_upload_again(desktop, material)
    confirm_a_knowledge_point(desktop)
    generate_drafts(desktop)
    review_drafts(desktop)
    open_menu(desktop, "出题与审核", "规则统计")
    expect(desktop.get_by_test_id("rule-stats")).to_contain_text("single", timeout=WAIT)
    shot(desktop, "generator-stats")
    open_menu(desktop, "出题与审核", "生成批次")
    expect(desktop.get_by_test_id("list-table")).to_contain_text("已审 6/6", timeout=WAIT)
    shot(desktop, "generation-batches")
    import_twice(desktop, tmp_path)
    edit_into_a_new_version(desktop)
    dashboard_links(desktop)

    # A township cadre, on a phone, reads the county's material and practises from it.
    phone = new_phone_page(browser)
    try:
        log_in(phone, live_server.url, "town01", landing="/study/materials")
        phone.get_by_test_id(f"material-{material.pk}").click()
        practice = phone.locator("[data-testid^=practice-passage-]").first
        expect(practice).to_be_visible(timeout=WAIT)
        practice.click()
        expect(phone.locator("[data-testid^=passage-practice-]").first).to_be_visible()
        shot(phone, "phone-material-practice")
    finally:
        phone.context.close()
