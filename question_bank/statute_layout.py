"""A law's articles and chapters in one form whatever the layout it was copied in.

A law reaches us decorated in many ways: "【第十六条】正文", "条款：第二十五条" over
"内容：……", "[第五条]", "**第五条**：", "### 第五条", "1. 第一条 ……", a table row
"| 第一章 总则 | 第一条 | …… |", a CSV or TSV export, the article number alone on its
line with the body on the next. Rather than one pattern per layout, every line is read
for the text's own token "第X条" behind whatever decoration stands before it (list
numbers, brackets, bold, labels, table cells, a chapter cell); when such markers form a
sequence whose numbers mostly rise by one, the document is written in articles, and each
marker line is rewritten as "第X条 正文" (the form the structurer reads), chapter lines
as "第X章 名称". A speech or notice quoting "第十条" a few times forms no such sequence
and is left as it was; a reference inside a body ("依照本法第十条") never opens a line.

Also here, for every document: lines that only frame a title ("=====", "———"), and a
title given in a field ("标题：", "法规名称：") at the top.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import NamedTuple

from question_bank.markers import cn_to_int

_CN = "零〇一二三四五六七八九十百千两"
# A scan or PDF may space the numeral out ("第 1 条", "第 十 二 条").
_NUM = rf"(?:[{_CN}](?: ?[{_CN}])*|\d{{1,3}})"

# Decoration that may stand before the article token; each piece is optional.
_LEAD = re.compile(
    r"^(?:[\s|｜>]*)"
    r"(?:[\U0001F000-\U0001FFFF\u2600-\u27BF\uFE0F]+\s*)?"  # a post's "📖" (round 14)
    r"(?:[\[【［](?!第)[\u4e00-\u9fff]{2,4}[\]】］]\s*)?"  # an export's "[原文]" label (round 14)
    r"(?:#{1,6}\s*)?"
    r"(?:[-*+•·]\s+)?"
    r"(?:[（(]?\d{1,4}[.．、)）]\s*(?!\d)|\d{1,4}\s*[,，|｜]\s*|\d{1,4}\s+(?=\S*第))?"
)
_LABEL = r"(?:条款|法条|条文|条目|条号|条款号|条次|条)\s*[：:]\s*"
_OPEN = "【[［〔（(「『<〈"
_CLOSE = "】]］〕）)」』>〉"
_ARTICLE_TOKEN = re.compile(
    rf"(?P<label>{_LABEL})?(?P<bold>\*\*|__)?(?P<open>[{re.escape(_OPEN)}])?\s*"
    rf"第 ?(?P<num>{_NUM}) ?条(?:之(?P<sub>[{_CN}]+))?"
    rf"(?P<tail>\s*(?P<close>[{re.escape(_CLOSE)}])?(?P<bold2>\*\*|__)?)"
)
_AFTER = re.compile(r"^(?:[ \t]*[：:．.、,，|｜—\-–]+)?[ \t]*")
# An annotated edition's caption after the number ("第一条【立法目的】为了……"): the editor's.
_CAPTION = re.compile(r"^[【〔［\[][^】〕］\]。，；：:\d]{2,12}[】〕］\]]\s*(?=\S)")
_BODY_LABEL = re.compile(r"^(?:内容|正文|条文内容|条文|条款内容|法条内容)\s*[：:]\s*")
_CHAPTER_LABEL = r"(?:章节|章名|所属章节|篇章|章|节|编)\s*[：:]\s*"
_CHAPTER = re.compile(
    rf"^(?:{_CHAPTER_LABEL})?(?:\*\*|__)?[{re.escape(_OPEN)}]?\s*"
    rf"第 ?(?P<num>{_NUM}) ?(?P<unit>编|章|节)"
    rf"\s*[：:、.．]?\s*(?P<name>[^\s|｜,，。；{re.escape(_CLOSE)}*]{{0,20}}?)"
    rf"\s*[{re.escape(_CLOSE)}]?(?:\*\*|__)?\s*(?=$|[|｜,，\s])"
)
# A header row of a table or export: column names only ("章节	条款	内容").
_COLUMN_WORDS = frozenset(
    {"章节", "章", "条款", "条", "条号", "条文", "法条", "内容", "正文", "条文内容"}
    | {"序号", "编号", "款", "项", "标题", "备注", "说明"}
)
_COLUMN_FIRST = frozenset(w[0] for w in _COLUMN_WORDS) | {"|", "｜"}
_FRAME_FIRST = frozenset("=＝—─━-~～·•*# \t")
_FRAME = re.compile(r"^\s*(?:[=＝]{3,}|[—─━\-~～·•]{3,}|[=＝—─━\-~～·•*#\s]{6,})\s*$")
_TITLE_FIELD = re.compile(
    r"^\s*(?:标题|法规名称|法律名称|法规标题|文件名称|文件标题|名称|题名|书名|[Tt]itle)\s*[：:=]\s*"
    r"[\"'“]?(?P<value>[^\"'”]+?)[\"'”]?\s*$"
)
# Enough "第X条" markers, mostly rising by one, to call the text a law in articles.
MIN_ARTICLES = 3
MIN_STEP_SHARE = 0.6
_DIGITS = "零一二三四五六七八九"


def article_numeral(value: int) -> str:
    """12 -> '十二', 110 -> '一百一十', 105 -> '一百零五' (the forms laws use)."""
    hundreds, rest = divmod(value, 100)
    tens, ones = divmod(rest, 10)
    out = _DIGITS[hundreds] + "百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    if ones or not out:
        out += _DIGITS[ones]
    return out


@lru_cache(maxsize=512)
def _value(numeral: str) -> int:
    return int(numeral) if numeral.isdigit() else cn_to_int(numeral.replace(" ", ""))


class _Head(NamedTuple):
    number: int
    token: str  # "第十六条", "第五条之一"
    body: str  # the text after the marker and its decoration ("" if on the next line)
    strong: bool  # decorated or separated from the body, not "第十条规定……"
    chapter: str | None  # a row's chapter cell ("第一章 总则")


def _chapter_cell(text: str) -> tuple[str | None, str]:
    """A row's leading chapter cell ("第一章 总则 | 第一条 | …"): the chapter and the rest."""
    m = _CHAPTER.match(text)
    if not m:
        return None, text
    rest = text[m.end() :]
    after = re.match(r"^[\s|｜,，]*", rest)
    rest = rest[after.end() :] if after else rest
    if not re.match(rf"^(?:{_LABEL})?\S?第 ?{_NUM} ?条", rest):
        return None, text
    return _chapter_text(m), rest


