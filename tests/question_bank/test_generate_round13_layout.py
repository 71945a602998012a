"""Round 13 (issue 16): a law's articles, kind and name whatever its layout.

One small self-written law is printed in many layouts people produce (Word numbering, brackets,
labels, tables, CSV/TSV, Markdown, a PDF copy with hard wraps and page headers…) under many
title forms; each print must give the same ten articles, two chapters, the statute kind and the
law's name. Speeches and notices that cite articles are no statutes.
"""

from __future__ import annotations

import itertools
import re

import pytest

from question_bank.generate import kinds
from question_bank.generate.textutil import law_name
from question_bank.ingest import ingest_bytes, ingest_text
from question_bank.markers import cn_to_int

FULL_NAME = "中华人民共和国乡村阅读促进法"
SHORT_NAME = "乡村阅读促进法"
CHAPTERS = [("第一章", "总则"), ("第二章", "保障措施")]
# (chapter index, paragraphs); a paragraph is a list of lines (items on lines of their own).
ARTICLES: list[tuple[int, list[list[str]]]] = [
    (0, [["为了推动乡村阅读，丰富农民群众精神文化生活，提高乡村文明程度，制定本法。"]]),
    (0, [["本法所称乡村阅读，是指在乡镇和村开展的图书借阅、读书交流和阅读推广活动。"]]),
    (0, [["乡村阅读工作坚持政府主导、社会参与、因地制宜、便民利民的原则。"]]),
    (
        0,
        [
            [
                "县级以上人民政府应当将乡村阅读工作纳入国民经济和社会发展规划，所需经费列入本级预算。"
            ],
            ["乡镇人民政府负责本行政区域内乡村阅读工作的组织实施。"],
        ],
    ),
    (0, [["每年四月二十三日所在的一周为乡村读书周。"]]),
    (
        1,
        [
            [
                "村民委员会应当协助做好下列工作：",
                "（一）管理村图书室；",
                "（二）组织读书交流活动；",
                "（三）收集村民的阅读需求。",
            ]
        ],
    ),
    (1, [["村图书室每周开放时间不得少于二十小时。"]]),
    (1, [["国家鼓励公民、法人和其他组织向村图书室捐赠图书，依照本法第十条的规定给予表彰。"]]),
    (
        1,
        [
            [
                "县级人民政府文化主管部门每年至少组织一次乡村阅读推广人培训，培训内容包括本法第七条规定的开放要求。"
            ]
        ],
    ),
    (1, [["对在乡村阅读工作中做出显著成绩的单位和个人，按照国家有关规定给予表彰。"]]),
]
NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
NOTE = "（2030年3月1日某届全国人民代表大会常务委员会第五次会议通过）"


def _body(article: list[list[str]], para_sep: str = "\n", line_sep: str = "\n") -> str:
    return para_sep.join(line_sep.join(lines) for lines in article)


def _chapter_line(index: int, sep: str = " ") -> str:
    number, name = CHAPTERS[index]
    return f"{number}{sep}{name}"


def _per_article(head, chapter=_chapter_line, para_sep="\n", line_sep="\n", header=()):
    """A layout that prints chapter lines, then each article as `head(n, numeral, body)`."""

    def render() -> list[str]:
        lines = list(header)
        current = None
        for n, (chapter_index, article) in enumerate(ARTICLES, start=1):
            if chapter_index != current:
                current = chapter_index
                if chapter is not None:
                    lines.append(chapter(chapter_index))
            lines.append(head(n, NUMERALS[n - 1], _body(article, para_sep, line_sep)))
        return lines

    return render


def _rows(cell_sep: str, quote: str = "", arabic: bool = False, header=(), bars: bool = False):
    def render() -> list[str]:
        lines = list(header)
        for n, (chapter_index, article) in enumerate(ARTICLES, start=1):
            number = f"第{n}条" if arabic else f"第{NUMERALS[n - 1]}条"
            body = quote + _body(article, "", "") + quote
            cells = [_chapter_line(chapter_index), number, body]
            row = cell_sep.join(cells)
            lines.append(f"| {row} |" if bars else row)
        return lines

    return render


