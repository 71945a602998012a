"""One normaliser for fill-in answers, so a blank scores the same in an exam, in practice
and in the daily quiz: widths folded, spaces and punctuation dropped, case ignored, and
numbers compared by value whether written in digits or in Chinese numerals
(十五 = 15, 一百二十 = 120, 两 = 2, 百分之十 = 10%).
"""

from __future__ import annotations

import re
import string
import unicodedata

_PUNCT = set(string.punctuation) | set("，。、；：？！“”‘’（）【】《》〈〉—…·～「」『』")
DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_DIGIT_CHARS = "".join(DIGITS)
_NUMERAL_RE = re.compile(f"[{_DIGIT_CHARS}十百千万亿]+(?:点[{_DIGIT_CHARS}]+)?")
_PERCENT_RE = re.compile(r"百分之([0-9.]+)")
_KEPT_DOT_RE = re.compile(r"(?<=\d)\.(?=\d)")


def _integer(text: str) -> int:
    """Positional Chinese numeral → int (一百二十 → 120, 十五 → 15, 三万五千 → 35000);
    a run of bare digits reads digit by digit (二〇二五 → 2025)."""
    if all(ch in DIGITS for ch in text):
        return int("".join(str(DIGITS[ch]) for ch in text)) if len(text) > 1 else DIGITS[text]
    total = section = number = 0
    for ch in text:
        if ch in DIGITS:
            number = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (number or 1) * SMALL_UNITS[ch]
            number = 0
        elif ch == "万":
            total += (section + number) * BIG_UNITS[ch]
            section = number = 0
        else:  # 亿
            total = (total + section + number) * BIG_UNITS[ch]
            section = number = 0
    return total + section + number


def chinese_integer(text: str) -> int | None:
    """A whole Chinese numeral as an int (十五 → 15, 两千 → 2000); None when the text is
    anything else."""
    if not text or any(
        ch not in DIGITS and ch not in SMALL_UNITS and ch not in BIG_UNITS for ch in text
    ):
        return None
    return _integer(text)


def _numeral(match: re.Match) -> str:
    run = match.group(0)
    # A leading 百/千/万/亿 is a word here (千万, 万一), not a number: keep it as written.
    lead = len(run) - len(run.lstrip("百千万亿"))
    head, run = run[:lead], run[lead:]
    if not run or not (run[0] in DIGITS or run[0] == "十"):
        return head + run
    whole, _, fraction = run.partition("点")
    digits = str(_integer(whole))
    if fraction:
        digits += "." + "".join(str(DIGITS[ch]) for ch in fraction)
    return head + digits


def numerals_to_digits(text: str) -> str:
    """Chinese numerals in the text written as digits; 百分之十 becomes 10%."""
    text = _NUMERAL_RE.sub(_numeral, text)
    return _PERCENT_RE.sub(r"\1%", text)


def normalize_blank(text) -> str:
    """The comparable form of one blank: NFKC (full → half width), numerals as digits,
    spaces and punctuation dropped (a decimal point between digits is kept), lower case.
    The percent sign goes with the punctuation, so 10% = 百分之十 = 10."""
    text = numerals_to_digits(unicodedata.normalize("NFKC", str(text or "")))
    text = _KEPT_DOT_RE.sub("\x00", text)
    kept = [
        ch
        for ch in text
        if ch == "\x00"
        or (not ch.isspace() and ch not in _PUNCT and not unicodedata.category(ch).startswith("P"))
    ]
    return "".join(kept).replace("\x00", ".").lower()