def _chapter_text(m: re.Match) -> str:
    numeral = m.group("num").replace(" ", "")
    if numeral.isdigit():
        numeral = article_numeral(int(numeral))
    name = m.group("name") or ""
    return f"第{numeral}{m.group('unit')}" + (f" {name}" if name else "")


# Where a marker may stand: within the first characters, behind any decoration.
_HEAD_WINDOW = 48
_ANY_TOKEN = re.compile(rf"第 ?{_NUM} ?条")


_PLAIN = re.compile(rf"第([{_CN}]+)条 (?=[^\s【〔［\[内正条|｜])")


def _parse_head(line: str) -> _Head | None:
    """The article a line opens, behind its decoration, or None."""
    if "条" not in line or not _ANY_TOKEN.search(line, 0, _HEAD_WINDOW):
        return None
    plain = _PLAIN.match(line)
    if plain and not line.endswith(("|", "｜", '"')):  # the common case: "第五条 正文"
        numeral = plain.group(1)
        return _Head(_value(numeral), f"第{numeral}条", line[plain.end() :].rstrip(), True, None)
    lead = _LEAD.match(line)
    text = line[lead.end() :] if lead else line
    chapter, text = _chapter_cell(text)
    if chapter is not None:
        lead = _LEAD.match(text)
        text = text[lead.end() :] if lead else text
    m = _ARTICLE_TOKEN.match(text)
    if not m:
        return None
    if bool(m.group("open")) != bool(m.group("close")):
        return None  # "（第五条）" half-bracketed: a reference, not a head
    numeral = m.group("num").replace(" ", "")
    number = _value(numeral)
    if number <= 0:
        return None
    token = "第" + (article_numeral(number) if numeral.isdigit() else numeral) + "条"
    if m.group("sub"):
        token += "之" + m.group("sub")
    rest = text[m.end() :]
    after = _AFTER.match(rest)
    separated = bool(m.group("tail")) or bool(after and after.end()) or not rest
    body = rest[after.end() :] if after else rest
    body = _BODY_LABEL.sub("", _CAPTION.sub("", body))
    body = re.sub(r"[\s|｜\"]+$", "", body).lstrip('"')
    decorated = bool(
        m.group("label") or m.group("open") or m.group("bold") or chapter or (lead and lead.end())
    )
    return _Head(number, token, body.strip(), separated or decorated, chapter)


