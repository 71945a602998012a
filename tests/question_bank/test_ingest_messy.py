"""Ingestion of documents nobody tuned for (issue 16 §1–4): pages from a document-sharing
site, garbled spans, 著/着, bilingual Markdown, and PDFs printed from a browser."""

import os

import pytest

from question_bank.clean import clean_text, modern_zhe
from question_bank.ingest import ingest_bytes, ingest_text
from question_bank.pdf_text import pdf_to_text
from tests.conftest import REPO_ROOT
from tests.question_bank.pdf_builder import build_pdf

EVAL = REPO_ROOT / "tests/data/generator_eval"

PAGED = """在村级组织换届工作会议上的讲话_某某文档网
文档简介
本文档为在村级组织换届工作会议上的讲话，共2页，欢迎下载阅读。
1、在村级组织换届工作会议上的讲话 同志们：今天召开会议，部署村级组织换届工作。一、统一思想认识 换届选举是农村基层民主政治建设的重要内容，关系到农村改革发展稳定的大局，必须高度重视。第一，要坚持党的领导。第二，要坚持依法依规。村民委员会每届任期五年，届满应当及时举行换届选举，选举工作由村民选举委员会主持。村民委员会成员候选人应当由本村有选举权的村民直接提名，候选人名额应当多于应选
2、名额。二、严明换届纪律 要严禁以贿赂、威胁、欺骗等不正当手段妨害村民行使选举权。
温馨提示：本文档由用户上传，如有侵权请联系删除。
下载文档到电脑，查找使用更方便
"""


def test_a_paged_document_is_rejoined_without_its_page_numbers_or_site_notices():
    doc = ingest_text(PAGED)
    assert doc.title == "在村级组织换届工作会议上的讲话"
    texts = [p.text for p in doc.passages]
    # The sentence the page break cut is whole again, and no page number is a point.
    assert any("候选人名额应当多于应选名额。" in t for t in texts)
    assert not any(t.startswith(("1、", "2、")) for t in texts)
    for notice in ("文档简介", "本文档", "温馨提示", "下载文档"):
        assert notice not in doc.text
    headings = [p.text for p in doc.passages if p.kind == "heading"]
    assert headings[1:] == ["一、统一思想认识", "二、严明换届纪律"]
    points = [p.text for p in doc.passages if p.kind == "point"]
    assert any(t.startswith("第一，要坚持党的领导") for t in points)


def test_short_numbered_items_are_not_taken_for_pages():
    text = "工作要求\n1、压实责任。\n2、强化督查。\n3、发动群众。"
    assert clean_text(text).split("\n")[1:] == ["1、压实责任。", "2、强化督查。", "3、发动群众。"]


def test_garbled_sentences_are_dropped_and_good_ones_kept():
    good = "要把人居环境整治写入村规民约。"
    garbled_utf8_as_gbk = "引导群众自觉养成良好卫生习惯".encode().decode("gbk", errors="replace")
    garbled_gbk_as_utf8 = "配齐专职人民调解员".encode("gbk").decode("utf-8", errors="replace")
    text = f"{good}{garbled_utf8_as_gbk}。{garbled_gbk_as_utf8}，加大培训力度。诸暨市枫桥镇创造了枫桥经验。"
    cleaned = clean_text(text)
    assert cleaned == "要把人居环境整治写入村规民约。诸暨市枫桥镇创造了枫桥经验。"


def test_zhe_is_modernised_only_where_it_is_the_particle():
    assert modern_zhe("带著感情，随著发展，意味著") == "带着感情，随着发展，意味着"
    kept = "著作权，显著成效，著名学者，土著居民，名著，编著"
    assert modern_zhe(kept) == kept
    assert "带着群众干" in clean_text("幹部要帶著群眾幹。")


BILINGUAL = """---
layout: law
title: 示例条例（中英对照）
---

[back](./)  [返回目录](../index.md)

# 示例条例 Sample Regulation

## 总纲 General Provisions

第一条 为了规范村务管理，制定本条例。
Article 1 This regulation is formulated to regulate village affairs.

第二条 村务公开栏每季度至少更新一次。
Article 2 The village affairs board shall be updated at least once a quarter.

[下一章](./chapter-2/)
"""


def test_bilingual_markdown_keeps_the_chinese_and_its_headings():
    doc = ingest_bytes(BILINGUAL.encode(), "regulation.md")
    assert doc.title == "示例条例"
    assert "layout" not in doc.text and "title:" not in doc.text and "](" not in doc.text
    assert "Article" not in doc.text and "General" not in doc.text
    headings = [p.text for p in doc.passages if p.kind == "heading"]
    assert headings == ["示例条例", "总纲"]
    articles = [p for p in doc.passages if p.kind == "article"]
    assert [p.text for p in articles] == [
        "第一条 为了规范村务管理，制定本条例。",
        "第二条 村务公开栏每季度至少更新一次。",
    ]
    assert all(p.heading_path[-1] == "总纲" for p in articles)


