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

from . import choices, lists
from .candidate import BLANK, Candidate
from .choices import article_explain, heading_path_of, make_multiple
from .context import Context
from .registry import document_rule
from .textutil import Sentence, pos_tags, quoted

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
# bodies against bodies, never a duty offered as a condition. Rights and duties are
# contrasted (a duty offered as a right is plainly wrong and reads alike).
KIND_GROUPS = (
    ("condition", ("情形", "行为", "情况")),
    ("requirement", ("条件", "要求", "标准", "原则")),
    ("person", ("人员", "人士", "对象")),
    ("place", ("场所", "场合", "地点", "区域", "地区")),
    ("body", ("机构", "单位", "组织", "机关", "部门")),
    ("matter", ("事项", "内容", "材料", "文件", "资料", "证件", "文书")),
    ("means", ("形式", "方式", "措施", "方法")),
    ("duty", ("职责", "任务", "义务")),
    ("right", ("权利",)),
)
CONTRASTS = {("duty", "right"), ("right", "duty")}
KIND_WORDS = "|".join(w for _, words in KIND_GROUPS for w in words)
# 下列 then at most a few characters before the kind ("下列供养内容", "下列场所或者机构").
KIND_RE = re.compile(rf"(?:下列|以下)([\u4e00-\u9fa5]{{0,4}}?)({KIND_WORDS})")
# A lead that needs another article to be understood.
LEAD_REFERENCE = re.compile(
    r"第[一二三四五六七八九十百零]+(?:条|款|项)|本条(?!例)|本款|前款|前条|本章|本节|上述|前述"
)
# "违反本条例规定，有关行政机关…有下列行为之一的": the preamble says nothing the rest
# does not, and would name the law as 本条例.
PREAMBLE_RE = re.compile(r"^违反本(?:法|条例|办法|规定)(?:的)?(?:有关)?规定[，,]")
MAX_LEAD = 60


def _noun_at(text: str, start: int, end: int) -> bool:
    """The kind word is a noun token where it stands (jieba tags 下列行为 v, so this is asked
    only of a kind word after other words: "下列供养内容", but "以下程序组织")."""
    at = 0
    for word, tag in pos_tags(text):
        if at == start:
            return at + len(word) == end and tag.startswith("n")
        at += len(word)
        if at > start:
            return False
    return False


def _kind_group(word: str) -> str:
    return next(group for group, words in KIND_GROUPS if word in words)


def siblings(kind: str, other: str) -> bool:
    return kind == other or (kind, other) in CONTRASTS


# Who a list is about: the person or body the lead-in names ("申请人有下列情形之一的",
# "有下列情形之一的，护照持有人可以…", "工作人员有下列行为之一的"). Lists of the same kind about
# different people are no siblings: a case of the applicant offered among an official's
# misconduct is wrong at a glance. A lead-in naming no one ("有下列行为之一的，由…处罚") or a
# thing ("登记簿应当载明下列事项") leaves the list open to siblings of its kind.
PERSON_END = re.compile(
    r"(?:人|人员|者|员|生|师|主|机关|机构|单位|组织|委员会|部门|企业|学校|协会|对象)$"
)
SUBJECT_AFTER_RE = re.compile(r"^([\u4e00-\u9fa5]{2,10}?)(?:可以|应当|不得|必须)")


def list_actor(lead: str) -> str | None:
    """The person or body a list's lead-in is about, or None when it names none."""
    core = ARTICLE_NO.sub("", lead).rstrip("：: ")
    core = PREAMBLE_RE.sub("", core)
    at = max(core.find("下列"), core.find("以下"))
    if at <= 0 and not core.startswith(("有下列", "有以下")):
        return None
    clause = re.split("[，；]", core[: max(at, 0)])[-1]
    actor = re.split(r"应当|可以|不得|必须|享有|负有|具有|履行|在|有", clause, maxsplit=1)[0]
    if len(actor) < 2:
        after = core[at:].split("，", 1)
        m = SUBJECT_AFTER_RE.match(after[1]) if len(after) > 1 else None
        actor = m.group(1) if m and not m.group(1).startswith(("由", "对", "向")) else ""
    actor = actor[-8:]
    return actor if PERSON_END.search(actor) else None


def same_people(actor: str | None, other: str | None) -> bool:
    return actor is None or other is None or actor == other


def _asked(lead: str) -> tuple[str, str] | None:
    """'乡村医生有下列情形之一的，不予注册：' → ('乡村医生有下列哪些情形的，不予注册？',
    'condition'): the article's own lead-in asking which items, cut at the first semicolon
    after 下列 (one consequence, not the whole article)."""
    core = ARTICLE_NO.sub("", lead).rstrip("：: ")
    core = PREAMBLE_RE.sub("", core)
    m = KIND_RE.search(core)
    if not m or (m.group(1) and not _noun_at(core, m.start(2), m.end(2))):
        return None  # "以下程序组织": after other words, 组织 is a verb
    semi = core.find("；", m.end())
    if semi >= 0:
        core = core[:semi]
    if len(KIND_RE.findall(core)) != 1 or LEAD_REFERENCE.search(core) or len(core) > MAX_LEAD:
        return None
    if "本法" in core or "本条例" in core:
        return None  # "本法第六条规定的机构": and "本法所称" is asked by fill.definition
    at = m.start() + 2
    asked = core[:at] + "哪些" + core[at:]
    asked = re.sub(r"之一(?=的|，|$)", "", asked).rstrip("，,")
    return f"{asked}？", _kind_group(m.group(2))