def _pdf_copy(
    width: int = 27, page_lines: int = 9, header: str = FULL_NAME, footer=lambda page: f"- {page} -"
) -> list[str]:
    """The plain print hard-wrapped at `width`, a running header and a page number every page."""
    wrapped: list[str] = []
    for line in _per_article(lambda n, c, body: f"第{c}条　{body}")():
        for paragraph in line.split("\n"):
            wrapped.extend(paragraph[i : i + width] for i in range(0, len(paragraph), width))
    out: list[str] = []
    for page, start in enumerate(range(0, len(wrapped), page_lines), start=1):
        out.append(header)
        out.extend(wrapped[start : start + page_lines])
        out.append(footer(page))
    return out


def _lost_line_breaks(sep: str = " ") -> list[str]:
    """A copy that lost its line breaks: each chapter's articles run on in one line."""
    out: list[str] = []
    for index in range(len(CHAPTERS)):
        out.append(_chapter_line(index))
        out.append(
            "".join(
                f"第{NUMERALS[n - 1]}条{sep}" + _body(article, "", "")
                for n, (chapter_index, article) in enumerate(ARTICLES, start=1)
                if chapter_index == index
            )
        )
    return out


LAYOUTS = {
    "plain": _per_article(lambda n, c, body: f"第{c}条　{body}"),
    "indented_ebook": _per_article(
        lambda n, c, body: "　　第" + c + "条　" + body.replace("\n", "\n　　"),
        chapter=lambda i: _chapter_line(i) + "\n" + "=" * 20,
    ),
    "word_numbering": _per_article(lambda n, c, body: f"{n}.\t第{c}条\t{body}"),
    "arabic": _per_article(lambda n, c, body: f"第{n}条 {body}"),
    "arabic_glued": _per_article(lambda n, c, body: f"第{n}条{body}"),
    "lenticular_glued": _per_article(
        lambda n, c, body: f"【第{c}条】{body}", para_sep="", line_sep=""
    ),
    "square": _per_article(lambda n, c, body: f"[第{c}条] {body}"),
    "fullwidth_square": _per_article(lambda n, c, body: f"［第{c}条］{body}"),
    "tortoise": _per_article(lambda n, c, body: f"〔第{c}条〕{body}"),
    "colon": _per_article(lambda n, c, body: f"第{c}条：{body}"),
    "bold_markdown": _per_article(
        lambda n, c, body: f"**第{c}条** {body}", chapter=lambda i: f"**{_chapter_line(i)}**"
    ),
    "bold_colon": _per_article(lambda n, c, body: f"**第{c}条**：{body}"),
    "markdown_headings": _per_article(
        lambda n, c, body: f"### 第{c}条\n\n{body}", chapter=lambda i: f"## {_chapter_line(i)}"
    ),
    "next_line": _per_article(lambda n, c, body: f"第{c}条\n{body}"),
    "numbered_outline": _per_article(lambda n, c, body: f"{n}) 第{c}条 {body}"),
    "bulleted": _per_article(lambda n, c, body: f"- 第{c}条 {body}"),
    "database_labels": _per_article(
        lambda n, c, body: f"条款：第{c}条\n内容：{body}\n",
        chapter=lambda i: "章节：" + _chapter_line(i, "　"),
        header=("章节\t条款\t内容",),
    ),
    "law_labels": _per_article(
        lambda n, c, body: f"法条：第{c}条：{body}", chapter=lambda i: f"【{_chapter_line(i)}】"
    ),
    "tsv_export": _rows("\t", header=("章\t条\t内容",)),
    "csv_export": _rows(",", quote='"', arabic=True, header=("章节,条款,内容",)),
    "markdown_table": _rows(" | ", bars=True, header=("| 章节 | 条款 | 内容 |", "|---|---|---|")),
    "pdf_copy": _pdf_copy,
    "lost_line_breaks": _lost_line_breaks,
    "annotated_captions": _per_article(lambda n, c, body: f"第{c}条【要点{c}】{body}"),
    "spaced_scan": _per_article(
        lambda n, c, body: f"第 {n} 条 {body}",
        chapter=lambda i: f"第 {NUMERALS[i]} 章 {CHAPTERS[i][1]}",
    ),
}

