"""Clean extracted text: Simplified characters, no furniture, no bracketed pinyin.

The output has one paragraph per line ("\\n" between lines, no blank lines). Content
sentences are never reordered or reworded: the only edits are character-level
normalisation (Traditional→Simplified, full-width letters/digits, odd spaces),
removal of whole furniture lines or of a trailing truncation notice, removal of
bracketed pinyin, and re-joining a sentence that a page break or hard wrap split.
"""

from __future__ import annotations

import html
import re
import threading
from collections import Counter

import opencc

from question_bank.code_wrapper import peel_code_wrapper
from question_bank.furniture import (
    LINKS_ONLY as _LINKS_ONLY,
)
from question_bank.furniture import (
    is_furniture,
    is_page_mark,
    is_related_heading,
    is_site_name,
    looks_like_link_title,
    strip_inline_furniture,
)
from question_bank.law_voice import separate_non_law
from question_bank.layout_exports import (
    column_tables,
    outline_bullets,
    peel_layout_export,
    wiki_markup,
)
from question_bank.markers import CHAPTER, MARKDOWN_HEADING, is_article
from question_bank.membership import drop_layout_lines
from question_bank.mojibake import drop_garbled
from question_bank.pages import (
    join_message_parts,
    join_pages,
    split_run_on_headings,
    strip_repeated_title,
)
from question_bank.pinyin import remove_bracketed_pinyin
from question_bank.statute_layout import (
    article_lines,
    article_numeral,
    chinese_column,
    drop_article_labels,
    drop_captioned_boxes,
    title_lines,
)
from question_bank.tagged_export import looks_like_tagged_export, tagged_export_text

_converter: opencc.OpenCC | None = None
_converter_lock = threading.Lock()

# Full-width ASCII letters and digits → half-width; Chinese punctuation stays.
_WIDTH_TABLE = {
    **{cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)},
    **{cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)},
    **{cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)},
}
_FULL_WIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ODD_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_SPACES = re.compile(" {2,}")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
_ATTRS = r"""(?:\s+[\w:-]+(?:\s*=\s*(?:"[^"\n]*"|'[^'\n]*'|[^\s>]+))?)*\s*/?>"""
_BREAK_TAG = re.compile(rf"<(?:br|/?p|/?div|/?li|/?tr|/?h[1-6]){_ATTRS}", re.IGNORECASE)
_INLINE_TAG = re.compile(
    r"</?(?:span|font|b|strong|i|em|u|a|sup|sub|small|big|td|th|table|tbody|ul|ol|section|article)"
    + _ATTRS,
    re.IGNORECASE,
)

_TERMINAL = tuple("。！？!?；;：:…”’」』）)】》>—")
_INNER_SENTENCE_END = re.compile(r"[。！？!?；;]")
_HAN = re.compile(r"[\u3400-\u9fff]")
# Starts of lines that open a new block and so never continue the previous line.
_BLOCK_START = re.compile(
    r"^(?:#|>|[-*+]\s|第[一二三四五六七八九十百千零〇\d]+[编章节条部款项]|"
    r"[一二三四五六七八九十]+\s*[、.．)）]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[)）]|"
    r"\d+\s*[、.．](?!\d)|[①-⑳]|第[一二三四五六七八九十]+\s*[，,、:：]|"
    r"[一二三四五六七八九十][是要]|同志们|各位)"
)
_SALUTATION = re.compile(r"^(?:同志们|各位|尊敬的|亲爱的)")


def to_simplified(text: str) -> str:
    global _converter
    if _converter is None:
        with _converter_lock:
            if _converter is None:
                _converter = opencc.OpenCC("t2s")
    converted = _converter.convert(text)
    if "坯" in converted and "坏" in text and len(converted) == len(text):
        # OpenCC's phrase table reads "坏土" as the old form of "坯土", so "破坏土地" came out
        # "破坯土地" (round 19): a 坏 in the text is the modern character and stays.
        chars = list(converted)
        for m in re.finditer("坯", converted):
            if text[m.start()] == "坏":
                chars[m.start()] = "坏"
        converted = "".join(chars)
    return converted


