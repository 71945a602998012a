"""Text copied from a document-sharing site: page blocks, the site's title, run-on headings.

Such a site shows a document as page-sized blocks, each opening with its page number and
"、" ("1、", "2、", …); a page break usually cuts a sentence in half. The blocks are
rejoined without their numbers. The title carries the site's name ("…讲话_文档之家") and
is repeated at the top of the first page. Headings (一、…) lose their line breaks and
run on inside the paragraphs; they are put back on lines of their own.
"""

from __future__ import annotations

import itertools
import re

_PAGE_MARK = re.compile(r"^(\d{1,3})、\s*(?=\S)")
MIN_PAGE_CHARS = 150
MIN_CUT_PAGE_CHARS = 80  # pages whose breaks cut sentences may be this short
RUN_ON_TEXT = 20  # "一、标题 " then this much prose on the same line: a run-on heading  # an enumerated item is a line or two; a page is far longer
_TERMINAL = tuple("。！？!?；;：:…”’」』）)】》")
# "标题_文档之家", "标题-文档库", "标题 - 某某文库": the site's name after the title.
_SITE_TITLE = re.compile(
    r"^(?P<title>[^。！？]{4,60}?)\s*[_\-—|｜]+\s*[\u4e00-\u9fffA-Za-z]{0,10}"
    r"(?:文档之家|文档库|文库|文档网|范文网|资料网|文档|网|在线|频道)$"
)
_SALUTATION = re.compile(r"^\s*(?:同志们|各位|尊敬的)")
# A heading that runs on after a sentence: "…的讲话。一、充分认识… 改善农村…".
_RUN_ON_HEAD = re.compile(r"(?<=[。！？])\s*(?=(?:[一二三四五六七八九十]{1,3}、)[^\s，。、]{2,})")
# (a heading may hold a comma: "一、提高政治站位，深刻认识…的重大意义 “枫桥经验”是…")
# Its own end: a space before the paragraph that follows ("一、充分认识重要意义 改善…").
_HEAD_THEN_TEXT = re.compile(r"^([一二三四五六七八九十]{1,3}、[^\s。！？；：]{2,40})\s+(?=\S)")


def page_blocks(lines: list[str | None]) -> list[int] | None:
    """Indices of the lines that open pages 1, 2, 3…, or None when the text is not paged."""
    marks = [
        (i, int(m.group(1)))
        for i, line in enumerate(lines)
        if line and (m := _PAGE_MARK.match(line))
    ]
    run: list[int] = []
    for i, number in marks:
        if number == len(run) + 1:
            run.append(i)
        elif number == 1:
            run = [i]
    if len(run) < 2:
        return None
    ends = [*run[1:], len(lines)]
    sizes = [sum(len(line or "") for line in lines[a:b]) for a, b in zip(run, ends, strict=True)]
    # The last page may be short; the others must be page-sized, or a little shorter when
    # page breaks cut sentences (a list item ends its own sentence; a page break need not).
    if min(sizes[:-1]) >= MIN_PAGE_CHARS:
        return run
    cut = sum(1 for i in run[1:] if _cuts_sentence(lines, i))
    if min(sizes[:-1]) >= MIN_CUT_PAGE_CHARS and cut * 2 >= len(run) - 1:
        return run
    return None


def _cuts_sentence(lines: list[str | None], index: int) -> bool:
    """The text before line `index` stops mid-sentence."""
    previous = next((lines[j] for j in range(index - 1, -1, -1) if lines[j]), None)
    return previous is not None and not previous.endswith(_TERMINAL)


