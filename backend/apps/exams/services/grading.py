"""Scoring one response against a key: pure functions, no database.

Responses use the DISPLAYED option letters; `order` (the attempt's frozen option order)
maps them back to the question's own keys before comparing.
"""

from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
SUBJECTIVE = {"short_answer", "case_analysis"}
_PUNCT = set(string.punctuation) | set("，。、；：？！“”‘’（）【】《》〈〉—…·～「」『』")


@dataclass(frozen=True)
class ItemScore:
    score: Decimal
    correct: bool | None  # None: a reviewer decides


def q2(value) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def to_original(letter, order: list[str] | None):
    """Displayed letter → the question's own key."""
    if not order or not isinstance(letter, str) or len(letter) != 1:
        return letter
    index = ord(letter) - ord("A")
    return order[index] if 0 <= index < len(order) else None


def to_displayed(key, order: list[str] | None):
    """The question's own key → the letter shown in this attempt."""
    if not order or key not in order:
        return key
    return chr(ord("A") + order.index(key))


def normalize_blank(text) -> str:
    """Full/half width folded, spaces and punctuation dropped, case ignored."""
    text = unicodedata.normalize("NFKC", str(text or ""))
    kept = [
        ch
        for ch in text
        if not ch.isspace() and ch not in _PUNCT and not unicodedata.category(ch).startswith("P")
    ]
    return "".join(kept).lower()


def split_points(points: Decimal, parts: int) -> list[Decimal]:
    """Split points into `parts` cent amounts that add up exactly."""
    share = (points / parts).quantize(CENT, rounding="ROUND_DOWN")
    shares = [share] * parts
    shares[-1] = points - share * (parts - 1)
    return shares


def score_item(qtype: str, key, response, points: Decimal, order=None, partial=False) -> ItemScore:
    points = q2(points)
    if qtype in SUBJECTIVE:
        return ItemScore(ZERO, None)
    if response is None:
        return ItemScore(ZERO, False)
    if qtype == "single":
        ok = to_original(response, order) == key
        return ItemScore(points if ok else ZERO, ok)
    if qtype == "true_false":
        ok = isinstance(response, bool) and response == bool(key)
        return ItemScore(points if ok else ZERO, ok)
    if qtype == "multiple":
        return _score_multiple(set(key or []), response, points, order, partial)
    if qtype == "fill_in":
        return _score_fill_in(key or [], response, points)
    return ItemScore(ZERO, False)


def _score_multiple(key: set, response, points, order, partial) -> ItemScore:
    if not isinstance(response, list):
        return ItemScore(ZERO, False)
    chosen = {to_original(letter, order) for letter in response}
    if chosen == key:
        return ItemScore(points, True)
    if partial and chosen and chosen < key:
        return ItemScore(q2(points / 2), False)
    return ItemScore(ZERO, False)


def _score_fill_in(key: list, response, points) -> ItemScore:
    if not key or not isinstance(response, list):
        return ItemScore(ZERO, False)
    shares = split_points(points, len(key))
    total, all_ok = ZERO, True
    for index, accepted in enumerate(key):
        given = normalize_blank(response[index]) if index < len(response) else ""
        options = accepted if isinstance(accepted, list) else [accepted]
        if given and given in {normalize_blank(a) for a in options}:
            total += shares[index]
        else:
            all_ok = False
    return ItemScore(total, all_ok)