def test_a_bare_part_name_line_is_a_heading():
    doc = ingest_text(
        "示例章程\n总则\n第一条 本章程适用于本村。\n第二条 村民一律平等。\n附则\n第三条 自公布之日起施行。"
    )
    assert [p.text for p in doc.passages if p.kind == "heading"] == ["示例章程", "总则", "附则"]


def test_lookalike_radicals_in_a_pdf_are_folded_so_articles_are_found():
    pdf = build_pdf(
        [["示例管理办法", "第⼀条 ⼈⺠群众是历史的创造者。", "第⼗条 ⻓期坚持走群众路线。"]]
    )
    text, _ = pdf_to_text(pdf)
    assert "⺠" not in text and "⼗" not in text
    doc = ingest_bytes(pdf, "办法.pdf")
    articles = [p.text for p in doc.passages if p.kind == "article"]
    assert articles == ["第一条 人民群众是历史的创造者。", "第十条 长期坚持走群众路线。"]


def test_print_headers_and_footers_are_dropped_from_a_short_pdf():
    pages = [
        [
            "2024/3/18 09:30 示例管理办法",
            "示例管理办法",
            "第一条 村务公开栏每季度至少更新一次。",
            "https://www.example.gov.cn/zwgk/1.html 第 1 页 / 共 2 页",
        ],
        [
            "2024/3/18 09:30 示例管理办法",
            "第二条 本办法自印发之日起施行。",
            "https://www.example.gov.cn/zwgk/1.html 第 2 页 / 共 2 页",
        ],
    ]
    text, _ = pdf_to_text(build_pdf(pages))
    assert text.split("\n") == [
        "示例管理办法",
        "第一条 村务公开栏每季度至少更新一次。",
        "第二条 本办法自印发之日起施行。",
    ]


@pytest.mark.browser
def test_a_policy_page_printed_from_chromium_ingests_article_by_article():
    from tests.question_bank.browser_pdf import BrowserUnavailable, print_pdf

    html = (EVAL / "dev/village_power_list.html").read_text(encoding="utf-8")
    try:
        pdf = print_pdf(html)
    except BrowserUnavailable as exc:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1：{exc}")
        pytest.skip(str(exc))
    import pypdfium2 as pdfium

    raw = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf))
    assert "example.gov.cn" in raw and "页 / 共" in raw  # the browser printed its furniture
    doc = ingest_bytes(pdf, "page.pdf")
    assert doc.title == "青禾县村级小微权力清单管理办法（试行）"
    articles = [p.text.split(maxsplit=1)[0] for p in doc.passages if p.kind == "article"]
    numbers = "一二三四五六七八九十"
    expected = [f"第{numbers[n - 1]}条" for n in range(1, 11)] + [
        "第十一条",
        "第十二条",
        "第十三条",
        "第十四条",
    ]
    assert articles == expected
    assert "example.gov.cn" not in doc.text and "页 / 共" not in doc.text
    assert not any(line[:4].isdigit() for line in doc.text.split("\n"))
    ten = next(p.text for p in doc.passages if p.text.startswith("第十条"))
    assert "可以在公开之日起十五日内向村务监督委员会提出" in ten


def test_a_channel_bar_is_not_a_title_and_a_wrapped_title_is_whole():
    # A site's channel bar, then a title in large type that a printed page wraps inside "（试行）"
    pdf = build_pdf(
        [
            [
                "首页 信息公开 便民服务 在线访谈",
                "柳塘村村民议事会议事规则（试",
                "行）",
                "第一条 议事会由村民代表、村民小组长和驻村干部组成，每季度至少召开一次会议。",
                "第二条 议事会讨论的事项，应当在会议召开三日前通知全体成员并公开张贴。",
                "第三条 议事会作出决定，应当经到会成员过半数同意，并形成会议记录存档。",
                "第四条 本规则由村民委员会负责解释，自村民会议通过并公布之日起施行。",
            ]
        ]
    )
    doc = ingest_bytes(pdf, "规则.pdf")
    assert doc.title == "柳塘村村民议事会议事规则（试行）"
    assert [p.text for p in doc.passages if p.kind == "heading"] == [doc.title]
    assert "首页" not in doc.text


def test_the_files_own_title_completes_a_title_cut_short():
    doc = ingest_text(
        "柳塘村红白理事会章程（试\n第一条 理事会由村民代表推选产生。",
        fallback_title="柳塘村红白理事会章程（试行）",
    )
    assert doc.title == "柳塘村红白理事会章程（试行）"