TITLES = {
    "plain": lambda: [FULL_NAME, NOTE],
    "revised": lambda: [FULL_NAME + "（2031年修订）", NOTE],
    "full_text": lambda: [f"《{FULL_NAME}》全文", NOTE],
    "excerpt_framed": lambda: [
        "=" * 24,
        f"《{FULL_NAME}》（节选）",
        "=" * 24,
        "本文件收录全部两章。",
    ],
    "dash_framed": lambda: ["——————————", f"《{FULL_NAME}》", "——————————"],
    "title_field": lambda: [f"标题：{FULL_NAME}", "发布日期：2030-03-01"],
    "regulation_field": lambda: ["法规检索 > 按条浏览", f"法规名称：{FULL_NAME}", f"题注：{NOTE}"],
    "markdown": lambda: [f"# {FULL_NAME}", "", NOTE],
    "yaml": lambda: ["---", f"title: {FULL_NAME}", "date: 2030-03-01", "---"],
    "toml": lambda: ["+++", f'title = "{FULL_NAME}"', "+++"],
}


def _render(layout: str, title: str) -> str:
    return "\n".join([*TITLES[title](), "", *LAYOUTS[layout]()]) + "\n"


def _expected_body(article: list[list[str]]) -> str:
    return "".join("".join(lines) for lines in article)


def _check_statute(doc) -> None:
    articles = [p for p in doc.passages if p.kind == "article"]
    numbers = [cn_to_int(re.match(r"第(.+?)条", p.text).group(1)) for p in articles]
    assert numbers == list(range(1, 11)), [p.text[:12] for p in articles]
    for passage, (_chapter, article) in zip(articles, ARTICLES, strict=True):
        body = re.sub(r"^第.+?条\s*", "", passage.text)
        assert re.sub(r"\s", "", body) == _expected_body(article), passage.text
    headings = [p.text for p in doc.passages if p.kind == "heading"]
    for number, name in CHAPTERS:
        assert any(h.replace(" ", "").replace("　", "") == number + name for h in headings), (
            headings
        )
    chapter_of = {p.text[:4]: p.heading_path for p in articles}
    assert any("保障措施" in h for h in chapter_of["第七条 "]), chapter_of["第七条 "]
    assert kinds.document_kind(doc) == kinds.STATUTE
    assert law_name(doc) == SHORT_NAME, doc.title


@pytest.mark.parametrize(
    ("layout", "title"), list(itertools.product(sorted(LAYOUTS), sorted(TITLES)))
)
def test_every_layout_and_title_form_reads_as_the_same_statute(layout, title):
    _check_statute(ingest_text(_render(layout, title)))


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_the_file_name_names_the_law_when_the_text_does_not(layout):
    data = "\n".join(LAYOUTS[layout]()).encode("utf-8")
    _check_statute(ingest_bytes(data, f"{SHORT_NAME}（第一、二章）_条文.txt"))


def _html_table(title_tag: bool, heading: bool) -> bytes:
    rows = ["<tr><th>条款</th><th>内容</th></tr>"]
    current = None
    for n, (chapter_index, article) in enumerate(ARTICLES, start=1):
        if chapter_index != current:
            current = chapter_index
            rows.append(f'<tr><td colspan="2"><b>{_chapter_line(chapter_index)}</b></td></tr>')
        cell = "".join("<p>" + "<br>".join(lines) + "</p>" for lines in article)
        rows.append(f"<tr><td><b>第{NUMERALS[n - 1]}条</b></td><td>{cell}</td></tr>")
    head = f"<title>{FULL_NAME}</title>" if title_tag else ""
    h1 = f"<h1>{FULL_NAME}</h1>" if heading else ""
    table = "<table>" + "".join(rows) + "</table>"
    return f"<html><head>{head}</head><body>{h1}{table}</body></html>".encode()


@pytest.mark.parametrize(
    ("title_tag", "heading"), [(True, True), (True, False), (False, True), (False, False)]
)
def test_a_law_in_an_html_table_reads_as_the_statute(title_tag, heading):
    _check_statute(ingest_bytes(_html_table(title_tag, heading), f"{SHORT_NAME}.html"))


SPEECH = """在全镇乡村阅读工作会议上的讲话
同志们：
今天召开会议，部署全镇乡村阅读工作。
第七条规定，村图书室每周开放时间不得少于二十小时，这是硬杠杠。
【第九条】要求县里每年组织培训，我们要积极对接。
第十五条还讲到捐赠表彰，各村要把好人好事报上来。
一要提高认识。依照本法第四条，乡镇负责组织实施，我们责无旁贷。
二要抓好落实。各村在月底前报送图书室开放情况。
"""

