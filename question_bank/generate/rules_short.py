"""简答 rules: an article's lead-in turned into a question, a section's numbered points,
and a plan's sub-headings (which also yield a 多选 against the other headings)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import lists
from .candidate import BLANK, Candidate
from .context import Context
from .rules_multi import article_explain, heading_path_of, make_multiple
from .textutil import normalize_punct, quoted


def _question_from_lead(lead: str) -> str | None:
    core = re.sub(r"^\s*第[一二三四五六七八九十百零]+条\s*", "", lead).rstrip("：: ")
    core = core.replace("以下", "下列")
    if "下列" in core:
        clauses = core.split("，")
        if len(core) > 40 and "下列" not in clauses[0] and "下列" in clauses[-1]:
            core = f"{clauses[0]}，{clauses[-1]}"  # drop the preamble between subject and ask
        q = core.replace("有下列", "有哪些").replace("下列", "哪些")
        q = re.sub(r"之一的?", "", q)
        return q.rstrip("，") + "？"
    m = re.fullmatch(r"(.{2,30}?)(包括|分为|主要有|有|是|为)?", core)
    if not m:
        return None
    verb = m.group(2) or "包括"
    return f"{m.group(1)}{verb}哪些？"


def _point(item: str) -> str:
    """A long item is scored on its head clause ("坚持农民主体地位，充分尊重……" → the head)."""
    head = re.split("[，；]", item, maxsplit=1)[0]
    principle = re.match(r"(坚持|加强|完善|建立|健全|推进|实行|保障|促进)", head)
    return head if principle and len(item) > 24 and len(head) >= 4 else item


def short_answers(ctx: Context) -> Iterator[Candidate]:
    for alist in ctx.article_lists():
        question = _question_from_lead(alist.lead)
        items = [i.text for i in alist.items]
        if not question or not 2 <= len(items) <= 8:
            continue
        points = [_point(i) for i in items if not lists.CATCH_ALL_RE.search(i)]
        if len(points) < 2 or sum(map(len, points)) / len(points) > 30:
            continue  # paragraphs, not points a reviewer can score
        prefix = f"根据《{ctx.law}》{alist.article or ''}，" if ctx.law else ""
        yield Candidate(
            type="short_answer",
            stem=f"{prefix}{question}",
            answer="；".join(items) + "。",
            scoring_points=points,
            explanation=article_explain(ctx, alist),
            source=ctx.span_source(alist.passage_id, alist.lead_start, alist.end),
            rule="short.article_items",
            knowledge_points=ctx.knowledge_points(heading_path_of(ctx, alist.passage_id)),
            answer_texts=points,
            difficulty=3,
        )
    for group in ctx.numbered_groups():
        passage = ctx.passage(group.passage_id)
        if 4 <= len(group.topic) <= 30:
            heading = normalize_punct(group.topic).rstrip("。，")
        else:
            heading = _section_heading(ctx, passage)
            if group.lead and not passage.text.lstrip().startswith(group.lead):
                continue  # the points answer their own lead sentence, not the heading
        if not heading or len(group.heads) < 2:
            continue
        points = [h.text for h in group.heads]
        verb = "要求" if group.marker == "要" else "做法"
        yield Candidate(
            type="short_answer",
            stem=f"围绕{quoted(heading)}，材料提出了哪几方面的{verb}？",
            answer="；".join(points) + "。",
            scoring_points=points,
            explanation="原文：“"
            + "……".join(f"{'一二三四五六七八九'[i]}{group.marker}{p}" for i, p in enumerate(points))
            + "”",
            source=ctx.span_source(group.passage_id, group.heads[0].start - 2, group.end),
            rule="short.section_points",
            focus=heading + "".join(points),
            knowledge_points=ctx.knowledge_points(passage.heading_path, heading),
            answer_texts=points,
            difficulty=4,
        )


def _section_heading(ctx: Context, passage) -> str:
    """The heading that owns these points: the passage's own lead or its nearest heading."""
    m = re.match(
        r"^\s*(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+[，、])\s*([^。：]{4,30})[。：]",
        passage.text,
    )
    if m:
        return normalize_punct(m.group(1)).rstrip("，")
    if passage.heading_path:
        from .context import HEAD_MARK_RE

        head = normalize_punct(HEAD_MARK_RE.sub("", passage.heading_path[-1])).strip(" 。#")
        if 4 <= len(head) <= 30 and head != ctx.document.title:
            return head
    return ""


HEAD_MARK = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[、.．])\s*"
)


def heading_groups(ctx: Context) -> list[tuple[str, object, list]]:
    """Headings whose direct sub-headings are short points: (title, heading passage, children)."""
    passages = ctx.document.passages
    groups = []
    for head in passages:
        if head.kind != "heading" or head.text == ctx.document.title:
            continue
        path = (*head.heading_path, head.text)
        children = [
            p
            for p in passages
            if p.kind == "heading" and p.heading_path == path and HEAD_MARK.match(p.text)
        ]
        texts = [HEAD_MARK.sub("", normalize_punct(p.text)).rstrip("。；： ") for p in children]
        title = HEAD_MARK.sub("", normalize_punct(head.text)).rstrip("。；： ")
        if 2 <= len(texts) <= 8 and all(2 <= len(t) <= 20 for t in texts) and 2 <= len(title) <= 20:
            groups.append((title, head, list(zip(children, texts, strict=True))))
    return groups


def heading_questions(ctx: Context, wanted: tuple[str, ...]) -> Iterator[Candidate]:
    """A plan's "二、重点任务" with (一)(二)(三) sub-headings: which tasks, and which belong."""
    if ctx.law:
        return
    groups = heading_groups(ctx)
    for title, head, children in groups:
        texts = [t for _, t in children]
        last = children[-1][0]
        source = ctx.span_source(head.id, head.start, last.end)
        kps = ctx.knowledge_points((*head.heading_path, head.text))
        explanation = f"原文{quoted(title)}部分：" + "；".join(
            f"（{'一二三四五六七八九'[i]}）{t}" for i, t in enumerate(texts)
        )
        focus = title + "".join(texts)
        if "short_answer" in wanted:
            yield Candidate(
                type="short_answer",
                stem=f"根据材料，{quoted(title)}包括哪几个方面？",
                answer="；".join(texts) + "。",
                scoring_points=texts,
                explanation=explanation,
                source=source,
                rule="short.heading_points",
                knowledge_points=kps,
                answer_texts=texts,
                difficulty=3,
                focus=focus,
            )
        others = [t for g in groups if g[1] is not head for _, t in g[2]]
        if "multiple" in wanted and others:
            cand = make_multiple(
                ctx,
                f"根据材料，下列属于{quoted(title)}的有{BLANK}。",
                texts,
                others,
                focus,
                explanation=explanation,
                source=source,
                rule="multiple.heading_points",
                knowledge_points=kps,
                focus=focus,
            )
            if cand:
                yield cand
