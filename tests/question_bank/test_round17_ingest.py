"""Round 17 ingest: which lines belong to a law's articles, and tagged exports (XML, TMX,
RSS) read as text. All law text is made up (a "农村公路养护法"); near-misses included."""

from __future__ import annotations

import re

import pytest

from question_bank.extract import extract
from question_bank.generate import generate
from question_bank.generate.textutil import law_name
from question_bank.ingest import ingest_bytes, ingest_text
from question_bank.membership import drop_layout_lines, is_label_line, is_record_line
from question_bank.tagged_export import looks_like_tagged_export, tagged_export_text
from tests.question_bank.generate_helpers import article_texts

NAME = "中华人民共和国农村公路养护法"
ARTICLES = {
    "第五条": [
        "县级人民政府交通运输主管部门应当每年组织一次农村公路技术状况评定。",
        "评定结果应当在评定完成后三十日内向社会公布。",
    ],
    "第六条": [
        "乡镇人民政府负责本行政区域内乡道的养护，可以采取下列方式：",
        "（一）委托专业养护单位；",
        "（二）组织群众投工投劳；",
        "（三）通过政府购买服务。",
    ],
    "第七条": ["任何单位和个人不得在农村公路用地范围内堆放物品、设置障碍。"],
    "第八条": [
        "农村公路养护资金应当专款专用，任何单位不得截留、挪用。",
        "审计机关应当依法对养护资金的使用情况进行审计监督。",
    ],
}


def _plain_law(between=lambda number: []) -> list[str]:
    lines = []
    for number, paragraphs in ARTICLES.items():
        lines.append(f"{number}　{paragraphs[0]}")
        lines.extend(paragraphs[1:])
        lines.extend(between(number))
    return lines


def _expected() -> dict[str, str]:
    return {number: "".join(paragraphs) for number, paragraphs in ARTICLES.items()}


# --- tagged exports -----------------------------------------------------------------


def _xml_dataset() -> str:
    rows = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<!-- 某县数据开放平台 · 法规条文 · 下载于 2031-02-03 -->",
        '<dataset id="DS-0042" name="农村公路养护法条文" provider="某县交通运输局" updated="2031-02-01">',
        f"  <meta><law>{NAME}</law><fields>chapter/article/para/item，seq 为款序号</fields>"
        "<records>4</records></meta>",
        '  <chapter title="第二章　养护管理">',
    ]
    for number, paragraphs in ARTICLES.items():
        rows.append(f'    <article no="{number}">')
        for seq, para in enumerate(paragraphs, 1):
            tag = "item" if para.startswith("（") else "para"
            text = f"{number}　{para}" if seq == 1 else para
            rows.append(f'      <{tag} seq="{seq}">{text}</{tag}>')
        rows.append("    </article>")
    rows += ["  </chapter>", "</dataset>"]
    return "\n".join(rows)


def _tmx() -> str:
    english = {
        "第五条": "Article 5 The department shall organise an assessment every year.",
        "第六条": "Article 6 Township governments are responsible for maintenance.",
        "第七条": "Article 7 No one may pile objects on rural road land.",
        "第八条": "Article 8 Maintenance funds shall be used for their purpose only.",
    }
    rows = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
        '<tmx version="1.4"><header creationtool="SomeTool" srclang="zh-CN">',
        "  <note>某县交通运输局翻译组 · 《农村公路养护法》第二章 翻译记忆库（英文为自译）</note>",
        '  <prop type="x-project">RR-ch2</prop>',
        "</header><body>",
    ]
    for number, paragraphs in ARTICLES.items():
        for seq, para in enumerate(paragraphs):
            zh = f"{number}　{para}" if seq == 0 else para
            en = english[number] if seq == 0 else "The segment's English translation goes here."
            rows += [
                f'<tu tuid="{number}{seq}" changedate="20310203T010000Z">',
                '  <prop type="x-status">approved</prop>',
                f'  <tuv xml:lang="zh-CN"><seg>{zh}</seg></tuv>',
                f'  <tuv xml:lang="en-US"><seg>{en}</seg></tuv>',
            ]
            if number == "第六条" and seq == 0:
                rows.append(
                    "  <note>术语：“投工投劳”译作 labour contribution，共30处保持一致。</note>"
                )
            rows.append("</tu>")
    rows.append("</body></tmx>")
    return "\n".join(rows)