def _accepted(heads: list[tuple[int, _Head]]) -> list[tuple[int, _Head]]:
    """The markers that form the article sequence: a decorated or separated marker when its
    number rises, a bare one ("第十条规定……" at a line's start) only as the next number or
    followed by its successor."""
    chain: list[tuple[int, _Head]] = []
    last = 0
    for position, (index, head) in enumerate(heads):
        following = heads[position + 1][1].number if position + 1 < len(heads) else None
        # a bare marker opens a run when the next marker is its successor (an excerpt)
        in_turn = head.number == last + 1 or following == head.number + 1
        if head.number == 1 and last > 1 and following == 2:
            last = 0  # another law in the same file (a compilation) starts again at 第一条
        rises = head.number > last or (head.number == last and "之" in head.token)
        if rises and (head.strong or in_turn):
            chain.append((index, head))
            last = head.number
    return chain


def _is_sequence(chain: list[tuple[int, _Head]]) -> bool:
    if len(chain) < MIN_ARTICLES:
        return False
    numbers = [head.number for _index, head in chain]
    steps = [b - a for a, b in itertools.pairwise(numbers)]
    return sum(1 for step in steps if step in (0, 1)) >= MIN_STEP_SHARE * len(steps)


def _column_header(line: str) -> bool:
    if len(line) > 40 or line[:1] not in _COLUMN_FIRST:
        return False
    words = [w for w in re.split(r"[\s|｜,，]+", line) if w]
    return len(words) >= 2 and all(w in _COLUMN_WORDS for w in words)


def _chapter_line(line: str) -> str | None:
    if "第" not in line[:16]:
        return None
    text = line.strip()
    lead = _LEAD.match(text)
    text = text[lead.end() :] if lead else text
    m = _CHAPTER.match(text)
    if not m:
        return None
    rest = re.sub(r"^[\s|｜,，]+|[\s|｜,，]+$", "", text[m.end() :])
    if rest:
        return None
    return _chapter_text(m)


def _canonical(head: _Head) -> str:
    return f"{head.token} {head.body}" if head.body else head.token


# Where a copy that lost its line breaks runs the next article on after a sentence's end
# ("……制定本法。第二条 本法所称……"): a marker right after 。；, never after "本法" or "依照".
_RUN_ON = re.compile(
    rf"(?<=[。；;」”])[ \t]*(?=[{re.escape(_OPEN)}]?第 ?(?P<num>{_NUM}) ?条(?:[ \t{re.escape(_CLOSE)}：:]))"
)


# The end of the text an e-book or a chapter page marks ("（本书完）", "（第五章完）"): what
# follows is the site's (download notes, links to the other chapters), never the law's.
_END_MARK = re.compile(
    rf"^[（(【\[]\s*(?:第 ?{_NUM} ?[编章节]|本[书章编篇]|全文|正文|以上)?\s*完\s*[)）】\]]"
)


# A site's words after a law's last article (its footer, the links to other chapters): no
# law says them, so the text of the law ended before.
_SITE_TAIL = re.compile(
    r"本库|本站|本网|本页|本平台|本电子书|仅供(?:学习|查阅|参考)|以[^。]{0,24}(?:文本|版本)为准|"
    r"上一(?:页|章|篇)|下一(?:页|章|篇)|主办单位|技术支持|版权所有|备案号|[◀▶]|返回(?:顶部|目录)"
)
_NOTE_LABEL = re.compile(r"^(?:题注|注释|沿革)\s*[：:]\s*(?=[（(]\d{4}年)")


