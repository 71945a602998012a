"""Round 19 ingest: a law's name from its own full name, not a calendar's or a column's
label; short-line layouts (OFD pages, faxes) joined again; tables with a text column
(Markdown, MediaWiki, SpreadsheetML, "〃" for the next paragraph) and mind-map outlines read
as articles. All law text is made up (a "护林员地位和权益保障法")."""

from __future__ import annotations

import random

from question_bank.generate.attribution import law_cited
from question_bank.generate.kinds import STATUTE, document_kind
from question_bank.generate.textutil import law_name
from question_bank.ingest import ingest_bytes, ingest_text
from question_bank.layout_exports import column_tables, table_lines
from tests.question_bank.generate_helpers import RANGER_ARTICLES, article_texts

FULL_NAME = "中华人民共和国护林员地位和权益保障法"
ARTICLES = {
    **RANGER_ARTICLES,
    "第十三条": ["乡镇人民政府应当为护林员配备必要的通讯和防护装备，并每三年至少更新一次。"],
}


def _expected() -> dict[str, str]:
    return {number: "".join(paragraphs) for number, paragraphs in ARTICLES.items()}


def _paragraphs() -> list[tuple[str, str, bool]]:
    """(article, paragraph, first of its article)."""
    out = []
    for number, paragraphs in ARTICLES.items():
        out.append((number, f"{number}　{paragraphs[0]}", True))
        out.extend((number, p, False) for p in paragraphs[1:])
    return out


def _clean_text() -> str:
    return "\n".join([FULL_NAME, "第二章　待遇保障", *(p for _, p, _ in _paragraphs())])


def _law(text: str, filename: str | None = None):
    if filename:
        return ingest_bytes(text.encode("utf-8"), filename)
    return ingest_text(text)


def test_the_clean_text_reads_as_the_law():
    assert article_texts(_clean_text()) == _expected()


# --- the law's name -----------------------------------------------------------------------


def _ical(calendar_name: str = "每日一条·护林员权益法") -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//某县林业局//每日一条//ZH",
        f"X-WR-CALNAME:{calendar_name}",
        "X-WR-CALDESC:县林业局“每日一条”订阅日历，共5条，每天早上7点提醒",
    ]
    for day, number in enumerate(ARTICLES, start=1):
        text = "\\n".join([f"{number}　{ARTICLES[number][0]}", *ARTICLES[number][1:]])
        if day == 1:
            text = f"《{FULL_NAME}》第二章　待遇保障\\n" + text
        description = f"DESCRIPTION:{text}"
        # RFC 5545 folds long lines: a line that starts with a space continues the last
        folded = [description[:40]] + [
            " " + description[i : i + 40] for i in range(40, len(description), 40)
        ]
        lines += [
            "BEGIN:VEVENT",
            f"UID:law-2026070{day}@example.org",
            f"DTSTART;TZID=Asia/Shanghai:2026070{day}T070000",
            f"SUMMARY:每日一条（{day}/5）{number}",
            *folded,
            "CATEGORIES:普法",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "DESCRIPTION:今日一条",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def test_a_calendar_subscription_reads_as_its_events_descriptions():
    text = _ical()
    assert article_texts(text) == _expected()
    document = _law(text, "护林员法_日历订阅.ics")
    assert document_kind(document) == STATUTE
    assert "今日一条" not in document.text and "每日一条" not in document.text


def test_the_full_name_in_the_text_beats_a_calendars_short_label():
    assert law_name(_law(_ical(), "每日一条·护林员权益法.ics")) == "护林员地位和权益保障法"


def test_the_full_name_in_a_head_line_beats_a_short_title_and_file_name():
    body = "\n".join(p for _, p, _ in _paragraphs())
    for head in (
        f"每日一条·护林员权益法\n《{FULL_NAME}》第二章　待遇保障",
        f"护林员权益法\n{FULL_NAME}\n第二章　待遇保障",
        f"护林员权益法\n本期学习《{FULL_NAME}》第二章\n第二章　待遇保障",
    ):
        document = _law(head + "\n" + body, "护林员权益法.txt")
        assert law_name(document) == "护林员地位和权益保障法", head


def test_the_official_short_form_of_the_full_name_stays():
    body = "\n".join(p for _, p, _ in _paragraphs())
    document = _law(f"护林员地位和权益保障法\n{FULL_NAME}\n第二章　待遇保障\n" + body)
    assert law_name(document) == "护林员地位和权益保障法"


def test_a_law_named_before_is_never_a_name():
    body = "\n".join(p for _, p, _ in _paragraphs())
    assert law_name(_law("同一部法律\n第二章　待遇保障\n" + body)) is None
    cited = law_cited("同一部法律第十二条第二款规定：“拒不给予救治的，由上级人民政府责令改正。”")
    assert cited is None or cited[0] is None


# --- short lines: OFD pages and faxes -----------------------------------------------------


def _ofd(indent: bool = True) -> str:
    objects = []
    y = 30.0

    def add(x: float, text: str, size: str = "5.29") -> None:
        nonlocal y
        objects.append(
            f'<ofd:TextObject ID="{len(objects) + 100}" Boundary="{x} {y:.2f} 160 7.5" '
            f'Font="4" Size="{size}"><ofd:TextCode X="0" Y="5.6">{text}</ofd:TextCode>'
            "</ofd:TextObject>"
        )
        y += 7.9

    add(60.0, FULL_NAME, "6.5")
    add(80.0, "第二章　待遇保障", "5.64")
    rnd = random.Random(19)
    page = 1
    for _, paragraph, _ in _paragraphs():
        first = True
        while paragraph:
            width = rnd.randint(20, 28)
            add(35.6 if first and indent else 25.0, paragraph[:width])
            paragraph, first = paragraph[width:], False
            if len(objects) % 7 == 0:  # a page ends inside the paragraph
                add(95.0, f"— {page} —", "3.7")
                page += 1
                add(25.0, "护林员学习材料（内部）　　2026年3月", "3.7")
    body = "\n".join(objects)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016">\n<ofd:Content>\n'
        f'<ofd:Layer ID="31" Type="Body">\n{body}\n</ofd:Layer>\n'
        "</ofd:Content>\n</ofd:Page>\n"
    )


