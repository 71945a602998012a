"""The six question types, each defined once (no Django here).

For every type: its Chinese label, whether a reviewer scores it, its default points, how
its key is checked, what shape a response must have, how many blanks it has, how a
response is scored (partial credit included), and how its key reads in a spreadsheet
cell. The bank, imports and exports, exams, practice, the daily quiz, the wrong-question
book, regrades and the generator all ask this registry instead of branching on type.

Responses use the DISPLAYED option letters; `order` (an attempt's frozen option order)
maps them back to the question's own keys before comparing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any, ClassVar

from question_bank.answer_text import normalize_blank
from question_bank.format_checks import (
    ANSWER_NOT_AN_OPTION,
    ANSWER_SHAPE,
    BAD_TRUE_FALSE,
    BLANK_COUNT,
    BLANK_RE,
    DUPLICATE_OPTIONS,
    EMPTY_BLANK_ANSWER,
    MISSING_ANSWER,
    MISSING_REFERENCE,
    MISSING_STEM,
    MULTIPLE_NEEDS_TWO,
    NO_BLANKS,
    OPTION_GAP,
    SINGLE_NEEDS_ONE,
    STEM_TOO_LONG,
    TOO_FEW_OPTIONS,
    normalize_letters,
    parse_true_false,
    split_list,
)

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
TEXT_LIMIT = 20000
BLANK_LIMIT = 500

RESPONSE_CHOICE = "请选择一个有效选项"
RESPONSE_MULTIPLE = "多选题的作答应为选项字母列表，且不能重复"
RESPONSE_TRUE_FALSE = "判断题的作答应为 true 或 false"
RESPONSE_FILL_IN = "填空题的作答应为每空一个文本的列表，共 {blanks} 空"
RESPONSE_TEXT = "作答应为文本，且不超过 {limit} 字"

Problems = list[tuple[str, str]]


@dataclass(frozen=True)
class ItemScore:
    score: Decimal
    correct: bool | None  # None: a reviewer decides


def q2(value) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def split_points(points: Decimal, parts: int) -> list[Decimal]:
    """Split points into `parts` cent amounts that add up exactly."""
    share = (points / parts).quantize(CENT, rounding=ROUND_DOWN)
    shares = [share] * parts
    shares[-1] = points - share * (parts - 1)
    return shares


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


def _letters(count: int) -> set[str]:
    return {chr(ord("A") + i) for i in range(count)}


class QuestionKind:
    code: ClassVar[str]
    label: ClassVar[str]
    subjective: ClassVar[bool] = False
    has_options: ClassVar[bool] = False
    has_blanks: ClassVar[bool] = False
    default_points: ClassVar[Decimal] = Decimal("2.00")

    # -- the key --------------------------------------------------------------------
    def normalize_key(self, answer: Any) -> Any:
        """The stored shape of a key given in a looser but unambiguous form."""
        return answer

    def check_key(self, stem: str, options: list[dict[str, str]], answer: Any) -> Problems:
        """(field, Chinese message) pairs; empty when the key fits the type."""
        raise NotImplementedError

    def canonical_key(self, answer: Any) -> Any:
        """The key in one form per meaning, for spotting duplicate questions."""
        return answer

    def key_from_text(self, text: str) -> Any:
        """A spreadsheet 答案 cell → the stored key (shape errors are left to check_key)."""
        return text.strip()

    def key_to_text(self, answer: Any) -> str:
        return str(answer)

    def blank_count(self, stem: str, answer: Any) -> int:
        return 0

    def display_key(self, answer: Any, order: list[str] | None = None) -> Any:
        """The key in the response's own shape, with the letters this attempt showed."""
        return answer

    # -- a response -----------------------------------------------------------------
    def right_response(self, key: Any, order: list[str] | None = None) -> Any:
        """A response that earns full marks (demo data, tests)."""
        return self.display_key(key, order)

    def wrong_response(self, key: Any, option_count: int, order: list[str] | None = None) -> Any:
        """A well-formed response that earns nothing (demo data, tests)."""
        raise NotImplementedError

    def response_problem(self, response: Any, option_count: int, blanks: int) -> str | None:
        """Why a (non-empty) response cannot be stored for this question, or None."""
        if not isinstance(response, str) or len(response) > TEXT_LIMIT:
            return RESPONSE_TEXT.format(limit=TEXT_LIMIT)
        return None

    def score(self, key: Any, response: Any, points: Decimal, order=None, partial=False):
        raise NotImplementedError


class _Choice(QuestionKind):
    has_options = True

    def check_key(self, stem, options, answer) -> Problems:
        problems = _check_options(options)
        keys = {o["key"] for o in options if o.get("text", "").strip()}
        shape = self._key_shape_problem(answer)
        if shape:
            return [*problems, ("答案", shape)]
        letters = [answer] if isinstance(answer, str) else answer
        problems.extend(
            ("答案", ANSWER_NOT_AN_OPTION.format(key=k)) for k in letters if k not in keys
        )
        return problems

    def _key_shape_problem(self, answer) -> str | None:
        raise NotImplementedError


