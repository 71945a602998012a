"""多选 from an explicit list under one named category, its wrong options taken from
sibling lists of the same kind in the same document.

- A named total (“三个率”，即A、B、C) is asked whole: every member is a right option,
  the wrong ones are members of the document's other named totals.
- A category with its own verb ("行政处罚的种类包括：A、B、C") is asked in the
  document's words ("…的种类包括____"), the wrong options from other categories.
- A law article's list ("有下列情形之一的：（一）…") is asked by its kind (情形, 事项),
  the wrong options from other articles' lists of the same kind.

A list's label is always the one written beside it, never a total named elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import lists
from .candidate import BLANK, Candidate
from .choices import article_explain, heading_path_of, make_multiple
from .context import Context
from .registry import document_rule
from .textutil import quoted

ARTICLE_NO = re.compile(r"^\s*第[一二三四五六七八九十百零]+条\s*")


def _headed_lists(ctx: Context) -> list[tuple[lists.InlineList, str]]:
    """Inline lists with a label beside them, with their kind ("total" or "category")."""
    out = []
    for sentence in ctx.sentences:
        for lst in lists.inline_lists(sentence):
            if not lst.head or not lst.head_inside:
                continue
            if lst.named_total:
                if lists.COUNT_LABEL_RE.match(lst.head) and not lst.head.startswith("“"):
                    continue  # "三个要素": how many, not of what
                out.append((lst, "total"))
            elif lst.verb and lst.verb != "：":
                out.append((lst, "category"))
    return out


@document_rule("multiple.enumeration", "multiple", 0.62)
def enumeration(ctx: Context) -> Iterator[Candidate]:
    headed = _headed_lists(ctx)
    for lst, kind in headed:
        own = [i.text for i in lst.items]
        pool = [
            i.text
            for other, other_kind in headed
            if other_kind == kind and other.head != lst.head
            for i in other.items
            if i.text not in own
        ]
        sentence = lst.sentence
        if kind == "total":
            question = f"{quoted(lst.head)}包括{BLANK}。"
        else:
            question = f"{lst.head}{lst.verb}{BLANK}。"
        cand = make_multiple(
            ctx,
            question,
            own,
            pool,
            ctx.document.text[sentence.passage.start : sentence.passage.end],
            all_items=kind == "total",
            explanation=ctx.explain(sentence),
            source=ctx.source(sentence),
            rule="multiple.enumeration",
            knowledge_points=ctx.knowledge_points(
                sentence.passage.heading_path, lst.head.strip("“”")
            ),
            checks=[(i.start, i.end) for i in lst.items],
            label=lst.head,
        )
        if cand:
            yield cand


# The kind of thing a law article lists after 下列/以下, grouped so that wrong options
# come from a list of the same kind: conditions against conditions (有下列情形之一的…),
# places and bodies against places and bodies, never a duty offered as a condition.
KIND_GROUPS = (
    ("condition", ("情形", "行为", "情况", "条件")),
    ("person", ("人员", "人士", "对象")),
    ("place", ("场所", "机构", "单位", "组织", "地区", "区域")),
    ("matter", ("事项", "内容", "材料", "文件", "资料", "证件")),
    ("means", ("形式", "方式", "措施", "方法")),
    ("duty", ("职责", "任务", "义务")),
    ("right", ("权利",)),
    ("requirement", ("要求", "原则", "标准")),
)
KIND_RE = re.compile(
    "(?:下列|以下)(" + "|".join(w for _, words in KIND_GROUPS for w in words) + ")"
)
# A lead that needs another article to be understood, or lists several kinds at once.
LEAD_REFERENCE = re.compile(
    r"第[一二三四五六七八九十百零]+(?:条|款|项)|本条|本款|前款|前条|本章|本节|上述|前述|其他"
)
MAX_ARTICLE_ITEM = 32
MAX_LEAD = 60


def _kind_group(word: str) -> str:
    return next(group for group, words in KIND_GROUPS if word in words)


def _asked(lead: str) -> tuple[str, str] | None:
    """'乡村医生有下列情形之一的，不予注册：' → ('乡村医生有下列____情形之一的，不予注册。',
    'condition'): the article's own words with the options' place marked after 下列, cut
    at the first semicolon after it (one consequence, not the whole article)."""
    core = ARTICLE_NO.sub("", lead).rstrip("：: ")
    m = KIND_RE.search(core)
    if not m:
        return None
    semi = core.find("；", m.end())
    if semi >= 0:
        core = core[:semi]
    if len(KIND_RE.findall(core)) != 1 or LEAD_REFERENCE.search(core) or len(core) > MAX_LEAD:
        return None
    at = m.start() + 2
    return f"{core[:at]}{BLANK}{core[at:]}。", _kind_group(m.group(1))


@document_rule("multiple.article_items", "multiple", 0.6)
def article_items(ctx: Context) -> Iterator[Candidate]:
    """A law article's list (有下列情形之一的，…：（一）…（二）…) asked in the article's own
    words; the wrong options are items of another article's list of the same kind."""
    found = []
    for alist in ctx.article_lists():
        asked = _asked(alist.lead)
        items = [i.text for i in alist.items if not LEAD_REFERENCE.search(i.text)]
        if asked and items and all(len(i) <= MAX_ARTICLE_ITEM for i in items):
            found.append((alist, *asked, items))
    for alist, question, kind, items in found:
        pool = [
            i
            for other, _, other_kind, other_items in found
            if other is not alist and other_kind == kind
            for i in other_items
            if i not in items
        ]
        context = ctx.document.text[alist.lead_start : alist.end]
        cand = make_multiple(
            ctx,
            question,
            items,
            pool,
            context,
            explanation=article_explain(ctx, alist),
            source=ctx.span_source(alist.passage_id, alist.lead_start, alist.end),
            rule="multiple.article_items",
            knowledge_points=ctx.knowledge_points(heading_path_of(ctx, alist.passage_id)),
            focus=alist.lead + "".join(items),
        )
        if cand:
            yield cand
