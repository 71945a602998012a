"""Round 14 (issue 16): a law's name chosen by what it is, whatever stands at the head.

One small self-written law is printed under many odd heads (the adoption note first with the
name only in the file name, an e-mail's "主题：转发：" line, a slide export, a headline, a
reader's or a site's name before the law's name, Markdown front matter, file names with dates
and suffixes); each must read as the statute, carry the law's name and put it in the stems.
A speech or notice that mentions the law at its head is no statute and gets no law name.
"""

from __future__ import annotations

import pytest

from question_bank.generate import kinds
from question_bank.generate.textutil import law_name
from question_bank.ingest import ingest_bytes, ingest_text

FULL = "中华人民共和国乡村公共广播法"
SHORT = "乡村公共广播法"
NOTE = "（2031年6月1日某届全国人民代表大会常务委员会第八次会议通过）"
NUMERALS = "一二三四五六七八九十"
BODIES = [
    "为了规范乡村公共广播的建设和管理，更好发挥广播宣传服务作用，制定本法。",
    "本法所称乡村公共广播，是指在乡镇和村设置、面向公众播放的广播设施。",
    "乡村公共广播工作坚持统筹规划、因地制宜、安全可靠、方便群众的原则。",
    "县级以上人民政府应当将乡村公共广播建设纳入本级国民经济和社会发展规划。",
    "乡镇人民政府负责本行政区域内乡村公共广播的日常管理。",
    "村民委员会应当指定专人负责村广播设施的维护。",
    "乡村公共广播每日播放时间不得少于两小时。",
    "遇有自然灾害预警，县级人民政府应急管理部门应当在一小时内通过乡村公共广播发布。",
    "广播设施损坏的，乡镇人民政府应当在十五日内组织修复。",
    "对在乡村公共广播工作中做出显著成绩的单位和个人，按照国家有关规定给予表彰。",
]


def _articles(prefix: str = "") -> list[str]:
    lines = [f"{prefix}第一章 总则"]
    for n, body in enumerate(BODIES):
        if n == 5:
            lines.append(f"{prefix}第二章 管理与保障")
        lines.append(f"{prefix}第{NUMERALS[n]}条 {body}")
    return lines


HEADS: dict[str, tuple[list[str], str | None, str]] = {
    # name, (head lines, file name or None, body prefix)
    "adoption_note_first": ([NOTE], "乡村公共广播法（第一、二章）.txt", ""),
    "file_name_with_date": ([NOTE], f"{FULL}_20310601.txt", ""),
    "file_name_with_suffixes": ([NOTE], "乡村公共广播法(全文).docx.txt", ""),
    "email_forward": (
        [
            f"主题：转发：关于学习《{FULL}》的通知",
            "发件人：县文广局办公室 <wgj_office@example.cn>",
            "时间：2031年7月3日（星期四）上午10:15",
            "收件人：各乡镇综合文化站",
            "各站：现将法律条文转来，请组织学习。",
            "------------------ 原始邮件 ------------------",
        ],
        None,
        "",
    ),
    "email_forward_chain_short_subject": (
        [
            "主题：转发：转发：广播法条文（培训用）",
            "发件人：县文广局 <a@example.cn>",
            "时间：2031年7月3日",
        ],
        "乡村公共广播法_邮件转发.txt",
        "",
    ),
    "slide_export": (
        [
            "幻灯片 1",
            f"《{FULL}》逐条学习",
            "县文化广电局 业务培训课件（2031年第2期）",
            "幻灯片 2",
            "立法情况",
        ],
        None,
        "",
    ),
    "headline_with_tag": ([f"【法律法规】{SHORT}（2031修正）", NOTE], None, ""),
    "reader_line_before_name": (
        ["县图书馆 · 普法读本（第5辑）", FULL, NOTE],
        None,
        "",
    ),
    "site_line_before_name": (["清河普法网｜法规速查", f"{FULL}", NOTE], None, ""),
    "markdown_front_matter": (
        ["---", "site: 清河普法网", "author: 县司法局", "---", "", f"# {FULL}", NOTE],
        None,
        "",
    ),
    "category_field_first": (
        ["【制定机关】全国人大常委会　【法规类别】广播电视综合规定", FULL, NOTE],
        "乡村公共广播法_法规库.txt",
        "",
    ),
    "title_field": ([f"法规名称：{FULL}", "发布日期：2031-06-01", "时效性：现行有效"], None, ""),
}


