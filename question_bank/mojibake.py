"""Find text garbled by a wrong decoding and drop the sentences that hold it.

UTF-8 bytes read as GBK turn common characters into rare ones ("在全镇" → "鍦ㄥ叏闀"),
with "?" where a byte pair was left over; GBK bytes read as UTF-8 give runs of U+FFFD.
Real Simplified text is almost all GB2312 level-1 characters (the 3,755 most used),
while such a run is almost none, so a stretch between two punctuation marks whose Han
characters are mostly rare is garbage. Its whole sentence goes: a cut sentence must
never reach a question stem.
"""

from __future__ import annotations

import re
from functools import lru_cache

_SENTENCE = re.compile(r"[^。！？]*(?:[。！？]+[”’」』）)]*|$)")
_SEGMENT = re.compile(r"[，；：、“”《》（）]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
MIN_HAN = 6  # shorter stretches are names or terms, not enough to judge
RARE_SHARE = 0.5  # normal text: under 0.2 even in a run of names; garbage: over 0.7
REPLACEMENTS = 2  # U+FFFD marks in one stretch


@lru_cache(maxsize=8192)
def _common(ch: str) -> bool:
    try:
        lead = ch.encode("gb2312")[0]
    except UnicodeEncodeError:
        return False
    return 0xB0 <= lead <= 0xD7


def _level_one() -> str:
    """The GB2312 level-1 characters (lead bytes 0xB0–0xD7), as one string."""
    chars = []
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.append(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


# A Han character outside level 1: one regex pass finds whether a line has any.
_RARE = re.compile(f"(?![{_level_one()}])[\u4e00-\u9fff]")


def is_garbled(stretch: str) -> bool:
    if stretch.count("\ufffd") >= REPLACEMENTS:
        return True
    han = _HAN.findall(stretch)
    if len(han) < MIN_HAN:
        return False
    rare = sum(1 for ch in han if not _common(ch))
    return rare / len(han) >= RARE_SHARE


def _garbled_sentence(sentence: str) -> bool:
    return any(is_garbled(part) for part in _SEGMENT.split(sentence))


# GBK bytes read as Big5 (then converted to Simplified) decode to valid but rare characters,
# with bopomofo and odd symbols where the punctuation was: no U+FFFD, no "?", and the
# garble runs straight into the next sentence (its full stop became "§﹝"). A sliding
# window over the Han characters finds the run however much good text shares its sentence.
_ODD = "\u3100-\u312f\u31a0-\u31bf§※﹝﹞﹙﹚¤"
_MARK = re.compile(f"[\u4e00-\u9fff{_ODD}]")
_ODD_RE = re.compile(f"[{_ODD}]")
WINDOW = 10  # characters (Han or odd symbols) in the window
WINDOW_RARE = 7  # rare ones in it that make it garbage; real text with names: at most 3–4
_SENTENCE_END = "。！？!?"
TAIL = 6  # an odd symbol this close after the run still belongs to it


def garbled_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of each run of garbage in `line` found by the sliding window."""
    marks = [
        (m.start(), bool(_ODD_RE.match(m.group())) or not _common(m.group()))
        for m in _MARK.finditer(line)
    ]
    bad: set[int] = set()
    rare = sum(r for _, r in marks[:WINDOW])
    for i in range(len(marks) - WINDOW + 1):
        if i:
            rare += marks[i + WINDOW - 1][1] - marks[i - 1][1]
        if rare >= WINDOW_RARE:
            window = marks[i : i + WINDOW]
            first = next(k for k, (_, r) in enumerate(window) if r)
            last = max(k for k, (_, r) in enumerate(window) if r)
            bad.update(pos for pos, _ in window[first : last + 1])
    spans: list[list[int]] = []
    for pos in sorted(bad):
        if spans and pos - spans[-1][1] <= 3:
            spans[-1][1] = pos + 1
        else:
            spans.append([pos, pos + 1])
    return [(a, b) for a, b in spans]


def _cut_spans(line: str) -> str:
    """Each garbled run dropped from the start of its sentence to its own end (and the odd
    symbols after it), so what follows starts a sentence of its own."""
    out, pos = [], 0
    for start, end in garbled_spans(line):
        begin = max(line.rfind(ch, pos, start) for ch in _SENTENCE_END) + 1
        begin = max(begin, pos)
        while True:  # the run's tail: common characters up to its last odd symbol
            odd = _ODD_RE.search(line, end, end + TAIL)
            if not odd:
                break
            end = odd.end()
        while end < len(line) and line[end] in "?？\ufffd":
            end += 1
        # What is left of the garbled sentence ("范𨱍�。"): no sentence of its own.
        stop = min((i for i in (line.find(ch, end) for ch in _SENTENCE_END) if i >= 0), default=-1)
        rest = line[end : stop + 1] if stop >= 0 else ""
        if rest and (
            "\ufffd" in rest
            or any(not _common(ch) for ch in _HAN.findall(rest[:4]))
            or len(_HAN.findall(rest)) < MIN_HAN
        ):
            end = stop + 1
        out.append(line[pos:begin])
        pos = end
    out.append(line[pos:])
    return "".join(out)


def drop_garbled(line: str) -> str:
    """`line` without its garbled sentences (unchanged when it has none)."""
    if "\ufffd" not in line and not _RARE.search(line):
        return line  # cheap exit: nothing rare at all
    line = _cut_spans(line)  # first, so a run that swallowed its full stop goes alone
    kept = [s for s in _SENTENCE.findall(line) if s and not _garbled_sentence(s)]
    return "".join(kept)
