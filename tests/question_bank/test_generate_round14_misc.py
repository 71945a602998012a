"""Round 14: page markers of any style, and smaller generator fixes (self-written text)."""

import pytest

from question_bank.pages import join_marked_pages, marked_page_run

STYLES = [
    "［{k}/4］",
    "▌P.{k}",
    "第 0{k} 页 ▏共 04 页",
    "‹ {k} ›",
    "~ {k} / 4 ~",
    "- {k} -",
    "Page {k} of 4",
    "【第{k}页】",
    "◆ {k} ◆",
]

PAGES = [
    "各位同志：今天召开全乡春耕备耕工作会议，主要是把今年的农资供应和技术服务安排下去。去年全乡粮食",
    "播种面积稳中有增，农机作业覆盖了大部分村组，成绩来之不易。今年各村要提前检修灌溉渠道，",
    "做到雨前清淤、雨后巡查，确保每一块责任田都能按时浇上水，各村委会要落实专人负责。农技站要组织专家下村",
    "开展田间指导，把测土配方施肥送到农户手里。谢谢大家！",
]


def _paged(style: str, *, continued: bool = False, footer: bool = False) -> list[str]:
    lines = ["全乡春耕备耕工作会议讲话"]
    for k, page in enumerate(PAGES, start=1):
        mark = style.format(k=k)
        body = ("（接上页）" if continued and k > 1 else "") + page
        lines.extend([body, mark] if footer else [mark, body])
    return lines


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("footer", [False, True])
@pytest.mark.parametrize("continued", [False, True])
def test_page_markers_dropped_and_cut_sentences_joined(style, footer, continued):
    out = [
        line
        for line in join_marked_pages(_paged(style, continued=continued, footer=footer))
        if line
    ]
    assert out[0] == "全乡春耕备耕工作会议讲话"
    assert out[1:] == ["".join(PAGES)]


def test_marker_as_part_of_a_line():
    lines = ["题目", "‹ 1 › " + PAGES[0], "‹ 2 › " + PAGES[1], "‹ 3 › " + PAGES[2]]
    out = [line for line in join_marked_pages(lines) if line]
    assert out == ["题目", "".join(PAGES[:3])]


def test_notice_at_break_is_skipped_when_joining():
    lines = [
        PAGES[0],
        "第 1 页",
        "〖试读已结束，剩余3页可下载查看〗",
        PAGES[1],
        "第 2 页",
        PAGES[2],
    ]
    out = [line for line in join_marked_pages(lines) if line]
    assert out[0] == PAGES[0] + PAGES[1] + PAGES[2]


def test_heading_after_break_not_glued():
    lines = [
        "‹ 1 ›",
        "二、抓好落实",
        "‹ 2 ›",
        "三、强化保障 各村要按时上报进度，做到底数清、情况明、措施实。",
    ]
    out = [line for line in join_marked_pages(lines) if line]
    assert out == ["二、抓好落实", "三、强化保障 各村要按时上报进度，做到底数清、情况明、措施实。"]


def test_numbers_that_are_not_pages_kept():
    # two bare numbers are not enough; a number that does not go on (1, 3) is no run
    assert marked_page_run(["1", PAGES[0], "2", PAGES[1]]) is None
    assert marked_page_run(["［1/4］", PAGES[0], "［3/4］", PAGES[1]]) is None
    # a figure line with words is not a marker
    assert marked_page_run(["共3人", PAGES[0], "共4人", PAGES[1]]) is None


def test_ingest_drops_markers():
    from question_bank.ingest import ingest_text

    text = "\n".join(_paged("▌P.{k}", continued=True))
    doc = ingest_text(text)
    assert "P." not in doc.text and "接上页" not in doc.text
    assert "粮食播种面积" in doc.text


# --- 2. a speech that names its law once, then says "法律规定" -------------------------

