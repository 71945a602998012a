"""Structure cleaned text into a `Document` of passages with exact offsets.

Each line of the cleaned text is one block. A block becomes a heading, a law
article (with the paragraphs and items that follow it), enumerated points or a
paragraph; a paragraph holding 一是…二是… is split into points at the markers.
Every passage satisfies `doc.text[p.start:p.end] == p.text`.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from question_bank.document import Document, Passage
from question_bank.markers import (
    CHAPTER,
    MARKDOWN_HEADING,
    RANK_TITLE,
    inline_split_points,
    is_article,
    line_marker,
)
from question_bank.titles import (
    ENDS_AS_SENTENCE,
    INNER_END,
    is_document_name,
    is_subtitle,
    salutation_cut,
    title_index,
)

_FIRST_SENTENCE = re.compile(r"^.*?[。！？!?]")
_QUOTED = re.compile(r"“([^“”\n]{2,16})”|‘([^‘’\n]{2,16})’|「([^「」\n]{2,16})」")
_FORMULA = re.compile(r"^[一二三四五六七八九十两百千]+[个张条项大句点字种化不到率心]")
_NOT_SLOGAN = re.compile(r"[。！？!?，,；;：:]")

_BULLET = re.compile(r"^[-*+•·]\s+(?=\S)")
_POINT_START = re.compile(r"[一二三四五六七八九十]+[是要](?!求|素|点|件|闻|务)")

_ATTACHMENTS = re.compile(r"^附件\s*[:：\d一二三四五六七八九十]")
# The standard part names of a law or charter, standing alone on a line ("总纲", "附则").
_PART_NAME = re.compile(r"^(?:总纲|总则|分则|附则|序言|前言|导言|结语|附录)$")
RANK_SUBTITLE = 9

HEADING_MAX = 50
# The note under a law's title on when it was adopted and amended ("（1994年3月5日第八届
# 全国人民代表大会常务委员会第六次会议通过　根据…第一次修正）"): a record, not body text.
# Stored as a "note" passage, outside the body, so no question blanks its dates or session
# numbers; a speech's "…会议审议通过" (no article follows) stays a paragraph.
_ADOPTION_NOTE = re.compile(
    r"^[*_]?[（(]?\d{4}年\d{1,2}月\d{1,2}日\s*(?:第[一二三四五六七八九十]+届)?[^（）()]*?"
    r"(?:会议|委员会|国务院|令)[^（）()]*?(?:通过|修正|修订|公布|施行|批准)[^（）()]{0,4}[）)]?[*_]?$"
)
SPLIT_HEADING_MAX = 30


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    kind: str = "slogan"  # "slogan" or "formula" (a named count such as “三个率”)


@dataclass
class _Block:
    kind: str
    start: int
    end: int
    rank: int | None = None  # set for headings


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            yield start, end
        start = end + 1


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_points(text: str, start: int, end: int, kind: str) -> list[_Block]:
    """A paragraph (or point) with 一是…二是… inside becomes a lead-in and points."""
    found = inline_split_points(text[start:end])
    if _POINT_START.match(text, start, end):
        kind = "point"  # 一要…/二是… opening a line, its siblings on other lines
    elif found[:1] == [0]:
        kind = "point"
    bounds = [start, *(start + cut for cut in found if cut > 0), end]
    blocks = []
    for index, (a, b) in enumerate(itertools.pairwise(bounds)):
        a, b = _trimmed(text, a, b)
        if a < b:
            blocks.append(_Block("point" if index > 0 else kind, a, b))
    return blocks


def _classify_line(text: str, start: int, end: int) -> list[_Block]:
    line = text[start:end]
    md = MARKDOWN_HEADING.match(line)
    if md:
        return [_Block("heading", start + md.start(2), end, rank=len(md.group(1)))]
    bullet = _BULLET.match(line)
    if bullet:
        return [_Block("point", start + bullet.end(), end)]
    marker = line_marker(line)
    if marker is None:
        return _split_points(text, start, end, "paragraph")
    short = len(line) <= HEADING_MAX and not INNER_END.search(line)
    if short and not line.endswith(ENDS_AS_SENTENCE):
        return [_Block("heading", start, end, rank=marker.rank)]
    first = _FIRST_SENTENCE.match(line)
    if marker.rank <= 14 and first and len(first.group()) <= SPLIT_HEADING_MAX:
        cut = start + first.end()
        rest = _split_points(text, *_trimmed(text, cut, end), "paragraph") if cut < end else []
        return [_Block("heading", start, cut, rank=marker.rank), *rest]
    return _split_points(text, start, end, "point")


def _title_before_salutation(text: str, start: int, end: int) -> list[_Block] | None:
    """A first line that runs the title into the speech: the part before 同志们：."""
    cut = salutation_cut(text[start:end])
    if cut is None:
        return None
    title_start, title_end = _trimmed(text, start, start + cut)
    if title_start == title_end:
        return None
    return [
        _Block("heading", title_start, title_end, rank=RANK_TITLE),
        *_split_points(text, start + cut, end, "paragraph"),
    ]


def _folded_note(text: str, lines: list, index: int, first_article: int) -> bool:
    """A line of an adoption note folded over two or three lines (a PDF copy's hard wrap:
    "（2018年4月27日第十三届全国人民代表大会常务委" / "员会第二次会议通过）"): the lines
    from the one that opens the bracket to the one that closes it (heldout10)."""
    for open_at in range(max(0, index - 2), index + 1):
        if not re.match(r"^[（(]\d{4}年", text[slice(*lines[open_at])]):
            continue
        for close_at in range(max(open_at + 1, index), min(open_at + 3, first_article)):
            joined = "".join(text[slice(*lines[i])] for i in range(open_at, close_at + 1))
            if _ADOPTION_NOTE.match(joined) and joined.count("（") + joined.count("(") == 1:
                return True
    return False


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    article: _Block | None = None
    in_attachments = False
    lines = [_trimmed(text, start, end) for start, end in _lines(text)]
    # Only a law (a document in articles) has an adoption note: before its first article.
    first_article = next((i for i, span in enumerate(lines) if is_article(text[slice(*span)])), -1)
    title_at = (
        None
        if not lines or MARKDOWN_HEADING.match(text[slice(*lines[0])])
        else title_index([text[slice(*span)] for span in lines[:8]])
    )
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        if title_at is not None and index <= title_at:
            kind = "heading" if index == title_at else "paragraph"
            blocks.append(_Block(kind, start, end, rank=RANK_TITLE if kind == "heading" else None))
            continue
        if index == 0 and title_at is None and not MARKDOWN_HEADING.match(line):
            title = _title_before_salutation(text, start, end)
            if title:
                blocks.extend(title)
                continue
        if index < first_article and (
            _ADOPTION_NOTE.match(line) or _folded_note(text, lines, index, first_article)
        ):
            blocks.append(_Block("note", start, end))  # the note under a law's title
            continue
        if is_article(line):
            article = _Block("article", start, end)
            blocks.append(article)
            continue
        if article is not None:
            marker = line_marker(line)
            heading = MARKDOWN_HEADING.match(line) or _PART_NAME.match(line)
            if not heading and not (marker and marker.rank < 13):
                article.end = end  # the paragraphs and items of a law article belong to it
                continue
            article = None
        if _ATTACHMENTS.match(line):
            in_attachments = True  # 附件：1.… 2.… lists files, not sections
            blocks.append(_Block("paragraph", start, end))
            continue
        marker = line_marker(line)
        if in_attachments and marker is not None and marker.rank >= 16:
            blocks.append(_Block("point", start, end))
            continue
        in_attachments = False
        following = text[slice(*lines[index + 1])] if index + 1 < len(lines) else ""
        if marker is None and (_PART_NAME.match(line) or is_subtitle(line, following)):
            blocks.append(_Block("heading", start, end, rank=RANK_SUBTITLE))
            continue
        blocks.extend(_classify_line(text, start, end))
    return blocks


def _without_emphasis(text: str, start: int, end: int) -> tuple[int, int]:
    """A heading written **like this** is stored without the asterisks."""
    mark = text[start : start + 2]
    if mark in ("**", "__") and end - start > 4 and text[end - 2 : end] == mark:
        return _trimmed(text, start + 2, end - 2)
    return start, end


def _passage_id(index: int, text: str) -> str:
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]
    return f"p{index:04d}-{digest}"


def _fallback_title(text: str) -> str:
    first = next((text[s:e].strip() for s, e in _lines(text)), "")
    first = MARKDOWN_HEADING.sub(r"\2", first)
    return first[:30] or "未命名材料"


def structure(
    clean_text: str, title: str | None = None, fallback_title: str | None = None
) -> Document:
    """`title` wins; else the detected title; else `fallback_title`; else the first line."""
    stack: list[tuple[int, str]] = []
    passages: list[Passage] = []
    detected_title: str | None = None
    named: str | None = None  # the first heading that names a document, if no title is found
    for block in _blocks(clean_text):
        if block.kind == "heading":
            block.start, block.end = _without_emphasis(clean_text, block.start, block.end)
        body = clean_text[block.start : block.end]
        if block.kind == "heading":
            assert block.rank is not None
            while stack and stack[-1][0] >= block.rank:
                stack.pop()
            # a leading Markdown heading, unless it is a law's chapter ("## 第一章 总则")
            opening = not passages and block.rank <= 6 and not CHAPTER.match(body)
            if detected_title is None and (opening or block.rank == RANK_TITLE):
                detected_title = body
            elif named is None and block.rank <= 6 and is_document_name(body):
                named = body  # "# 中华人民共和国某某法" under a site's notice line
        path = tuple(text for _rank, text in stack)
        index = len(passages)
        passages.append(
            Passage(_passage_id(index, body), block.kind, path, body, block.start, block.end)
        )
        if block.kind == "heading":
            stack.append((block.rank or 0, body))
    detected_title = detected_title or named
    metadata_title = (fallback_title or "").strip()
    # A title wrapped over two lines (a printed page) is cut at the wrap; the file's own
    # title, when it continues the detected one, is the whole of it.
    if detected_title and metadata_title.startswith(detected_title):
        detected_title = metadata_title
    final_title = (
        (title or "").strip() or detected_title or metadata_title or _fallback_title(clean_text)
    )
    return Document(
        title=final_title, text=clean_text, passages=passages, source_name=metadata_title
    )


def find_slogans(text: str) -> list[Span]:
    """Short quoted phrases: slogans (“感情先于服务”) and named counts (“三个率”)."""
    spans: list[Span] = []
    for match in _QUOTED.finditer(text):
        group = next(g for g in (1, 2, 3) if match.group(g) is not None)
        inner = match.group(group)
        if _NOT_SLOGAN.search(inner) or not re.search(r"[\u4e00-\u9fff]", inner):
            continue
        kind = "formula" if _FORMULA.match(inner) else "slogan"
        spans.append(Span(match.start(group), match.end(group), inner, kind))
    return spans