def _rss(escaped: bool = False) -> str:
    rows = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0"><channel>',
        "  <title>某县交通运输局 · 法规推送</title>",
        "  <link>http://jtj.example.gov.cn/fg/</link>",
        "  <description>逐条推送农村公路法规条文</description>",
        "  <lastBuildDate>Mon, 03 Feb 2031 08:00:00 +0800</lastBuildDate>",
    ]
    for k, (number, paragraphs) in enumerate(ARTICLES.items(), 1):
        paras = [f"{number}　{paragraphs[0]}", *paragraphs[1:]]
        html = "".join(f"<p>{p}</p>" for p in paras)
        body = html.replace("<", "&lt;").replace(">", "&gt;") if escaped else f"<![CDATA[{html}]]>"
        rows += [
            "  <item>",
            f"    <title>农村公路养护法 {number}</title>",
            f"    <link>http://jtj.example.gov.cn/fg/{k:03d}.html</link>",
            f'    <guid isPermaLink="false">rr-{k:03d}</guid>',
            "    <category>第二章　养护管理</category>",
            f"    <pubDate>Mon, 03 Feb 2031 08:0{k}:00 +0800</pubDate>",
            f"    <description>{body}</description>",
            "  </item>",
        ]
    rows.append("</channel></rss>")
    return "\n".join(rows)


@pytest.mark.parametrize("make", [_xml_dataset, _tmx, _rss, lambda: _rss(escaped=True)])
def test_a_tagged_export_reads_as_the_law_alone(make):
    text = make()
    assert looks_like_tagged_export(text)
    for source in (ingest_text(text), ingest_bytes(text.encode("utf-8"), "export.txt")):
        got = {
            re.match(r"第.+?条", p.text).group(): re.sub(r"\s", "", re.sub(r"^第.+?条", "", p.text))
            for p in source.passages
            if p.kind == "article"
        }
        assert got == _expected()
        assert not re.search(r"[<>]|seq=|CDATA|http|approved|Article|术语|x-status", source.text)


def test_a_chapter_held_in_an_attribute_or_repeated_per_record_is_one_heading():
    for text in (_xml_dataset(), _rss()):
        lines = tagged_export_text(text).split("\n")
        assert sum(1 for line in lines if line.startswith("第二章")) == 1


def test_the_law_is_named_by_the_export():
    assert law_name(ingest_text(_xml_dataset())) == "农村公路养护法"
    assert law_name(ingest_text(_tmx())) == "农村公路养护法"
    assert tagged_export_text(_rss()).split("\n")[0] == "农村公路养护法"


def test_a_tagged_export_yields_questions_without_markup():
    result = generate(ingest_text(_xml_dataset()), seed=16)
    assert result.candidates
    for cand in result.candidates:
        assert not re.search(r"[<>]|seq", cand.stem)


@pytest.mark.parametrize(
    "text",
    [
        "<html><body><p>第一条 某某。</p><div>第二条 某某。</div></body></html>",
        "《<<中华人民共和国农村公路养护法>>》学习笔记\n第一条 为了……，制定本法。",
        "学习要点：<b>第五条</b>规定每年评定一次。\n<br>\n第六条规定了三种方式。",
        "# 标题\n\n- <em>要点</em>\n- 第二点\n",
    ],
)
def test_pages_and_text_with_a_few_tags_are_not_tagged_exports(text):
    assert not looks_like_tagged_export(text)


def test_an_html_page_still_goes_to_the_page_reader():
    page = "<!DOCTYPE html><html><body><p>第五条　某某。</p></body></html>"
    assert extract(page.encode("utf-8"), "page.html").kind == "html"


# --- membership: layout lines leave the articles ----------------------------------


def test_a_calendar_cover_and_usage_note_are_not_read_as_law():
    text = "\n".join(
        [
            "【2031 农村公路养护 · 普法台历】",
            "出品：某县交通运输局　协办：县公路中心　印数：5000册",
            "使用说明：每日一页，周末两日合为一页，撕下可作打卡。",
            NAME,
            *_plain_law(),
        ]
    )
    doc = ingest_text(text)
    assert "印数" not in doc.text and "周末" not in doc.text
    assert "普法台历" in doc.text  # the title line stays
    assert article_texts(text) == _expected()


def test_segment_status_lines_and_reviewer_notes_of_a_translation_export_go():
    def between(number):
        segment = list(ARTICLES).index(number) + 10
        return [f"#0{segment}　[已确认][术语]　匹配：74%", "注｜审校：本条“专款专用”按术语库译。"]

    text = "\n".join(["=== 译审导出 ===", NAME, *_plain_law(between)])
    assert article_texts(text) == _expected()
    assert "匹配" not in ingest_text(text).text and "审校" not in ingest_text(text).text