# A page-number marker, whatever its decoration ("［1/4］", "▌P.1", "第 01 页 ▏共 04 页",
# "‹ 1 ›", "~ 1 / 4 ~", "- 1 -", "Page 1 of 4"): once every sign but letters, digits and "/"
# is taken out, only a page number is left, perhaps with the page count.
_MARK_CORE = re.compile(
    r"^(?:第0*(?P<a>\d{1,3})页(?:/?共0*\d{1,3}页)?"
    r"|0*(?P<b>\d{1,3})(?:/0*\d{1,3}页?)?"
    r"|(?:p|pg|page)0*(?P<c>\d{1,3})(?:(?:/|of)0*\d{1,3})?)$",
    re.IGNORECASE,
)
_NOT_CORE = re.compile(r"[^0-9A-Za-z\u4e00-\u9fff/]")
MAX_MARK_CHARS = 24
MIN_MARKED_PAGE_CHARS = 40
# "（接上页）", "(续上页)": the top of a page that goes on from the last.
_CONTINUED = re.compile(r"^\s*[（(【\[]\s*(?:接|续|承)上页\s*[)）】\]]\s*")
# A notice a sharing site puts at a page break ("免费预览已结束，剩余2页可下载查看").
_BREAK_NOTICE = re.compile(r"下载|预览|登录|会员|VIP|全文|剩余\s*\d+\s*页", re.IGNORECASE)
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十百零〇\d]+[章节条编]|[（(][一二三四五六七八九十]{1,3}[)）])"
)


# A list item's number ("1.", "2、", "(3)", "（4）", "【5】", "⑥"), no page number.
_ITEM_NUMBER = re.compile(
    r"^(?:\d{1,3}\s*[.．、:：)）]|[（(]\s*\d{1,3}\s*[)）]|[【\[［〔]\s*\d{1,3}\s*[】\]］〕])$"
)


def _page_number(text: str) -> int | None:
    """The page number when `text` is nothing but a page-number marker."""
    text = text.strip()
    if not text or len(text) > MAX_MARK_CHARS or _ITEM_NUMBER.match(text):
        return None
    core = _NOT_CORE.sub("", text)
    if re.search(r"[\u4e00-\u9fff]", core.replace("第", "").replace("页", "").replace("共", "")):
        return None
    m = _MARK_CORE.match(core)
    if not m:
        return None
    return int(m.group("a") or m.group("b") or m.group("c"))


def _parts(line: str) -> list[tuple[str, str]]:
    """The short parts a space sets off at the head or the tail of a line, longest first."""
    spaces = [m.start() for m in re.finditer(r"\s+", line)]
    heads = [("head", line[:i]) for i in reversed(spaces) if 0 < i <= MAX_MARK_CHARS]
    tails = [("tail", line[i:].strip()) for i in spaces if len(line) - i <= MAX_MARK_CHARS]
    return [(w, p) for w, p in heads + tails if p and p != line]