class SingleChoice(_Choice):
    code, label = "single", "单选"

    def _key_shape_problem(self, answer):
        ok = isinstance(answer, str) and len(answer) == 1 and answer.isupper()
        return None if ok else SINGLE_NEEDS_ONE.format(value=answer)

    def key_from_text(self, text):
        letters = normalize_letters(text.strip())
        return letters[0] if len(letters) == 1 else (text.strip() or None)

    def display_key(self, answer, order=None):
        return to_displayed(answer, order)

    def wrong_response(self, key, option_count, order=None):
        right = self.display_key(key, order)
        return next((x for x in sorted(_letters(option_count)) if x != right), right)

    def response_problem(self, response, option_count, blanks):
        # A list or an object is not a letter (and is not hashable: check the type first).
        if not isinstance(response, str) or response not in _letters(option_count):
            return RESPONSE_CHOICE
        return None

    def score(self, key, response, points, order=None, partial=False):
        points = q2(points)
        ok = response is not None and to_original(response, order) == key
        return ItemScore(points if ok else ZERO, ok)


class MultipleChoice(_Choice):
    code, label = "multiple", "多选"

    def _key_shape_problem(self, answer):
        ok = isinstance(answer, list) and len(answer) >= 2 and len(set(answer)) == len(answer)
        return None if ok else MULTIPLE_NEEDS_TWO.format(value=answer)

    def key_from_text(self, text):
        return normalize_letters(text.strip()) or text.strip()

    def key_to_text(self, answer):
        return "".join(answer)

    def canonical_key(self, answer):
        return sorted(answer) if isinstance(answer, list) else answer

    def display_key(self, answer, order=None):
        return sorted(to_displayed(k, order) for k in answer or [])

    def wrong_response(self, key, option_count, order=None):
        every = sorted(_letters(option_count))
        return every if every != self.display_key(key, order) else every[:1]

    def response_problem(self, response, option_count, blanks):
        ok = (
            isinstance(response, list)
            and all(isinstance(x, str) and x in _letters(option_count) for x in response)
            and len(set(response)) == len(response)
        )
        return None if ok else RESPONSE_MULTIPLE

    def score(self, key, response, points, order=None, partial=False):
        """All or nothing; with `partial`, a correct proper subset earns half."""
        points, key = q2(points), set(key or [])
        if not isinstance(response, list):
            return ItemScore(ZERO, False)
        chosen = {to_original(letter, order) for letter in response if isinstance(letter, str)}
        if chosen == key:
            return ItemScore(points, True)
        if partial and chosen and chosen < key:
            return ItemScore(q2(points / 2), False)
        return ItemScore(ZERO, False)


class TrueFalse(QuestionKind):
    code, label = "true_false", "判断"

    def check_key(self, stem, options, answer):
        return [] if isinstance(answer, bool) else [("答案", BAD_TRUE_FALSE.format(value=answer))]

    def key_from_text(self, text):
        parsed = parse_true_false(text)
        return text.strip() if parsed is None else parsed

    def key_to_text(self, answer):
        return "正确" if answer else "错误"

    def wrong_response(self, key, option_count, order=None):
        return not key

    def response_problem(self, response, option_count, blanks):
        return None if isinstance(response, bool) else RESPONSE_TRUE_FALSE

    def score(self, key, response, points, order=None, partial=False):
        points = q2(points)
        ok = isinstance(response, bool) and response == bool(key)
        return ItemScore(points if ok else ZERO, ok)


