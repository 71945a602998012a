"""Text copied from a document-sharing site: page blocks, the site's title, run-on headings.

Such a site shows a document as page-sized blocks, each opening with its page number and
"、" ("1、", "2、", …); a page break usually cuts a sentence in half. The blocks are
rejoined without their numbers. The title carries the site's name ("…讲话_文档之家") and
is repeated at the top of the first page. Headings (一、…) lose their line breaks and
run on inside the paragraphs; they are put back on lines of their own.
"""

from __future__ import annotations

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


def join_pages(lines: list[str]) -> list[str]:
    """Page numbers dropped; a sentence cut by a page break joined back together."""
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
