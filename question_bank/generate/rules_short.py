"""简答 from a law article's lead-in and its (一)(二) items: the lead-in becomes the
question, the items the scoring points."""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import lists
from .candidate import Candidate
from .choices import article_explain, heading_path_of
from .context import Context
from .registry import document_rule
from .textutil import pos_tags

MAX_POINTS = 8
# A point that points elsewhere ("本法第十五条第一款第一项至第三项规定的人士") cannot be scored.
POINT_REFERENCE = re.compile(r"第[一二三四五六七八九十百零]+(?:条|款|项)|本条(?!例)|本款|前款|前条")
MAX_MEAN_POINT = 30  # longer items are paragraphs, not points a reviewer can score
# Round eighteen: a few longer items, each one clause of the law ("违法征收、征用财产的"
# beside "以殴打、虐待等行为……造成公民身体伤害或者死亡的"), are still points a reviewer
# scores; a whole answer longer than this, or an item of more than one sentence, is not.
MAX_MEAN_LONG_POINT = 45
MAX_LONG_ANSWER = 180


# A lead that defines ("本法所称…是指…下列", "下列用语的含义", "…的要求是：") asks no list of
# acts or cases: its long items are definitions or descriptions, never points.
DESCRIBING_LEAD_RE = re.compile(r"所称|是指|含义|是[：:]\s*$")


def _scorable(points: list[str], lead: str) -> bool:
    mean = sum(map(len, points)) / len(points)
    if mean <= MAX_MEAN_POINT:
        return True
    if DESCRIBING_LEAD_RE.search(lead):
        return False
    one_clause = not any("。" in p.rstrip("。") for p in points)
    # Two long items are more often one item broken by a line (the rest of the list lost)
    # than a list of two: a long list is asked only with three or more.
    return (
        len(points) >= 3
        and mean <= MAX_MEAN_LONG_POINT
        and sum(map(len, points)) <= MAX_LONG_ANSWER
        and one_clause
    )


