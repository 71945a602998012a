"""Round 14 (issue 16): articles read from the text's own "第X条" tokens.

The self-written law of round 13 is printed in layouts no rule names: emoji before the
marker, an export with the law's name and chapter repeated in columns and one row per
paragraph, English lines between the articles or glued to them, hard wraps at 20 and 30
characters under page headers, markers in mid-line after a sentence's end, markers
followed by "：", "．" or "、", numbered lists. Each must give the same ten articles, two
chapters and the law's name; documents citing articles stay no statutes.
"""

from __future__ import annotations

import itertools

import pytest

from question_bank.generate import kinds
from question_bank.ingest import ingest_bytes, ingest_text
from question_bank.statute_layout import article_lines
from tests.question_bank.test_generate_round13_layout import (
    ARTICLES,
    FULL_NAME,
    HANDOUT,
    LOCAL_RULES,
    NOTICE,
    NUMERALS,
    SHORT_NAME,
    SPEECH,
    TITLES,
    _body,
    _chapter_line,
    _check_statute,
    _lost_line_breaks,
    _pdf_copy,
)

ENGLISH = [
    "This Law is enacted to promote reading in villages and enrich the cultural life of farmers.",
    "Village reading as used in this Law means lending books and reading activities in villages.",
    "Village reading shall follow the principles of government leadership and public participation.",
    "People's governments at or above the county level shall include village reading in their plans.",
    "The week in which the twenty-third of April falls each year shall be village reading week.",
    "Villagers' committees shall assist in the following work concerning village libraries.",
    "A village library shall be open for no less than twenty hours every week.",
    "The State encourages citizens and organizations to donate books to village libraries.",
    "The cultural department of the county government shall organize training at least once a year.",
    "Units and individuals with outstanding achievements shall be commended.",
]


def _per_article(head, chapter=_chapter_line, after=None, para_sep="\n", line_sep="\n"):
    def render() -> list[str]:
        lines: list[str] = []
        current = None
        for n, (chapter_index, article) in enumerate(ARTICLES, start=1):
            if chapter_index != current:
                current = chapter_index
                lines.append(chapter(chapter_index))
            lines.append(head(n, NUMERALS[n - 1], _body(article, para_sep, line_sep)))
            if after is not None:
                lines.append(after(n))
        return lines

    return render


def _export_rows() -> list[str]:
    """An export with one row per paragraph: number, law, chapter, article, paragraph, text."""
    lines = ["序号\t法规名称\t章\t条\t款\t条文内容"]
    row = 0
    for n, (chapter_index, article) in enumerate(ARTICLES, start=1):
        for k, paragraph in enumerate(article, start=1):
            row += 1
            cells = [
                str(row),
                FULL_NAME + "（2031年修正）",
                _chapter_line(chapter_index),
                f"第{NUMERALS[n - 1]}条",
                f"第{NUMERALS[k - 1]}款",
                "".join(paragraph),
            ]
            lines.append("\t".join(cells))
    return lines


def _glued_english() -> list[str]:
    """A bilingual print where each English paragraph runs on into the next Chinese article."""
    out = [_chapter_line(0)]
    english = ""
    current = 0
    for n, (chapter_index, article) in enumerate(ARTICLES, start=1):
        if chapter_index != current:
            out.append(english)
            english = ""
            out.append(_chapter_line(chapter_index))
            current = chapter_index
        out.append(english + f"第{NUMERALS[n - 1]}条 " + _body(article))
        english = f"Article {n} {ENGLISH[n - 1]}"
    out.append(english)
    return out


LAYOUTS = {
    "emoji_colon": _per_article(
        lambda n, c, body: f"📌第{c}条：{body}",
        chapter=lambda i: f"🔥🔥 {_chapter_line(i, '　')} 🔥🔥",
    ),
    "emoji_hand": _per_article(lambda n, c, body: f"👉 第{c}条 {body}"),
    "export_rows": _export_rows,
    "side_by_side": _per_article(lambda n, c, body: f"第{c}条" + " " * 8 + body),
    "english_after": _per_article(
        lambda n, c, body: f"第{c}条 {body}", after=lambda n: f"Article {n} {ENGLISH[n - 1]}"
    ),
    "english_glued": _glued_english,
    "wrap20_headers": lambda: _pdf_copy(20, 8, FULL_NAME, lambda p: f"第 {p} 页"),
    "wrap30_headers": lambda: _pdf_copy(30, 11, f"{SHORT_NAME}（全文）", lambda p: f"- {p} -"),
    "mid_line_colon": lambda: _lost_line_breaks("："),
    "mid_line_space": lambda: _lost_line_breaks(" "),
    "fullwidth_dot": _per_article(lambda n, c, body: f"第{c}条．{body}"),
    "dun": _per_article(lambda n, c, body: f"第{c}条、{body}"),
    "half_paren_list": _per_article(lambda n, c, body: f"{n}）第{c}条 {body}"),
    "triangle_bullets": _per_article(
        lambda n, c, body: f"▶ 第{c}条 {body}", chapter=lambda i: f"■ {_chapter_line(i)}"
    ),
}


