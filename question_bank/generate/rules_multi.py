"""多选 from enumerations and 简答 from headed sections or enumerating law articles."""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import distractors, lists, outline, rules_fill
from .candidate import BLANK, Candidate, Option
from .context import Context
from .textutil import quoted

KEYS = "ABCDEFGH"


# A condition or an act ("依法成立并具有…职能") among kinds of thing ("行政拘留").
PREDICATE = re.compile(r"^(?:有|需要|依法|经|未|对|在|因|由|能)|并|具有|应当|进行|能够")


def _shape(item: str) -> tuple[bool, bool]:
    return "、" in item, bool(PREDICATE.search(item))


def _fits(item: str, true_items: list[str]) -> bool:
    """A wrong option that reads like the right ones: close in length, and a form (a list
    of terms, a predicate) that at least one right option has too."""
    mean = sum(map(len, true_items)) / len(true_items)
    if abs(len(item) - mean) > max(3.0, 0.4 * mean):
        return False
    compound, predicate = _shape(item)
    shapes = [_shape(t) for t in true_items]
    return any(c == compound for c, _ in shapes) and any(p == predicate for _, p in shapes)


def _false_items(
    ctx: Context, true_items: list[str], shown: list[str], context: str, k: int, pool: list[str]
) -> list[str]:
    suffixes = {t[-1] for t in shown}
    clauses = all(t.endswith("的") for t in shown)  # "…的" conditions vs. plain nouns
    ranked = []
    for item in pool:
        if item in context or lists.CATCH_ALL_RE.search(item) or not _fits(item, shown):
            continue
        if item.endswith("的") != clauses or ("，" in item and not clauses):
            continue  # a different grammatical shape gives itself away
        if any(not distractors.distinct(t, item) for t in true_items):
            continue
        ranked.append((0 if item[-1] in suffixes else 1, item))
    shared = len(suffixes) == 1
    ranked = [r for r in ranked if r[0] == 0] if shared else ranked
    ranked.sort()
    chosen: list[str] = []
    for _, item in ranked:
        if item not in chosen and all(distractors.distinct(item, c) for c in chosen):
            chosen.append(item)
    top = chosen[: k + 2]
    ctx.rng.shuffle(top)
    return top[:k]


def make_multiple(
    ctx: Context, question: str, true_items: list[str], pool: list[str], context: str, **fields
) -> Candidate | None:
    items = [t for t in true_items if not lists.CATCH_ALL_RE.search(t)]
    if len(items) < 2:
        return None
    # Vary how many options are right, so "all but one" is never a safe guess.
    n_true = min(len(items), ctx.rng.choice((2, 3, 3, 4)))
    keep = sorted(ctx.rng.sample(range(len(items)), n_true))
    shown = [items[i] for i in keep]
    wrong = _false_items(ctx, true_items, shown, context, 5 - n_true, pool)
    if not wrong:
        return None
    texts = [*shown, *wrong]
    order = list(range(len(texts)))
    ctx.rng.shuffle(order)
    options = [Option(KEYS[i], texts[j]) for i, j in enumerate(order)]
    answer = sorted(KEYS[order.index(j)] for j in range(len(shown)))
    prefix = f"根据《{ctx.law}》，" if ctx.law else ""
    return Candidate(
        type="multiple",
        stem=f"{prefix}{question}",
        options=options,
        answer=answer,
        answer_texts=shown,
        difficulty=3,
        **fields,
    )


def list_pool(ctx: Context) -> tuple[list[str], list[str]]:
    """Items of inline lists, and items of article lists: false options are drawn from
    the same kind of list as the question, so they read alike."""
    inline: list[str] = []
    for sentence in ctx.sentences:
        for lst in lists.inline_lists(sentence):
            inline.extend(i.text for i in lst.items)
    articles = [i.text for a in ctx.article_lists() for i in a.items if len(i.text) <= 16]
    extra = list(ctx.pools.items)
    return list(dict.fromkeys(inline + extra)), list(dict.fromkeys(articles + extra))


