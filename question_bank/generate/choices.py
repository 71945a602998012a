"""Building blocks shared by the 多选 and 简答 rules: options drawn from a pool so they
read like the right ones, and the explanation of a law article's list."""

from __future__ import annotations

import re

from . import distractors, facts, lists, outline
from .candidate import Candidate, Option
from .context import Context
from .textutil import pos_tags

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


# An option is an item as the law writes it, or, when that is long, its head clause: a
# verb phrase that stands alone ("开展应急救护培训，普及…" → "开展应急救护培训"). A
# condition ("…的") is never cut: its head clause alone would be another condition.
MAX_OPTION = 26
HEAD_SPLIT = re.compile("[，；]")
# Words many list items share whatever they are about: no sign that two items overlap.
COMMON_TERMS = frozenset(
    {
        *facts.GENERIC,
        "工作",
        "人员",
        "单位",
        "国家",
        "相关",
        "活动",
        "管理",
        "法律",
        "法规",
        "规章",
        "开展",
        "建立",
        "提供",
        "负责",
        "违反",
        "合法",
        "权益",
        "制度",
    }
)
CONTENT_TAGS = ("n", "v", "a", "l", "j", "i")


def option_form(item: str) -> str | None:
    """`item` as an option: whole when short, else its head clause, else None."""
    item = item.strip().rstrip("；。，;,")
    if len(item) <= MAX_OPTION:
        return item
    if item.endswith("的"):
        return None
    head = HEAD_SPLIT.split(item, maxsplit=1)[0]
    tags = pos_tags(head[:6])
    verb = tags and (tags[0][1] in ("v", "vn") or tags[0][0] in ADMIN_VERBS)
    if 4 <= len(head) <= MAX_OPTION and not head.endswith("的") and verb:
        return head
    return None


# Verbs of administration jieba tags as nouns at the head of a duty ("指导单位制定…").
ADMIN_VERBS = frozenset(
    [
        "指导",
        "检查",
        "监督",
        "管理",
        "组织",
        "协调",
        "宣传",
        "教育",
        "培训",
        "服务",
        "登记",
        "审核",
        "审查",
        "调查",
        "统计",
        "规划",
        "评估",
        "考核",
        "调解",
        "救助",
        "救济",
        "保护",
        "报告",
    ]
)


def _terms(text: str) -> set[str]:
    return {
        w
        for w, tag in pos_tags(text)
        if len(w) >= 2 and tag.startswith(CONTENT_TAGS) and w not in COMMON_TERMS
    }


def shares_term(item: str, own: list[str]) -> bool:
    """`item` names something one of `own` names ("受刑事处罚的" beside "受刑事处罚，自
    刑罚执行完毕…不满2年的"): it could be defended as one of them."""
    return any(t in o for t in _terms(item) for o in own) or any(
        t in item for o in own for t in _terms(o)
    )


def _false_items(
    ctx: Context,
    true_items: list[str],
    shown: list[str],
    context: str,
    k: int,
    pool: list[str],
    own: list[str],
) -> list[str]:
    suffixes = {t[-1] for t in shown}
    clauses = all(t.endswith("的") for t in shown)  # "…的" conditions vs. plain nouns
    ranked = []
    for item in pool:
        if item in context or lists.CATCH_ALL_RE.search(item) or not _fits(item, shown):
            continue
        commas = clauses or any("，" in t for t in shown)
        if item.endswith("的") != clauses or ("，" in item and not commas):
            continue  # a different grammatical shape gives itself away
        if any(not distractors.distinct(t, item) for t in true_items):
            continue
        if any(distractors.covers(t, item) or distractors.covers(item, t) for t in true_items):
            continue
        if shares_term(item, own):
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


MIN_OPTIONS = 4
MAX_OPTIONS = 6


def make_multiple(
    ctx: Context,
    question: str,
    true_items: list[str],
    pool: list[str],
    context: str,
    all_items: bool = False,
    siblings_of: list[str] | None = None,
    **fields,
) -> Candidate | None:
    """A 多选 of some (or, with `all_items`, every) item of one list against wrong options
    from `pool`; None when it cannot have four options with at least one wrong.
    `siblings_of`: the list's items as written (a wrong option names none of their terms)."""
    items = [t for t in true_items if not lists.CATCH_ALL_RE.search(t)]
    if len(items) < 2:
        return None
    own = siblings_of or true_items
    if all_items:
        if len(items) != len(true_items) or len(items) > MAX_OPTIONS - 1:
            return None  # a named list asked whole: every member must be an option
        counts = [len(items)]
    else:
        # Vary how many options are right, so "all but one" is never a safe guess; more
        # are shown only when too few wrong options read like the right ones.
        first = min(len(items), ctx.rng.choice((2, 3, 3, 4)))
        counts = range(first, min(len(items), MAX_OPTIONS - 1) + 1)
    for n_true in counts:
        keep = sorted(ctx.rng.sample(range(len(items)), n_true))
        shown = [items[i] for i in keep]
        want = max(1, min(MAX_OPTIONS, max(5, len(shown) + 1)) - len(shown))
        wrong = _false_items(ctx, true_items, shown, context, want, pool, own)
        if wrong and len(shown) + len(wrong) >= MIN_OPTIONS:
            break
    else:
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


def heading_path_of(ctx: Context, passage_id: str) -> tuple[str, ...]:
    return ctx.passage(passage_id).heading_path


def article_explain(ctx: Context, alist: outline.ArticleList) -> str:
    where = f"《{ctx.law}》{alist.article or ''}" if ctx.law else "原文"
    items = "；".join(
        f"（{'一二三四五六七八九十'[i]}）{it.text}" for i, it in enumerate(alist.items[:10])
    )
    return f"{where}：“{alist.lead}{items}”"
