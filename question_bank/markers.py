"""Heading and enumeration markers of Chinese documents, with their nesting rank.

A smaller rank encloses a larger one: the title (0), Markdown levels (1–6), then
编/章/节, 一、, （一）, 第一，, 1., （1）, ①. Inline enumerations (一是…二是…,
一要…二要…, 第一，…第二，…, ①②) are found as chains of consecutive ordinals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = "零〇一二三四五六七八九十百千两"
_CN = f"[{CN_DIGITS}]+"
_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_VALUES.update({"七": 7, "八": 8, "九": 9})

RANK_TITLE = 0
RANK_PART, RANK_CHAPTER, RANK_SECTION = 10, 11, 12

MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(\S.*)$")
# Patterns below are used with .match(line, pos), which anchors at pos: no "^".
ARTICLE = re.compile(rf"第(?:{_CN}|\d+)条(?:之{_CN})?(?:\s|$|[：:]|\*\*|__)")
CHAPTER = re.compile(rf"第(?:{_CN}|\d+)(编|章|节|部分)(?:\s|$|[：:、])")
_CHAPTER_RANK = {"编": RANK_PART, "部分": RANK_PART, "章": RANK_CHAPTER, "节": RANK_SECTION}

# (pattern, rank) for markers that open a line; ordered: first match wins.
LINE_MARKERS: tuple[tuple[re.Pattern[str], int], ...] = (
    # 篇一：… starts another piece in a compilation of several articles
    (re.compile(rf"[【\[]?篇(?:{_CN}|\d+)[】\]]?\s*[：:]?\s*"), RANK_PART),
    (re.compile(rf"{_CN}\s*[、.．]\s*"), 13),
    (re.compile(rf"[（(]{_CN}[)）]\s*|{_CN}[)）]\s*"), 14),
    (re.compile(rf"第{_CN}\s*[，,、：:]\s*"), 15),
    (re.compile(r"\d{1,2}\s*[、．]\s*|\d{1,2}\.(?!\d)\s*"), 16),
    (re.compile(r"[（(]\d{1,2}[)）]\s*|\d{1,2}[)）]\s*"), 17),
    (re.compile(r"[①-⑳]\s*"), 18),
)

_BEFORE = r"(?:^|(?<=[。！？!?；;：:，,\s]))"
_STRONG_BEFORE = r"(?:^|(?<=[。！？!?；;：:\s]))"
# Inline enumeration families: (text a chain must contain, pattern whose group 1 is the
# ordinal). A chain needs its second item, so a text without that text is skipped fast.
INLINE_FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("二是", re.compile(rf"{_BEFORE}([一二三四五六七八九十]+)是")),
    ("二要", re.compile(rf"{_BEFORE}([一二三四五六七八九十]+)要")),
    ("第二", re.compile(rf"{_STRONG_BEFORE}第([一二三四五六七八九十]+)\s*[，,、：:]")),
    ("二", re.compile(rf"{_STRONG_BEFORE}[（(]([一二三四五六七八九十]+)[)）]")),
    ("2", re.compile(rf"{_BEFORE}[（(](\d{{1,2}})[)）]")),
    ("②", re.compile(r"([①-⑳])")),
)


@dataclass(frozen=True)
class LineMarker:
    rank: int
    end: int  # offset just after the marker and its spaces


def cn_to_int(numeral: str) -> int:
    """Chinese numerals up to the hundreds: 一 → 1, 十二 → 12, 二十 → 20, 一百零三 → 103."""
    if len(numeral) == 1 and "①" <= numeral <= "⑳":
        return ord(numeral) - ord("①") + 1
    if numeral.isascii() and numeral.isdigit():
        return int(numeral)
    total, current = 0, 0
    for ch in numeral:
        if ch == "千":
            total += (current or 1) * 1000
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _VALUES.get(ch, 0)
    return total + current


def emphasis_width(line: str) -> int:
    """Width of a leading Markdown emphasis (**一、…** or __第一条__) to look past."""
    return 2 if line.startswith(("**", "__")) else 0


def is_article(line: str) -> bool:
    return bool(ARTICLE.match(line, emphasis_width(line)))


_MARKER_FIRST = frozenset(
    CN_DIGITS + "第篇【[（(0123456789" + "".join(map(chr, range(0x2460, 0x2474)))
)


def line_marker(line: str) -> LineMarker | None:
    skip = emphasis_width(line)
    if line[skip : skip + 1] not in _MARKER_FIRST:
        return None  # cheap exit: most lines open with an ordinary character
    match = CHAPTER.match(line, skip)
    if match:
        return LineMarker(_CHAPTER_RANK[match.group(1)], match.end())
    for pattern, rank in LINE_MARKERS:
        match = pattern.match(line, skip)
        if match:
            return LineMarker(rank, match.end())
    return None


def inline_split_points(text: str) -> list[int]:
    """Offsets where an enumerated point starts: chains 一X, 二X, … of two or more."""
    points: set[int] = set()
    for needed, pattern in INLINE_FAMILIES:
        if needed not in text:
            continue
        chain: list[int] = []
        last = 0
        for match in pattern.finditer(text):
            value = cn_to_int(match.group(1))
            if value == 1:
                if len(chain) >= 2:
                    points.update(chain)
                chain, last = [match.start()], 1
            elif chain and value == last + 1:
                chain.append(match.start())
                last = value
        if len(chain) >= 2:
            points.update(chain)
    return sorted(points)
