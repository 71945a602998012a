"""An explanation as a cadre should read it next to a result.

Option letters in an explanation refer to the question's own order; an exam may have
shown the options shuffled, so letters are rewritten to the order that attempt showed.
And the source quote, shown beside the explanation, is left out there when the
explanation already quotes it, so the cadre does not read it twice.
"""

from __future__ import annotations

import re
import unicodedata

from question_bank.question_types import to_displayed

# "故选A", "应选 B", "答案为AC", "正确答案：A、C", "选项B" (the letters after such a lead-in)
_LETTER_REF_RE = re.compile(
    r"(?P<lead>故选|应选|选择|答案[为是：:]?|正确选项[为是：:]?|选项)\s*"
    r"(?P<letters>[A-H](?:\s*[、,，和及与]?\s*[A-H])*)(?![A-Za-z])"
)
_QUOTED_RE = re.compile(r"“([^”]{4,})”")


def remap_letters(text: str, order: list[str] | None) -> str:
    """Option letters in `text` rewritten from the question's keys to the displayed ones."""
    if not text or not order or order == sorted(order):
        return text

    def swap(match: re.Match) -> str:
        letters = re.sub(
            r"[A-H]", lambda m: to_displayed(m.group(0), order), match.group("letters")
        )
        return match.group("lead") + letters

    return _LETTER_REF_RE.sub(swap, text)


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in text if ch.isalnum())


def quotes_source(explanation: str, quote: str) -> bool:
    """Whether the explanation already quotes (most of) the source passage."""
    source = _plain(quote)
    if not source:
        return False
    if source in _plain(explanation):
        return True
    for inner in _QUOTED_RE.findall(explanation or ""):
        quoted = _plain(inner)
        if quoted and quoted in source and len(quoted) >= 0.8 * len(source):
            return True
    return False