TAIL_LINES, TAIL_CHARS = 8, 400


def _is_tail(lines: list[str]) -> bool:
    """A page's footer is a few short lines; anything longer (another document after the
    law in one file) is left alone."""
    filled = [line for line in lines if line.strip()]
    return len(filled) <= TAIL_LINES and sum(len(line) for line in filled) <= TAIL_CHARS


def _split_run_on(lines: list[str]) -> list[str]:
    """A line holding several articles is cut before each next one (n, n+1, …), counted
    from the article that opens it; a number out of turn is a reference and stays."""
    out: list[str] = []
    for line in lines:
        head = _parse_head(line) if "。第" in line or "；第" in line else None
        if head is None:
            out.append(line)
            continue
        last, start = head.number, 0
        for m in _RUN_ON.finditer(line):
            number = _value(m.group("num"))
            if number == last + 1:
                out.append(line[start : m.start()].rstrip())
                start, last = m.end(), number
        out.append(line[start:])
    return out


def article_lines(lines: list[str]) -> list[str]:
    """Rewrite the article and chapter lines of a law in articles; others untouched."""
    split = _split_run_on(lines)
    heads = [(i, h) for i, line in enumerate(split) if (h := _parse_head(line))]
    if len(heads) < MIN_ARTICLES:
        return lines
    chain = _accepted(heads)
    if not _is_sequence(chain):
        return lines
    lines = split
    last_article = chain[-1][0]
    end = next(
        (i for i in range(last_article + 1, len(lines)) if _END_MARK.match(lines[i].strip())),
        None,
    )
    if end is None:
        end = next(
            (i for i in range(last_article + 1, len(lines)) if _SITE_TAIL.search(lines[i])),
            None,
        )
    if end is not None and _is_tail(lines[end:]):
        lines = [*lines[:end], *("" for _ in lines[end:])]
    marked = dict(chain)
    first = chain[0][0]
    out: list[str] = []
    last_chapter: str | None = None
    pending: int | None = None  # index in `out` of a head still waiting for its body
    for index, line in enumerate(lines):
        head = marked.get(index)
        if head is not None:
            if head.chapter and head.chapter != last_chapter:
                out.append(head.chapter)
                last_chapter = head.chapter
            out.append(_canonical(head))
            pending = len(out) - 1 if not head.body else None
            continue
        stripped = line.strip()
        if stripped and _column_header(stripped):
            out.append("")
            continue
        chapter = _chapter_line(stripped) if stripped else None
        if chapter is not None and index >= first - 3:
            if chapter == last_chapter:
                out.append("")
                continue
            # "## 第一章 总则" keeps its Markdown level; other decoration goes
            out.append(stripped if stripped.startswith("#") else chapter)
            last_chapter = chapter
            pending = None
            continue
        if index > first and stripped:
            body = _BODY_LABEL.sub("", stripped) if stripped[:1] in "内正条" else stripped
            if pending is not None:
                out[pending] = f"{out[pending]} {body}"
                pending = None
                continue
            if body != stripped:
                out.append(body)
                continue
        elif stripped:
            pending = None
            if _NOTE_LABEL.match(stripped):
                out.append(_NOTE_LABEL.sub("", stripped))  # "题注：（2006年…通过）"
                continue
        out.append(line)
    return out


def title_lines(lines: list[str]) -> list[str]:
    """Frames around a title ("=====") go; a title field at the top ("法规名称：X") gives X."""
    out = []
    seen = 0
    for line in lines:
        if line.strip():
            seen += 1
            if line[:1] in _FRAME_FIRST and _FRAME.match(line):
                out.append("")
                continue
            if seen <= 12:
                m = _TITLE_FIELD.match(line)
                if m and len(m.group("value")) <= 60:
                    out.append(m.group("value").strip())
                    continue
        out.append(line)
    return out