def test_ofd_page_lines_join_into_the_articles():
    text = _ofd()
    assert article_texts(text) == _expected()
    document = _law(text, "护林员法_OFD解包.xml")
    assert law_name(document) == "护林员地位和权益保障法"
    assert "学习材料" not in document.text and "—" not in document.text


def test_ofd_page_lines_without_indents_still_join():
    assert article_texts(_ofd(indent=False)) == _expected()


def _faxed(seed: int) -> str:
    rnd = random.Random(seed)
    lines = [
        "2026/03/11 09:41　FAX:0774-6213958　某县林业局　P.001/004",
        FULL_NAME,
        "第二章　待遇保障",
    ]
    page = 1
    for _, paragraph, _ in _paragraphs():
        paragraph = "　　" + paragraph
        while paragraph:
            width = rnd.randint(20, 30)
            lines.append(paragraph[:width])
            paragraph = paragraph[width:]
            if len(lines) % 8 == 0:  # the next sheet of the fax
                page += 1
                lines += [
                    "",
                    f"2026/03/11 09:4{page}　FAX:0774-6213958　某县林业局　P.00{page}/004",
                    "",
                ]
    return "\n".join(lines)


def test_fax_pages_with_lines_of_any_width_read_as_the_law():
    for seed in range(6):
        assert article_texts(_faxed(seed)) == _expected(), seed


# --- tables with a text column ------------------------------------------------------------


def _table_rows() -> list[tuple[str, str, str]]:
    """(article cell, Chinese cell, English cell): later paragraphs carry "〃"."""
    return [
        (number if first else "〃", paragraph.split("　", 1)[-1] if first else paragraph, "Text")
        for number, paragraph, first in _paragraphs()
    ]


def test_a_markdown_table_with_ditto_rows_reads_as_articles():
    rows = ["| 条 | 中文 | English |", "|---|---|---|"]
    rows += [f"| {a} | {zh} | Article text in English |" for a, zh, _ in _table_rows()]
    text = "\n".join([f"# {FULL_NAME}（中英对照）", "## 第二章　待遇保障", *rows])
    assert article_texts(text) == _expected()