def _question_from_lead(lead: str) -> str | None:
    core = re.sub(r"^\s*第[一二三四五六七八九十百零]+条\s*", "", lead).rstrip("：: ")
    if ALTERNATIVE_CONDITIONS_RE.search(core):
        return None  # "符合下列条件之一": asking "符合哪些条件" would demand all of them
    # "…责令改正；逾期不改正的，…；情节严重的，…": the question keeps the first consequence.
    core = core.split("；", 1)[0]
    core = re.sub(r"(?<=[，,])违反本(?:法|条例|办法|规定)(?:的)?(?:有关)?规定[，,]", "", core)
    # "应当符合以下要求": 以下 before the noun that ends the lead asks like 下列.
    if "下列" not in core:  # 以下 after a number is a bound ("十万元以下的罚款")
        core = re.sub(
            r"(?<![\d零〇一二两三四五六七八九十百千万元日月年岁])以下(?=[\u4e00-\u9fa5]{1,6}$)",
            "下列",
            core,
        )
    core = re.sub(
        r"以下(?=[^，；。]{0,4}(?:情形|事项|人员|行为|形式|条件|规定|措施|内容))", "下列", core
    )
    # "采取下列一种或者几种措施" asks for the measures: "采取哪些措施" (round eight), never
    # "哪一种或者几种".
    core = re.sub(
        r"(?:下列|以下)(?:一种或者[几多]种|一项或者[几多]项|一种或[几多]种|一项或[几多]项)",
        "下列",
        core,
    )
    # "有下列情形之一的，丧失成员身份": "在哪些情形下，丧失成员身份？" (never "有哪些情形，…").
    m = re.match(r"^有?下列情形(?:之一)?的?，(.+)$", core)
    if m:
        return f"在哪些情形下，{m.group(1).rstrip('，')}？"
    # "按照下列规定的权限": the items are rules to apply, not members of a named category;
    # "按照哪些规定的权限" asks something else (round nine, heldout9).
    if MANNER_LEAD_RE.search(core):
        return None
    # "为下列三种" asks "为哪三种", never "为哪些三种".
    core = re.sub(
        r"下列(?=[一二三四五六七八九十两]+[种项类个条方](?![一二三四五六七八九十两]))", "哪", core
    )
    # "设下列五等十三级": a count that is not one measure word cannot take 哪 or 哪些
    # ("设哪些五等十三级" is no sentence): state the count and ask for the items.
    counted = COUNTED_LEAD_RE.search(core)
    if counted:
        head = core[: counted.start()] + core[counted.start() + 2 :]
        return f"{head.rstrip('，')}，分别是什么？" if "，" not in head else None
    if _asks(core):
        clauses = core.split("，")
        # An ask that goes on from the clause before ("但下列商品除外", "以及…的下列行为")
        # needs it: dropping it leaves half a sentence (round fifteen).
        leans = LEANING_CLAUSE_RE.match(clauses[-1])
        if len(core) > 40 and not _asks(clauses[0]) and _asks(clauses[-1]) and not leans:
            # Drop the preamble between subject and ask, but keep whom the ask is about
            # ("对本法第四条规定的个人、组织，…决定采取哪些措施").
            kept = [c for c in clauses[1:-1] if c.startswith(("对", "向"))]
            core = "，".join([clauses[0], *kept, clauses[-1]])
        q = core.replace("有下列", "有哪些", 1).replace("下列", "哪些", 1)
        # "有哪些情形之一的，…" loses 之一的; "符合哪些情形之一的农机具" keeps its 的 (heldout27).
        q = re.sub(r"之一(?:的(?=[，,]|$))?", "", q)
        return q.rstrip("，") + "？"
    m = re.fullmatch(r"(.{2,30}?)(包括|分为|主要有|有|是|为)?", core)
    if not m:
        return None
    if not m.group(2) and not _ends_with_noun(m.group(1)):
        return None  # "国徽及其图案不得用于": "…用于包括哪些" is no sentence
    verb = m.group(2) or "包括"
    return f"{m.group(1)}{verb}哪些？"


LEANING_CLAUSE_RE = re.compile(r"(?:但是?|以及|及其|并且?|且|或者|而且|同时|其中)")
# The items say how, not what: "按照下列规定", "依照下列程序办理", "下列规定执行".
MANNER_LEAD_RE = re.compile(
    r"(?:按照|依照|依据|根据|遵照)下列|下列(?:规定|办法|程序|方式|标准)(?:的|执行|办理|处理|确定)"
)
# 下列 before a numeral that the 哪 rewrite above did not take ("下列五等十三级").
COUNTED_LEAD_RE = re.compile(r"下列(?=[一二三四五六七八九十两百]+[\u4e00-\u9fa5])")
ALTERNATIVE_CONDITIONS_RE = re.compile(r"(?:条件|要求|资格)之一")
COUNTED_ASK_RE = re.compile(r"哪[一二三四五六七八九十两]+[种项类个条方]")


def _asks(text: str) -> bool:
    return "下列" in text or COUNTED_ASK_RE.search(text) is not None


def _ends_with_noun(text: str) -> bool:
    tags = pos_tags(text[-8:])
    return bool(tags) and (tags[-1][1][:1] in ("n", "j", "l") or tags[-1][1] == "vn")


def _point(item: str) -> str:
    """A long item is scored on its head clause ("坚持农民主体地位，充分尊重……" → the head)."""
    head = re.split("[，；]", item, maxsplit=1)[0]
    principle = re.match(r"(坚持|加强|完善|建立|健全|推进|实行|保障|促进)", head)
    return head if principle and len(item) > 24 and len(head) >= 4 else item


def _catch_all(items: list[str], n: int) -> bool:
    """The list's catch-all: its last item, or one that starts with 其他. An item in the
    middle that merely names "other" things of its own ("决定重大财产处置、对外投资和生产经营
    活动中的其他重大事项") is a point (round thirteen)."""
    item = items[n]
    if not lists.CATCH_ALL_RE.search(item):
        return False
    return n == len(items) - 1 or item.startswith(("其他", "其它"))


