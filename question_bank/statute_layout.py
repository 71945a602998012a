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
    | {
        "序号",
        "编号",
        "款",
        "项",
        "标题",
        "备注",
        "说明",
        "法规名称",
        "法律名称",
        "名称",
        "条文序号",
    }
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


def _numbers_apart(lines: list[str], chain: list[tuple[int, _Head]]) -> bool:
    """Markers without a body followed straight by the next marker, often: the numbers
    stand in a block of their own and the bodies elsewhere."""
    at = {index for index, _head in chain}
    bare = 0
    for index, head in chain:
        if head.body:
            continue
        following = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
        if following in at:
            bare += 1
    return bare >= 3 and bare >= 0.2 * len(chain)


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


_HAN_ARTICLE = re.compile(rf"第 ?{_NUM} ?条[ \t　：:．.、]*[\u4e00-\u9fff（(]")


def _split_english(lines: list[str]) -> list[str]:
    """A bilingual print glues the next Chinese article to the English line before it
    ("… designated by it.第五条 国家……"): the Chinese article starts a line of its own."""
    out: list[str] = []
    for line in lines:
        m = _HAN_ARTICLE.search(line) if "条" in line else None
        if m and m.start() > 0:
            before = line[: m.start()]
            if _english(before) and not _HAN.search(before[-3:]):
                out.extend((before.rstrip(), line[m.start() :]))
                continue
        out.append(line)
    return out


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


def article_lines(lines: list[str], unspaced: list[str] | None = None) -> list[str]:
    """Rewrite the article and chapter lines of a law in articles; others untouched.
    `unspaced`: the same lines before spaces between Han characters were closed (a tab
    between two cells is a boundary the token reader needs)."""
    split = _split_run_on(_split_english(lines))
    heads = [(i, h) for i, line in enumerate(split) if (h := _parse_head(line))]
    if len(heads) < MIN_ARTICLES:
        return _by_tokens(lines, unspaced)
    chain = _accepted(heads)
    if not _is_sequence(chain):
        return _by_tokens(lines, unspaced)
    lines = split
    if _numbers_apart(lines, chain):
        # the numbers were printed apart from their text (a two-column page printed to PDF,
        # a column of numbers beside a column of text): which text is whose is unknown, so
        # no line is read as an article
        marked_lines = {index for index, _head in chain}
        return ["" if i in marked_lines else line for i, line in enumerate(lines)]
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
        if index > first and stripped and _english(stripped):
            out.append("")
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


# --- Reading articles from the text's own tokens ---------------------------------------
#
# When no line opens with a marker the line reader knows (an emoji before it, a row whose
# first cells repeat the law's name, numbers and bodies printed side by side), the whole
# text is read token by token: every "第X条" is a candidate start unless its neighbours make
# it a reference; the longest run of candidates whose numbers rise by one is the law's
# articles; what stands between one article's last sentence and the next marker is
# decoration and goes.

_TOKEN = re.compile(rf"第 ?(?P<num>{_NUM}) ?条(?:之(?P<sub>[{_CN}]+))?")
_CHAPTER_TOKEN = re.compile(
    rf"第 ?(?P<num>{_NUM}) ?(?P<unit>编|章|节)[ \t　：:、.．]*(?P<name>[\u4e00-\u9fff]{{2,20}})?"
)
_REF_BEFORE = re.compile(
    r"(?:本法|本条例|本规定|本办法|依照|依据|根据|按照|违反|适用|前|和|与|、|或者|或|及|至|同|见|》|经|由)[ 　]*$"
)
# "第十六条第一款" cites a paragraph; "第十六条	第一款	正文" is an export's paragraph column
_REF_AFTER = re.compile(
    rf"^(?:[ 　]*(?:的?规定|所称|所列|所指|之规定|中|[、和或至及]|以外|以下|的)|第{_NUM}[款项目])"
)
_HAN = re.compile(r"[\u4e00-\u9fff]")
# cells of a row: tabs, spaces, bars, and the ASCII comma of a CSV export (a Chinese
# sentence has the full-width "，")
_CELL_SEP = re.compile(r"[\t 　]+|\s*[|｜]\s*|\s*,\s*")
_SENTENCE_END = "。；;！？!?"
# an export's item column ("项（一）", "第一项（一）"): the item's own mark stays
_ITEM_CELL = re.compile(rf"^(?:第[{_CN}]+)?项\s*(?=[（(][{_CN}]+[)）]$)")
_ITEM_MARK = re.compile(rf"^[（(][{_CN}]+[)）]$")


