"""Round seven of issue 16: general fixes for what the seventh held-out part showed —
Markdown markers and page numbers left by the ingest, a law's adoption note asked as
text, national days dropped as meeting dates, definitions cut short, speeches' own
figures and local subjects, the report's statute yield. Every example is made up."""

from __future__ import annotations

import sys
from pathlib import Path

from question_bank.clean import clean_text
from question_bank.generate import generate, registry
from question_bank.generate.candidate import Candidate, Source
from question_bank.generate.filters import local_figure, meeting_date
from question_bank.ingest import ingest_text
from tests.question_bank.generate_helpers import ALL_RULES, make_document

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import generator_report

# A national figure in a speech, attributed in the sentence: the fixture that keeps the number
# rules (off by default) exercised by the registry test.
NATIONAL_FIGURES = """# 关于示范普法工作的讲话
一、学习有关规定
《示范保障条例》规定，示范服务站应当在收到申请之日起十五日内作出答复。
国家规定，示范补助的发放对象应当年满六十周岁。
"""


def _true(quote: str) -> Candidate:
    return Candidate(
        type="true_false",
        stem=quote,
        answer=["正确"],
        explanation="",
        source=Source("p", 0, len(quote), quote),
        rule="test",
        answer_texts=[],
    )


# --- ingest: Markdown inline markers ----------------------------------------------------


def test_markdown_bold_article_numbers_are_stripped_and_articles_found():
    doc = ingest_text(
        "# 示范管理法\n\n**第一条**　为了规范示范管理，制定本法。\n\n"
        "**第二条**　示范员的任期为*三年*。\n\n__示范附则__\n\n**第三条**　示范员应当具备`下列`条件。\n"
    )
    articles = [p.text for p in doc.passages if p.kind == "article"]
    assert articles == [
        "第一条 为了规范示范管理，制定本法。",
        "第二条 示范员的任期为三年。\n示范附则",
        "第三条 示范员应当具备下列条件。",
    ]
    assert "*" not in doc.text and "`" not in doc.text and "__" not in doc.text


def test_italic_notes_html_comments_rules_and_quote_marks_go_but_blanks_stay():
    text = clean_text(
        "# 示范法\n<!-- 站点信息 -->\n*（示范说明）*\n\n---\n\n> 示范引文一段。\n"
        "填表日期：____年__月__日\n数量×2*3不变\n"
    )
    assert "<!--" not in text and "站点信息" not in text
    assert "（示范说明）" in text and "*（" not in text
    assert "---" not in text
    assert "示范引文一段。" in text and ">" not in text
    assert "____年__月__日" in text  # a form's blanks are no emphasis
    assert "数量×2*3不变" in text  # a lone star stays


def test_br_tags_break_lines():
    assert clean_text("第一行示范文字。<br>第二行示范文字。").split("\n") == [
        "第一行示范文字。",
        "第二行示范文字。",
    ]


# --- ingest: page numbers ---------------------------------------------------------------


def test_short_pages_cut_mid_sentence_lose_their_numbers():
    page = "示范文字，" * 20  # 100 characters, every page ends mid-sentence
    text = f"示范讲话\n1、{page}\n2、{page}\n3、{page}结束。\n"
    doc = ingest_text(text)
    assert "1、" not in doc.text and "2、" not in doc.text and "3、" not in doc.text
    assert not [p for p in doc.passages if p.kind == "point"]


def test_a_short_numbered_list_is_not_taken_for_pages():
    doc = ingest_text("示范要求\n1、加强示范领导。\n2、落实示范责任。\n3、强化示范保障。\n")
    assert "1、加强示范领导。" in doc.text


def test_page_number_lines_of_other_styles_are_dropped():
    body = "示范条文第一段，内容较长，用于占位。"
    for mark in ("- 2 -", "第3页", "3/12", "第 3 页 / 共 12 页", "— 4 —"):
        text = clean_text(f"示范文件\n{body}\n{mark}\n{body}\n")
        assert mark not in text, mark


# --- ingest: site furniture ---------------------------------------------------------------


def test_a_banner_with_the_sites_english_name_and_table_rows_stay_out():
    doc = ingest_text(
        "示范镇人民政府 SHIFAN TOWN PEOPLE'S GOVERNMENT 今天是：某日\n"
        "索引号 | SF-001 | 公开方式 | 主动公开\n"
        "示范服务事项公开\n"
        "示范服务站为群众提供政策咨询服务。\n"
    )
    assert "SHIFAN" not in doc.text
    assert doc.title == "示范服务事项公开"