def _render(layout: str, title: str) -> str:
    return "\n".join([*TITLES[title](), "", *LAYOUTS[layout]()]) + "\n"


@pytest.mark.parametrize(
    ("layout", "title"),
    list(itertools.product(sorted(LAYOUTS), ["plain", "full_text", "markdown", "title_field"])),
)
def test_every_new_layout_reads_as_the_same_statute(layout, title):
    _check_statute(ingest_text(_render(layout, title)))


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_the_file_name_names_the_law_of_a_new_layout(layout):
    data = "\n".join(LAYOUTS[layout]()).encode("utf-8")
    _check_statute(ingest_bytes(data, f"{SHORT_NAME}（第一、二章）_条文.txt"))


def test_an_export_gives_the_name_from_its_column():
    lines = _export_rows()
    out = article_lines(lines)
    assert out[0] == FULL_NAME + "（2031年修正）"
    assert "第一章 总则" in out and "第二章 保障措施" in out
    fourth = next(line for line in out if line.startswith("第四条 "))
    following = out[out.index(fourth) + 1]
    assert following == "".join(ARTICLES[3][1][1])  # the second paragraph's row


def test_no_english_enters_an_article():
    doc = ingest_text(_render("english_glued", "plain"))
    for passage in doc.passages:
        if passage.kind == "article":
            assert "Article" not in passage.text and "Law" not in passage.text


def test_numbers_printed_apart_from_their_text_give_no_articles():
    """A page whose numbers come out in one block and the bodies in another: which body is
    whose cannot be told, so no article is claimed."""
    numbers = [f"第{c}条" for c in NUMERALS]
    bodies = [_body(article, "", "") for _chapter, article in ARTICLES]
    text = "\n".join([FULL_NAME, "", *numbers[:5], *bodies[:5], *numbers[5:], *bodies[5:]])
    doc = ingest_text(text)
    assert not [p for p in doc.passages if p.kind == "article"]


def test_a_reference_is_no_start_in_the_token_reader():
    lines = [
        "📌第一条：为了甲，制定本法。",
        "📌第二条：依照本法第三条的规定，乙应当丙。",
        "📌第三条：违反第二条规定的，由丁处理。",
        "📌第四条：戊。",
    ]
    out = article_lines(lines)
    assert out == [
        "第一条 为了甲，制定本法。",
        "第二条 依照本法第三条的规定，乙应当丙。",
        "第三条 违反第二条规定的，由丁处理。",
        "第四条 戊。",
    ]


EMOJI_SPEECH = """在全镇乡村阅读推进会上的讲话
同志们：
📌第七条规定，村图书室每周开放不少于二十小时，大家要落实。
👉依照本法第八条，我们要做好捐赠登记。
🔥第九条的规定讲到培训，各村要派人参加。
各村在月底前报送情况。
"""

WECHAT_POST = """👆点击上方蓝字关注我们
今天和大家聊聊村图书室。根据乡村阅读促进法第七条、第八条和第九条的规定，
村图书室要按时开放，捐赠图书要登记，培训要参加。
📖 第七条规定的开放时间是每周二十小时，请大家转告。
"""


@pytest.mark.parametrize(
    "text",
    [SPEECH, NOTICE, HANDOUT, LOCAL_RULES, EMOJI_SPEECH, WECHAT_POST],
    ids=["speech", "notice", "handout", "local", "emoji_speech", "wechat_post"],
)
def test_documents_citing_articles_stay_no_statutes(text):
    doc = ingest_text(text)
    assert kinds.document_kind(doc) != kinds.STATUTE or text is LOCAL_RULES
    if text in (EMOJI_SPEECH, WECHAT_POST):
        assert not [p for p in doc.passages if p.kind == "article"]