from question_bank.generate import attribution  # noqa: E402
from question_bank.generate.outline import clean_label, clean_labels  # noqa: E402


@pytest.mark.parametrize(
    "opening",
    [
        "种子法2015年11月4日修订通过，2016年1月1日起施行。",
        "种子法是2021年12月24日第二次修正的。",
        "种子法于2022年3月1日起施行。",
    ],
)
def test_law_named_by_its_dates_sets_the_document_law(opening):
    text = (
        opening + "\n法律规定，种子生产经营者应当建立和保存包括种子来源、产地等内容的生产经营档案。"
    )
    assert attribution.setting("在全乡种业工作会上的讲话", text).law == "种子法"


@pytest.mark.parametrize(
    "sentence",
    [
        "法律规定，种子生产经营者应当建立和保存生产经营档案。",
        "法律要求种子生产经营者应当建立和保存生产经营档案。",
        "法律第三十六条要求种子生产经营者建立和保存生产经营档案。",
        "该法规定种子生产经营者应当建立和保存生产经营档案。",
    ],
)
def test_unnamed_law_inherits_the_document_law(sentence):
    where = attribution.Setting("种子法")
    verdict = attribution.attribute(sentence, [], where=where)
    assert verdict.national and verdict.law == "种子法"


def test_local_arrangement_after_law_mention_stays_local():
    where = attribution.Setting("种子法")
    for sentence in (
        "法律规定之外，我县还要求每个经营户每月上报一次台账。",
        "县里要求各乡镇在6月底前完成种子门店检查。",
    ):
        assert not attribution.attribute(sentence, [], where=where).national


# --- 3. a named law's own subject; "国家规定" -----------------------------------------


def test_level_of_government_in_a_named_law_is_not_local():
    verdict = attribution.attribute("根据《种子法》，县级以上人民政府应当加强种质资源保护工作。")
    assert verdict.national
    verdict = attribution.attribute("根据《义务教育法》，县、乡两级人民政府应当保障适龄儿童入学。")
    assert verdict.national and verdict.law == "义务教育法"


@pytest.mark.parametrize(
    "sentence",
    [
        "根据《义务教育法》，我县县、乡两级人民政府应当在秋季前完成校舍改造。",
        "本县县、乡两级人民政府应当在十日内完成核查。",
        "县里规定，乡镇人民政府应当每月报送一次进度。",
    ],
)
def test_this_county_stays_local(sentence):
    assert not attribution.attribute(sentence).national


@pytest.mark.parametrize(
    "sentence",
    [
        "国家规定：种子生产经营者应当在销售前对种子进行标注。",
        "国家规定，农作物种子应当加工、分级、包装。",
        "国家还规定种子生产经营者应当建立生产经营档案。",
    ],
)
def test_national_rule_stated(sentence):
    verdict = attribution.attribute(sentence)
    assert verdict.national and verdict.detail == "国家规定"


def test_national_standard_as_a_thing_is_no_source():
    assert not attribution.attribute("国家规定的标准，我们县要严格执行。").national


# --- 4. a list in the first paragraph of an article with more paragraphs ---------------


def _law_doc(article: str):
    from tests.question_bank.generate_helpers import make_document

    return make_document(
        "# 苗木管理条例\n第一章 总则\n第十九条 苗木生产经营者应当建立生产档案。\n"
        + article
        + "\n第二十一条 苗木应当检疫合格后方可调运。\n"
    )


def _short_items(doc):
    from question_bank.generate.context import build_context
    from question_bank.generate.rules_short import article_items

    return list(article_items(build_context(doc, 16, None)))


def test_article_with_later_paragraph_cites_first_paragraph():
    doc = _law_doc(
        "第二十条 县级苗木站负责下列事项：\n（一）登记苗圃；\n（二）检查苗木质量；\n（三）发布苗木信息。\n"
        "县级苗木站还负责林场苗木的调剂。"
    )
    (cand,) = _short_items(doc)
    assert "第二十条第一款，" in cand.stem


