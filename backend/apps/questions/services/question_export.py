"""Export questions as xlsx, CSV (our template's columns) or JSON (lossless), and the
blank template with an example of every type."""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal

from apps.questions.models import Question
from question_bank.formats import (
    JSON_FORMAT,
    TEMPLATE_COLUMNS,
    QuestionData,
    question_to_json,
    template_row,
)
from question_bank.tables import write_csv, write_xlsx

EXAMPLES = [
    QuestionData(
        "single",
        "驻村干部入户走访后，应在几日内更新民情台账？",
        [
            {"key": "A", "text": "1日"},
            {"key": "B", "text": "3日"},
            {"key": "C", "text": "7日"},
            {"key": "D", "text": "15日"},
        ],
        "B",
        "示例解析：走访记录应及时录入。",
        2,
        Decimal("2.00"),
        ["民情台账"],
        ["示例"],
    ),
    QuestionData(
        "multiple",
        "满意度回访可以采用哪些方式？",
        [
            {"key": "A", "text": "电话回访"},
            {"key": "B", "text": "上门回访"},
            {"key": "C", "text": "不回访"},
        ],
        ["A", "B"],
        "",
        3,
        Decimal("2.00"),
        ["满意度回访"],
    ),
    QuestionData("true_false", "群众反映的问题办结后无需回访。", [], False, "", 1, Decimal("1.00")),
    QuestionData(
        "fill_in",
        "一般诉求应在____个工作日内答复，复杂诉求最长不超过____个工作日。",
        [],
        [["5", "五"], ["15", "十五"]],
        "多个空的答案用“；”分隔，同一空的多个可接受答案用“|”分隔。",
    ),
    QuestionData(
        "short_answer",
        "简述入户走访的主要内容。",
        [],
        "了解家庭情况，收集意见建议，宣传政策。",
        "",
        3,
        Decimal("10.00"),
        [],
        [],
        [
            {"point": "了解家庭情况", "score": "4.00"},
            {"point": "收集意见建议", "score": "3.00"},
            {"point": "宣传政策", "score": "3.00"},
        ],
    ),
]
INSTRUCTIONS = [
    ["题型", "单选、多选、判断、填空、简答、案例分析"],
    ["选项A…选项H", "单选、多选题填写，至少两个选项，中间不能留空"],
    [
        "答案",
        "单选填一个字母；多选填多个字母（如 AC）；判断填“正确/错误”；填空每空一组，用“；”分隔，"
        "同一空的多个答案用“|”分隔；简答、案例分析填参考答案",
    ],
    ["难度", "1–5 的整数，留空为 3"],
    ["知识点、标签", "多个用“、”分隔；不存在的知识点会自动创建"],
    ["分值", "大于 0 的数字，留空时客观题 2 分、主观题 10 分"],
    ["评分要点", "主观题填写，每条写成“要点内容（2分）”，多条用“；”或换行分隔"],
    ["题干中的空", "填空题用 ____（至少三个下划线）标出每个空"],
]


def to_data(question: Question, kp_names: list[str]) -> QuestionData:
    return QuestionData(
        type=question.type,
        stem=question.stem,
        options=question.options,
        answer=question.answer,
        explanation=question.explanation,
        difficulty=question.difficulty,
        default_points=question.default_points,
        knowledge_points=kp_names,
        tags=question.tags,
        scoring_points=question.scoring_points,
        source_quote=question.source_quote,
    )


def _datas(questions: Iterable[Question]) -> list[tuple[Question, QuestionData]]:
    return [(q, to_data(q, [kp.name for kp in q.knowledge_points.all()])) for q in questions]


def export_xlsx(questions: Iterable[Question]) -> bytes:
    rows = [template_row(d) for _, d in _datas(questions)]
    return write_xlsx([("试题", list(TEMPLATE_COLUMNS), rows)])


def export_csv(questions: Iterable[Question]) -> bytes:
    return write_csv(list(TEMPLATE_COLUMNS), [template_row(d) for _, d in _datas(questions)])


def export_json(questions: Iterable[Question]) -> bytes:
    items = []
    for question, data in _datas(questions):
        item = question_to_json(data)
        item.update(
            id=question.pk,
            lineage=str(question.lineage),
            version=question.version,
            status=question.status,
        )
        items.append(item)
    payload = {"format": JSON_FORMAT, "version": 1, "questions": items}
    return json.dumps(payload, ensure_ascii=False, indent=1).encode()


def template_xlsx() -> bytes:
    return write_xlsx(
        [
            ("试题", list(TEMPLATE_COLUMNS), [template_row(d) for d in EXAMPLES]),
            ("填写说明", ["列", "说明"], INSTRUCTIONS),
        ]
    )
