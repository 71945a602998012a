"""Training fixtures: a county bank shared down to every unit, with questions of each
objective type and two knowledge points."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from apps.questions.models import Bank, KnowledgePoint, Question

SHANGHAI = ZoneInfo("Asia/Shanghai")
ANSWER_FIELDS = {
    "answer",
    "explanation",
    "explanation_html",
    "source_quote",
    "scoring_points",
    "correct_answer",
    "source",
}


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    """A timezone-aware moment on a local (Asia/Shanghai) date."""
    return dt.datetime.combine(day, dt.time(hour), tzinfo=SHANGHAI)


def make_question(
    bank,
    qtype="single",
    *,
    kps=(),
    stem=None,
    answer=None,
    options=None,
    status=Question.Status.PUBLISHED,
):
    defaults = {
        "single": ("B", [{"key": k, "text": f"选项{k}"} for k in "ABCD"]),
        "multiple": (["A", "C"], [{"key": k, "text": f"选项{k}"} for k in "ABCD"]),
        "true_false": (True, []),
        "fill_in": ([["村民委员会", "村委会"], ["三年"]], []),
        "short_answer": ("参考答案", []),
    }
    key, opts = defaults[qtype]
    question = Question.objects.create(
        bank=bank,
        type=qtype,
        stem=stem or f"{qtype} 测试题干 ____",
        options=options if options is not None else opts,
        answer=key if answer is None else answer,
        explanation="这是解析。",
        source_quote="示例出处原文。",
        default_points=Decimal("2.00"),
        status=status,
    )
    question.knowledge_points.set(kps)
    return question


def right_response(question):
    if question.type == "fill_in":
        return [accepted[0] for accepted in question.answer]
    return question.answer


def wrong_response(question):
    if question.type == "single":
        return next(o["key"] for o in question.options if o["key"] != question.answer)
    if question.type == "multiple":
        return [question.answer[0]]
    if question.type == "true_false":
        return not question.answer
    return ["错误"] * len(question.answer)


@dataclass
class Content:
    bank: Bank
    kp_weak: KnowledgePoint
    kp_strong: KnowledgePoint
    questions: list[Question]


@pytest.fixture
def content(tree):
    bank = Bank.objects.create(name="县级题库", org_unit=tree.county, shared_down=True)
    kp_weak = KnowledgePoint.objects.create(name="低保政策", org_unit=tree.county)
    kp_strong = KnowledgePoint.objects.create(name="村务公开", org_unit=tree.county)
    questions = []
    for i in range(6):
        questions.append(make_question(bank, "single", kps=[kp_weak], stem=f"低保题{i}"))
        questions.append(make_question(bank, "true_false", kps=[kp_strong], stem=f"公开题{i}"))
    return Content(bank=bank, kp_weak=kp_weak, kp_strong=kp_strong, questions=questions)