def test_document_sharing_site_labels_and_file_names_are_furniture():
    text = clean_text(
        "内容预览\n在示范会议上的讲话.docx - 示范文库网\n在示范会议上的讲话\n同志们：示范文字。\n"
        "未经权利人许可，禁止转载、下载、复制。\n同类文档：示范方案 示范制度\n"
    )
    assert "内容预览" not in text and ".docx" not in text
    assert "禁止转载" not in text and "同类文档" not in text


# --- generation ---------------------------------------------------------------------------


def test_a_laws_adoption_note_is_not_asked():
    text = (
        "# 示范保护法\n（2001年1月1日第九届全国人民代表大会常务委员会第二十次会议通过　"
        "根据2010年2月2日第十一届全国人民代表大会常务委员会第五次会议《关于修改〈示范保护法〉的决定》修正）\n"
        "第一条 为了示范保护，制定本法。\n第二条 示范保护工作实行属地管理。\n"
        "第三条 县级以上人民政府负责本行政区域的示范保护工作。\n"
    )
    result = generate(make_document(text), seed=1, rules=ALL_RULES, variants=3)
    assert not [c for c in result.candidates if "全国人民代表大会" in c.source.quote]


def test_a_recurring_national_day_is_no_meeting_date():
    assert not meeting_date("每年农历九月初九为示范节。")
    assert not meeting_date("每年3月最后一周的星期一为全国示范日。")
    assert meeting_date("2024年5月6日召开示范会议。")
    assert meeting_date("示范工作于6月底前完成。")


def test_a_definition_after_a_laws_lead_keeps_the_whole_term():
    text = (
        "# 在示范会上的讲话\n一、认清形势\n要学好《示范反欺骗法》。"
        "法律所称网络示范欺骗，是指以非法占有为目的，利用网络手段，欺骗公私财物的行为。\n"
    )
    found = generate(make_document(text), seed=1, rules=["fill.definition"]).candidates
    assert [c.answer for c in found] == [["网络示范欺骗"]]
    assert found[0].stem.startswith("____，是指")


def test_a_speechs_own_figures_and_local_subjects_are_not_asked():
    text = (
        "# 在示范工作推进会上的讲话\n一、抓好落实\n"
        "每个村要组建不少于8人的示范志愿队。\n"
        "村干部要在20分钟内到场处置。\n"
        "乡镇示范院床位占比不低于60%。\n"
        "县财政对每个示范点补助3万元。\n"
        "县财政负责示范点的日常运行经费。\n"
    )
    result = generate(make_document(text), seed=1, rules=ALL_RULES, variants=3)
    assert not result.candidates, [c.stem for c in result.candidates]
    reasons = {d.reason for d in result.dropped if d.filter == "local_figure"}
    assert any("本地的安排" in r for r in reasons)
    # Without a figure, the clause's subject decides: a local place is the speaker's own.
    speech = make_document(text)
    for quote in ("县财政负责示范点的日常运行经费。", "各乡镇要落实示范点的安全管理。"):
        assert "本地主体" in local_figure(_true(quote), speech)
    for quote in (
        "县级以上人民政府负责示范工作。",
        "村民委员会协助做好示范工作。",
        "村级重大事项要用好示范工作法。",
    ):
        assert local_figure(_true(quote), speech) is None


def test_a_speechs_attributed_national_figure_can_be_asked():
    result = generate(make_document(NATIONAL_FIGURES), seed=1, rules=["fill.number"])
    assert result.candidates
    assert all(
        "《示范保障条例》" in c.source.quote or "国家" in c.source.quote for c in result.candidates
    )


def test_single_number_is_off_with_its_honest_record():
    assert "23/39" in registry.OFF["single.number"]
    assert not registry.all_rules()["single.number"].enabled


# --- the report ---------------------------------------------------------------------------


def test_a_local_measures_title_is_no_statute():
    assert generator_report.is_statute("中华人民共和国示范保护法")
    assert generator_report.is_statute("示范工作条例")
    assert generator_report.is_statute("城乡示范管理办法")
    assert not generator_report.is_statute("某县农村示范供水管理办法（试行）")
    assert not generator_report.is_statute("某镇示范积分管理办法")
    assert not generator_report.is_statute("关于示范工作的通知")
