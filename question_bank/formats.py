"""Question formats, without Django: our xlsx/CSV template, CMMLU CSV, the yf-exam
layout, and JSON. Every reader returns `QuestionData` or raises `QuestionProblems`
with (column, Chinese message) pairs, so an import can report each bad row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from question_bank import question_types
from question_bank.format_checks import (
    BLANK_RE,
    OPTION_KEYS,
    QuestionProblems,
    normalize_letters,
    split_list,
)
from question_bank.question_types import check_question

__all__ = [
    "BLANK_RE",
    "CMMLU_HEADERS",
    "JSON_FORMAT",
    "OPTION_KEYS",
    "TEMPLATE_COLUMNS",
    "TYPE_CODES",
    "TYPE_LABELS",
    "QuestionData",
    "QuestionProblems",
    "check_question",
    "detect_format",
    "parse_cmmlu_row",
    "parse_template_row",
    "question_to_json",
    "template_row",
]

TYPE_LABELS = question_types.LABELS
TYPE_CODES = {label: code for code, label in TYPE_LABELS.items()}
TYPE_CODES.update({f"{label}题": code for code, label in TYPE_LABELS.items()})
TYPE_CODES.update({"单项选择": "single", "单项选择题": "single", "多项选择": "multiple"})
TYPE_CODES.update({"多项选择题": "multiple", "是非题": "true_false", "问答题": "short_answer"})
TYPE_CODES.update({code: code for code in TYPE_LABELS})

TEMPLATE_COLUMNS = (
    "题型",
    "题干",
    *(f"选项{k}" for k in OPTION_KEYS),
    "答案",
    "解析",
    "难度",
    "知识点",
    "标签",
    "分值",
    "评分要点",
)
TEMPLATE_REQUIRED = ("题型", "题干", "答案")
CMMLU_HEADERS = ("Question", "A", "B", "C", "D", "Answer")
JSON_FORMAT = "yzyh-questions"

UNKNOWN_TYPE = "未知题型：{value}（可选：单选、多选、判断、填空、简答、案例分析）"
MISSING_TYPE = "缺少题型"
BAD_DIFFICULTY = "难度应为 1–5 的整数：{value}"
BAD_POINTS = "分值应为大于 0、不超过 100 的数字：{value}"
BAD_SCORING_POINT = "评分要点格式应为“要点内容（2分）”：{value}"
DIFFICULTY_WORDS = {
    "易": 2,
    "容易": 2,
    "简单": 2,
    "中": 3,
    "中等": 3,
    "难": 4,
    "较难": 4,
    "困难": 5,
}
SCORE_SUFFIX_RE = re.compile(
    r"^(?P<text>.+?)\s*[（(:：]\s*(?P<score>\d+(?:\.\d+)?)\s*分?\s*[）)]?$"
)


@dataclass
class QuestionData:
    type: str
    stem: str
    options: list[dict[str, str]] = field(default_factory=list)
    answer: Any = None
    explanation: str = ""
    difficulty: int = 3
    default_points: Decimal = Decimal("2.00")
    knowledge_points: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    scoring_points: list[dict[str, str]] = field(default_factory=list)
    source_quote: str = ""


def default_points_for(qtype: str) -> Decimal:
    return question_types.default_points(qtype)


def detect_format(headers: list[str]) -> str | None:
    names = set(headers)
    if {"题型", "题干", "答案"} <= names:
        return "template"
    if set(CMMLU_HEADERS) <= names:
        return "cmmlu"
    if {"题目序号", "题目类型", "题目内容", "是否正确项", "选项内容"} <= names:
        return "yf"
    return None


def _difficulty(value: str, problems: list) -> int:
    value = value.strip()
    if not value:
        return 3
    if value in DIFFICULTY_WORDS:
        return DIFFICULTY_WORDS[value]
    if value.isdigit() and 1 <= int(value) <= 5:
        return int(value)
    problems.append(("难度", BAD_DIFFICULTY.format(value=value)))
    return 3


def _points(value: str, qtype: str, problems: list) -> Decimal:
    value = value.strip()
    if not value:
        return default_points_for(qtype)
    try:
        points = Decimal(value)
    except InvalidOperation:
        points = Decimal(-1)
    if not points.is_finite() or points <= 0 or points > 100:
        problems.append(("分值", BAD_POINTS.format(value=value)))
        return default_points_for(qtype)
    return points.quantize(Decimal("0.01"))


def _scoring_points(value: str, problems: list) -> list[dict[str, str]]:
    items = []
    for part in re.split(r"[\n；;]+", value):
        part = part.strip()
        if not part:
            continue
        match = SCORE_SUFFIX_RE.match(part)
        if not match:
            problems.append(("评分要点", BAD_SCORING_POINT.format(value=part)))
            continue
        score = Decimal(match["score"]).quantize(Decimal("0.01"))
        items.append({"point": match["text"].strip(), "score": str(score)})
    return items


def parse_template_row(values: dict[str, str]) -> QuestionData:
    problems: list[tuple[str, str]] = []
    label = values.get("题型", "").strip()
    qtype = TYPE_CODES.get(label)
    if not label:
        problems.append(("题型", MISSING_TYPE))
    elif qtype is None:
        problems.append(("题型", UNKNOWN_TYPE.format(value=label)))
    qtype = qtype or "single"
    options = [{"key": key, "text": values.get(f"选项{key}", "").strip()} for key in OPTION_KEYS]
    while options and not options[-1]["text"]:
        options.pop()
    data = QuestionData(
        type=qtype,
        stem=values.get("题干", "").strip(),
        options=options if qtype in question_types.WITH_OPTIONS else [],
        answer=question_types.get(qtype).key_from_text(values.get("答案", "")),
        explanation=values.get("解析", "").strip(),
        difficulty=_difficulty(values.get("难度", ""), problems),
        default_points=_points(values.get("分值", ""), qtype, problems),
        knowledge_points=split_list(values.get("知识点", "")),
        tags=split_list(values.get("标签", "")),
        scoring_points=_scoring_points(values.get("评分要点", ""), problems),
    )
    if label and TYPE_CODES.get(label):
        problems.extend(check_question(data.type, data.stem, data.options, data.answer))
    if problems:
        raise QuestionProblems(problems)
    return data


def answer_to_text(qtype: str, answer: Any) -> str:
    return question_types.get(qtype).key_to_text(answer)


def template_row(q: QuestionData) -> list[str]:
    texts = {o["key"]: o["text"] for o in q.options}
    return [
        TYPE_LABELS[q.type],
        q.stem,
        *(texts.get(k, "") for k in OPTION_KEYS),
        answer_to_text(q.type, q.answer),
        q.explanation,
        str(q.difficulty),
        "、".join(q.knowledge_points),
        "、".join(q.tags),
        str(q.default_points),
        "；".join(f"{p['point']}（{p['score']}分）" for p in q.scoring_points),
    ]


def parse_cmmlu_row(values: dict[str, str]) -> QuestionData:
    options = [{"key": k, "text": values.get(k, "").strip()} for k in "ABCD"]
    answer = normalize_letters(values.get("Answer", ""))
    data = QuestionData(
        type="single",
        stem=values.get("Question", "").strip(),
        options=options,
        answer=answer[0] if len(answer) == 1 else values.get("Answer", "").strip() or None,
    )
    problems = check_question(data.type, data.stem, data.options, data.answer)
    if problems:
        raise QuestionProblems(problems)
    return data


def question_to_json(q: QuestionData) -> dict[str, Any]:
    return {
        "type": q.type,
        "stem": q.stem,
        "options": [dict(o) for o in q.options],
        "answer": q.answer,
        "explanation": q.explanation,
        "difficulty": q.difficulty,
        "default_points": str(q.default_points),
        "knowledge_points": list(q.knowledge_points),
        "tags": list(q.tags),
        "scoring_points": [dict(p) for p in q.scoring_points],
        "source_quote": q.source_quote,
    }