def _english(line: str) -> bool:
    """A line mostly in ASCII letters (a bilingual page's English) is never a law's text."""
    letters = sum(1 for c in line if c.isascii() and c.isalpha())
    han = len(_HAN.findall(line))
    return letters >= 8 and letters > 3 * han


def _candidate(text: str, m: re.Match) -> bool:
    before = text[max(0, m.start() - 8) : m.start()]
    line_before = before.rsplit("\n", 1)[-1]
    if _REF_BEFORE.search(line_before):
        return False
    prev = line_before[-1:]
    # inside a sentence ("……，第五条" or "依照本法第五条"): a reference; a space or a tab
    # before the marker is a cell's or a column's edge
    if prev and (_HAN.match(prev) and not line_before.endswith(_LABELS_END)):
        return False
    if prev in "，（(《":
        return False
    after = text[m.end() : m.end() + 8]
    if _REF_AFTER.match(after):
        return False
    return "《" not in line_before or "》" in line_before


_LABELS_END = ("条款", "法条", "条文", "条目", "条号", "条次")


def _token_chain(starts: list[tuple[int, int]]) -> list[int]:
    """Indices of the longest run of starts whose numbers rise (by one mostly); a start
    with the same number as the one before continues it (a row per paragraph); numbers
    start again at 1 for the next law of a compilation."""
    n = len(starts)
    score = [0.0] * n
    back = [-1] * n
    for i, (_pos, num) in enumerate(starts):
        score[i] = 1.0 if num == 1 else 0.5
        for j in range(max(0, i - 80), i):
            prev = starts[j][1]
            step = num - prev
            if step == 1:
                gain = 1.0
            elif step == 0:
                gain = 0.0
            elif 1 < step <= 40:
                gain = 0.2
            elif num == 1 and prev > 2:
                gain = 1.0  # a compilation: the next law
            else:
                continue
            if score[j] + gain > score[i]:
                score[i], back[i] = score[j] + gain, j
    if not n:
        return []
    i = max(range(n), key=lambda k: (score[k], -k))
    chain = []
    while i >= 0:
        chain.append(i)
        i = back[i]
    return chain[::-1]


_DECOR_AFTER = re.compile(rf"^[ \t　]*[{re.escape(_CLOSE)}*]*[ \t　]*[：:．.、,，|｜—\-–]*[ \t　]*")


def _clean_body(segment: str, repeated: set[str]) -> tuple[list[str], str]:
    """An article's text from the segment after its marker: Han text up to its last
    sentence end, wrapped lines rejoined, English, cells and headers dropped. Returns the
    body's paragraphs and what stands after its end (decoration, maybe a chapter)."""
    segment = _BODY_LABEL.sub("", _CAPTION.sub("", segment.lstrip(" \t　")))
    cut = max(segment.rfind(c) for c in _SENTENCE_END)
    if cut >= 0:
        body, rest = segment[: cut + 1], segment[cut + 1 :]
    else:
        body, rest = segment, ""
    paragraphs: list[str] = []
    joining = False
    for raw in body.split("\n"):
        cells = [_ITEM_CELL.sub("", c.strip(' 　|｜"')) for c in re.split(_CELL_SEP, raw)]
        cells = [
            c
            for c in cells
            if c
            and _HAN.search(c)
            and not _english(c)
            and (c not in repeated or _ITEM_MARK.match(c))
            and not _CHAPTER_TOKEN.fullmatch(c)
            and not _TOKEN.fullmatch(c)
            and not re.fullmatch(rf"第 ?{_NUM} ?[款项]", c)
        ]
        line = "".join(cells)
        if not line:
            continue
        if joining and paragraphs:
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
        joining = not line.endswith((*_SENTENCE_END, "：", ":"))
    return paragraphs, rest


def _by_tokens(lines: list[str], unspaced: list[str] | None) -> list[str]:
    if unspaced is not None and len(unspaced) == len(lines):
        out = token_article_lines(unspaced)
        return lines if out is unspaced else out
    out = token_article_lines(lines)
    return out


