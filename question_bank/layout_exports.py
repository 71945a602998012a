"""Containers that hold a law's text in a layout of their own, read back to lines of text.

- A calendar subscription (iCalendar, "BEGIN:VCALENDAR"): one article a day in each event's
  DESCRIPTION (escaped "\\n" for its paragraph breaks, long lines folded). The calendar's
  name ("每日一条·某某法") and each event's SUMMARY are the subscription's labels, not the
  document's words: they go, the descriptions stay, in order.
- Fixed-layout page XML (OFD, one <ofd:TextObject> per printed line): a line at the body's
  left margin continues the paragraph above; an indented line, a chapter heading or an
  article's head starts a new one. Page numbers ("— 3 —") and a header repeated on every
  page go.
- Spreadsheet XML (SpreadsheetML, Excel 2003: <Row><Cell><Data>…) and tables with a column
  per language (Markdown "| 条 | 中文 | English |", MediaWiki "! 条 !! 中文 !! English"): the
  column headed 中文/原文/条文 is the text; the article column gives each row's article, and
  a "〃" there means the row is the next paragraph of the same article. Status, number and
  English columns go.
- A mind-map outline ("- 第九条 …", "  - （一）…", "* …"): the outline's bullets go when its
  topics are a law's articles.
- A key=value log (a platform's push or message log: a record line "2026-04-08 08:30:00 INFO
  [worker] task=… target=… msg=…", then indented "title=…", "body=…" fields): the text is in
  the fields' values, one paragraph a field. A record line keeps only its message field
  (msg=, body=, text=, …); the logger's fields (time, level, thread, ids, targets, counts) and
  its free-text warnings go; a title=/subject= field is the push's label and goes too.
"""

from __future__ import annotations

import html
import re
from collections import Counter

_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_TAG = re.compile(r"<[^>]+>")
_NUMERAL = "一二三四五六七八九十百零〇两\\d"
_ARTICLE_HEAD = re.compile(rf"^第[{_NUMERAL}]+条(?:之[{_NUMERAL}]+)?")
_ARTICLE_CELL = re.compile(rf"^第[{_NUMERAL}]+条(?:之[{_NUMERAL}]+)?$")
_PART_HEAD = re.compile(rf"^第[{_NUMERAL}]+[编章节](?:\s|　|$)")
_ITEM_HEAD = re.compile(rf"^[（(][{_NUMERAL}]{{1,3}}[）)]")
# "《中华人民共和国某某法》第五章　抚恤优待": the law's name, then the part a page starts.
_NAMED_PART = re.compile(rf"^《([^《》]{{2,40}})》\s*(第[{_NUMERAL}]+[编章节].*)$")


def _chinese(cell: str) -> bool:
    han = len(_HAN.findall(cell))
    return han >= 1 and han >= len(_LATIN.findall(cell))


def _split_named_part(line: str) -> list[str]:
    m = _NAMED_PART.match(line)
    return [m.group(1), m.group(2)] if m else [line]


# --- iCalendar ----------------------------------------------------------------------------

_ICAL_ESCAPE = re.compile(r"\\([nN,;\\])")


def looks_like_icalendar(text: str) -> bool:
    return text.lstrip("\ufeff \r\n").startswith("BEGIN:VCALENDAR")


def _ical_value(value: str) -> str:
    return _ICAL_ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def icalendar_text(text: str) -> str:
    """The events' descriptions, in order (see the module's doc)."""
    text = re.sub(r"\r?\n[ \t]", "", text.lstrip("\ufeff").replace("\r\n", "\n"))
    components: list[str] = []
    out: list[str] = []
    for line in text.split("\n"):
        name, _, value = line.partition(":")
        name = name.split(";")[0].upper()
        if name == "BEGIN":
            components.append(value.strip().upper())
        elif name == "END":
            if components:
                components.pop()
        elif name == "DESCRIPTION" and components and components[-1] == "VEVENT":
            for part in _ical_value(value).split("\n"):
                out.extend(_split_named_part(part.strip()))
    return "\n".join(out)


