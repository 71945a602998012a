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


def drop_garbled(line: str) -> str:
    """`line` without its garbled sentences (unchanged when it has none)."""
    if "\ufffd" not in line and not _RARE.search(line):
        return line  # cheap exit: nothing rare at all
    kept = [s for s in _SENTENCE.findall(line) if s and not _garbled_sentence(s)]
    return "".join(kept)