@document_rule("multiple.article_items", "multiple", 0.68)
def article_items(ctx: Context) -> Iterator[Candidate]:
    """A law article's list (有下列情形之一的，…：（一）…（二）…) asked in the article's own
    words; the wrong options are items of another article's list of the same kind."""
    found = []
    for alist in ctx.article_lists():
        asked = _asked(alist.lead)
        if not asked:
            continue
        raw = [i.text for i in alist.items]
        items = [
            short
            for i in raw
            if not LEAD_REFERENCE.search(i) and not lists.CATCH_ALL_RE.search(i)
            for short in [choices.option_form(i)]
            if short
        ]
        found.append((alist, *asked, items, raw))
    actors = {id(a): list_actor(a.lead) for a, *_ in found}
    for alist, question, kind, items, raw in found:
        if len(items) < 2:
            continue
        actor = actors[id(alist)]
        pool = [
            i
            for other, _, other_kind, other_items, _ in found
            if other is not alist
            and siblings(kind, other_kind)
            and same_people(actor, actors[id(other)])
            for i in other_items
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
            focus=alist.lead + "".join(raw),
            siblings_of=raw,
        )
        if cand:
            yield cand


# Round thirteen (issue 16 item 7): "根据《X法》，下列属于<category>的有____。" from an explicit
# list of items under one named category: an inline "X包括/分为A、B、C" or an article's
# "X包括下列内容：（一）…" / "X享有下列权利：（一）…". The wrong options come only from lists
# of the same kind in the same document (the category's head noun: 内容 against 内容,
# 权利 against 权利, 垃圾 against 垃圾), never from another kind, and never an item the
# document also says of this category anywhere (it could be true as well).
CATEGORY_VERBS = ("包括", "分为")
ARTICLE_CATEGORY_RE = re.compile(
    r"^(?P<cat>[\u4e00-\u9fa5]{2,16}?)(?:应当|可以|主要)?包括(?:下列|以下)?(?P<kind>内容|事项|项目)?：$"
    r"|^(?P<who>[\u4e00-\u9fa5]{2,12}?)(?:依法)?(?:享有|履行|承担)(?:下列|以下)(?P<duty>权利|职责|义务)：$"
)
CATEGORY_STOP = re.compile(
    r"^(?:这|其|该|此|本|上述|前款|前述|我|各|主要|一般)|的|所称|规定|本法|本条例"
)
MODAL_TAIL = re.compile(r"(?:应当|可以|主要|一般|具体|还|也|等)+$")
CATEGORY_ITEMS = (3, 8)


def _category_kind(category: str) -> str | None:
    """The head noun a category ends with ("统计调查项目" → "项目"), or None when it ends in
    no noun (a verb phrase is no category)."""
    words = pos_tags(category)
    if not words or not words[-1][1].startswith("n") or len(words[-1][0]) < 2:
        return None
    return words[-1][0]


def _category_lists(ctx: Context) -> list[tuple[str, str, list[str], str, object]]:
    """(category, kind, items, context, where) for each explicit list under a category."""
    out = []
    for sentence in ctx.sentences:
        for lst in lists.inline_lists(sentence):
            if lst.verb not in CATEGORY_VERBS or not lst.head or not lst.head_inside:
                continue
            category = MODAL_TAIL.sub("", lst.head)
            items = [i.text for i in lst.items]
            if CATEGORY_STOP.search(category) or not 2 <= len(category) <= 14:
                continue
            kind = _category_kind(category)
            if kind:
                out.append((category, kind, items, sentence.text, sentence))
    for alist in ctx.article_lists():
        lead = ARTICLE_NO.sub("", alist.lead).strip()
        m = ARTICLE_CATEGORY_RE.match(lead)
        if not m:
            continue
        if m.group("cat"):
            category = MODAL_TAIL.sub("", m.group("cat")) + (m.group("kind") or "")
        else:
            category = m.group("who") + m.group("duty")
        if CATEGORY_STOP.search(category) or not 2 <= len(category) <= 16:
            continue
        items = [choices.option_form(i.text) for i in alist.items]
        if not all(items) or any(lists.CATCH_ALL_RE.search(i) for i in items):
            continue
        kind = _category_kind(category)
        if kind:
            context = ctx.document.text[alist.lead_start : alist.end]
            out.append((category, kind, items, context, alist))
    return out