NOTICE = """关于做好村图书室开放工作的通知
各村（社区）：
根据《中华人民共和国乡村阅读促进法》第七条、第八条的规定，现将有关事项通知如下。
一、开放时间。第七条：村图书室每周开放时间不得少于二十小时。
二、捐赠管理。第八条：国家鼓励向村图书室捐赠图书，各村要登记造册。
三、培训安排。第九条：县里每年组织培训，请各村推荐一人参加。
某镇人民政府
2030年5月1日
"""

HANDOUT = """乡村阅读促进法应知应会
1. 第二条：乡村阅读包括图书借阅、读书交流和阅读推广活动。
2. 第五条：每年四月二十三日所在的一周为乡村读书周。
3. 第七条：村图书室每周开放时间不得少于二十小时。
4. 第十条：做出显著成绩的单位和个人给予表彰。
"""

LOCAL_RULES = """某县村图书室管理办法
第一条　为了规范本县村图书室管理，制定本办法。
第二条　本办法适用于本县各村图书室。
第三条　村图书室每周开放不少于二十四小时。
第四条　本办法自印发之日起施行。
"""


@pytest.mark.parametrize(
    "text", [SPEECH, NOTICE, HANDOUT, LOCAL_RULES], ids=["speech", "notice", "handout", "local"]
)
def test_documents_citing_articles_are_no_statutes(text):
    doc = ingest_text(text)
    assert kinds.document_kind(doc) == kinds.OTHER


def test_a_speech_keeps_its_lines_as_written():
    doc = ingest_text(SPEECH)
    assert not [p for p in doc.passages if p.kind == "article"]
    assert "【第九条】要求县里每年组织培训" in doc.text


def test_a_reference_inside_a_body_starts_no_article():
    doc = ingest_text(_render("lenticular_glued", "plain"))
    eighth = next(p for p in doc.passages if p.text.startswith("第八条"))
    assert "依照本法第十条的规定" in eighth.text


def test_stems_name_the_law_of_a_decorated_copy():
    from question_bank.generate.pipeline import generate

    doc = ingest_text(_render("database_labels", "excerpt_framed"))
    items = generate(doc, seed=16).candidates
    cited = [i.stem for i in items if "《" in i.stem]
    assert cited
    assert all(f"《{SHORT_NAME}》" in stem for stem in cited), cited


def test_a_run_on_copy_is_cut_only_before_the_next_article():
    from question_bank.statute_layout import article_lines

    lines = [
        "第一条 为了甲，制定本法。第二条 乙应当丙。第四条所称丁，是指戊。",
        "第三条 己。",
        "第四条 庚。",
    ]
    assert article_lines(lines) == [
        "第一条 为了甲，制定本法。",
        "第二条 乙应当丙。第四条所称丁，是指戊。",
        "第三条 己。",
        "第四条 庚。",
    ]


def test_a_few_cited_articles_are_left_as_written():
    from question_bank.statute_layout import article_lines

    lines = [
        "第十五条规定，每年八月八日为全民健身日。",
        "【第二十二条】要求村委会组织活动。",
        "第三条 甲。",
    ]
    assert article_lines(lines) == lines


def test_an_excerpt_with_glued_bodies_is_a_run_of_articles():
    from question_bank.statute_layout import article_lines

    lines = ["第二章 考试", "第八条国家实行考试制度。", "第九条甲。", "第十条乙。"]
    assert article_lines(lines) == [
        "第二章 考试",
        "第八条 国家实行考试制度。",
        "第九条 甲。",
        "第十条 乙。",
    ]


def test_a_compilation_of_two_laws_and_a_speech_after_them_keep_every_line():
    first = _render("lenticular_glued", "plain")
    second = _render("plain", "title_field").replace(SHORT_NAME, "乡村书屋促进法")
    speech = "\n".join(
        ["在全镇乡村阅读工作会议上的讲话", "同志们：", "本站整理的这篇讲话稿，请各村认真学习。"]
        + [f"第{n}段，各村要抓好图书室开放和读书活动，按月报送情况。" for n in range(12)]
    )
    doc = ingest_text(first + second + speech)
    articles = [p for p in doc.passages if p.kind == "article"]
    assert len(articles) == 20
    assert "本站整理的这篇讲话稿" in doc.text
    assert "第11段，各村要抓好图书室开放" in doc.text
