"""Round ten (issue 16), statutes: rules that ask what an article establishes, from its
structure alone. Each asks only where the stem stands alone and the key is the one answer
the law allows:

- `fill.system`: "国家实行X制度。" (制度, 机制) asks X, where the law names no other system in
  that frame (a second one would fit the blank too); the part of X the law's name already
  says stays in the stem ("国家实行乡村医生____制度"). "X实行Y负责制。" asks Y likewise.
- `short.composition`: "X包括A、B和C。" / "X分为A、B和C。" (a closed list: no 等, no 其他)
  asks what X comprises; the items are the scoring points.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import elements
from .candidate import Candidate
from .context import Context
from .registry import sentence_rule
from .textutil import Sentence

_HAN = r"[\u4e00-\u9fa5]"
SYSTEM_VERBS = r"实行|建立健全|建立|设立|实施|推行"
# The whole sentence (or clause before ；): "国家实行无偿献血制度。"
SYSTEM_RE = re.compile(rf"^国家(?:{SYSTEM_VERBS})({_HAN}{{2,10}}?)(制度|机制)[。；]$")
# Any such frame anywhere in the law: two of them make the blank ambiguous.
SYSTEM_FRAME_RE = re.compile(rf"国家(?:{SYSTEM_VERBS})(?:{_HAN}|“|”){{2,24}}?(?:制度|机制)")
# "公共图书馆实行馆长负责制。": who answers for the body (fill.responsibility asks the
# 各级人民政府 form).
RESPONSIBLE_RE = re.compile(rf"^({_HAN}{{2,12}}?)实行({_HAN}{{2,6}}?)负责制[。；]$")
RESPONSIBLE_FRAME_RE = re.compile(r"实行[\u4e00-\u9fa5]{2,10}?负责制")
# Words that name no system of their own ("建立健全相关制度", "有关工作机制").
VAGUE_SYSTEM = re.compile(r"^(?:相关|有关|各项|各类|工作|管理|健全|完善|其他|本)|的")
# A subject that points elsewhere cannot stand alone.
POINTING = re.compile(r"前款|前条|本条|本款|该|其|上述|下列|以下|此类|这些")


def _law_prefix(ctx: Context, answer: str) -> int:
    """Length of the answer's head that the law's own name says ("乡村医生" of
    乡村医生执业注册 under 乡村医生从业管理条例): the stem keeps it, the blank asks the rest."""
    if not ctx.law:
        return 0
    for n in range(len(answer) - 2, 1, -1):
        if answer[:n] in ctx.law:
            return n
    return 0


def _blank(sentence: Sentence, at: int, text: str) -> elements.Element:
    start = sentence.core_start + at
    return elements.Element.blank("term", start, start + len(text), text)


def _fill(ctx: Context, sentence: Sentence, el: elements.Element, kp: str) -> Candidate:
    return Candidate(
        type="fill_in",
        stem=ctx.stem(sentence, [(el.start, el.end)]),
        answer=[el.text],
        explanation=ctx.explain(sentence),
        source=ctx.source(sentence),
        rule="fill.system",
        knowledge_points=ctx.knowledge_points(sentence.passage.heading_path, kp),
        answer_texts=[el.text],
        checks=[(el.check_start, el.check_end)],
    )


@sentence_rule("fill.system", "fill_in", 0.64)
def system(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """A statute's "国家实行X制度。" asks X; "X实行Y负责制。" asks Y."""
    if not ctx.law:
        return
    core = sentence.core
    m = SYSTEM_RE.match(core)
    if m:
        name, kind = m.group(1), m.group(2)
        if VAGUE_SYSTEM.search(name) or name in ctx.law:
            return
        if len(SYSTEM_FRAME_RE.findall(ctx.document.text)) != 1:
            return  # another system of the law would fit the blank too
        head = _law_prefix(ctx, name)
        asked = name[head:]
        yield _fill(ctx, sentence, _blank(sentence, m.start(1) + head, asked), name + kind)
        return
    m = RESPONSIBLE_RE.match(core)
    if not m or "人民政府" in m.group(1) or POINTING.search(m.group(1)):
        return
    if VAGUE_SYSTEM.search(m.group(2)) or m.group(2) in m.group(1):
        return
    if len(RESPONSIBLE_FRAME_RE.findall(ctx.document.text)) != 1:
        return
    el = _blank(sentence, m.start(2), m.group(2))
    yield _fill(ctx, sentence, el, m.group(2) + "负责制")


# "护照分为普通护照、外交护照和公务护照。" / "X包括A和B。": the whole sentence is the list.
COMPOSITION_RE = re.compile(
    rf"^(?:本(?:法|条例|规定|办法)所称)?({_HAN}{{2,16}}?)[，]?(包括|分为)"
    rf"((?:{_HAN}|“|”|、){{4,90}}?)(?:([一二两三四五六七八九十])(种|类|项|个))?。$"
)
OPEN_LIST = re.compile(r"等|其他|其它|以及有关|相关")
MAX_ITEMS = 6
COUNTS = "一两三四五六七八九十"  # 二 is read as 两 below
MAX_ITEM = 16


def _items(text: str) -> list[str] | None:
    """A、B和C → [A, B, C]; None unless the list joins its last item by one 和/以及/或者."""
    head, sep, last = text.rpartition("、")
    parts = head.split("、") if sep else []
    pair = re.split("以及|和|与|或者", last)
    if len(pair) != 2:
        return None
    items = [*parts, *pair]
    if any(re.search("以及|和|与|或者", p) for p in parts):
        return None  # "A和B、C和D": where one item ends is not certain
    return items


def _composition_question(subject: str, verb: str, count: str | None, unit: str) -> str:
    if count:
        return f"{subject}{verb}哪{count}{unit}？"
    return f"{subject}分为哪几种？" if verb == "分为" else f"{subject}包括哪些？"


@sentence_rule("short.composition", "short_answer", 0.63)
def composition(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """A statute's closed list in one sentence: what X comprises."""
    if not ctx.law:
        return
    m = COMPOSITION_RE.match(sentence.core)
    if not m:
        return
    subject, verb, listed, count, unit = m.groups()
    count = count.replace("二", "两") if count else None
    if POINTING.search(subject) or OPEN_LIST.search(listed) or not _noun_subject(subject):
        return
    items = _items(listed)
    if not items or not 2 <= len(items) <= MAX_ITEMS:
        return
    if any(not 2 <= len(i) <= MAX_ITEM for i in items) or len(set(items)) < len(items):
        return
    if count and COUNTS.index(count) + 1 != len(items):
        return  # "分为三种" over four items: the split is wrong
    question = _composition_question(subject, verb, count, unit or "")
    prefix = f"根据《{ctx.law}》{sentence.article or ''}，"
    yield Candidate(
        type="short_answer",
        stem=prefix + question,
        answer="、".join(items) + "。",
        scoring_points=items,
        explanation=ctx.explain(sentence),
        source=ctx.source(sentence),
        rule="short.composition",
        knowledge_points=ctx.knowledge_points(sentence.passage.heading_path, subject),
        answer_texts=items,
        difficulty=2,
    )


def _noun_subject(subject: str) -> bool:
    from .rules_short import _ends_with_noun

    return not subject.startswith(("对", "在", "为", "将", "把", "由", "经")) and _ends_with_noun(
        subject
    )
