"""Shape checks shared by every question format and by the API: does the answer fit
the type, the options and the blanks? Plain Python; messages are Chinese constants."""

from __future__ import annotations

import re
from typing import Any

OPTION_KEYS = "ABCDEFGH"
BLANK_RE = re.compile(r"_{3,}")
FULL_WIDTH_LETTERS = str.maketrans("ＡＢＣＤＥＦＧＨａｂｃｄｅｆｇｈ", "ABCDEFGHabcdefgh")
TRUE_WORDS = {"对", "正确", "是", "√", "✓", "T", "TRUE", "Y", "1", "YES"}
FALSE_WORDS = {"错", "错误", "否", "×", "✗", "F", "FALSE", "N", "0", "NO"}

MISSING_STEM = "缺少题干"
STEM_TOO_LONG = "题干过长（不超过 5000 字）"
MISSING_ANSWER = "缺少答案"
TOO_FEW_OPTIONS = "选择题至少需要两个选项"
OPTION_GAP = "选项{key}为空，但其后还有选项"
DUPLICATE_OPTIONS = "选项{a}与选项{b}内容相同"
SINGLE_NEEDS_ONE = "单选题答案应为一个选项字母：{value}"
MULTIPLE_NEEDS_TWO = "多选题答案应至少包含两个选项字母：{value}"
ANSWER_NOT_AN_OPTION = "答案中的{key}不是已有选项"
BAD_TRUE_FALSE = "判断题答案应为“正确”或“错误”：{value}"
NO_BLANKS = "填空题题干中需要用 ____（至少三个下划线）标出空位"
BLANK_COUNT = "题干有 {blanks} 个空，答案却有 {answers} 组（多个空用“；”分隔）"
EMPTY_BLANK_ANSWER = "第{index}个空的答案为空"
MISSING_REFERENCE = "缺少参考答案"
ANSWER_SHAPE = "答案格式不正确"


class QuestionProblems(Exception):
    """One question is invalid; `problems` holds (field, Chinese message) pairs."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__("; ".join(m for _, m in problems))


def split_list(text: str, pattern: str = r"[、,，;；|\n]+") -> list[str]:
    return [part.strip() for part in re.split(pattern, text or "") if part.strip()]


def normalize_letters(text: str) -> list[str]:
    """ "A,C" / "ac" / "Ａ、Ｃ" → ["A", "C"]; anything but letters and separators → []."""
    text = (text or "").translate(FULL_WIDTH_LETTERS).upper()
    letters = re.sub(r"[\s,，、;；/|]+", "", text)
    if not letters or not letters.isascii() or not letters.isalpha():
        return []
    return sorted(set(letters), key=letters.index)


def parse_true_false(text: str) -> bool | None:
    word = (text or "").strip().upper()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def _check_options(options: list[dict[str, str]]) -> list[tuple[str, str]]:
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


def _check_choice(qtype: str, options: list[dict[str, str]], answer: Any) -> list[tuple[str, str]]:
    problems = _check_options(options)
    keys = {o["key"] for o in options if o.get("text", "").strip()}
    letters = [answer] if isinstance(answer, str) else answer
    if qtype == "single" and not (
        isinstance(answer, str) and len(answer) == 1 and answer.isupper()
    ):
        return [*problems, ("答案", SINGLE_NEEDS_ONE.format(value=answer))]
    if qtype == "multiple" and (
        not isinstance(answer, list) or len(answer) < 2 or len(set(answer)) != len(answer)
    ):
        return [*problems, ("答案", MULTIPLE_NEEDS_TWO.format(value=answer))]
    problems.extend(("答案", ANSWER_NOT_AN_OPTION.format(key=k)) for k in letters if k not in keys)
    return problems


def _check_fill_in(stem: str, answer: Any) -> list[tuple[str, str]]:
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
        if not [a for a in group if isinstance(a, str) and a.strip()]
    ]


def check_question(
    qtype: str, stem: str, options: list[dict[str, str]], answer: Any
) -> list[tuple[str, str]]:
    """Problems with a question's shape; an empty list means it is well-formed."""
    if not (stem or "").strip():
        return [("题干", MISSING_STEM)]
    if len(stem) > 5000:
        return [("题干", STEM_TOO_LONG)]
    if answer is None or answer == "" or answer == []:
        return [
            (
                "答案",
                MISSING_ANSWER
                if qtype not in ("short_answer", "case_analysis")
                else MISSING_REFERENCE,
            )
        ]
    if qtype in ("single", "multiple"):
        return _check_choice(qtype, options, answer)
    if qtype == "true_false":
        return [] if isinstance(answer, bool) else [("答案", BAD_TRUE_FALSE.format(value=answer))]
    if qtype == "fill_in":
        return _check_fill_in(stem, answer)
    return [] if isinstance(answer, str) and answer.strip() else [("答案", MISSING_REFERENCE)]
