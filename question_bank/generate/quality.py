"""A transparent quality score: a base per rule, then named adjustments."""

from __future__ import annotations

import re

from .candidate import BLANK, Candidate

BASE = {
    "fill.named_total": 0.75,
    "fill.law_deadline": 0.7,
    "fill.law_penalty": 0.65,
    "fill.law_body": 0.6,
    "fill.law_number": 0.6,
    "fill.law_duty": 0.65,
    "fill.number": 0.65,
    "fill.definition": 0.6,
    "fill.slogan": 0.55,
    "fill.numbered_points": 0.6,
    "fill.parallel": 0.62,
    "fill.combination": 0.65,
    "fill.named_points": 0.7,
    "single.number": 0.65,
    "single.body": 0.62,
    "single.quote": 0.55,
    "multiple.enumeration": 0.62,
    "multiple.article_items": 0.6,
    "multiple.numbered_points": 0.6,
    "multiple.heading_points": 0.62,
    "multiple.named_points": 0.62,
    "short.heading_points": 0.62,
    "short.article_items": 0.65,
    "short.section_points": 0.55,
    "short.named_points": 0.62,
    "fill.formula": 0.65,
    "true_false.swap_modal": 0.6,
    "true_false.swap_order": 0.6,
    "llm": 0.55,
}
NORMATIVE = re.compile(r"应当|必须|不得|负责|有权|可以|要|规定|原则|至少|每")
# "我们要…" ties a stem to the speech; "我国" and "我们党" are fixed names, not the speaker.
FIRST_PERSON = re.compile(r"我们(?!党|国家)|(?<!自)我(?![们国党])|咱|你们")


def score(c: Candidate, law: bool) -> None:
    q = c.quality
    q.score = BASE.get(c.rule, 0.55 if c.type == "true_false" else 0.5)
    q.reasons = [f"规则基础分 {q.score:.2f}（{c.rule}）"]
    if law:
        q.add(0.05, "出自法律条文")
    if NORMATIVE.search(c.source.quote):
        q.add(0.05, "含规范性表述")
    if FIRST_PERSON.search(c.stem):
        q.add(-0.1, "题干含第一人称，脱离讲话语境")
    if re.search(r"本法第[一二三四五六七八九十百零]+条", c.stem):
        q.add(-0.1, "引用其他条款，单独成题信息不全")
    length = len(c.stem)
    if length > 100:
        q.add(-0.1, "题干较长")
    elif 15 <= length <= 70:
        q.add(0.03, "题干长度适中")
    if c.type == "fill_in" and len(c.answer) > 1:
        q.add(-0.03 * (len(c.answer) - 1), f"{len(c.answer)}个空")
    one_char = c.type == "fill_in" and c.stem.count(BLANK) == 1 and len(c.answer[0]) == 1
    if one_char and not re.match(r"[\d一二三四五六七八九十]", c.answer[0]):
        q.add(-0.15, "答案只有一个字")
    if c.type == "true_false" and c.answer is True:
        q.add(-0.05, "判断题为原文照录")
    q.score = round(max(0.0, min(1.0, q.score)), 3)
    c.difficulty = _difficulty(c)


def _difficulty(c: Candidate) -> int:
    level = {"true_false": 1, "single": 2, "fill_in": 3, "multiple": 3, "short_answer": 4}[c.type]
    if c.type == "fill_in" and len(c.answer) >= 3:
        level += 1
    if len(c.stem) > 80:
        level += 1
    return max(1, min(5, level))
