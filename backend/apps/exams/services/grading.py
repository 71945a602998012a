"""Scoring one response against a key: the question type registry's rules, named for the
exams app. Responses use the DISPLAYED option letters; `order` (the attempt's frozen
option order) maps them back to the question's own keys before comparing."""

from __future__ import annotations

from decimal import Decimal

from question_bank import question_types
from question_bank.answer_text import normalize_blank
from question_bank.question_types import (
    CENT,
    ZERO,
    ItemScore,
    q2,
    split_points,
    to_displayed,
    to_original,
)

SUBJECTIVE = question_types.SUBJECTIVE

__all__ = [
    "CENT",
    "SUBJECTIVE",
    "ZERO",
    "ItemScore",
    "normalize_blank",
    "q2",
    "score_item",
    "split_points",
    "to_displayed",
    "to_original",
]


def score_item(qtype: str, key, response, points: Decimal, order=None, partial=False) -> ItemScore:
    return question_types.score(qtype, key, response, points, order, partial)