def _said_of(ctx: Context, category: str, item: str) -> bool:
    """Whether the document says `item` anywhere near `category` (in one sentence): then the
    item may be true of the category too, and is no wrong option."""
    return any(category in s.text and item in s.text for s in ctx.sentences)


@document_rule("multiple.category_items", "multiple", 0.62)
def category_items(ctx: Context) -> Iterator[Candidate]:
    if not ctx.law:
        return  # the stem names the law; a speech's lists are its own
    found = _category_lists(ctx)
    for category, kind, items, context, where in found:
        if not CATEGORY_ITEMS[0] <= len(items) <= CATEGORY_ITEMS[1]:
            continue
        if any(lists.CATCH_ALL_RE.search(i) or not 2 <= len(i) <= 24 for i in items):
            continue  # an open list ("其他…") has no fixed members
        pool = [
            i
            for other, other_kind, other_items, _, _ in found
            if other != category and other_kind == kind
            for i in other_items
            if i not in items and not _said_of(ctx, category, i)
        ]
        if not pool:
            continue
        if isinstance(where, Sentence):
            source = ctx.source(where)
            explanation = ctx.explain(where)
            points = ctx.knowledge_points(where.passage.heading_path, category)
        else:
            source = ctx.span_source(where.passage_id, where.lead_start, where.end)
            explanation = article_explain(ctx, where)
            points = ctx.knowledge_points(heading_path_of(ctx, where.passage_id), category)
        cand = make_multiple(
            ctx,
            f"下列属于{category}的有{BLANK}。",
            items,
            pool,
            context,
            explanation=explanation,
            source=source,
            rule="multiple.category_items",
            knowledge_points=points,
            siblings_of=items,
        )
        if cand:
            yield cand


# Round 17: "X享有下列权利：（一）…" and "X应当履行下列义务：（一）…" for the same X in one law:
# two closed lists of one named category each, siblings of one another. The rights are asked
# with the duties as wrong options and the other way round: every wrong option is written in
# the same law of the same person, and none can be right (a right is no duty of its list).
# An option is the item's head clause (a long item cut at its first comma is kept whole or
# dropped); a catch-all item ("法律、法规规定的其他权利") is never an option.
RIGHTS_DUTIES_RE = re.compile(
    r"^(?P<who>[\u4e00-\u9fa5]{2,12}?)(?P<where>在[\u4e00-\u9fa5]{2,10}中)?(?:依法)?"
    r"(?:享有(?:下列|以下)(?P<rights>权利)|(?:应当)?履行(?:下列|以下)(?P<duties>义务))：$"
)
RIGHTS_DUTIES_ITEMS = (3, 10)


def _rights_duties_lists(ctx: Context) -> dict[str, list[tuple[str, object, list[str], list[str]]]]:
    """For each person, their lists: (权利 or 义务, the article list, options, items as written)."""
    by_person: dict[str, list] = {}
    for alist in ctx.article_lists():
        m = RIGHTS_DUTIES_RE.match(ARTICLE_NO.sub("", alist.lead).strip())
        if not m:
            continue
        raw = [i.text for i in alist.items if not lists.CATCH_ALL_RE.search(i.text)]
        if "法律" in "".join(raw[-1:]) and "规定的其他" in "".join(raw[-1:]):
            raw = raw[:-1]
        # An item with no clean head is left out (never cut to a half-sentence): it is this
        # list's own, so leaving it out makes no wrong option right.
        options = [o for o in (choices.option_form(i) for i in raw) if o]
        if not RIGHTS_DUTIES_ITEMS[0] <= len(options) <= RIGHTS_DUTIES_ITEMS[1]:
            continue
        kind = "权利" if m.group("rights") else "义务"
        who = m.group("who") + (m.group("where") or "")
        by_person.setdefault(who, []).append((kind, alist, options, raw))
    return by_person


@document_rule("multiple.rights_duties", "multiple", 0.66)
def rights_duties(ctx: Context) -> Iterator[Candidate]:
    if not ctx.law:
        return  # the stem names the law; a speech's lists are its own
    for who, entries in _rights_duties_lists(ctx).items():
        kinds = {kind for kind, *_ in entries}
        if kinds != {"权利", "义务"} or len(entries) != 2:
            continue  # both lists, once each: otherwise a wrong option may be right elsewhere
        for kind, alist, options, raw in entries:
            pool = [
                o for other, _, other_options, _ in entries if other != kind for o in other_options
            ]
            question = (
                f"{who}享有下列哪些权利？" if kind == "权利" else f"{who}应当履行下列哪些义务？"
            )
            cand = make_multiple(
                ctx,
                question,
                options,
                pool,
                ctx.document.text[alist.lead_start : alist.end],
                explanation=article_explain(ctx, alist),
                source=ctx.span_source(alist.passage_id, alist.lead_start, alist.end),
                rule="multiple.rights_duties",
                knowledge_points=ctx.knowledge_points(heading_path_of(ctx, alist.passage_id)),
                focus=alist.lead + "".join(raw),
                siblings_of=raw,
            )
            if cand:
                yield cand