# --- OFD page XML -------------------------------------------------------------------------

_OFD_OBJECT = re.compile(
    r"<ofd:TextObject\b([^>]*)>(.*?)</ofd:TextObject>", re.DOTALL | re.IGNORECASE
)
_OFD_CODE = re.compile(r"<ofd:TextCode\b[^>]*>(.*?)</ofd:TextCode>", re.DOTALL | re.IGNORECASE)
_BOUNDARY = re.compile(r'Boundary="\s*([-\d.]+)\s+([-\d.]+)')
_PAGE_NUMBER = re.compile(
    r"^[—–\-－]\s*\d{1,4}\s*[—–\-－]$|^第\s*\d{1,4}\s*页(?:\s*/?\s*共\s*\d+\s*页)?$"
)
_MARGIN_SLACK = 1.0


def looks_like_ofd(text: str) -> bool:
    return "<ofd:TextCode" in text[:50000]


def _ofd_lines(text: str) -> list[tuple[float | None, str]]:
    lines = []
    for m in _OFD_OBJECT.finditer(text):
        content = "".join(_OFD_CODE.findall(m.group(2))) or _TAG.sub("", m.group(2))
        content = " ".join(html.unescape(content).split())
        if not content:
            continue
        box = _BOUNDARY.search(m.group(1))
        lines.append((float(box.group(1)) if box else None, content))
    return lines


def _starts_block(line: str) -> bool:
    return bool(_ARTICLE_HEAD.match(line) or _PART_HEAD.match(line) or _ITEM_HEAD.match(line))


def ofd_text(text: str) -> str:
    """The page XML's text, its printed lines joined into paragraphs (see the module's doc)."""
    lines = _ofd_lines(text)
    if not lines:
        return _TAG.sub("\n", text)
    counts = Counter(content for _, content in lines)
    lines = [
        (x, content)
        for x, content in lines
        if not _PAGE_NUMBER.match(content)
        and not (counts[content] >= 2 and not _starts_block(content) and len(content) <= 60)
    ]
    margins = Counter(round(x, 1) for x, content in lines if x is not None and len(content) >= 8)
    margin = margins.most_common(1)[0][0] if margins else None
    indented = sum(1 for x, _ in lines if x is not None and margin is not None and x > margin)
    if margin is None or indented < 0.1 * len(lines):
        # No indents to tell a paragraph's start by: a line each, joined later by width.
        return "\n".join(part for _, content in lines for part in _split_named_part(content))
    out: list[str] = []
    joinable = False
    for x, content in lines:
        at_margin = x is not None and abs(x - margin) < _MARGIN_SLACK
        if joinable and at_margin and out and not _starts_block(content):
            out[-1] += content
            continue
        out.extend(_split_named_part(content))
        joinable = not _PART_HEAD.match(content) and x is not None and x >= margin - _MARGIN_SLACK
    return "\n".join(out)


# --- tables with a text column ------------------------------------------------------------

_TEXT_HEADS = frozenset({"中文", "原文", "中文原文", "条文", "中文文本", "条文内容", "中文条文"})
_ARTICLE_HEADS = frozenset({"条", "条号", "条款", "条目", "条次", "条文序号"})


def table_lines(rows: list[list[str]]) -> list[str] | None:
    """The text column of a table whose head names it (中文, 原文, 条文), each row a line,
    headed by its article when the article stands in a column of its own ("〃" or any
    other article cell adds the row as the next paragraph of the article above); None when
    no head row names a text column."""
    index = next(
        (i for i, row in enumerate(rows[:4]) if any(c.strip() in _TEXT_HEADS for c in row)), None
    )
    if index is None:
        return None
    heads = [cell.strip() for cell in rows[index]]
    text_column = next(i for i, h in enumerate(heads) if h in _TEXT_HEADS)
    article_column = next((i for i, h in enumerate(heads) if h in _ARTICLE_HEADS), None)
    out = [cell for row in rows[:index] for cell in row if _chinese(cell)]
    for row in rows[index + 1 :]:
        text = row[text_column].strip() if text_column < len(row) else ""
        if not text:
            continue
        article = (
            row[article_column].strip()
            if article_column is not None and article_column < len(row)
            else ""
        )
        if _ARTICLE_CELL.match(article) and not text.startswith(article):
            text = f"{article}　{text}"
        out.append(text)
    return out


