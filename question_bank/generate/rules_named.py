"""A quoted total whose members are spelled out in the points that follow it.

- "“三个站”" then 一是…“广播站”…二是…“减压站”…: one quoted term per point, each
  ending with the total's head noun (站), so the group is unambiguous. A 填空 asks
  for the members; a 多选 sets them against the document's other quoted terms with
  the same head noun.
- "“两个抓手”" then 第一个抓手，A。…第二个抓手，B。…: the points name the total's
  noun themselves; their contents are phrases, not terms, so a 简答 asks for them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from . import elements, lists
from .candidate import BLANK, Candidate
from .choices import make_multiple
from .context import Context
from .registry import document_rule
from .textutil import Sentence, cn_to_int

MARKER_RE = re.compile(r"^\s*(?:([一二三四五六七八九十])[是要]|第([一二三四五六七八九十])[，、,])")
LOOK_AHEAD = 40  # sentences after the total in which its points must all appear
TOPIC_USES = 3  # a quoted term used more often is the speech's topic, not a wrong option
MAX_CONTENT = 24


@dataclass(frozen=True)
class NamedPoints:
    total: str  # "“三个站”"
    noun: str  # "站": every member ends with it
    lead: Sentence
    points: tuple[Sentence, ...]
    items: tuple[elements.Element, ...]
    ordinal: bool = False  # 第一个抓手，… rather than 一是…“广播站”…

    @property
    def focus(self) -> str:
        return self.lead.text + "".join(p.text for p in self.points)


def named_points(ctx: Context) -> list[NamedPoints]:
    out = []
    for i, sentence in enumerate(ctx.sentences):
        at = sentence.core_start - sentence.start
        for m in lists.QUOTED_TOTAL_RE.finditer(sentence.text, at):
            count, noun = cn_to_int(m.group(1)), m.group(3)
            found = _points(ctx.sentences[i + 1 : i + 1 + LOOK_AHEAD], sentence, count, noun)
            if found:
                out.append(NamedPoints(m.group(0), noun, sentence, *found))
    return out


def _points(following: list[Sentence], lead: Sentence, count: int | None, noun: str):
    ordinal_re = re.compile(
        rf"^\s*第([一二三四五六七八九十])个{re.escape(noun)}[，,：:]\s*(?:就是|即)?"
    )
    points: list[Sentence] = []
    items: list[elements.Element] = []
    kinds: set[bool] = set()
    for sentence in following:
        if not count or len(points) == count:
            break
        if sentence.passage.heading_path != lead.passage.heading_path:
            break
        m = ordinal_re.match(sentence.text) or MARKER_RE.match(sentence.text)
        if not m:
            continue
        if cn_to_int(next(g for g in m.groups() if g)) != len(points) + 1:
            return None  # another run of points, or one is missing
        item = _content(sentence, m.end()) if m.re is ordinal_re else _term(sentence, noun)
        if item is None:
            return None
        kinds.add(m.re is ordinal_re)
        points.append(sentence)
        items.append(item)
    texts = {q.text for q in items}
    if len(points) != count or len(texts) != count or len(kinds) != 1:
        return None
    if any(t in lead.text for t in texts):
        return None
    return tuple(points), tuple(items), kinds.pop()


def _term(sentence: Sentence, noun: str) -> elements.Element | None:
    named = [q for q in elements.quotes(sentence) if q.text.endswith(noun) and q.text != noun]
    return named[0] if len(named) == 1 else None


def _content(sentence: Sentence, at: int) -> elements.Element | None:
    """第二个抓手，就是群众评议制度。 → the phrase after the marker (群众评议制度)."""
    text = sentence.text[at:].rstrip("。！；")
    if not 2 <= len(text) <= MAX_CONTENT or re.search(r"[，,；：]", text):
        return None
    start = sentence.start + at
    return elements.Element.blank("point", start, start + len(text), text)


def _fields(ctx: Context, group: NamedPoints) -> dict:
    lead = group.lead
    quotes = "……".join(p.core for p in group.points)
    return dict(
        explanation=f"原文：“{lead.core}……{quotes}”",
        source=ctx.span_source(lead.passage.id, lead.start, group.points[-1].end),
        knowledge_points=ctx.knowledge_points(lead.passage.heading_path, group.total.strip("“”")),
        checks=[(q.start, q.end) for q in group.items],
        focus=group.focus,
    )


def _groups(ctx: Context) -> list[NamedPoints]:
    return ctx.memo("named_points", named_points)


@document_rule("fill.named_points", "fill_in", 0.7)
def named_fill(ctx: Context) -> Iterator[Candidate]:
    prefix = f"根据《{ctx.law}》，" if ctx.law else ""
    for group in _groups(ctx):
        if group.ordinal:
            continue
        items = [q.text for q in group.items]
        yield Candidate(
            type="fill_in",
            stem=f"{prefix}{group.total}是指{'、'.join([BLANK] * len(items))}。",
            answer=items,
            rule="fill.named_points",
            answer_texts=items,
            difficulty=3,
            label=group.total,
            **_fields(ctx, group),
        )


@document_rule("multiple.named_points", "multiple", 0.62)
def named_multiple(ctx: Context) -> Iterator[Candidate]:
    for group in _groups(ctx):
        if group.ordinal:
            continue
        items = [q.text for q in group.items]
        pool = [
            q
            for q, uses in ctx.pools.quotes.items()
            if q.endswith(group.noun) and q not in items and uses <= TOPIC_USES
        ]
        cand = make_multiple(
            ctx,
            f"{group.total}包括{BLANK}。",
            items,
            pool,
            group.focus,
            all_items=True,
            rule="multiple.named_points",
            label=group.total,
            **_fields(ctx, group),
        )
        if cand:
            yield cand


@document_rule("short.named_points", "short_answer", 0.62)
def named_short(ctx: Context) -> Iterator[Candidate]:
    for group in _groups(ctx):
        if not group.ordinal:
            continue
        items = [q.text for q in group.items]
        yield Candidate(
            type="short_answer",
            stem=f"根据材料，{group.total}分别是什么？",
            answer="；".join(items) + "。",
            scoring_points=items,
            rule="short.named_points",
            answer_texts=items,
            difficulty=3,
            label=group.total,
            **_fields(ctx, group),
        )