def strip_stray_markup(text: str) -> str:
    """HTML left in pasted text: entities (&nbsp;) decoded, line-break tags as breaks,
    inline formatting tags dropped. Only named tags go: "<<书名>>" is left alone."""
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    if "<" in text:
        text = _BREAK_TAG.sub("\n", text)
        text = _INLINE_TAG.sub("", text)
    return text


def normalize_chars(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _INVISIBLE.sub("", text)
    text = _ODD_SPACE.sub(" ", text)
    if _FULL_WIDTH.search(text):
        text = _FULL_WIDTH.sub(lambda m: m.group().translate(_WIDTH_TABLE), text)
    return text


# Word's automatic paragraph numbering copied with the text ("1.\t第一条\t…", "12、第十二条"):
# the number is the editor's, not the law's, and hides the article number.
_AUTO_NUMBER = re.compile(r"^\d{1,3}[.．、]\s*(?=第[一二三四五六七八九十百零〇]+[条章节])")


_PARAGRAPH_NUMBER = re.compile(r"^\d{1,3}[.．、]\s+(?=\S)")


# "第1条", "第12条", "本法第14条": the article numbers a law in Arabic figures gives, written
# as laws write them, so that one pattern reads both (heldout12: a statute read as no statute).
_ARABIC_ARTICLE = re.compile(r"(?<![\d.])第(\d{1,3})(?=[条章节编款])")


def chinese_article_numbers(text: str) -> str:
    return _ARABIC_ARTICLE.sub(lambda m: "第" + article_numeral(int(m.group(1))), text)


# A scan's stray spaces between Chinese characters ("组 织", "第 四 条　县级……"): closed up,
# never between Chinese and Latin words. Only in a document full of them (a scan), where
# they are noise; elsewhere a space may part a site label from its value.
_HAN_GAP = re.compile(
    r"(?<=[\u4e00-\u9fff，。、；：？！“”‘’（）《》])( +)(?=[\u4e00-\u9fff，。、；：？！“”‘’（）《》])"
)
_SPACED_ARTICLE_HEAD = re.compile(r"^(第(?: *[一二三四五六七八九十百零〇])+ *[编章节条]) +")
_SPACED_DOCUMENT = 40
# A heading whose characters are spaced out for width ("第一章 总  则", "目  录"): one word.
_SPACED_HEADING = re.compile(
    r"^(第[一二三四五六七八九十百零〇]+[编章节] +)?((?:[\u4e00-\u9fff] +){1,5}[\u4e00-\u9fff])$"
)


def _close_gaps(line: str) -> str:
    m = _SPACED_ARTICLE_HEAD.match(line)
    if not m:
        return _HAN_GAP.sub("", line)
    return m.group(1).replace(" ", "") + " " + _HAN_GAP.sub("", line[m.end() :])


def _join_spaced_heading(line: str) -> str:
    m = _SPACED_HEADING.match(line)
    if not m:
        return line
    return (m.group(1) or "").rstrip() + (" " if m.group(1) else "") + m.group(2).replace(" ", "")


def close_han_spaces(lines: list[str]) -> list[str]:
    gaps = sum(len(_HAN_GAP.findall(_SPACED_ARTICLE_HEAD.sub("", line))) for line in lines)
    if gaps >= _SPACED_DOCUMENT:
        return [_close_gaps(line) for line in lines]
    return [_join_spaced_heading(line) for line in lines]


def _normalize_line(line: str) -> str:
    return _AUTO_NUMBER.sub("", _SPACES.sub(" ", line.strip()))


def drop_paragraph_numbers(lines: list[str]) -> list[str]:
    """A law copied from Word numbers every paragraph, the articles' second paragraphs too
    ("6.\t省、自治区、直辖市人民政府……"): where three or more numbers stand before article
    numbers, the numbers before the other paragraphs are the editor's as well."""
    numbered = sum(1 for line in lines if _AUTO_NUMBER.match(line.strip()))
    if numbered < 3:
        return [_normalize_line(line) for line in lines]
    return [_normalize_line(_PARAGRAPH_NUMBER.sub("", line.strip())) for line in lines]


def _site_names(lines: list[str], furniture: list[bool]) -> set[int]:
    """Bare site names ("某某文秘网") among the first and last lines, next to other
    furniture or closing the text; a heading such as "织密基层治理网" is left alone."""
    filled = [index for index, line in enumerate(lines) if line]
    found = set()
    for position, index in enumerate(filled):
        if 5 <= position < len(filled) - 5 or not is_site_name(lines[index]):
            continue
        neighbours = filled[max(0, position - 1) : position] + filled[position + 1 : position + 2]
        if position == len(filled) - 1 or any(furniture[n] for n in neighbours):
            found.add(index)
    return found


def drop_furniture(lines: list[str]) -> list[str | None]:
    """Blank lines stay "", furniture lines become None (a barrier for joining)."""
    furniture = [bool(line) and is_furniture(line) for line in lines]
    site_names = _site_names(lines, furniture)
    out: list[str | None] = []
    in_related = False
    for index, line in enumerate(lines):
        if not line:
            out.append("")
            continue
        if is_related_heading(line):
            in_related = True
            out.append(None)
            continue
        if in_related and looks_like_link_title(line):
            out.append(None)
            continue
        in_related = False
        if furniture[index] and _at_page_break(lines, furniture, index):
            out.append("")  # a page number, or a site notice beside one: no barrier
            continue
        if furniture[index] or index in site_names:
            out.append(None)
            continue
        stripped = strip_inline_furniture(line)
        out.append(stripped)
        if stripped != line:
            out.append(None)  # text was cut here: never glue what follows onto it
    return out


def _at_page_break(lines: list[str], furniture: list[bool], index: int) -> bool:
    """Line `index` is a page number, or furniture in a run of furniture that holds one
    ("第 2 页 / 共 4 页" then "【阅读提醒】…"): a page break a sentence may run across."""
    if is_page_mark(lines[index]):
        return True
    for step in (-1, 1):
        j = index + step
        while 0 <= j < len(lines) and (not lines[j] or furniture[j]):
            if lines[j] and is_page_mark(lines[j]):
                return not _TRUNCATED.search(lines[index])
            j += step
    return False


_TRUNCATED = re.compile("未完|省略|剩余|余下|仅显示|会员可(?:完整|继续|查看)|已隐藏|未读")
_SITE_SUFFIX = re.compile(r"\s*[-_|｜—–]+\s*\S[^。，,]{0,14}$")


def _drop_repeated_title(lines: list[str | None]) -> list[str | None]:
    """A web page shows its title twice (page title, article title): keep the second.
    The page title may carry the site's name: "标题 - 某某网" then "标题"."""
    seen: dict[str, int] = {}
    content_seen = 0
    for index, line in enumerate(lines):
        if not line:
            continue
        content_seen += 1
        if content_seen > 6:
            break
        if len(line) > 60 or _INNER_SENTENCE_END.search(line):
            continue
        for earlier, position in seen.items():
            if earlier == line or (
                earlier.startswith(line)
                and len(line) >= 4
                and _SITE_SUFFIX.fullmatch(earlier[len(line) :])
            ):
                lines[position] = None
                return lines
        seen[line] = index
    return lines


def wrap_width(lines: list[str | None]) -> int | None:
    """The width a hard-wrapped text was cut at: the most common line length, if most
    long lines share it (a pasted PDF or a 28-character 公文 line)."""
    lengths = [len(line) for line in lines if line and len(line) >= 15]
    if len(lengths) < 6:
        return None
    width, count = Counter(lengths).most_common(1)[0]
    near = sum(1 for n in lengths if abs(n - width) <= 1)
    return width if count >= 3 and near >= 0.3 * len(lengths) and width <= 80 else None


# A figure cut from its measure word by a page break (the `other` helper, round ten).
_CUT_NUMBER = re.compile(r"[\u4e00-\u9fff]\d+(?:\.\d+)?$")
_MEASURE_FIRST = re.compile(r"^(?:名|个|人|户|家|万|亿|元|年|月|日|天|次|项|条|件|所|座|处|%|％)")


def _continues(previous: str, following: str, width: int | None = None) -> bool:
    """Was one sentence split across these two lines (page break, hard wrap)?"""
    if previous.startswith("#") or _BLOCK_START.match(following) or _SALUTATION.match(following):
        return False
    if following[0] in _CLOSING:
        return True  # "》的规定处罚": a line never starts with closing punctuation (heldout10)
    if not (_HAN.match(following) or following[0] in "“‘《、，,0123456789"):
        return False
    if previous.endswith(("，", ",", "、")):
        return True  # a sentence never ends on a comma
    if len(previous) >= 20 and _CUT_NUMBER.search(previous) and _MEASURE_FIRST.match(following):
        return True  # "共有信息报告员41" + "名，…": a page break inside a number's phrase
    if previous.endswith(_TERMINAL) or not _HAN.search(previous[-1:]):
        return False
    if _INNER_SENTENCE_END.search(previous):
        return True
    if width and len(previous) >= width - 1:
        return True
    # A prose line (commas, or a colon inside) that stops mid-word is a hard wrap.
    # Joining a heading to its paragraph by mistake loses less than splitting a sentence.
    return (
        len(previous) >= 20
        and bool(re.search(r"[，,、]|[：:].", previous))
        and not (_BLOCK_START.match(previous))
    )


_CLOSING = frozenset("》）〉」』”’，。；、：")


_LAW_TITLE = re.compile(r"(?:法|条例|规定|办法|细则|规则|章程)(?:（[^）]*）)?$")


def drop_running_header(lines: list[str | None]) -> list[str | None]:
    """A PDF copy repeats the title at the top of every page ("中华人民共和国某某法" between
    two halves of a sentence): the repeats go, leaving nothing between the halves, so the
    sentence is joined again (heldout10)."""
    filled = [i for i, line in enumerate(lines) if line]
    if len(filled) < 8:
        return lines
    later: dict[str, list[int]] = {}
    for i in filled[6:]:
        later.setdefault(lines[i].strip(), []).append(i)
    repeats: set[int] = set()
    # The title opens the text; a law's name as a page header may also stand under a notice
    # or a title field: an opening line naming a law repeated twice or more (round 13).
    for position, index in enumerate(filled[:8]):
        title = lines[index].strip().lstrip("# ")
        if not 4 <= len(title) <= 40 or _INNER_SENTENCE_END.search(title):
            continue
        found = {i for i in later.get(title, ()) if i != index}
        if found and (position == 0 or (len(found) >= 2 and _LAW_TITLE.search(title))):
            repeats |= found
    return [line for i, line in enumerate(lines) if i not in repeats] if repeats else lines


# A serial number in a record's label ("No.2606-02", "第3期", "2026-06-02"): what changes
# from record to record.
_SERIAL = re.compile(r"[A-Za-z]*[.\-#/]?\d[\d.\-/:#]*")
_NUMBERED_PART = re.compile(r"^\s*(?:第[一二三四五六七八九十百零〇\d]+[编章节条]|[（(])")


def drop_numbered_headers(lines: list[str | None]) -> list[str | None]:
    """A mail merge or a run of printed cards puts the same label, with its record's serial
    number, over every record ("某某所每日学法卡 No.2606-02"): read as text, each label ends
    the article above it as a paragraph of its own. A short line with a number, no sentence
    in it, that recurs three times or more with only its numbers changed, goes (round 20)."""
    shapes: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        text = (line or "").strip()
        if (
            not text
            or len(text) > 40
            or not re.search(r"\d", text)
            or _INNER_SENTENCE_END.search(text)
            or text.endswith(("。", "；", "：", ":"))
            or _NUMBERED_PART.match(text)
        ):
            continue
        shape = _SERIAL.sub("#", text)
        if len(re.findall(r"[\u4e00-\u9fff]", shape)) >= 4:
            shapes.setdefault(shape, []).append(i)
    drop = {i for found in shapes.values() if len(found) >= 3 for i in found}
    return [line for i, line in enumerate(lines) if i not in drop] if drop else lines


def join_wrapped(lines: list[str | None]) -> list[str]:
    width = wrap_width(lines)
    paragraphs: list[str] = []
    joinable = False  # may the next line continue the last paragraph?
    for line in lines:
        if line is None:
            joinable = False
            continue
        if not line:
            continue  # blank lines separate nothing more than a line break does
        if joinable and paragraphs and _continues(paragraphs[-1], line, width):
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
        joinable = True
    return paragraphs


# 著 left by a Traditional→Simplified pass where modern usage writes 着 (带著 → 带着);
# it stays in the words where it means "write" or "notable" (著作, 显著, 名著, 土著).
_ZHE = re.compile(r"(?<![显卓昭土巨名原专译论编合遗新拙大撰])著(?![作名称述者书录说有])")
# Website front matter ("---" then "layout: …", "title: …") before a Markdown text.
_FRONT_MATTER_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*:")
_TOML_KEY = re.compile(r"^[A-Za-z_][\w.-]*\s*=")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\(([^)\s]*)\)")