_SHEET = re.compile(r"<(?:ss:)?Worksheet\b.*?</(?:ss:)?Worksheet>", re.DOTALL)
_ROW = re.compile(r"<(?:ss:)?Row\b[^>]*?(?:/>|>(.*?)</(?:ss:)?Row>)", re.DOTALL)
_CELL = re.compile(r"<(?:ss:)?Cell\b([^>]*?)(?:/>|>(.*?)</(?:ss:)?Cell>)", re.DOTALL)
_CELL_INDEX = re.compile(r'ss:Index="(\d+)"')
_DATA = re.compile(r"<(?:ss:)?Data\b[^>]*>(.*?)</(?:ss:)?Data>", re.DOTALL)
_SHEET_TITLE = re.compile(r"<(?:o:)?Title>(.*?)</(?:o:)?Title>", re.DOTALL)


def looks_like_spreadsheet_xml(text: str) -> bool:
    head = text[:3000]
    return "urn:schemas-microsoft-com:office:spreadsheet" in head or "Excel.Sheet" in head


def _cell_text(raw: str) -> str:
    data = _DATA.search(raw or "")
    return " ".join(html.unescape(_TAG.sub("", data.group(1) if data else "")).split())


def spreadsheet_text(text: str) -> str:
    """A SpreadsheetML workbook's text: its title, then each sheet's rows (see the module's
    doc); a sheet without a text column gives its Chinese cells, a line each."""
    out: list[str] = []
    title = _SHEET_TITLE.search(text)
    if title and _chinese(html.unescape(title.group(1))):
        out.append(" ".join(html.unescape(title.group(1)).split()))
    for sheet in _SHEET.finditer(text):
        rows = []
        for row in _ROW.finditer(sheet.group(0)):
            cells: list[str] = []
            for cell in _CELL.finditer(row.group(1) or ""):
                at = _CELL_INDEX.search(cell.group(1))
                if at:
                    cells.extend("" for _ in range(int(at.group(1)) - 1 - len(cells)))
                cells.append(_cell_text(cell.group(2)))
            rows.append(cells)
        picked = table_lines(rows)
        if picked is None:
            picked = [cell for row in rows for cell in row if _chinese(cell)]
        out.extend(picked)
    return "\n".join(out)


# A MediaWiki table's rows: "{|" opens, "|-" parts rows, "|}" closes; "! a !! b" heads,
# "| a || b" cells.
_WIKI_OPEN = re.compile(r"^\s*\{\|")
_WIKI_CLOSE = re.compile(r"^\s*\|\}")
_WIKI_ROW_BREAK = re.compile(r"^\s*\|-")
_MD_ROW = re.compile(r"^\s*\|(.+?)\|?\s*$")
_MD_RULE_CELL = re.compile(r"^:?-{2,}:?$")


def _wiki_cells(line: str) -> list[str]:
    body = line.strip()[1:]
    cells = re.split(r"\|\||!!", body)
    # "style="…" | text": the cell's attributes before a single bar
    return [c.split("|", 1)[1] if "=" in c.split("|", 1)[0] and "|" in c else c for c in cells]


def _wiki_table(lines: list[str]) -> list[list[str]]:
    rows: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        stripped = line.strip()
        if _WIKI_ROW_BREAK.match(stripped):
            if current:
                rows.append(current)
            current = []
        elif stripped.startswith(("|", "!")) and not stripped.startswith("|+"):
            current.extend(cell.strip() for cell in _wiki_cells(stripped))
    if current:
        rows.append(current)
    return rows


