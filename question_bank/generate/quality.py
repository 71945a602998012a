"""A transparent quality score: the rule's registered base, then named adjustments."""

from __future__ import annotations

import re

from .candidate import BLANK, Candidate

NORMATIVE = re.compile(r"应当|必须|不得|负责|有权|可以|要|规定|原则|至少|每")
# "我们要…" ties a stem to the speech; "我国" and "我们党" are fixed names, not the speaker.
FIRST_PERSON = re.compile(r"我们(?!党|国家)|(?<!自)我(?![们国党])|咱|你们")


def score(c: Candidate, base: float, law: bool) -> None:
    q = c.quality
    q.score = base
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
