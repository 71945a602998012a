"""The other question formats: our JSON exchange file and the yf-exam (云帆考试) layout.

JSON round-trips every field we store; yf-exam spreads one question over several
rows that share a 题目序号, one row per option, with 是否正确项 marking the key.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from question_bank import question_types
from question_bank.format_checks import (
    OPTION_KEYS,
    QuestionProblems,
    parse_true_false,
)
from question_bank.formats import (
    BAD_DIFFICULTY,
    BAD_POINTS,
    TYPE_CODES,
    UNKNOWN_TYPE,
    QuestionData,
    default_points_for,
)
from question_bank.question_types import check_question

NOT_AN_OBJECT = "每道题应为一个 JSON 对象"
BAD_JSON_FIELD = "字段格式不正确"
YF_TYPES = {"1": "single", "2": "multiple", "3": "true_false", "4": "short_answer"}
YF_UNKNOWN_TYPE = "题目类型应为 1、2、3 或 4：{value}"
YF_TOO_MANY_OPTIONS = "选项超过 {max} 个"
YF_BAD_FLAG = "是否正确项只能填写 0 或 1：{value}"
YF_MISSING_OPTION_TEXT = "第{row}行缺少选项内容"
YF_TRUE_FALSE_OPTIONS = "判断题的正确项应为“正确”或“错误”：{value}"


def _text_list(value: Any, name: str, problems: list) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append((name, BAD_JSON_FIELD))
        return []
    return [v for v in value if v.strip()]


def question_from_json(obj: Any) -> QuestionData:
    if not isinstance(obj, dict):
        raise QuestionProblems([("", NOT_AN_OBJECT)])
    problems: list[tuple[str, str]] = []
    qtype = TYPE_CODES.get(str(obj.get("type", "")))
    if qtype is None:
        raise QuestionProblems([("type", UNKNOWN_TYPE.format(value=obj.get("type", "")))])
    options = obj.get("options") or []
    if not isinstance(options, list) or not all(
        isinstance(o, dict) and isinstance(o.get("key"), str) and isinstance(o.get("text"), str)
        for o in options
    ):
        problems.append(("options", BAD_JSON_FIELD))
        options = []
    difficulty = obj.get("difficulty", 3)
    if not isinstance(difficulty, int) or isinstance(difficulty, bool) or not 1 <= difficulty <= 5:
        problems.append(("difficulty", BAD_DIFFICULTY.format(value=difficulty)))
        difficulty = 3
    try:
        points = Decimal(str(obj.get("default_points", default_points_for(qtype)))).quantize(
            Decimal("0.01")
        )
        if points <= 0 or points > 100:
            raise InvalidOperation
    except InvalidOperation:
        problems.append(("default_points", BAD_POINTS.format(value=obj.get("default_points"))))
        points = default_points_for(qtype)
    scoring = obj.get("scoring_points") or []
    if not isinstance(scoring, list) or not all(
        isinstance(p, dict) and "point" in p for p in scoring
    ):
        problems.append(("scoring_points", BAD_JSON_FIELD))
        scoring = []
    data = QuestionData(
        type=qtype,
        stem=str(obj.get("stem") or "").strip(),
        options=[{"key": o["key"], "text": o["text"]} for o in options],
        answer=question_types.get(qtype).normalize_key(obj.get("answer")),
        explanation=str(obj.get("explanation") or ""),
        difficulty=difficulty,
        default_points=points,
        knowledge_points=_text_list(obj.get("knowledge_points"), "knowledge_points", problems),
        tags=_text_list(obj.get("tags"), "tags", problems),
        scoring_points=[
            {"point": str(p["point"]), "score": str(p.get("score", "0"))} for p in scoring
        ],
        source_quote=str(obj.get("source_quote") or ""),
    )
    problems.extend(check_question(data.type, data.stem, data.options, data.answer))
    if problems:
        raise QuestionProblems(problems)
    return data


@dataclass
class YfGroup:
    number: int  # the spreadsheet row of the question's first row
    rows: list[dict[str, str]]
    row_numbers: list[int]


def group_yf_rows(rows: list[tuple[int, dict[str, str]]]) -> list[YfGroup]:
    """Consecutive rows with the same integer 题目序号 form one question; rows whose
    序号 is blank or not an integer (the template's instruction row) are skipped."""
    groups: list[YfGroup] = []
    current_key = None
    for number, values in rows:
        key = values.get("题目序号", "").strip()
        if not key.isdigit():
            continue
        if key != current_key or not groups:
            groups.append(YfGroup(number, [], []))
            current_key = key
        groups[-1].rows.append(values)
        groups[-1].row_numbers.append(number)
    return groups


def _yf_flag(value: str, problems: list) -> bool:
    value = value.strip()
    if value not in ("0", "1"):
        problems.append(("是否正确项", YF_BAD_FLAG.format(value=value)))
    return value == "1"


def parse_yf_group(group: YfGroup) -> QuestionData:
    problems: list[tuple[str, str]] = []
    first = group.rows[0]
    raw_type = first.get("题目类型", "").strip()
    qtype = YF_TYPES.get(raw_type)
    if qtype is None:
        raise QuestionProblems([("题目类型", YF_UNKNOWN_TYPE.format(value=raw_type))])
    texts, flags = [], []
    for number, values in zip(group.row_numbers, group.rows, strict=True):
        text = values.get("选项内容", "").strip()
        if not text:
            problems.append(("选项内容", YF_MISSING_OPTION_TEXT.format(row=number)))
        texts.append(text)
        flags.append(_yf_flag(values.get("是否正确项", ""), problems))
    if len(texts) > len(OPTION_KEYS) and qtype in question_types.WITH_OPTIONS:
        raise QuestionProblems([("选项内容", YF_TOO_MANY_OPTIONS.format(max=len(OPTION_KEYS)))])
    correct = [text for text, flag in zip(texts, flags, strict=True) if flag]
    options: list[dict[str, str]] = []
    answer: Any
    if qtype in question_types.WITH_OPTIONS:
        options = [{"key": OPTION_KEYS[i], "text": t} for i, t in enumerate(texts)]
        keys = [OPTION_KEYS[i] for i, flag in enumerate(flags) if flag]
        answer = (
            (keys[0] if len(keys) == 1 else keys or None) if qtype == "single" else keys or None
        )
    elif qtype == "true_false":
        answer = parse_true_false(correct[0]) if len(correct) == 1 else None
        if answer is None:
            problems.append(("选项内容", YF_TRUE_FALSE_OPTIONS.format(value="、".join(correct))))
    else:
        answer = "\n".join(correct)
    data = QuestionData(
        type=qtype,
        stem=first.get("题目内容", "").strip(),
        options=options,
        answer=answer,
        explanation=first.get("整体解析", "").strip(),
        default_points=default_points_for(qtype),
    )
    if qtype != "true_false" or answer is not None:
        problems.extend(check_question(data.type, data.stem, data.options, data.answer))
    if problems:
        raise QuestionProblems(problems)
    return data