def test_article_without_later_paragraph_cites_the_article():
    doc = _law_doc(
        "第二十条 县级苗木站负责下列事项：\n（一）登记苗圃；\n（二）检查苗木质量；\n（三）发布苗木信息。"
    )
    (cand,) = _short_items(doc)
    assert "第二十条，" in cand.stem and "第一款" not in cand.stem


# --- 5. knowledge-point labels --------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "clean"),
    [
        ("· 第一节", ""),
        ("第三章 · 第二节", ""),
        ("法律责任（续", "法律责任"),
        ("法律责任（续）", "法律责任"),
        ("监督检查 (续)", "监督检查"),
        ("• 苗木检疫", "苗木检疫"),
        ("苗木管理法", "苗木管理法"),
        ("第四章 法律责任", "第四章 法律责任"),
    ],
)
def test_label_layout_stripped(label, clean):
    assert clean_label(label) == clean


def test_labels_deduplicated_after_cleaning():
    assert clean_labels(["苗木管理法", "法律责任（续", "法律责任", "· 第一节"]) == [
        "苗木管理法",
        "法律责任",
    ]


def test_list_in_a_later_paragraph_cites_that_paragraph():
    doc = _law_doc(
        "第二十条 苗木站由县级人民政府设立。\n县级苗木站负责下列事项：\n（一）登记苗圃；\n（二）检查苗木质量；\n（三）发布苗木信息。"
    )
    stems = [c.stem for c in _short_items(doc)]
    assert stems and all("第二十条第二款，" in s or "第二十条" not in s for s in stems)


def test_sentence_before_the_lead_on_its_line_is_the_same_paragraph():
    doc = _law_doc(
        "第二十条 苗木站由县级人民政府设立。县级苗木站负责下列事项：\n（一）登记苗圃；\n（二）检查苗木质量；\n（三）发布苗木信息。"
    )
    stems = [c.stem for c in _short_items(doc)]
    assert all("第二款" not in s for s in stems)


@pytest.mark.parametrize("number", ["{k}.", "{k}、", "({k})", "（{k}）", "【{k}】", "{k}"])
def test_numbered_points_are_no_page_markers(number):
    lines = [number.format(k=k) + " " + page for k, page in enumerate(PAGES, start=1)]
    assert marked_page_run(lines) is None
    assert join_marked_pages(lines) == lines


# A law pasted into a study notebook and a work-group chat: the reader's margin note and the
# county's own rule after the last article sit inside article text; neither is the law.
NOTEBOOK_LAW = """乡村阅读促进法（学习笔记）
第一条　为了促进乡村阅读，保障农村居民的基本文化权益，制定本法。
第二条　县级人民政府应当将乡村阅读工作纳入本级国民经济和社会发展规划。
第三条　发现公共阅读设施损坏的，管理单位应当在二十四小时内组织修复。〔旁批：镇里要求：村里发现后2小时内报镇文化站（镇里的规定）。〕
第四条　农家书屋每年更新图书不得少于一百册。
第五条　乡级人民政府应当每年组织一次阅读推广活动。本县的要求：全县农家书屋每季度至少开展3次读书会，这是县里定的线。
"""


def test_a_margin_note_or_county_rule_inside_an_article_is_never_asked_as_the_law():
    from question_bank.generate import generate
    from question_bank.generate.kinds import STATUTE, document_kind
    from question_bank.ingest import ingest_text

    document = ingest_text(NOTEBOOK_LAW, "乡村阅读促进法_学习笔记.txt")
    assert document_kind(document) == STATUTE
    result = generate(document, seed=16)
    texts = [c.stem + "".join(o.text for o in c.options) for c in result.candidates]
    assert texts, "the law's own articles still give questions"
    for text in texts:
        for word in ("镇里", "县里", "旁批", "全县", "3次", "2小时"):
            assert word not in text, text