def _doc(head: str):
    lines, file_name, prefix = HEADS[head]
    text = "\n".join([*lines, *_articles(prefix)]) + "\n"
    if file_name:
        return ingest_bytes(text.encode("utf-8"), file_name)
    return ingest_text(text)


@pytest.mark.parametrize("head", sorted(HEADS))
def test_an_odd_head_still_names_the_law(head):
    doc = _doc(head)
    assert law_name(doc) == SHORT
    assert kinds.document_kind(doc) == kinds.STATUTE


@pytest.mark.parametrize(
    "head", ["adoption_note_first", "email_forward", "slide_export", "reader_line_before_name"]
)
def test_stems_cite_the_chosen_name(head):
    from question_bank.generate.pipeline import generate

    items = generate(_doc(head), seed=16).candidates
    stems = [i.stem for i in items]
    assert any(f"根据《{SHORT}》" in stem for stem in stems), stems
    cited = [s for s in stems if "《" in s]
    assert all(f"《{SHORT}》" in s for s in cited), cited


def test_a_law_cited_inside_the_articles_does_not_win():
    lines = [NOTE, *_articles()]
    lines[-1] = "第十条 违反本法规定的，依照《中华人民共和国治安管理处罚法》的有关规定处理。"
    doc = ingest_bytes(("\n".join(lines) + "\n").encode("utf-8"), f"{SHORT}.txt")
    assert law_name(doc) == SHORT


SPEECH = f"""在全县学习贯彻《{FULL}》动员会上的讲话
同志们：
今天召开会议，部署学习贯彻《{FULL}》工作。
第一条规定了立法目的，大家要认真领会。
法律第七条要求每日播放时间不得少于两小时，我县要求各村每天早晚各播一次。
第九条讲的修复期限，各乡镇要严格落实，县里每季度检查一次。
同志们，这项工作关系群众切身利益，希望大家抓紧抓实。
"""

NOTICE_CITING = f"""关于做好村广播开放工作的通知
各村：
根据《{FULL}》第七条、第八条的规定，现将有关事项通知如下。
一、播放时间。第七条：乡村公共广播每日播放时间不得少于两小时。
二、应急发布。第八条：遇有预警，一小时内发布。
三、设施修复。第九条：损坏的十五日内修复。
某镇人民政府
"""

NOTICE = f"""关于学习《{FULL}》的通知
各乡镇综合文化站：
为做好学习宣传工作，现将有关事项通知如下。
第三条 乡村公共广播工作坚持统筹规划、因地制宜、安全可靠、方便群众的原则。
第七条 乡村公共广播每日播放时间不得少于两小时。
第九条 广播设施损坏的，乡镇人民政府应当在十五日内组织修复。
请各站于8月10日前报送学习情况。
县文化广电局
2031年7月20日
"""


@pytest.mark.parametrize("text", [SPEECH, NOTICE, NOTICE_CITING])
def test_a_speech_or_notice_naming_the_law_is_no_statute(text):
    doc = ingest_text(text)
    assert kinds.document_kind(doc) == kinds.OTHER
    assert law_name(doc) is None


@pytest.mark.parametrize("lead", ["📖 ", "🔹", "[原文] ", "【原文】"])
def test_a_post_or_export_lead_before_each_article_keeps_the_articles(lead):
    lines = [f"{SHORT}｜这些规定要记牢！原文来了", NOTE]
    for n, body in enumerate(BODIES):
        lines.append(f"{lead}第{NUMERALS[n]}条　{body}")
    doc = ingest_text("\n".join(lines) + "\n")
    assert sum(1 for p in doc.passages if p.kind == "article") == len(BODIES)
    assert law_name(doc) == SHORT
    assert kinds.document_kind(doc) == kinds.STATUTE