class FillIn(QuestionKind):
    """Key: one list of accepted texts per blank. Each blank earns its share of the points;
    texts compare through answer_text.normalize_blank (numerals, widths, punctuation)."""

    code, label = "fill_in", "填空"
    has_blanks = True

    def normalize_key(self, answer):
        # one string per blank (the response shape) is one accepted answer each
        if isinstance(answer, list):
            return [[a] if isinstance(a, str) else a for a in answer]
        return answer

    def check_key(self, stem, options, answer):
        blanks = len(BLANK_RE.findall(stem))
        if not blanks:
            return [("题干", NO_BLANKS)]
        if not isinstance(answer, list) or not all(isinstance(g, list) for g in answer):
            return [("答案", ANSWER_SHAPE)]
        if len(answer) != blanks:
            return [("答案", BLANK_COUNT.format(blanks=blanks, answers=len(answer)))]
        return [
            ("答案", EMPTY_BLANK_ANSWER.format(index=i))
            for i, group in enumerate(answer, start=1)
            if not all(isinstance(a, str) for a in group) or not [a for a in group if a.strip()]
        ]

    def key_from_text(self, text):
        groups = [g for g in re.split(r"[；;\n]+", text.strip()) if g.strip()]
        return [split_list(g, r"[|｜]") for g in groups]

    def key_to_text(self, answer):
        return "；".join("|".join(group) for group in answer)

    def canonical_key(self, answer):
        if not isinstance(answer, list):
            return answer
        return [sorted({normalize_blank(a) for a in group}) for group in self.normalize_key(answer)]

    def blank_count(self, stem, answer):
        if isinstance(answer, list):
            return len(answer)
        return len(BLANK_RE.findall(stem or ""))

    def display_key(self, answer, order=None):
        """Each blank's first accepted text."""
        return [a[0] if isinstance(a, list) and a else a for a in answer or []]

    def wrong_response(self, key, option_count, order=None):
        return ["不清楚"] * len(key or [])

    def response_problem(self, response, option_count, blanks):
        ok = (
            isinstance(response, list)
            and len(response) <= blanks
            and all(isinstance(x, str) and len(x) <= BLANK_LIMIT for x in response)
        )
        return None if ok else RESPONSE_FILL_IN.format(blanks=blanks)

    def blank_matches(self, accepted, given) -> bool:
        given = normalize_blank(given)
        options = accepted if isinstance(accepted, list) else [accepted]
        return bool(given) and given in {normalize_blank(a) for a in options}

    def score(self, key, response, points, order=None, partial=False):
        points, key = q2(points), key or []
        if not key or not isinstance(response, list):
            return ItemScore(ZERO, False)
        shares = split_points(points, len(key))
        total, all_ok = ZERO, True
        for index, accepted in enumerate(key):
            given = response[index] if index < len(response) else ""
            if isinstance(given, str) and self.blank_matches(accepted, given):
                total += shares[index]
            else:
                all_ok = False
        return ItemScore(total, all_ok)


class _Subjective(QuestionKind):
    """A reference answer in text; a reviewer gives the score."""

    subjective = True
    default_points = Decimal("10.00")

    def check_key(self, stem, options, answer):
        return [] if isinstance(answer, str) and answer.strip() else [("答案", MISSING_REFERENCE)]

    def right_response(self, key, order=None):
        return str(key)  # the reference answer itself; a reviewer decides the score

    def wrong_response(self, key, option_count, order=None):
        return ""

    def score(self, key, response, points, order=None, partial=False):
        return ItemScore(ZERO, None)


class ShortAnswer(_Subjective):
    code, label = "short_answer", "简答"


class CaseAnalysis(_Subjective):
    code, label = "case_analysis", "案例分析"


TYPES: dict[str, QuestionKind] = {
    kind.code: kind
    for kind in (
        SingleChoice(),
        MultipleChoice(),
        TrueFalse(),
        FillIn(),
        ShortAnswer(),
        CaseAnalysis(),
    )
}
CODES = tuple(TYPES)
LABELS = {code: kind.label for code, kind in TYPES.items()}
SUBJECTIVE = frozenset(code for code, kind in TYPES.items() if kind.subjective)
OBJECTIVE = frozenset(code for code, kind in TYPES.items() if not kind.subjective)
WITH_OPTIONS = frozenset(code for code, kind in TYPES.items() if kind.has_options)


class _Unknown(QuestionKind):
    """A code the registry does not know scores nothing and accepts nothing."""

    code, label = "", "未知题型"

    def check_key(self, stem, options, answer):
        return [("题型", "未知题型")]

    def response_problem(self, response, option_count, blanks):
        return RESPONSE_CHOICE

    def score(self, key, response, points, order=None, partial=False):
        return ItemScore(ZERO, False)


_UNKNOWN = _Unknown()


def get(code: str) -> QuestionKind:
    return TYPES.get(code, _UNKNOWN)


def default_points(code: str) -> Decimal:
    return get(code).default_points


def score(code: str, key, response, points, order=None, partial=False) -> ItemScore:
    if response is None and not get(code).subjective:
        return ItemScore(ZERO, False)
    return get(code).score(key, response, points, order, partial)


def check_question(qtype: str, stem: str, options: list[dict[str, str]], answer: Any) -> Problems:
    """Problems with a question's shape; an empty list means it is well-formed."""
    if not (stem or "").strip():
        return [("题干", MISSING_STEM)]
    if len(stem) > 5000:
        return [("题干", STEM_TOO_LONG)]
    kind = get(qtype)
    if answer is None or answer == "" or answer == []:
        return [("答案", MISSING_REFERENCE if kind.subjective else MISSING_ANSWER)]
    return kind.check_key(stem, options or [], answer)


def _check_options(options: list[dict[str, str]]) -> Problems:
    problems = []
    filled = [o for o in options if o.get("text", "").strip()]
    if len(filled) < 2:
        problems.append(("选项", TOO_FEW_OPTIONS))
    for index, option in enumerate(options):
        if not option.get("text", "").strip() and index < len(options) - 1:
            problems.append((f"选项{option['key']}", OPTION_GAP.format(key=option["key"])))
    seen: dict[str, str] = {}
    for option in filled:
        text = option["text"].strip()
        if text in seen:
            problems.append(
                (f"选项{option['key']}", DUPLICATE_OPTIONS.format(a=seen[text], b=option["key"]))
            )
        seen.setdefault(text, option["key"])
    return problems
