"""The verifier: every candidate is checked against its cited span alone before it is kept.

- 填空 and 单选: the stem with the key put back is the span's own wording; a 单选's
  wrong options put back are not.
- 判断: a true statement is the span's wording; a false one becomes the span's wording
  when its one swap is undone (the exact contradiction), and is not that wording as is.
- 多选 and 简答: every right option or scoring point is in the span, no wrong option is.
- A named label (“三个率”) is written in the span, and a label that counts its items
  ("三个") has exactly as many as the answer gives.

The verdict goes into `quality.reasons`; a candidate that fails is dropped.
"""

from __future__ import annotations

import re

from question_bank.document import Document

from .candidate import BLANK, Candidate
from .filters import statement_of
from .lists import QUOTED_TOTAL_RE, TOTAL_RE
from .textutil import cn_to_int, normalize_punct

VERIFIED = {
    "fill_in": "校验：答案填回后与出处原文一致",
    "single": "校验：正确选项填回后与出处原文一致，干扰项不一致",
    "true_false": "校验：判断结论由出处原文直接确定",
    "multiple": "校验：正确选项均见于出处原文，干扰项均不见于原文",
    "short_answer": "校验：得分点均见于出处原文",
}
_DROP = re.compile(r"[\s“”‘’\"'「」]")


def _norm(text: str) -> str:
    return _DROP.sub("", normalize_punct(text)).rstrip("。；，")


def _filled(stem: str, answers: list[str]) -> str | None:
    statement = statement_of(stem)
    if statement.count(BLANK) != len(answers):
        return None
    for answer in answers:
        statement = statement.replace(BLANK, answer, 1)
    return _norm(statement)


def _label_ok(c: Candidate, quote: str, count: int) -> str | None:
    """None when the label is the span's own and counts `count` items, else why not."""
    if not c.label:
        return None
    if _norm(c.label) not in quote:
        return f"题目所问的提法不在出处中：{c.label}"
    m = QUOTED_TOTAL_RE.search(c.label) or TOTAL_RE.search(c.label)
    if m and cn_to_int(m.group(1)) != count:
        return f"提法“{c.label}”的项数与答案不符"
    return None


def check(c: Candidate) -> str | None:
    """Why `c` is not supported by its cited span alone, or None when it is."""
    quote = _norm(c.source.quote)
    if c.type == "fill_in":
        filled = _filled(c.stem, list(c.answer))
        if filled is not None and filled in quote:
            return None  # the span's own wording, its label (if any) included
        if not c.label:
            return "答案填回后与出处原文不一致"
        missing = [a for a in c.answer if _norm(a) not in quote]
        return f"答案不在出处中：{missing[0]}" if missing else _label_ok(c, quote, len(c.answer))
    if c.type == "single":
        right = c.answer_texts[0]
        filled = _filled(c.stem, [right])
        if filled is None or filled not in quote:
            return "正确选项填回后与出处原文不一致"
        for option in c.options:
            if option.key == c.answer:
                continue
            wrong = option.text
            if _norm(wrong) == _norm(right) or (_filled(c.stem, [wrong]) or "") in quote:
                return f"干扰项填回后也与原文一致：{wrong}"
        return None
    if c.type == "true_false":
        statement = _norm(statement_of(c.stem))
        if c.answer is True:
            if statement in quote:
                return None
            # "法律还要求用人单位建立……" asked as "用人单位应当建立……" (rules_national._reported).
            required = "要求" + statement.replace("应当", "", 1)
            if "应当" in statement and required in quote:
                return None
            return "“正确”的判断题不是出处原文的表述"
        if statement in quote:
            return "“错误”的判断题与出处原文一致"
        swap = c.swapped or {}
        if swap.get("kind") == "order":
            ok = all(_norm(a) in quote for a in c.answer_texts)
            return None if ok else "交换的内容不在出处中"
        original, replacement = swap.get("original", ""), swap.get("replacement", "")
        if not original or _norm(replacement) in quote:
            return "“错误”的判断题没有与原文矛盾的确切替换"
        restored = _norm(statement_of(c.stem).replace(replacement, original, 1))
        return None if restored in quote else "撤销替换后与出处原文不一致"
    if c.type == "multiple":
        right = set(c.answer)
        for option in c.options:
            inside = _norm(option.text) in quote
            if option.key in right and not inside:
                return f"正确选项不在出处中：{option.text}"
            if option.key not in right and inside:
                return f"干扰项见于出处原文：{option.text}"
        return _label_ok(c, quote, len(right))
    if c.type == "short_answer":
        missing = [p for p in c.scoring_points if _norm(p) not in quote]
        if missing:
            return f"得分点不在出处中：{missing[0]}"
        return _label_ok(c, quote, len(c.scoring_points))
    return None


def failure(c: Candidate, document: Document) -> tuple[str, str] | None:
    reason = check(c)
    if reason:
        return "verifier", f"校验未通过：{reason}"
    c.quality.reasons.append(VERIFIED[c.type])
    return None
