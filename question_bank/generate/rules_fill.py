"""填空 rules: one sentence with its key element(s) blanked."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import partial

from . import elements, formulas, lists
from .candidate import BLANK, Candidate
from .context import Context
from .distractors import RELATIVE_BODY
from .lists import parallel_run
from .registry import sentence_rule
from .textutil import Sentence, cut, numeral_forms, pos_tags

SLOGAN_SEP = re.compile("[，、]")
# 把A作为B，把C作为D: parallel clauses whose second slots share a word (头等大事、头等要事…).
# 坚持A与B相结合 / A与B的有机统一: a principle whose second half is asked (A stays as the cue).
COMBINATION_RE = re.compile(
    r"坚持([^，。；、“”与和]{2,6})(?:与|和|同)([^，。；、“”与和的]{2,6})的?(?:相结合|有机统一|相统一)"
)
# 发挥A的最大优势、防范B的最大危险: two clauses whose objects share a superlative; the
# nouns after it are what the sentence teaches.
REQUIRE_RE = re.compile(r"要|必须|坚持|做到|始终|只有|一定")
SUPERLATIVE_RE = re.compile(r"的(最大|最高|根本|首要)([\u4e00-\u9fa5]{2})(?=[，、；。])")


def number_rule(ctx: Context, el: elements.Element, sentence: Sentence) -> str:
    if not ctx.law:
        return "fill.number"
    after = sentence.text[el.check_end - sentence.start : el.check_end - sentence.start + 4]
    before = sentence.text[max(0, el.start - sentence.start - 8) : el.start - sentence.start]
    if el.group in {"元", "万元", "千元", "倍"} or "罚款" in after:
        return "fill.law_penalty"
    if el.group in elements.TIME_MONEY_UNITS and (
        after.startswith(("内", "以内")) or "之日起" in before
    ):
        return "fill.law_deadline"
    return "fill.law_number"


def _fill(
    ctx: Context,
    sentence: Sentence,
    els: list[elements.Element],
    rule: str,
    kps: tuple[str, ...] = (),
) -> Candidate:
    return Candidate(
        type="fill_in",
        stem=ctx.stem(sentence, [(e.start, e.end) for e in els]),
        answer=[e.text for e in els],
        explanation=ctx.explain(sentence),
        source=ctx.source(sentence),
        rule=rule,
        knowledge_points=ctx.knowledge_points(sentence.passage.heading_path, *kps),
        answer_texts=[e.text for e in els],
        checks=[(e.check_start, e.check_end) for e in els],
        accepted=_accepted(els),
    )


def _accepted(els: list[elements.Element]) -> list[list[str]]:
    """A number may be written either way (十五 or 15): both forms are accepted."""
    if not any(e.kind == "number" for e in els):
        return []
    return [numeral_forms(e.text) if e.kind == "number" else [e.text] for e in els]


def _number_fills(ctx: Context, sentence: Sentence, name: str) -> Iterator[Candidate]:
    for el in elements.numbers(sentence, law=bool(ctx.law))[:2]:
        if number_rule(ctx, el, sentence) == name:
            yield _fill(ctx, sentence, [el], name)


for _name, _base in (
    ("fill.number", 0.65),
    ("fill.law_deadline", 0.7),
    ("fill.law_penalty", 0.65),
    ("fill.law_number", 0.6),
):
    sentence_rule(_name, "fill_in", _base)(partial(_number_fills, name=_name))


@sentence_rule("fill.law_body", "fill_in", 0.6)
def law_body(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    if not ctx.law:
        return
    for el in elements.bodies(sentence)[:1]:
        if not elements.LEVEL_RE.match(el.text) and not el.text.startswith(RELATIVE_BODY):
            yield _fill(ctx, sentence, [el], "fill.law_body")


# Share of a defined term's characters that, found in its definition, let a candidate piece
# the term together ("台湾同胞投资是指台湾地区的…个人作为投资者…投资": 台湾、投资).
TERM_IN_DEFINITION = 0.6


def definition_gives_term(ctx: Context, term: str, stem: str) -> bool:
    """The blank is guessable: every character of the term stands in the stem's definition,
    or the term stands in the law's own name (so the stem cannot name the law) and most of
    its characters stand in the definition."""
    rest = stem.split(BLANK, 1)[-1]
    chars = [ch for ch in dict.fromkeys(term) if "\u4e00" <= ch <= "\u9fff"]
    share = sum(1 for ch in chars if ch in rest) / len(chars) if chars else 0
    # Every character is there, and every two-character word of the term too ("巡湖员" in
    # "…聘用的巡湖员"); characters scattered in other words ("山洪灾害" in "山区…洪水…
    # 造成的灾害") do not spell it (heldout10).
    words = [term[i : i + 2] for i in range(0, len(term) - 1, 2)]
    if share == 1 and all(w in rest for w in words):
        return True
    return bool(ctx.law) and term in ctx.law and share >= TERM_IN_DEFINITION


@sentence_rule("fill.definition", "fill_in", 0.6)
def definition(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    term = elements.definition(sentence, law=bool(ctx.law))
    if not term:
        return
    cand = _fill(ctx, sentence, [term], "fill.definition", (term.text,))
    # "干部是矛盾的主要方面，抓好了干部管理，…": the later clauses name the answer.
    stop = sentence.text.find("，", term.end - sentence.start)
    if stop > 0 and term.text in sentence.text[stop:]:
        cand.stem = ctx.stem(cut(sentence, stop), [(term.start, term.end)])
    if not definition_gives_term(ctx, term.text, cand.stem):
        yield cand


@sentence_rule("fill.slogan", "fill_in", 0.55)
def slogan(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    for el in elements.quotes(sentence):
        parts = SLOGAN_SEP.split(el.text)
        if 2 <= len(parts) <= 4 and all(2 <= len(p) <= 9 for p in parts):
            last = parts[-1]
            start = el.end - len(last)
            part = elements.Element.blank("quote", start, el.end, last, "slogan")
            yield _fill(ctx, sentence, [part], "fill.slogan", (el.text,))
        elif len(parts) == 1 and ctx.single_use_quote(el, sentence):
            yield _fill(ctx, sentence, [el], "fill.slogan")


@sentence_rule("fill.formula", "fill_in", 0.65)
def formula(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    el = formulas.find(sentence)
    if el:
        yield _fill(ctx, sentence, [el], "fill.formula", (el.text,))


# "遵循公开、公平、公正的原则", "贯彻预防为主、单位负责、突出重点的方针": a principle named by
# its label, its terms spelled out before it. The label and the verb pin the terms; every
# term is a blank.
# A term is a short phrase or "A与B相结合" ("预防为主、避让与治理相结合和全面规划、突出重点的原则").
_TERM = r"(?:[\u4e00-\u9fa5]{2,4}与[\u4e00-\u9fa5]{2,4}相结合|[\u4e00-\u9fa5]{2,6})"
# Round ten (heldout10): a system named the same way, "建立统一指挥、专常兼备、反应灵敏、
# 上下联动的应急管理体制", is asked alike; round twelve (heldout12): two terms too, "实行统一领导、
# 分级负责的统计管理体制" (asked of a speech quoting it by fill.national_formula, 2/2 first time).
PRINCIPLE_RE = re.compile(
    r"(?:坚持|遵循|贯彻|按照|根据|本着|实行|执行|遵守)"
    rf"((?:{_TERM}、){{1,5}}{_TERM}(?:和{_TERM}(?:、{_TERM}){{0,3}})?|{_TERM}(?:和|与){_TERM})"
    r"的(原则|方针|工作方针|基本原则)(?=[，。；、])"
    r"|(?:实行|建立|健全|完善|建立健全|形成|构建)"
    rf"((?:{_TERM}、){{1,5}}{_TERM})"
    r"的((?:[\u4e00-\u9fa5]{2,4})?(?:体制|治理体系))(?=[，。；、和])"
)


def _one_term(before: str, after: str) -> bool:
    """ "保育和教育相结合", "企业和社会参与" (a bare noun, then who does what): one term, not
    two; "公平和公正", "合法和诚实信用" are two."""
    if after.endswith("相结合"):
        return True
    if len(before) > 2 or len(after) < len(before) + 2:
        return False
    tags = pos_tags(before + "和" + after)
    return tags[0][1].startswith("n") and tags[0][0] == before and tags[-1][1] == "v"


def _principle_terms(terms: str) -> list[str]:
    """Split on 、 and 和 (and 与, except inside "A与B相结合"). A 与 that ends a word
    ("社会参与", "给与") and a 和 after a bare subject ("企业和社会参与": who takes part) join
    no two terms: the word stays whole (round 20)."""
    out: list[str] = []
    for group in terms.split("、"):
        pieces = group.split("和")
        joined = [pieces[0]]
        for piece in pieces[1:]:
            if _one_term(joined[-1], piece):
                joined[-1] += "和" + piece
            else:
                joined.append(piece)
        for part in joined:
            halves = part.split("与")
            if len(halves) > 1 and not part.endswith("相结合") and min(map(len, halves)) >= 2:
                out.extend(halves)
            else:
                out.append(part)
    return out


@sentence_rule("fill.principle", "fill_in", 0.66)
def principle(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    text, base = sentence.text, sentence.start
    m = PRINCIPLE_RE.search(text, sentence.core_start - base)
    if not m or "“" in text[m.start() : m.end()]:
        return
    g = 1 if m.group(1) else 3  # a principle, or a system
    if g == 3 and not ctx.law:
        return  # a speech's system formula is fill.national_formula's (the `other` helper's)
    terms, pos, els = m.group(g), m.start(g), []
    for part in _principle_terms(terms):
        at = text.index(part, pos)
        els.append(elements.Element.blank("term", base + at, base + at + len(part), part))
        pos = at + len(part)
    if len({e.text for e in els}) < len(els):
        return
    yield _fill(ctx, sentence, els, "fill.principle", (m.group(g) + "的" + m.group(g + 1),))


# "防汛抗洪工作实行各级人民政府行政首长负责制": who answers for a field of work, as the law
# assigns it to every level of government (a national rule, not the speaker's own
# arrangement, which names no level). The holder is the blank.
RESPONSIBILITY_RE = re.compile(
    r"([\u4e00-\u9fa5]{2,10}工作)实行(?:地方)?各级人民政府([\u4e00-\u9fa5]{2,6}?)负责制"
)


@sentence_rule("fill.responsibility", "fill_in", 0.66)
def responsibility(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    text, base = sentence.text, sentence.start
    m = RESPONSIBILITY_RE.search(text, sentence.core_start - base)
    if not m:
        return
    holder = elements.Element.blank("term", base + m.start(2), base + m.end(2), m.group(2))
    yield _fill(ctx, sentence, [holder], "fill.responsibility", (m.group(2) + "负责制",))


@sentence_rule("fill.parallel", "fill_in", 0.62)
def parallel_forms(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    for rule in (parallel, superlative_pair, parallel_clauses, parallel_list):
        cand = rule(ctx, sentence)
        if cand:
            yield cand


@sentence_rule("fill.combination", "fill_in", 0.65)
def combination_rule(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    cand = combination(ctx, sentence)
    if cand:
        yield cand


@sentence_rule("fill.named_total", "fill_in", 0.75)
def named_total(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    for lst in lists.inline_lists(sentence):
        if not lst.named_total:
            continue
        els = [elements.Element.blank("item", i.start, i.end, i.text) for i in lst.items]
        cand = _fill(ctx, sentence, els, "fill.named_total", (lst.head.strip("“”"),))
        cand.label = lst.head
        if ctx.document.text.startswith(lst.head, els[-1].end):
            # "A、B、C三个要素都是…": start at the clause before the list, so what a
            # speaker says first ("前面说了，我们…，") is not part of the question.
            start = _clause_before(sentence, els[0].start)
            lead = ctx.document.text[start : els[0].start]
            # "抓好社会管理，管理、____、____": an item the lead names stays written.
            asked = [e for e in els if e.text not in lead]
            if len(asked) < 2:
                continue
            cand = _fill(ctx, sentence, asked, "fill.named_total", (lst.head,))
            cand.label = lst.head
            cand.stem = ctx.stem(
                replace(sentence, core_start=start), [(e.start, e.end) for e in asked]
            )
        if not lst.head_inside:  # "抓好A、B、C。……这“三个率”": say what is asked
            head = lst.head if lst.head.startswith("“") else f"“{lst.head}”"
            blanks = "、".join([BLANK] * len(els))
            cand.stem = f"{head}是指{blanks}。"
            if ctx.law:
                cand.stem = f"根据《{ctx.law}》，{cand.stem}"
        yield cand


def _clause_before(sentence: Sentence, at: int) -> int:
    """Where the clause before the one holding offset `at` starts (never before the core)."""
    text, base = sentence.text, sentence.start
    lo = sentence.core_start - base
    own = max(text.rfind(c, lo, at - base) for c in "，；：")
    if own < 0:
        return sentence.core_start
    prev = max(text.rfind(c, lo, own) for c in "，；：")
    return base + (prev + 1 if prev >= 0 else lo)


def _slots(sentence: Sentence, matches) -> list[elements.Element]:
    """The second group of each match, as blanks at their place in the text."""
    base = sentence.start
    return [
        elements.Element.blank("slot", base + m.start(2), base + m.end(2), m.group(2))
        for m in matches
    ]


def parallel(ctx: Context, sentence: Sentence) -> Candidate | None:
    """把群众的急事作为____，把群众的难事作为____: every B slot of the run blanked."""
    run = parallel_run(sentence)
    if not run:
        return None
    els = _slots(sentence, run)
    cand = _fill(ctx, sentence, els, "fill.parallel", (run[0].group(1),))
    cand.stem = ctx.stem(cut(sentence, run[-1].end()), [(e.start, e.end) for e in els])
    return cand


def _affix(items: list[str]) -> int:
    """Length of the prefix or suffix every item shares (忠于…, …问题), 0 when none."""
    return max(_shared_start(items), _shared_start([i[::-1] for i in items]))


def _shared_start(items: list[str]) -> int:
    first = items[0]
    n = min(map(len, items))
    for k in range(n):
        if any(i[k] != first[k] for i in items):
            return k
    return n


def parallel_list(ctx: Context, sentence: Sentence) -> Candidate | None:
    """要敢于正视问题、善于发现问题、____: a set phrase of three or four parallel items
    (a shared prefix or suffix) asked by its last item."""
    if ctx.law or not REQUIRE_RE.search(sentence.core):
        return None
    for lst in lists.inline_lists(sentence):
        items = [i.text for i in lst.items]
        if lst.named_total or not 3 <= len(items) <= 4 or any(len(i) > 7 for i in items):
            continue
        shared = _affix(items)
        if shared < 2 or any(len(i) - shared < 1 for i in items):
            continue
        last = lst.items[-1]
        text = ctx.document.text
        if not REQUIRE_RE.search(text, sentence.core_start, lst.items[0].start):
            continue  # "方案再多、办法再多…，群众一定会说": a condition, not what is required
        if text[last.start - 1 : last.start] == "“" or text[last.end : last.end + 1] == "”":
            continue  # a quoted slogan: fill.slogan asks it
        el = elements.Element.blank("item", last.start, last.end, last.text)
        cand = _fill(ctx, sentence, [el], "fill.parallel", (items[0],))
        cand.stem = ctx.stem(cut(sentence, last.end - sentence.start), [(last.start, last.end)])
        return cand
    return None


CLAUSE_RE = re.compile(r"[^，；。：“”]+")
COPULA_RE = re.compile(r"(?:都|就|也)?是")


def parallel_clauses(ctx: Context, sentence: Sentence) -> Candidate | None:
    """一切A都是…，一切B都是…，一切C都是____: three or more clauses opening alike, the
    last one's predicate asked (the earlier ones show the pattern)."""
    if ctx.law:
        return None
    clauses = list(CLAUSE_RE.finditer(sentence.text, sentence.core_start - sentence.start))
    for i in range(len(clauses) - 2):
        run = clauses[i : i + 3]
        texts = [m.group(0) for m in run]
        shared = _shared_start(texts)
        if shared < 2 or any(len(t) > 25 for t in texts):
            continue
        gaps = [sentence.text[a.end() : b.start()] for a, b in itertools.pairwise(run)]
        if any(g not in ("，", "；") for g in gaps):
            continue
        verbs = [COPULA_RE.search(t, shared) for t in texts]
        if not all(verbs):
            continue
        last, verb = run[-1], verbs[-1]
        start = sentence.start + last.start() + verb.end()
        end = sentence.start + last.end()
        if not 3 <= end - start <= 10:
            continue
        answer = ctx.document.text[start:end]
        el = elements.Element.blank("clause", start, end, answer)
        cand = _fill(ctx, sentence, [el], "fill.parallel", (texts[0][:shared],))
        part = replace(sentence, core_start=sentence.start + run[0].start())
        cand.stem = ctx.stem(cut(part, last.end()), [(start, end)])
        return cand
    return None