# An English translation after the Chinese on one line ("第一章 总纲 Chapter I General
# Principles"): three words or more, capitalised, after the last Chinese character.
_FOREIGN_TAIL = re.compile(
    r"(?<=[\u4e00-\u9fff）)》”])\s+[A-Z][\w'’.,:;()\-]*(?:\s+[\w'’.,:;()\-]+){2,}$"
)
# On a heading ("# 示例条例 Sample Regulation") two words are enough.
_HEADING_FOREIGN_TAIL = re.compile(
    r"(?<=[\u4e00-\u9fff）)》”])\s+[A-Z][\w'’.,:;()\-]*(?:\s+[\w'’.,:;()\-]+)+$"
)


# "## 第一章　总　　则 ｜ Chapter I　General Provisions", "# 某某法 / Law of …": the
# translation after a bar or a slash.
_BAR_FOREIGN_TAIL = re.compile(r"(?<=[\u4e00-\u9fff）)》”])\s*[｜|/／]\s*[A-Z][\w\s'’.,:;()\-]*$")


def without_foreign_tail(line: str) -> str:
    if line.isascii() or " " not in line:
        return line
    line = _BAR_FOREIGN_TAIL.sub("", line)
    tail = _HEADING_FOREIGN_TAIL if line.startswith("#") else _FOREIGN_TAIL
    return tail.sub("", line)