def _loose_chapter(line: str) -> str | None:
    """A chapter line behind emoji or bullets on both sides ("🚒 第三章 消防组织 🚒")."""
    core = re.sub(r"^[^\u4e00-\u9fff\d]+|[^\u4e00-\u9fff\d]+$", "", line)
    return _chapter_line(core) if core.startswith("第") else None


def token_article_lines(lines: list[str]) -> list[str]:
    """The articles of a law read from its "第X条" tokens wherever they stand (see above);
    the lines as they were when the tokens form no sequence."""
    text = "\n".join(lines)
    if text.count("条") < MIN_ARTICLES:
        return lines
    starts: list[tuple[int, int]] = []
    matches: list[re.Match] = []
    for m in _TOKEN.finditer(text):
        if not _candidate(text, m):
            continue
        number = _value(m.group("num").replace(" ", ""))
        if number > 0:
            starts.append((m.start(), number))
            matches.append(m)
    chain = _token_chain(starts)
    numbers = [starts[i][1] for i in chain]
    distinct = [b for a, b in itertools.pairwise([0, *numbers]) if b != a]
    if len(distinct) < MIN_ARTICLES:
        return lines
    steps = [b - a for a, b in itertools.pairwise(distinct)]
    if sum(1 for s in steps if s == 1) < MIN_STEP_SHARE * len(steps):
        return lines
    # lines that recur (a page header, a name column) are no article's text
    counts: dict[str, int] = {}
    for line in lines:
        for cell in re.split(_CELL_SEP, line):
            cell = cell.strip(" 　")
            if cell and not any(c in cell for c in _SENTENCE_END):
                counts[cell] = counts.get(cell, 0) + 1
    repeated = {c for c, k in counts.items() if k >= 3}
    chosen = [matches[i] for i in chain]
    head_text = text[: chosen[0].start()]
    out = [
        "" if _column_header(line.strip()) else (_loose_chapter(line) or line)
        for line in head_text.split("\n")
    ]

    # the first marker's decoration (an emoji, a row's cells) goes; a chapter cell stays
    tail = out.pop() if out else ""
    # an export names its law in a column on every row: the name opens the text
    names = sorted((c for c in repeated if _LAW_CELL.match(c)), key=lambda c: -counts[c])
    if names and not any(_without_edition(names[0]) in line for line in out):
        out.insert(0, names[0])
    last_chapter = None
    last_token = None
    tail_text = ""
    for k, m in enumerate(chosen):
        end = chosen[k + 1].start() if k + 1 < len(chosen) else len(text)
        segment = text[m.end() : end]
        after = _DECOR_AFTER.match(segment)
        segment = segment[after.end() :] if after else segment
        if k + 1 == len(chosen):
            # the last article ends at its paragraph's end; what follows is kept as written
            # the last article ends at a blank line, a line with no Han text ("—— END ——",
            # "- 3 -") or the line of a site's footer; what follows is kept as written
            stop = len(segment)
            blank = re.search(r"\n[ \t　]*\n|\n(?=[^\n\u4e00-\u9fff]*(?:\n|$))", segment)
            if blank:
                stop = blank.start()
            site = _SITE_TAIL.search(segment, 0, stop)
            if site:
                stop = max(0, segment.rfind("\n", 0, site.start()))
            tail_text = segment[stop:]
            segment = segment[:stop]
        paragraphs, rest = _clean_body(segment, repeated)
        numeral = m.group("num").replace(" ", "")
        number = _value(numeral)
        token = "第" + (article_numeral(number) if numeral.isdigit() else numeral) + "条"
        if m.group("sub"):
            token += "之" + m.group("sub")
        chapter = _chapter_in(tail)
        if chapter and chapter != last_chapter:
            out.append(chapter)
            last_chapter = chapter
        if token == last_token and out:
            out.extend(paragraphs)  # the next paragraph's row of the same article
        elif paragraphs:
            out.append(f"{token} {paragraphs[0]}")
            out.extend(paragraphs[1:])
        else:
            out.append(token)
        last_token = token
        tail = rest
    after = tail_text.split("\n") if tail_text else []
    if _is_tail(after) and not any(line.rstrip().endswith(("。", "；")) for line in after):
        after = ["" for _line in after]  # a page's footer: no sentence of anybody's
    out.extend(after)
    return out