def test_a_mediawiki_table_with_ditto_rows_reads_as_articles():
    lines = [
        "<!-- 内部维基 · 页面“护林员法/第二章/中英对照” -->",
        f"'''{FULL_NAME}'''（中英对照，'''非官方译本'''）",
        "== 第二章 待遇保障 / Chapter II Treatment ==",
        '{| class="wikitable" style="width:100%"',
        "! 条 !! 中文 !! English",
    ]
    for article, zh, _ in _table_rows():
        lines += ["|-", f"| {article} || {zh} || The English text of this row."]
    lines.append("|}")
    text = "\n".join(lines)
    assert article_texts(text) == _expected()
    document = _law(text)
    assert law_name(document) == "护林员地位和权益保障法"
    assert "English" not in document.text and "'''" not in document.text


def test_a_table_without_a_text_column_stays_a_table():
    lines = ["| 档次 | 补助标准 | 备注 |", "|---|---|---|", "| 一档 | 200元 | 按月 |"]
    assert column_tables(lines) == lines
    assert table_lines([["档次", "金额"], ["一档", "200"]]) is None


def _spreadsheet() -> str:
    def row(*cells: tuple[str, str]) -> str:
        inner = "".join(
            f'<Cell><Data ss:Type="{kind}">{value}</Data></Cell>' for kind, value in cells
        )
        return f"<Row>{inner}</Row>"

    rows = [row(("String", "序号"), ("String", "中文"), ("String", "English"), ("String", "状态"))]
    rows.append(row(("Number", "1"), ("String", "第二章　待遇保障"), ("String", "Chapter II")))
    for i, (_, paragraph, _) in enumerate(_paragraphs(), start=2):
        rows.append(
            row(
                ("Number", str(i)),
                ("String", paragraph),
                ("String", "The English text of this paragraph."),
                ("String", "已审" if i % 3 else "待审"),
            )
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n'
        f"<DocumentProperties><Title>{FULL_NAME}（中英对照工作稿）</Title>"
        "<Author>某县林业局</Author></DocumentProperties>\n"
        '<Worksheet ss:Name="说明"><Table><Row><Cell><Data ss:Type="String">'
        "本表为工作译文，以中文为准。</Data></Cell></Row></Table></Worksheet>\n"
        f'<Worksheet ss:Name="对照"><Table>{"".join(rows)}</Table></Worksheet>\n</Workbook>\n'
    )


def test_spreadsheet_xml_keeps_its_chinese_column():
    text = _spreadsheet()
    assert article_texts(text) == _expected()
    document = _law(text, "护林员法_中英对照.xml")
    assert document_kind(document) == STATUTE
    assert law_name(document) == "护林员地位和权益保障法"
    assert "已审" not in document.text and "待审" not in document.text


# --- mind-map outlines --------------------------------------------------------------------


def test_a_mind_map_outline_of_articles_reads_as_the_law():
    lines = [f"- {FULL_NAME}", "  - 第二章　待遇保障"]
    for _, paragraph, first in _paragraphs():
        if first:
            lines.append(f"    - {paragraph}")
        else:
            lines.append(f"      * {paragraph}")
    assert article_texts("\n".join(lines)) == _expected()


def test_a_node_that_only_numbers_the_article_below_goes():
    lines = [f"# {FULL_NAME}学习导图", "## 第二章　待遇保障"]
    for number, paragraph, first in _paragraphs():
        if first:
            lines += [f"### {number} [标签：重点]", f"- {paragraph}"]
        else:
            lines.append(f"- {paragraph}")
    assert article_texts("\n".join(lines)) == _expected()


def test_a_heading_outline_reads_its_deeper_nodes_as_the_articles_paragraphs():
    lines = [f"# {FULL_NAME}学习导图", "## 第二章　待遇保障"]
    for _, paragraph, first in _paragraphs():
        lines.append(f"### {paragraph}" if first else f"#### {paragraph}")
        if first:
            lines += ["    [标签] 重点", "    [备注] 镇里现有护林员14人，老周负责核对名单"]
    text = "\n".join(lines)
    assert article_texts(text) == _expected()
    assert "老周" not in ingest_text(text).text


def test_a_few_bulleted_points_are_left_alone():
    from question_bank.layout_exports import outline_bullets

    lines = ["- 第一条是总则", "- 要点二", "* 要点三"]
    assert outline_bullets(lines) == lines


def test_the_modern_huai_is_not_read_as_the_old_form_of_pi():
    from question_bank.clean import clean_text

    line = "第四十二条　受让方严重破坏土地生态环境的，承包方可以解除合同。"
    assert "破坏土地" in clean_text(line)
    assert "损坏土地" in clean_text("第四十二条　受讓方嚴重損壞土地的，承包方可以解除合同。")