def superlative_pair(ctx: Context, sentence: Sentence) -> Candidate | None:
    """才能发挥…的最大____、防范…的最大____: both nouns after a shared superlative."""
    if ctx.law or ("的最" not in sentence.text and "的根本" not in sentence.text):
        return None
    found = list(SUPERLATIVE_RE.finditer(sentence.text, sentence.core_start - sentence.start))
    if len(found) != 2 or found[0].group(1) != found[1].group(1):
        return None
    first, second = found
    if first.group(2) == second.group(2) or second.start() - first.end() < 6:
        return None  # "第一前提、第一要素": one thought said twice, either noun fits
    if not re.search(r"要|必须|才能|应当|坚持", sentence.core):
        return None
    els = _slots(sentence, found)
    cand = _fill(ctx, sentence, els, "fill.parallel", (first.group(1) + first.group(2),))
    cand.stem = ctx.stem(cut(sentence, second.end()), [(e.start, e.end) for e in els])
    cand.stem = re.sub(r"^(?:而|但|并且|同时)(?=要|是)", "", cand.stem)
    return cand


def combination(ctx: Context, sentence: Sentence) -> Candidate | None:
    """要坚持服务与____相结合: the stem stops after the principle, so what follows
    ("，提高服务水平") cannot give the answer away."""
    if "坚持" not in sentence.text:
        return None
    m = COMBINATION_RE.search(sentence.text, sentence.core_start - sentence.start)
    if not m:
        return None
    s, e = sentence.start + m.start(2), sentence.start + m.end(2)
    el = elements.Element.blank("principle", s, e, m.group(2))
    cand = _fill(ctx, sentence, [el], "fill.combination", (m.group(0)[2:],))
    cand.stem = ctx.stem(cut(sentence, m.end()), [(s, e)])
    return cand