_LAW_CELL = re.compile(
    r"^[\u4e00-\u9fff]{2,40}(?:法|条例|规定|办法|细则)(?:[（(][^）)]{2,20}[）)])?$"
)


def _without_edition(name: str) -> str:
    return re.sub(r"[（(][^）)]*[）)]$", "", name)


def _chapter_in(text: str) -> str | None:
    """The chapter a decoration between two articles names ("第二章 保障措施"), if any."""
    found = None
    for m in _CHAPTER_TOKEN.finditer(text):
        found = m
    if not found:
        return None
    numeral = found.group("num").replace(" ", "")
    if numeral.isdigit():
        numeral = article_numeral(int(numeral))
    name = found.group("name") or ""
    return f"第{numeral}{found.group('unit')}" + (f" {name}" if name else "")


# An annotated reader's label line before each article ("【条文主旨】赡养人的义务",
# "〔本条要旨〕……"): a short bracketed label and a phrase, no sentence of its own.
_LABEL_LINE = re.compile(
    r"^\s*(?P<label>[【〔［\[][^】〕］\]]{2,8}[】〕］\]])\s*[^。！？；;!?]{0,40}$"
)
_ARTICLE_HEAD = re.compile(rf"^\s*第 ?{_NUM} ?条(?:之[{_CN}]+)?(?:[ \t　：:．.、]|$)")
MIN_LABEL_LINES = 2


def drop_article_labels(lines: list[str]) -> list[str]:
    """Label lines that sit right before article heads dropped: they title the next
    article and would otherwise end up in the previous article's body. A label must recur
    (the same bracketed word before at least two articles) to count as the layout's."""
    found: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        m = _LABEL_LINE.match(line) if line else None
        if not m:
            continue
        following = next((j for j in range(index + 1, len(lines)) if lines[j].strip()), None)
        if following is not None and _ARTICLE_HEAD.match(lines[following]):
            found.setdefault(m.group("label"), []).append(index)
    drop = {i for indices in found.values() if len(indices) >= MIN_LABEL_LINES for i in indices}
    return [line for index, line in enumerate(lines) if index not in drop]


MIN_COLUMN_ROWS = 3


def chinese_column(text: str) -> str:
    """A tab-separated export (a flashcard deck, a spreadsheet saved as text) whose rows
    hold the Chinese in one cell and an English translation in another: only the Chinese
    cell is kept, so the translation and a tags column never join the article's text.
    Needs the raw text: tabs are turned into spaces later."""
    from question_bank.furniture import is_foreign_line

    lines = text.split("\n")
    rows = {}
    for index, line in enumerate(lines):
        if "\t" not in line or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        han = [c for c in cells if _HAN.search(c)]
        if han and any(is_foreign_line(c) for c in cells):
            rows[index] = max(han, key=len)
    if len(rows) < MIN_COLUMN_ROWS:
        return text
    return "\n".join(rows.get(index, line) for index, line in enumerate(lines))


# A boxed aside drawn with box characters whose top border carries a caption ("┌ 相关问答",
# "┌─ 办事提示 ─"): a knowledge base's Q&A or a tip put between articles. A box with no
# caption may frame the text itself (a slide); a box holding an article head is kept too.
_BOX_TOP = re.compile(r"^\s*[┌╭╔┏][─━═\s]*(?P<caption>[^─━═┐╮╗┓\s][^┐╮╗┓]*?)[─━═\s]*[┐╮╗┓]?\s*$")
_BOX_SIDE = re.compile(r"^\s*[│┃║├└╰╚┗]")
_BOX_BOTTOM = re.compile(r"^\s*[└╰╚┗]")


def drop_captioned_boxes(lines: list[str]) -> list[str]:
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line and _BOX_TOP.match(line):
            end = index + 1
            while end < len(lines) and lines[end] and _BOX_SIDE.match(lines[end]):
                end += 1
                if _BOX_BOTTOM.match(lines[end - 1]):
                    break
            box = lines[index:end]
            closed = _BOX_BOTTOM.match(box[-1]) is not None
            if closed and not any(_ARTICLE_HEAD.match(_BOX_SIDE.sub("", b)) for b in box[1:]):
                index = end
                continue
        out.append(line)
        index += 1
    return out
