"""The Chinese messages and small parsers behind the question shape checks; the checks
themselves belong to each type in question_bank.question_types."""

from __future__ import annotations

import re

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
