"""National rules a speech, notice or page cites with their source (round eight).

On a document that is no statute the precise questions are the ones a national source
states: "按照《X法》的规定，任何单位和个人不得……" and the national days "每年的M月D日是
全国……日". `true_false.national_rule` restates such a rule naming the law ("根据《X法》，
任何单位和个人不得……。", the law written with 《》 even where the speaker left the marks
out); `fill.national_day` blanks the date of a national day. Neither fires on a statute
(its own articles are asked by the statute rules) nor on a sentence without the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .candidate import BLANK, Candidate
from .context import Context
from .filters import LOCAL_SUBJECT_RE
from .registry import sentence_rule
from .textutil import Sentence

# "按照《公路法》的规定，" / "消防法规定：" / "根据《X条例》第十条规定，": the law and where its rule starts.
CITED_RULE_RE = re.compile(
    r"(?:按照|根据|依照|依据)?"
    r"(?:《(?P<marked>[^》]{2,30}?(?:法|条例))》|(?P<bare>[\u4e00-\u9fa5]{2,14}?(?<![办方做说看想执违依守])(?:法|条例)))"
    r"(?:第[一二三四五六七八九十百零]+条)?(?:的)?(?:规定|明确规定|明确)[，,：:]"
)
# What makes the cited clause a rule that binds: who it binds or a modal.
BINDING_RE = re.compile(r"任何(?:单位|组织|个人|人)|不得|禁止|应当|必须|有权|有义务|义务")
NATIONAL_DAY_RE = re.compile(
    r"每年(?:的)?(?P<date>(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日)"
    r"(?:是|为)(?P<day>全国[\u4e00-\u9fa5]{2,12}日)"
)
LEADS = ("本", "该", "此", "这", "各", "我")


def _clause_end(text: str, start: int) -> int:
    """The end of the sentence the cited rule is in (its full stop, or the text's end)."""
    ends = [i for i in (text.find("。", start), text.find("；", start)) if i >= 0]
    return min(ends) if ends else len(text)


# A clause where the speaker takes over again: a local subject ("各乡镇要…", "我们要…")
# or a bare call ("要…", "务必…").
SPEAKER_CLAUSE_RE = re.compile(r"^(?:我们|咱们|大家|同志们|要|务必|一定要|必须要)")


def _cited_part(rule: str) -> str:
    """The clauses of the cited rule up to where the speaker's own arrangement starts."""
    kept = []
    for clause in rule.split("，"):
        if kept and (LOCAL_SUBJECT_RE.match(clause) or SPEAKER_CLAUSE_RE.match(clause)):
            break
        kept.append(clause)
    return "，".join(kept)


@sentence_rule("true_false.national_rule", "true_false", 0.6)
def national_rule(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    if ctx.law:
        return
    text = sentence.text
    m = CITED_RULE_RE.search(text)
    if not m:
        return
    law = m.group("marked") or m.group("bare")
    if len(law) < 3 or law.startswith(LEADS) or law.endswith(("办法", "方法", "执法", "违法")):
        return
    start, end = m.end(), _clause_end(text, m.end())
    rule = _cited_part(text[start:end].strip())
    if not 8 <= len(rule) <= 90 or not BINDING_RE.search(rule):
        return
    yield Candidate(
        type="true_false",
        stem=f"根据《{law}》，{rule}。",
        answer=True,
        explanation=f"原文：“{sentence.core}”表述正确。",
        source=ctx.source(sentence),
        rule="true_false.national_rule",
        knowledge_points=[law],
        answer_texts=[rule],
        difficulty=1,
    )


@sentence_rule("fill.national_day", "fill_in", 0.6)
def national_day(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    if ctx.law:
        return
    m = NATIONAL_DAY_RE.search(sentence.text)
    if not m:
        return
    date, day = m.group("date"), m.group("day")
    start = sentence.start + m.start("date")
    whole = m.group(0)
    cut_at = m.start("date") - m.start()
    stem = f"{whole[:cut_at]}{BLANK}{whole[cut_at + len(date) :]}。"
    yield Candidate(
        type="fill_in",
        stem=stem,
        answer=[date],
        explanation=f"原文：“{sentence.core}”",
        source=ctx.source(sentence),
        rule="fill.national_day",
        knowledge_points=[day],
        answer_texts=[date],
        checks=[(start, start + len(date))],
        difficulty=2,
    )