def column_tables(lines: list[str]) -> list[str]:
    """Markdown and MediaWiki tables with a head naming their text column (中文, 原文, 条文)
    become that column's lines; other tables stay as they are."""
    if not any("|" in line for line in lines):
        return lines
    out: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if _WIKI_OPEN.match(line):
            end = next((j for j in range(i + 1, n) if _WIKI_CLOSE.match(lines[j])), n - 1)
            picked = table_lines(_wiki_table(lines[i + 1 : end]))
            if picked is not None:
                out.extend(picked)
                i = end + 1
                continue
        elif _MD_ROW.match(line) and line.count("|") >= 3:
            end = i
            while end < n and _MD_ROW.match(lines[end]):
                end += 1
            rows = [
                [c.strip() for c in _MD_ROW.match(row).group(1).split("|")] for row in lines[i:end]
            ]
            rows = [r for r in rows if not all(_MD_RULE_CELL.match(c) for c in r if c)]
            picked = table_lines(rows)
            if picked is not None:
                out.extend(picked)
                i = end
                continue
            out.extend(lines[i:end])
            i = end
            continue
        out.append(line)
        i += 1
    return out


_WIKI_HEADING = re.compile(r"^(={2,6})\s*(.+?)\s*\1\s*$")
_WIKI_PAGE = re.compile(r"^(?:={2,6}[^\n]*={2,6}|\s*\{\|)[ \t]*$", re.MULTILINE)
_WIKI_EMPHASIS = re.compile(r"'{2,5}(.+?)'{2,5}")


def wiki_markup(lines: list[str]) -> list[str]:
    """A MediaWiki page's headings ("== 第五章 医疗救治 ==") as Markdown headings and its
    bold and italic quotes ("'''说明'''") off, when the page has such headings or a table."""
    if not _WIKI_PAGE.search("\n".join(lines)):
        return lines
    out = []
    for line in lines:
        m = _WIKI_HEADING.match(line)
        if m:
            line = "#" * (len(m.group(1)) - 1) + " " + m.group(2)
        if "''" in line:
            line = _WIKI_EMPHASIS.sub(r"\1", line)
        out.append(line)
    return out


# --- mind-map outlines --------------------------------------------------------------------

_OUTLINE_BULLET = re.compile(r"^[ \t　]*[-*+]\s+")
# A node that is only an article's number ("### 第二十八条", "第三十三条 [标签：重点]") over
# the node that holds the article ("第二十八条　国家……").
_NUMBER_NODE = re.compile(
    rf"^#*\s*(第[{_NUMERAL}]+条(?:之[{_NUMERAL}]+)?)\s*(?:[\[【［][^\]】］]{{0,12}}[\]】］]\s*)*$"
)


# A mind map's own remarks on a node ("[备注] 镇里现有…", "[标签] 重点", "[图标] ⚠"): the
# editor's, never the law's words.
_NODE_REMARK = re.compile(r"^[ \t　]*[\[【［](?:备注|标签|图标|链接|注释|批注|笔记|优先级)[\]】］]")
_HEADING_NODE = re.compile(r"^(#{1,6})\s*(.*)$")
_ARTICLE_HEADING_NODE = re.compile(
    rf"^(#{{1,6}})[ \t]*第[{_NUMERAL}]+条(?:之[{_NUMERAL}]+)?[^\n]{{4,}}$", re.MULTILINE
)
_BULLETED_ARTICLE = re.compile(rf"^[ \t　]*[-*+][ \t]+[*_ ]*第[{_NUMERAL}]+条", re.MULTILINE)


def _article_heading_level(text: str) -> int | None:
    """The heading level an outline gives its articles ("### 第二十七条　承包期内，…" three
    times or more), or None."""
    levels = Counter(len(m) for m in _ARTICLE_HEADING_NODE.findall(text))
    level, count = levels.most_common(1)[0] if levels else (None, 0)
    return level if count >= 3 else None