def modern_zhe(text: str) -> str:
    return _ZHE.sub("着", text) if "著" in text else text


_FRONT_MATTER_TITLE = re.compile(r"^title\s*[:=]\s*[\"']?(.+?)[\"']?\s*$", re.IGNORECASE)


def _own_heading(line: str) -> bool:
    """A Markdown heading of the text's own that may name it (not "## 第一章 总则")."""
    m = MARKDOWN_HEADING.match(line)
    return bool(m) and not CHAPTER.match(m.group(2)) and not is_article(m.group(2))


def _front_matter_title(block: list[str]) -> str:
    """The page's title from its front matter ("title: 某某法"), kept as the first line when
    the text has no "# " heading of its own: it is otherwise named by its file only."""
    for line in block:
        m = _FRONT_MATTER_TITLE.match(line.strip())
        if m and re.search(r"[\u4e00-\u9fff]", m.group(1)):
            return m.group(1)
    return ""


def drop_front_matter(lines: list[str]) -> list[str]:
    """Website front matter at the top: a "---" block of "key: value" lines (YAML), a
    "+++" block of "key = value" lines (TOML), or bare "layout:"/"title:" lines, goes (the
    title is the document's own heading)."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled:
        return lines
    first = filled[0]
    fence = lines[first].strip()
    if fence in ("---", "+++"):
        key = _FRONT_MATTER_KEY if fence == "---" else _TOML_KEY
        for i in filled[1:30]:
            if lines[i].strip() == fence:
                block = [lines[j] for j in range(first + 1, i) if lines[j].strip()]
                if block and all(key.match(b.strip()) or b.strip().startswith("[") for b in block):
                    rest = lines[i + 1 :]
                    own = any(_own_heading(line) for line in rest[:40])
                    title = "" if own else _front_matter_title(block)
                    return [title, *("" for _ in lines[:i]), *rest]
                break
        return lines
    out = list(lines)
    for i in filled[:8]:
        if not re.match(r"^(?:layout|title|permalink|date|categories|tags|lang)\s*:", lines[i]):
            break
        out[i] = ""
    return out


_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# Markdown emphasis and code around text: **粗体**, __粗体__, *斜体*, `代码`. The
# markers go, the text stays. A run of underscores with nothing inside ("____年") is a
# form's blank, not emphasis, and stays (so does _单个下划线_, too often a blank); so does a lone "*".
_EMPHASIS = re.compile(
    r"\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*"
    # "__" only outside a word, as CommonMark has it: "____年__月__日" is a form's blanks
    r"|(?<![\w_])__(?=[^\s_])([^_\n]+?)(?<=[^\s_])__(?![\w_])"
    r"|(?<![*A-Za-z0-9])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*A-Za-z0-9])"
    r"|`+([^`\n]+)`+"
)
_RULE_LINE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")  # a Markdown horizontal rule: ---, ***, ___
# A Markdown list marker before an item's own number ("- （一）…", round ten, heldout10):
# the number marks the item; a bare "- 文字" stays a bulleted point.
_BULLET = re.compile(
    r"^\s*[-*+]\s+(?=[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)"
)


def _emphasis_text(m: re.Match) -> str:
    return next(g for g in m.groups() if g is not None)


def strip_markdown_inline(line: str) -> str:
    """Markdown emphasis and code markers off a line ("**第五条**　…" → "第五条　…"), and a
    horizontal rule line becomes blank. Lines without a marker character are returned as is."""
    if line.startswith(">"):
        line = line.lstrip("> ")  # a Markdown quote block: "> 2018年…通过"
    if not any(ch in line for ch in "*_`-+"):
        return line
    if _RULE_LINE.match(line):
        return ""
    line = _BULLET.sub("", line)  # "- （一）发包农村土地；": the item, not the list marker
    if not any(ch in line for ch in "*_`"):
        return line
    return _EMPHASIS.sub(_emphasis_text, line)


def _markdown_links(line: str) -> str:
    """[text](url) → text inside prose; a line of links only stays (it is furniture)."""
    if "](" not in line or _LINKS_ONLY.match(line):
        return line
    return _LINK.sub(lambda m: m.group(1), line)


_TABLE_ROW = re.compile(r"^\s*\|(.+)\|\s*$")
_TABLE_RULE_CELL = re.compile(r"^:?-{2,}:?$")
_COLUMN_HEADS = frozenset({"中文", "原文", "中文原文", "条文", "中文文本"})
# "[首页 Home](/) › [法规双语对照](/statutes/) › 某某法": where the page sits, not its title.
_BREADCRUMB = re.compile(r"^\[?(?:首页|主页|Home)\b[^。；]*[›»]")


def bilingual_table_row(line: str) -> str:
    """A law laid out as a two-column Markdown table, "| 中文 | English |" (heldout10): a row
    keeps its Chinese cell, the rule row and the column heads go."""
    if _BREADCRUMB.match(line):
        return ""
    m = _TABLE_ROW.match(line) if "|" in line else None
    if not m:
        return line
    cells = [c.strip() for c in m.group(1).split("|")]
    if all(_TABLE_RULE_CELL.match(c) for c in cells):
        return ""
    english = re.search(r"[A-Za-z]{3,}", cells[1]) if len(cells) == 2 else None
    if english and _HAN.search(cells[0]) and not _HAN.search(cells[1]):  # "| 一档 | 200 |" stays
        return "" if cells[0] in _COLUMN_HEADS else cells[0]
    return line


def clean_text(text: str) -> str:
    text = peel_layout_export(text)
    if "<" in text[:5000] and looks_like_tagged_export(text):
        text = tagged_export_text(text)
    text = peel_code_wrapper(text)
    if "<!--" in text:
        text = _HTML_COMMENT.sub("\n", text)
    text = chinese_article_numbers(normalize_chars(chinese_column(strip_stray_markup(text))))
    text = remove_bracketed_pinyin(text)
    text = modern_zhe(to_simplified(text))
    lines = join_message_parts(drop_front_matter(text.split("\n")))
    lines = outline_bullets(wiki_markup(column_tables(lines)))
    lines = drop_captioned_boxes(drop_article_labels(lines))
    lines = [bilingual_table_row(line) for line in lines]
    lines = drop_paragraph_numbers([strip_markdown_inline(drop_garbled(line)) for line in lines])
    lines = drop_layout_lines(lines)
    lines = article_lines(title_lines(close_han_spaces(lines)), title_lines(lines))
    lines = drop_layout_lines(separate_non_law(lines), front=True)
    lines = [without_foreign_tail(_markdown_links(line)) for line in lines]
    lines = strip_repeated_title(join_pages(lines))
    kept = drop_numbered_headers(drop_running_header(_drop_repeated_title(drop_furniture(lines))))
    return "\n".join(split_run_on_headings(join_wrapped(kept)))