def _catch_all_note(items: list[str]) -> str:
    """The stem says which item the answer leaves out (round eighteen): without it a list
    that ends "法律规定的其他情形" would be asked as if the named items were all of it."""
    dropped = [
        re.sub(r"[\[［]\d+[\]］]$", "", i).rstrip("；。，")  # a footnote mark is no part of it
        for n, i in enumerate(items)
        if _catch_all(items, n)
    ]
    return "（兜底项“" + "”“".join(dropped) + "”除外）" if dropped else ""


# A later paragraph of the article: text on a line of its own after the items, which is no
# new article ("第二十五条…") or heading.
LATER_PARAGRAPH_RE = re.compile(
    r"\n[ \t\u3000]*(?!第[一二三四五六七八九十百零]+[条章节编])[^\s（(]"
)


NEXT_ARTICLE_RE = re.compile(r"\n[ \t\u3000#]*第[一二三四五六七八九十百零]+[条章节编]")


def _cited_article(ctx: Context, alist) -> str:
    """ "第X条", or "第X条第N款" when the article has more than one paragraph: a later
    paragraph may add to what the question asks ("…由本级人民政府管辖"), and the answer is
    complete only for the paragraph of the list (round fourteen). "" when the paragraph
    cannot be told."""
    if not alist.article:
        return ""
    text = ctx.document.text
    passage = ctx.passage(alist.passage_id)
    head = ARTICLE_NO_RE.sub("", text[passage.start : alist.lead_start])
    lines = head.split("\n")
    # the line the lead-in ends is its own paragraph ("国家实行…制度。下列草原…："): not before it
    before = [line.strip() for line in lines[:-1] if line.strip()]
    if any(not line.endswith(("。", "；")) for line in before):
        return ""  # what stands before the list is no paragraph of the article
    rest = text[alist.end : alist.end + 600]
    m = NEXT_ARTICLE_RE.search(rest)
    if m:
        rest = rest[: m.start()]
    if not before and not LATER_PARAGRAPH_RE.search(rest):
        return alist.article
    if len(before) >= len(PARAGRAPH_NUMBERS):
        return ""
    return f"{alist.article}第{PARAGRAPH_NUMBERS[len(before)]}款"


ARTICLE_NO_RE = re.compile(r"^\s*第[一二三四五六七八九十百零]+条\s*")
PARAGRAPH_NUMBERS = "一二三四五六七八九"


@document_rule("short.article_items", "short_answer", 0.65)
def article_items(ctx: Context) -> Iterator[Candidate]:
    for alist in ctx.article_lists():
        question = _question_from_lead(alist.lead)
        items = [i.text for i in alist.items]
        if not question:
            continue
        # The catch-all item ("其他职责") is no point to score: eight duties and a catch-all
        # are eight points (round thirteen).
        points = [_point(i) for n, i in enumerate(items) if not _catch_all(items, n)]
        if not 2 <= len(points) <= MAX_POINTS:
            continue
        if any(POINT_REFERENCE.search(p) for p in points):
            continue
        if len(points) < 2 or not _scorable(points, alist.lead):
            continue
        prefix = f"根据《{ctx.law}》{_cited_article(ctx, alist)}，" if ctx.law else ""
        yield Candidate(
            type="short_answer",
            stem=f"{prefix}{question}{_catch_all_note(items)}",
            # The catch-all item ("其他必要措施") is no scoring point: nor in the reference.
            answer="；".join(i for n, i in enumerate(items) if not _catch_all(items, n)) + "。",
            scoring_points=points,
            explanation=article_explain(ctx, alist),
            source=ctx.span_source(alist.passage_id, alist.lead_start, alist.end),
            rule="short.article_items",
            knowledge_points=ctx.knowledge_points(heading_path_of(ctx, alist.passage_id)),
            answer_texts=points,
            difficulty=3,
        )