def outline_bullets(lines: list[str]) -> list[str]:
    """An outline whose topics are articles ("- 第九条 …" or "### 第九条 …" three times or
    more): every bullet and its indent goes, and so do the heading marks of the article
    nodes and of the nodes under them, so "  - （一）…", "#### 检查结果…" read as the
    article's items and paragraphs; a node that only numbers the article below it and the
    map's remarks ("[备注] …") go."""
    text = "\n".join(lines)
    bulleted_articles = len(_BULLETED_ARTICLE.findall(text))
    level = _article_heading_level(text) if bulleted_articles < 3 else None
    if bulleted_articles < 3 and level is None:
        return lines
    out = []
    for line in lines:
        if _NODE_REMARK.match(line):
            out.append("")
            continue
        line = _OUTLINE_BULLET.sub("", line)
        m = _HEADING_NODE.match(line) if level else None
        if m and len(m.group(1)) >= level and not _NUMBER_NODE.match(m.group(2).strip()):
            line = m.group(2)
        out.append(line)
    for index, line in enumerate(out):
        m = _NUMBER_NODE.match(line.strip())
        following = next((x for x in out[index + 1 :] if x.strip()), "")
        if m and following.lstrip("*_ ").startswith(m.group(1)):
            out[index] = ""
    return out


_LOG_RECORD = re.compile(r"^\s*\[?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")
_FIELD_LINE = re.compile(r"^\s*([A-Za-z_][\w.\-]*)\s*=\s*(.*)$")
_PAIR = re.compile(r"(?<![\w.\-])([A-Za-z_][\w.\-]*)=(\"(?:[^\"\\]|\\.)*\"|'[^']*'|\S+)")
# fields that carry the message's words; a record line keeps only these
_MESSAGE_KEYS = frozenset(
    ["msg", "message", "body", "text", "content", "desc", "description", "para", "paragraph"]
)
# a push's label ("每日一条·某某法（1/13）第五十五条"), not the text
_LABEL_KEYS = frozenset(["title", "subject", "summary", "label", "caption", "name", "topic"])


def looks_like_key_value_log(text: str) -> bool:
    """Six or more lines that are one key=value field, or log records holding such fields."""
    lines = [line for line in text[:20000].split("\n") if line.strip()]
    fields = sum(1 for line in lines if _FIELD_LINE.match(line) and not _LOG_RECORD.match(line))
    records = sum(1 for line in lines if _LOG_RECORD.match(line) and _PAIR.search(line))
    return fields + records >= 6 and fields + records >= 0.4 * len(lines)


def _field_value(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        raw = raw[1:-1].replace('\\"', '"')
    return raw.replace("\\n", "\n").strip()


def key_value_log_text(text: str) -> str:
    """The message text of a key=value log, one field a line (see the module's doc)."""
    out: list[str] = []
    for line in text.split("\n"):
        if _LOG_RECORD.match(line):
            for key, raw in _PAIR.findall(line):
                value = _field_value(raw)
                if key.lower() in _MESSAGE_KEYS and _HAN.search(value):
                    out.append(value)
            continue
        field = _FIELD_LINE.match(line)
        if field:
            key, value = field.group(1).lower(), _field_value(field.group(2))
            if key not in _LABEL_KEYS and len(_HAN.findall(value)) >= 2:
                out.append(value)
            continue
        out.append(line)
    return "\n".join(out)


def peel_layout_export(text: str) -> str:
    """The text of a calendar, OFD page or spreadsheet export; any other text as it is."""
    head = text[:3000]
    if "BEGIN:VCALENDAR" in head and looks_like_icalendar(text):
        return icalendar_text(text)
    if "<" in head:
        if looks_like_spreadsheet_xml(text):
            return spreadsheet_text(text)
        if looks_like_ofd(text):
            return ofd_text(text)
    if "=" in head and looks_like_key_value_log(text):
        return key_value_log_text(text)
    return text