def _template(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _marks(lines: list[str]) -> list[tuple[int, int, str, str]]:
    """(line, page number, marker text, where) for every line that is or holds a marker:
    `where` is "line" (the whole line), "head" or "tail" (a part set off by a space)."""
    out = []
    for i, line in enumerate(lines):
        if not line:
            continue
        number = _page_number(line)
        if number is not None:
            out.append((i, number, line.strip(), "line"))
            continue
        for where, part in _parts(line.strip()):
            if part.isdigit():
                continue  # "3 各村…": a bare number set off in a line is no page marker
            if (number := _page_number(part)) is not None:
                out.append((i, number, part, where))
                break
    return out


def marked_page_run(lines: list[str]) -> list[tuple[int, str, str]] | None:
    """The markers of pages k, k+1, k+2… (one style, recurring, a page of text between
    them), or None when the text carries no such run."""
    best: list[tuple[int, int, str, str]] = []
    groups: dict[str, list[tuple[int, int, str, str]]] = {}
    for mark in _marks(lines):
        groups.setdefault(_template(mark[2]), []).append(mark)
    for template, marks in groups.items():
        run: list[tuple[int, int, str, str]] = []
        for mark in marks:
            # a bare number needs a page of text before it; a decorated marker any text
            least = MIN_MARKED_PAGE_CHARS if template == "#" else 1
            if (
                run
                and mark[1] == run[-1][1] + 1
                and _text_between_marks(lines, run[-1], mark) >= least
            ):
                run.append(mark)
            elif not run or mark[1] <= 1 or mark[1] != run[-1][1] + 1:
                run = [mark] if mark[1] <= 2 else []
            if len(run) > len(best):
                best = list(run)
        # a bare number ("3") is a page marker only when it recurs at least three times
        if template == "#" and best and _template(best[0][2]) == "#" and len(best) < 3:
            best = []
    if len(best) < 2:
        return None
    return [(i, text, where) for i, _, text, where in best]


def _text_between(
    lines: list[str], start: int, end: int, least: int = MIN_MARKED_PAGE_CHARS
) -> bool:
    return sum(len(line or "") for line in lines[start + 1 : end]) >= least


def _text_between_marks(
    lines: list[str], first: tuple[int, int, str, str], second: tuple[int, int, str, str]
) -> int:
    """How much text lies between two markers (a marker may share its line with text)."""
    size = sum(len(line or "") for line in lines[first[0] + 1 : second[0]])
    if first[3] == "head":
        size += len(lines[first[0]]) - len(first[2])
    if second[3] == "tail" and second[0] != first[0]:
        size += len(lines[second[0]]) - len(second[2])
    return size


def _skippable(line: str) -> bool:
    """Furniture a sharing site puts at a page break (a notice, a rule of dashes)."""
    from question_bank.furniture import is_furniture

    if is_furniture(line):
        return True
    return len(line) <= 60 and "。" not in line and bool(_BREAK_NOTICE.search(line))


def join_marked_pages(lines: list[str]) -> list[str]:
    """Page-number markers of any style dropped; a sentence cut at the page break joined
    back together ("…占" ‹ 3 › "（接上页）五分；…")."""
    run = marked_page_run(lines)
    if run is None:
        return [_CONTINUED.sub("", line) if line else line for line in lines]
    out = list(lines)
    for order, (index, text, where) in enumerate(run):
        line = out[index].strip()
        if where == "line":
            out[index] = ""
        elif where == "head":
            out[index] = line[len(text) :].strip()
        else:
            out[index] = line[: -len(text)].strip()
        if order == 0 and not _text_between(lines, -1, index):
            continue  # page 1's marker at its top, not at a break
        before = _content_line(out, index if where == "tail" else index - 1, -1)
        after = _content_line(out, index if where == "head" else index + 1, 1)
        if after is not None:
            out[after] = _CONTINUED.sub("", out[after])
        if before is None or after is None or before == after:
            continue
        if out[before].endswith(_TERMINAL) or not out[after]:
            continue
        if _HEADING.match(out[after]) or (_HEADING.match(out[before]) and len(out[before]) <= 40):
            continue
        out[before] += out[after]
        out[after] = ""
    return [_CONTINUED.sub("", line) if line else line for line in out]


def _content_line(lines: list[str], start: int, step: int) -> int | None:
    """The nearest line from `start` on (going by `step`) that holds text, furniture skipped."""
    j = start
    skipped = 0
    while 0 <= j < len(lines):
        line = lines[j].strip() if lines[j] else ""
        if line:
            if not _skippable(line):
                return j
            skipped += 1
            if skipped > 3:
                return None
        j += step
    return None


def join_pages(lines: list[str]) -> list[str]:
    """Page numbers dropped; a sentence cut by a page break joined back together."""
    lines = join_marked_pages(drop_numbered_headers(lines))
    run = page_blocks(lines)
    if run is None:
        return lines
    out = list(lines)
    for index in run:
        out[index] = _PAGE_MARK.sub("", out[index], count=1)
        previous = next((j for j in range(index - 1, -1, -1) if out[j]), None)
        if previous is None or previous < run[0] or out[previous].endswith(_TERMINAL):
            continue
        out[previous] += out[index]
        out[index] = ""
    return out


def strip_repeated_title(lines: list[str]) -> list[str]:
    """The site's name cut off the title line, and the title repeated at the top of the
    first page ("标题 同志们：…") cut off that line."""
    filled = [i for i, line in enumerate(lines) if line][:8]
    for i in filled[:3]:
        m = _SITE_TITLE.match(lines[i])
        if not m:
            continue
        title = m.group("title").strip()
        out = list(lines)
        out[i] = title
        for j in filled:
            rest = out[j][len(title) :] if j != i and out[j].startswith(title) else None
            if rest and (rest[0].isspace() or _SALUTATION.match(rest)):
                out[j] = rest.strip()
                break
        return out
    return lines


def split_run_on_headings(paragraphs: list[str]) -> list[str]:
    """一、 headings found inside run-on paragraphs put on lines of their own."""
    out: list[str] = []
    for paragraph in paragraphs:
        pieces = _RUN_ON_HEAD.split(paragraph) if "、" in paragraph else [paragraph]
        for piece in pieces:
            piece = piece.strip()
            m = _HEAD_THEN_TEXT.match(piece)
            if m and (len(pieces) > 1 or len(piece) - m.end() >= RUN_ON_TEXT):
                out.extend([m.group(1), piece[m.end() :]])
            elif piece:
                out.append(piece)
    return out


# A bulk-SMS or chat export that splits a long text into parts: "【发送方】(3/12)…",
# "[通知](3/12)…", "(3/12)…". The prefix opens a line and the text goes on after it; the
# split falls every N characters, so it cuts words and sentences like a page break.
_PART_PREFIX = re.compile(
    r"^\s*(?P<label>[【\[［〔][^】\]］〕\s]{1,12}[】\]］〕])?\s*"
    r"[(（\[［]\s*(?P<k>\d{1,3})\s*/\s*(?P<n>\d{1,3})\s*[)）\]］]\s*"
)
MIN_PART_MARKS = 3
_PART_END = tuple("。！？!?；;：:…”’」』）)】》")


def join_message_parts(lines: list[str]) -> list[str]:
    """Part prefixes dropped, and a sentence the split cut joined back together.

    Only a recurring prefix counts, numbered k/n with k running on by one within a message
    (a text may hold several messages, each from 1/n); a single "(1/3)" is left alone."""
    marks = []
    for index, line in enumerate(lines):
        m = _PART_PREFIX.match(line) if line else None
        if m and 1 <= int(m.group("k")) <= int(m.group("n")):
            marks.append((index, m))
    by_label: dict[str, list] = {}
    for index, m in marks:
        by_label.setdefault(m.group("label") or "", []).append((index, m))
    out = list(lines)
    for group in by_label.values():
        ordered = [
            (index, m)
            for position, (index, m) in enumerate(group)
            if int(m.group("k")) == 1
            or (position and int(group[position - 1][1].group("k")) == int(m.group("k")) - 1)
        ]
        if len(ordered) < MIN_PART_MARKS or not any(int(m.group("k")) > 1 for _, m in ordered):
            continue
        for index, m in ordered:
            rest = out[index][m.end() :]
            out[index] = rest
            if int(m.group("k")) == 1 or not rest.strip():
                continue  # a message's first part, or a split that fell on a line break
            before = next((j for j in range(index - 1, -1, -1) if out[j] and out[j].strip()), None)
            if before is None or out[before].rstrip().endswith(_PART_END):
                continue
            out[before] = out[before].rstrip() + rest.lstrip()
            out[index] = ""
    return out


MIN_HEADER_REPEATS = 2


def drop_numbered_headers(lines: list[str]) -> list[str]:
    """A running header that carries the page number ("某某法条文释义 · 38 ·" on every
    other page, the pages between numbered in another style): the same words recurring
    with rising numbers go, leaving no barrier between the halves of a cut sentence."""
    groups: dict[str, list[tuple[int, int]]] = {}
    for index, line in enumerate(lines):
        if not line or len(line.strip()) > 40 or _page_number(line) is not None:
            continue
        # the number alone ("· 38 ·"), not a slide's or panel's "03 / 09"
        parts = [p for w, p in _parts(line.strip()) if not p.isdigit() and "/" not in p]
        number = next((n for p in parts if (n := _page_number(p)) is not None), None)
        if number is not None and re.search(r"[\u4e00-\u9fff]", line) and "。" not in line:
            groups.setdefault(_template(line), []).append((index, number))
    out = list(lines)
    for marks in groups.values():
        numbers = [n for _, n in marks]
        rising = all(b > a for a, b in itertools.pairwise(numbers))
        if len(marks) >= MIN_HEADER_REPEATS and rising:
            for index, _ in marks:
                out[index] = ""
    return out