def multiple(ctx: Context, pools: tuple[list[str], list[str]]) -> Iterator[Candidate]:
    inline_pool, article_pool = pools
    for sentence in ctx.sentences:
        for lst in lists.inline_lists(sentence):
            if not lst.head or lists.COUNT_LABEL_RE.match(lst.head):
                continue  # "下列属于三个要素的有": three elements of what is not said
            context = ctx.document.text[sentence.passage.start : sentence.passage.end]
            cand = make_multiple(
                ctx,
                _belongs(lst.head),
                [i.text for i in lst.items],
                inline_pool,
                context,
                explanation=ctx.explain(sentence),
                source=ctx.source(sentence),
                rule="multiple.enumeration",
                knowledge_points=ctx.knowledge_points(
                    sentence.passage.heading_path, lst.head.strip("“”")
                ),
                checks=[(i.start, i.end) for i in lst.items],
            )
            if cand:
                yield cand
    for alist in ctx.article_lists():
        head = _article_head(alist.lead)
        items = [i.text for i in alist.items if len(i.text) <= 16]
        question = _belongs(head) if head else _listed(alist.lead)
        if not question or len(items) < 2:
            continue
        start, end = alist.lead_start, alist.end
        context = ctx.document.text[start:end]
        cand = make_multiple(
            ctx,
            question,
            items,
            article_pool,
            context,
            explanation=article_explain(ctx, alist),
            source=ctx.span_source(alist.passage_id, start, end),
            rule="multiple.article_items",
            knowledge_points=ctx.knowledge_points(heading_path_of(ctx, alist.passage_id), head),
            focus=alist.lead + "".join(items),
        )
        if cand:
            yield cand


def _belongs(head: str) -> str:
    head = re.sub(r"的(内容|种类|范围|方式|形式|类型)$", r"\1", head)
    return f"下列属于{head}的有{BLANK}。"


def _listed(lead: str) -> str:
    """'X应当载明下列事项：' → 'X应当载明的事项包括____。' (only when nothing follows)."""
    core = re.sub(r"^\s*第[一二三四五六七八九十百零]+条\s*", "", lead).rstrip("：: ")
    m = re.fullmatch(
        r"([^，；]{2,30}?)(?:下列|以下)(事项|情形|人员|措施|内容|条件|职责|行为)", core
    )
    return f"{m.group(1)}的{m.group(2)}包括{BLANK}。" if m else ""


def numbered_multiple(ctx: Context) -> Iterator[Candidate]:
    """Which points belong to one requirement, with points of the other requirements as
    the wrong options (same speech, same style, but said about something else)."""
    groups = ctx.numbered_groups()
    for group in groups:
        found = rules_fill.numbered_lead(ctx, group)
        if not found or not found[1] or len(group.heads) < 2:
            continue
        lead = found[0]
        own = [h.text for h in group.heads]
        others = [h.text for g in groups if g is not group for h in g.heads]
        verb = "要求" if group.marker == "要" else "做法"
        cand = make_multiple(
            ctx,
            f"关于{quoted(lead)}，材料提出的{verb}有{BLANK}。",
            own,
            others,
            "".join(own),
            explanation="原文：“"
            + "……".join(f"{'一二三四五六七八九'[i]}{group.marker}{h}" for i, h in enumerate(own))
            + "”",
            source=ctx.span_source(group.passage_id, group.heads[0].start - 2, group.end),
            rule="multiple.numbered_points",
            knowledge_points=ctx.knowledge_points(ctx.passage(group.passage_id).heading_path, lead),
            focus=lead + "".join(own),
        )
        if cand:
            yield cand


def heading_path_of(ctx: Context, passage_id: str) -> tuple[str, ...]:
    return ctx.passage(passage_id).heading_path


def _article_head(lead: str) -> str:
    core = re.sub(r"^\s*第[一二三四五六七八九十百零]+条\s*", "", lead).rstrip("：: ")
    m = re.fullmatch(r"([\u4e00-\u9fa5“”]{2,16}?)(?:包括|分为|有|主要有|是)?", core)
    return m.group(1) if m and "下列" not in core and "以下" not in core else ""


def article_explain(ctx: Context, alist: outline.ArticleList) -> str:
    where = f"《{ctx.law}》{alist.article or ''}" if ctx.law else "原文"
    items = "；".join(
        f"（{'一二三四五六七八九十'[i]}）{it.text}" for i, it in enumerate(alist.items[:10])
    )
    return f"{where}：“{alist.lead}{items}”"