def test_a_tip_box_after_an_article_goes_and_the_article_stays():
    def between(number):
        if number != "第五条":
            return []
        return [
            "┌──────────",
            "│小贴士：本县评定结果在每年12月的政务公开栏张贴，3天内可提意见。",
            "└──────────",
        ]

    text = "\n".join([NAME, *_plain_law(between)])
    assert article_texts(text) == _expected()
    assert "小贴士" not in ingest_text(text).text


def test_a_page_frame_between_articles_goes():
    def between(number):
        return ["┗━━━━━━━━┛", "┏━━━━━━━━┓", "2031年2月　FEB.　05　星期三", "距养护宣传日还有 12 天"]

    text = "\n".join([NAME, *_plain_law(between)])
    assert article_texts(text) == _expected()
    assert "星期" not in ingest_text(text).text and "还有" not in ingest_text(text).text


def test_a_sentence_running_across_a_frame_is_kept():
    lines = [NAME, *_plain_law()]
    cut = lines.index("评定结果应当在评定完成后三十日内向社会公布。")
    lines[cut : cut + 1] = ["评定结果应当在评定完成后", "└────┘", "┌────┐", "三十日内向社会公布。"]
    assert "".join(drop_layout_lines(lines)).count("三十日内向社会公布") == 1


# --- near-misses: the law's own labelled paragraphs and other texts stay ------------


def test_a_laws_own_labelled_paragraph_stays():
    text = "\n".join(
        [
            NAME,
            "第九条　养护等级依照本条规定的期限和条件评定。",
            "评定的期限：县道每二年一次，乡道每三年一次。",
            "评定的条件：路面完好率达到百分之八十以上。",
            *_plain_law(),
            "附件：农村公路养护等级评定表（略）",
        ]
    )
    doc = ingest_text(text)
    assert "评定的期限：县道每二年一次" in doc.text
    assert "评定的条件：" in doc.text
    assert "附件：农村公路养护等级评定表" in doc.text


def test_label_lines_in_a_text_without_articles_stay():
    notice = "\n".join(
        [
            "关于召开农村公路养护工作会议的通知",
            "各乡镇：",
            "时间：2031年3月5日上午9时",
            "地点：县交通运输局三楼会议室",
            "参会人员：各乡镇分管负责同志。",
        ]
    )
    assert ingest_text(notice).text.count("：") >= 4


@pytest.mark.parametrize(
    "line",
    [
        "第五条　县级人民政府应当每年组织一次评定：",
        "（一）委托专业养护单位；",
        "评定结果应当在评定完成后三十日内向社会公布。",
        "本法下列用语的含义：",
        "条文：第五条　县级人民政府……",
    ],
)
def test_law_lines_are_neither_records_nor_labels(line):
    assert not is_record_line(line)
    assert not is_label_line(line, "第五条　县级人民政府应当每年组织一次评定")


@pytest.mark.parametrize(
    "line",
    [
        "出品：某县交通运输局　协办：县公路中心　印数：5000册",
        "#012　[已确认]　匹配：91%",
        "版次：2031年2月第1版　字数：3万",
        "—— 统计：段数 16 已确认 16 ——",
    ],
)
def test_metadata_lines_are_records(line):
    assert is_record_line(line)


def test_no_stem_carries_layout_text():
    def between(number):
        return [
            "┌──────",
            "│小贴士：本县每年投入养护资金300万元，每公里补助5000元。",
            "└──────",
            "#019　[已确认]　匹配：68%",
        ]

    text = "\n".join(["普法台历", "印数：3000册　开本：32开", NAME, *_plain_law(between)])
    result = generate(ingest_text(text), seed=16)
    for cand in result.candidates:
        assert not re.search(r"小贴士|匹配|印数|300万|5000元|%", cand.stem), cand.stem


def test_a_boards_bracketed_captions_before_the_law_go_but_a_marked_source_line_stays():
    text = "\n".join(
        [
            "【展板文字稿】",
            "说明：共六块展板",
            "[主标题] 养护农村路，每年评一次",
            "[配图] 养护工人在修补路面（插画）",
            "[副标题] 学习《中华人民共和国农村公路养护法》",
            *_plain_law(
                lambda number: ["[原文] （四）其他依法确定的方式。"] if number == "第八条" else []
            ),
        ]
    )
    doc = ingest_text(text)
    assert "主标题" not in doc.text and "配图" not in doc.text
    assert "学习《中华人民共和国农村公路养护法》" in doc.text
    assert "（四）其他依法确定的方式。" in doc.text
