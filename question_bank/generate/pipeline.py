"""One generator run: rules → filters → quality score → caps → ranked candidates."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable

from question_bank import similarity
from question_bank.document import BODY_KINDS, Document
from question_bank.errors import (
    BAD_MAX_PER_TYPE,
    BAD_VARIANTS,
    UNKNOWN_QUESTION_TYPE,
    UNKNOWN_RULE,
    GenerationOptionError,
)

from . import (
    duties,
    facts,
    filters,
    kinds,
    outline,
    quality,
    registry,
    stem_checks,
    textutil,
    verify,
)
from .candidate import QUESTION_TYPES, Candidate, Dropped, GenerationResult
from .context import build_context
from .registry import RuleNameError

MIN_SCORE = 0.45
# Questions that may cite the same span: one fact is asked once (the best-scoring
# question), unless the caller asks for more variants.
PER_SOURCE = 1
SAME_SPAN = "同一出处已有同类题"
# Questions whose answer is the same text (群众路线 three times in one speech), of any type.
SAME_ANSWER = 2
SAME_ELEMENT_TF = 4  # 判断 built on the same element (its answer is only 对/错)
# Two sentence stems of one type this alike ask the same thing: parallel articles that
# differ only in who they bind ("全国/地方各级人民代表大会常务委员会的组成人员不得担任…").
# (Stems built from a template, 简答 and 多选, differ only in their topic: not compared.)
NEAR_SAME = 0.75
# 判断 that merely restate the text: at most this many per false one (75% true at most),
# so "对" is not a safe guess; the weakest true ones go first. From round 17 a statute's
# run still counts against it (to ask a span as its "错" where one is certain) but keeps
# the "对" beyond it: a paper drawn from the bank is balanced when it is drawn
# (apps.exams.services.papers.draw), so a usable statement is no longer lost per file.
TRUE_PER_FALSE = 3
# Outside a statute (no certain "错" to pair with), one "对" per this many characters of
# body text, at least one: a quoted national rule is what a speech or notice offers.
CHARS_PER_TRUE = 600
# "应当/不得" made "可以": sound, but alike; a few per 1,000 characters (at least four).
MODAL_SWAPS_PER_1000 = 0.7
SENTENCE_TYPES = ("fill_in", "single", "true_false")
# Questions from one article of a statute (or one paragraph elsewhere): an exam asks the
# article at most this often; the best-scoring ones stay (round eight: four from one article).
PER_ARTICLE = 2


def generate(
    document: Document,
    types: Iterable[str] | None = None,
    max_per_type: int | None = None,
    seed: int = 0,
    extra_distractor_pool: Iterable[str] | None = None,
    variants: int = PER_SOURCE,
    rules: Iterable[str] | None = None,
    local_figures: bool = False,
) -> GenerationResult:
    """Candidates for `document`, best first. `variants`: questions per cited span;
    `rules`: run exactly these registered rules (default: every rule switched on);
    `local_figures`: ask a county's own rules' figures too, naming the document (the broad
    range; a speaker's own arrangements stay out)."""
    wanted = _check_options(types, max_per_type)
    if not isinstance(variants, int) or variants < 1:
        raise GenerationOptionError(BAD_VARIANTS)
    kind = kinds.document_kind(document)
    try:
        active = registry.selected(wanted, rules, kind)
    except KeyError as exc:
        raise GenerationOptionError(UNKNOWN_RULE.format(rules=exc.args[0])) from exc
    ctx = build_context(document, seed, extra_distractor_pool)
    ctx.active = frozenset(r.name for r in active)
    result = GenerationResult(
        title=document.title,
        chars=len(document.text),
        substantive_chars=sum(len(p.text) for p in document.passages if p.kind in BODY_KINDS),
    )
    kept: list[Candidate] = []
    # The broad range on a county's own rules or notice asks its own figures: the stem names
    # the document ("根据《某县…》，"), so they read as that county's rules.
    skip = frozenset({"local_figure"}) if local_figures and ctx.local_name else frozenset()
    for rule, cand in _propose(ctx, active):
        if cand.type not in wanted:
            continue
        # A provision a speech quotes is asked without the quotes round it (round 16).
        cand.stem = textutil.unwrap_provision(cand.stem)
        failure = filters.first_failure(cand, document, skip)
        verdict = None
        if not failure and rules is None and kind == kinds.OTHER and cand.rule != "llm":
            # Default rules on a speech, notice or page: only what a national source says.
            verdict = filters.attribution_verdict(cand, document, ctx.local_name)
            if not verdict.national and verdict.law and not cand.stem.startswith("根据《"):
                verdict, failure = _name_law_before(cand, document, verdict, ctx, skip)
            else:
                failure = None if verdict.national else ("national_source", verdict.reason)
        if not failure:
            quality.score(cand, rule.base, law=bool(ctx.law))
            failure = verify.failure(cand, document)  # its verdict joins the reasons
            if verdict and not failure:
                cand.quality.reasons.append(verdict.reason)  # whose statement it is
        if failure:
            result.dropped.append(Dropped(cand, *failure))
            continue
        if cand.quality.score < MIN_SCORE:
            result.dropped.append(Dropped(cand, "low_quality", "质量分过低"))
            continue
        if verdict is None and ctx.local_name:
            verdict = filters.attribution_verdict(cand, document, ctx.local_name)
        if not (verdict and verdict.national):  # a national rule is not the notice's own
            _name_local_document(cand, ctx)
        elif verdict.law and kind == kinds.OTHER and verdict.law not in cand.stem:
            # a card's "法条：《X法》第九条第二款：“…”" asked as a fill-in: the stem names the
            # law its source sentence cites, so it stands alone (round 20)
            cand.stem = f"根据《{verdict.law}》，{cand.stem}"
        cand.stem = textutil.mark_law_titles(cand.stem)
        kept.append(cand)
    kept.sort(key=_rank)
    swaps = max(4, round(MODAL_SWAPS_PER_1000 * result.substantive_chars / 1000))
    kept = _at_most(kept, _is_modal_swap, swaps, result, "duplicate", "同类的情态词替换题已足够")
    # A speech or notice has no "错" to balance with: it keeps one "对" per so many characters
    # (round 19: one per file lost quoted national rules and kept an exhortation).
    floor = 1 if kind == kinds.STATUTE else max(1, result.substantive_chars // CHARS_PER_TRUE)
    result.candidates = _balanced(kept, max_per_type, variants, result, document, floor)
    if kind == kinds.STATUTE:
        _keep_true_held_for_balance(result)
    if kind == kinds.OTHER:  # (the `other` helper's step, round ten)
        _ask_held_back_otherwise(result, max_per_type, variants, document)
    return result


def _name_law_before(cand: Candidate, document: Document, verdict, ctx, skip):
    """A rule whose law is named in the sentence before ("2023年施行的X法……。第四条规定：“…”")
    is asked naming that law ("根据《X法》，…"), so the stem stands alone (round 16); the
    checks run again on the stem that names it. Returns (verdict, failure)."""
    stem = cand.stem
    cand.stem = f"根据《{verdict.law}》，{stem}"
    failure = filters.first_failure(cand, document, skip)
    named = filters.attribution_verdict(cand, document, ctx.local_name)
    if not failure and named.national:
        return named, None
    cand.stem = stem
    return verdict, failure or ("national_source", verdict.reason)


def _balanced(
    kept: list[Candidate],
    max_per_type: int | None,
    variants: int,
    result: GenerationResult,
    document: Document,
    true_floor: int = 1,
) -> list[Candidate]:
    """One question per span and article, and at most TRUE_PER_FALSE "对" per "错" (at least
    `true_floor`, concrete ones first). While
    "对" are held back for want of "错", a span asked by a 单选 or 填空 that also has a
    certainly-false swap (a figure's, held in reserve by `Candidate.reserve`, or a level swap
    the 单选 outscored) is asked as that "错" instead, which lets up to three "对" through
    (round ten); rerun until no span changes."""
    reserve = [c for c in kept if c.reserve]
    pool = [c for c in kept if not c.reserve]
    before = len(result.dropped)
    last: list[tuple[Candidate, Candidate]] = []  # the swaps made for this pass
    refused: set[int] = set()  # "错" another cap dropped once promoted: not promoted again
    while True:
        del result.dropped[before:]
        chosen = _cap(pool, max_per_type, variants, result.dropped, document)
        chosen = _per_article(chosen, result, document)
        false = sum(1 for c in chosen if c.type == "true_false" and c.answer is False)
        final = _at_most(
            chosen,
            _is_true,
            max(TRUE_PER_FALSE * false, true_floor),
            result,
            "true_false_balance",
            "判断题“对”的过多",
            prefer=_true_worth,
        )
        if true_floor > 1:  # the room per characters is for statements that name their law
            final = _at_most(
                final,
                _is_unnamed_true,
                max(0, max(TRUE_PER_FALSE * false, 1) - sum(map(_is_named_true, final))),
                result,
                "true_false_balance",
                "判断题“对”的过多（未写明法名）",
            )
        asked = {id(c) for c in final}
        lost = [(old, new) for old, new in last if id(new) not in asked]
        if lost:  # the "错" fell to another cap: the span keeps its 单选 or 填空
            gone = {id(new) for _old, new in lost}
            refused |= gone
            back = [o for o, _n in lost if o is not None]
            pool = sorted([c for c in pool if id(c) not in gone] + back, key=_rank)
            last = []
            continue
        blocked = sum(1 for d in result.dropped[before:] if d.filter == "true_false_balance")
        # A "错" the span's 单选 or 填空 displaced (a level swap) waits like a reserve one.
        displaced = [
            d.candidate
            for d in result.dropped[before:]
            if d.reason == SAME_SPAN
            and d.candidate.type == "true_false"
            and d.candidate.answer is False
        ]
        waiting_false = [c for c in reserve + displaced if id(c) not in refused]
        promoted = _promote(final, waiting_false, -(-blocked // TRUE_PER_FALSE))
        if not promoted:
            return final
        last = promoted
        replaced = {id(old) for old, _new in promoted if old is not None}
        pool = [c for c in pool if id(c) not in replaced]
        waiting = {id(c) for c in pool}
        pool = sorted(pool + [n for _o, n in promoted if id(n) not in waiting], key=_rank)
        reserve = [c for c in reserve if all(c is not n for _o, n in promoted)]


def _keep_true_held_for_balance(result: GenerationResult) -> None:
    """A statute's "对" the per-file cap held back join the candidates (round 17): every
    other cap (span, article, fact) has already kept them, and the share of "对" is what a
    paper balances, not a file. The cap has still done its work: a span it made ask a
    certain "错" instead of its 单选 or 填空 keeps that "错"."""
    held = [d.candidate for d in result.dropped if d.filter == "true_false_balance"]
    if not held:
        return
    result.dropped = [d for d in result.dropped if d.filter != "true_false_balance"]
    result.candidates = sorted([*result.candidates, *held], key=_rank)


def _promote(final: list[Candidate], reserve: list[Candidate], wanted: int):
    """(kept 单选/填空/"对", reserve "错" on the same span) pairs, best reserve first, at most
    `wanted`. A reserve "错" on a span nothing asks (its 单选 and 填空 failed a check the
    "错" passed) pairs with None: it is asked as well (round eleven)."""
    held = {(c.source.start, c.source.end): c for c in final if _holds_span(c)}
    asked = {(c.source.start, c.source.end) for c in final}
    pairs: list[tuple[Candidate | None, Candidate]] = []
    for cand in sorted(reserve, key=_rank):
        if len(pairs) >= wanted:
            break
        span = (cand.source.start, cand.source.end)
        old = held.pop(span, None)
        if old is not None:
            pairs.append((old, cand))
        elif span not in asked:
            pairs.append((None, cand))
        asked.add(span)
    return pairs


def _holds_span(c: Candidate) -> bool:
    """A kept question a reserve "错" on its span may take the place of: a 单选 or 填空, or
    the span's own "对" (round fifteen: the fact is still asked, now as the "错" that lets
    three waiting "对" through)."""
    return c.type in ("single", "fill_in") or _is_true(c)


def _ask_held_back_otherwise(
    result: GenerationResult, max_per_type: int | None, variants: int, document: Document
) -> None:
    """A speech or notice makes no "错" (no swap is safe there), so it keeps one "对"; a
    national rule held back beyond it is asked another way where a rule found a certain
    blank in the same span (its figure, the items of its formula), instead of being lost.
    Such a question joins only where it pushes no kept question out."""
    held = {
        (d.candidate.source.start, d.candidate.source.end)
        for d in result.dropped
        if d.filter == "true_false_balance"
    }
    others = sorted(
        (
            d.candidate
            for d in result.dropped
            if d.reason == "同一出处已有同类题"
            and d.candidate.type != "true_false"
            and (d.candidate.source.start, d.candidate.source.end) in held
        ),
        key=_rank,
    )
    kept = result.candidates
    for other in others:
        trial = sorted([*kept, other], key=_rank)
        scratch = GenerationResult(title="", chars=0)
        again = _per_article(
            _cap(trial, max_per_type, variants, scratch.dropped, document), scratch, document
        )
        if len(again) == len(trial):
            kept = again
    now = {id(c) for c in kept}
    result.candidates = kept
    result.dropped = [d for d in result.dropped if id(d.candidate) not in now]


def _rank(c: Candidate):
    return (-round(c.quality.score, 6), c.source.start, c.type, c.stem)


def _name_local_document(cand: Candidate, ctx) -> None:
    """A question from a county's or town's own notice or rules names that document
    ("根据《某县…实施方案》，…"): read alone it would pass for a rule that holds everywhere.
    Added after the checks, which read the stem as the document says it."""
    if ctx.law or not ctx.local_name or cand.stem.startswith("根据《"):
        return
    if any(len(a) >= 2 and a in ctx.local_name for a in cand.answer_texts):
        return  # the name would hand over the answer
    cand.stem = f"根据《{ctx.local_name}》，{cand.stem}"


def _propose(ctx, active: list[registry.Rule]):
    """(rule, candidate) for every proposal of the active rules."""
    per_sentence = [r for r in active if r.per_sentence]
    for sentence in ctx.sentences:
        for rule in per_sentence:
            for cand in rule.propose(ctx, sentence):
                yield rule, _owned(rule, cand)
    for rule in active:
        if not rule.per_sentence:
            for cand in rule.propose(ctx):
                yield rule, _owned(rule, cand)


def _owned(rule: registry.Rule, cand: Candidate) -> Candidate:
    if cand.rule != rule.name:
        raise RuleNameError(f"{rule.name} proposed a candidate named {cand.rule}")
    cand.knowledge_points = outline.clean_labels(cand.knowledge_points)
    return cand


def _per_article(ranked: list[Candidate], result: GenerationResult, document: Document):
    """The best PER_ARTICLE candidates from each article (its passage and the paragraphs
    that continue it), in rank order."""
    starts = sorted(p.start for p in document.passages if filters.ARTICLE_RE.match(p.text))
    counts: Counter = Counter()
    out = []
    for cand in ranked:
        key = _article_start(starts, cand.source.start)
        if key is None:
            key = ("p", cand.source.passage_id)
        counts[key] += 1
        if counts[key] > PER_ARTICLE:
            result.dropped.append(Dropped(cand, "duplicate", "同一条文的题已足够"))
            continue
        out.append(cand)
    return out


def _article_start(starts: list[int], offset: int):
    i = bisect.bisect_right(starts, offset) - 1
    return starts[i] if i >= 0 else None


def _is_modal_swap(c: Candidate) -> bool:
    return c.rule == "true_false.swap_modal"


def _is_true(c: Candidate) -> bool:
    return c.type == "true_false" and c.answer is True


def _is_named_true(c: Candidate) -> bool:
    return _is_true(c) and c.stem.startswith("根据《")


def _is_unnamed_true(c: Candidate) -> bool:
    return _is_true(c) and not c.stem.startswith("根据《")


def _true_worth(c: Candidate) -> int:
    """Which "对" a capped file keeps first: one that names its law (a speech's "国家对…实行…
    制度" does not), and one with a figure, deadline, system or named body rather than a
    generic aim (round 19: a speech kept an exhortation over two concrete duties)."""
    named = c.stem.startswith("根据《")
    return 2 * named + duties.concrete(stem_checks.CITED_LEAD_RE.sub("", c.stem))


def _at_most(
    ranked, matches, allowed: int, result: GenerationResult, name: str, reason: str, prefer=None
):
    """The best `allowed` candidates that `matches`, and every other one, in rank order.
    `prefer`: a worth; the higher are kept first (then the rest by rank)."""
    matching = [c for c in ranked if matches(c)]
    if prefer is not None:
        matching.sort(key=lambda c: -prefer(c))  # stable: rank order among equals
    keep = {id(c) for c in matching[:allowed]}
    out = []
    for cand in ranked:
        if matches(cand) and id(cand) not in keep:
            result.dropped.append(Dropped(cand, name, reason))
            continue
        out.append(cand)
    return out


def _check_options(types: Iterable[str] | None, max_per_type: int | None) -> tuple[str, ...]:
    if max_per_type is not None and (not isinstance(max_per_type, int) or max_per_type < 1):
        raise GenerationOptionError(BAD_MAX_PER_TYPE)
    if types is None:
        return QUESTION_TYPES
    asked = [str(t) for t in types]
    unknown = [t for t in asked if t not in QUESTION_TYPES]
    if unknown:
        raise GenerationOptionError(UNKNOWN_QUESTION_TYPE.format(types="、".join(unknown)))
    return tuple(t for t in QUESTION_TYPES if t in asked)


def _cap(
    ranked: list[Candidate],
    max_per_type: int | None,
    variants: int,
    dropped: list[Dropped],
    document: Document,
):
    """Keep candidates best first, dropping the ones that repeat a kept one."""
    per_source: dict[tuple[int, int], set[str]] = {}
    asked: list[tuple[facts.Fact, tuple[int, int]]] = []  # kept facts and their spans
    per_type: Counter = Counter()
    per_answer: Counter = Counter()
    stems: set[str] = set()
    shingles: dict[str, list[frozenset[str]]] = {}
    out = []
    for cand in ranked:
        key = (cand.source.start, cand.source.end)
        used = per_source.setdefault(key, set())
        if cand.stem in stems or cand.type in used or len(used) >= variants:
            dropped.append(Dropped(cand, "duplicate", SAME_SPAN))
            continue
        tf = cand.type == "true_false"
        answer_key = (tf, "|".join(cand.answer_texts))
        if per_answer[answer_key] >= (SAME_ELEMENT_TF if tf else SAME_ANSWER):
            dropped.append(Dropped(cand, "duplicate", "同一答案的题已足够"))
            continue
        grams = _shingles(cand.stem) if cand.type in SENTENCE_TYPES else frozenset()
        kept = shingles.setdefault(cand.type, [])
        if grams and any(similarity.overlap(grams, other) >= NEAR_SAME for other in kept):
            dropped.append(Dropped(cand, "duplicate", "与已选的同类题题干几乎相同"))
            continue
        fact = facts.fact_of(cand, document)
        # Another span stating the same fact: asked once (variants are per span).
        if fact and any(fact.same(f) and span != key for f, span in asked):
            dropped.append(
                Dropped(cand, "duplicate", f"与已选的题考同一事实：{cand.answer_texts[0]}")
            )
            continue
        if max_per_type is not None and per_type[cand.type] >= max_per_type:
            continue
        if fact:
            asked.append((fact, key))
        used.add(cand.type)
        per_answer[answer_key] += 1
        stems.add(cand.stem)
        kept.append(grams)
        per_type[cand.type] += 1
        out.append(cand)
    return out


def _shingles(stem: str) -> frozenset[str]:
    return similarity.shingles(similarity.normalize(filters.statement_of(stem)), size=2)
