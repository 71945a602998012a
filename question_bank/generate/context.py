"""Everything one generator run shares: sentences, the law name, pools, the seeded RNG."""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from question_bank.document import Document, Passage

from . import elements, outline
from .candidate import BLANK, Source
from .textutil import (
    Sentence,
    law_name,
    local_document_name,
    normalized_document,
    split_sentences,
)

HEAD_MARK_RE = re.compile(
    r"^\s*(?:#+\s*)?(?:第[一二三四五六七八九十百]+[章节编]\s*|[一二三四五六七八九十]+[、.．]\s*|"
    r"[（(][一二三四五六七八九十]+[）)]\s*|\d+[、.．]\s*)"
)


OWN_LAW_LEAD = re.compile(r"^(?:本|该|此|这部)?(?:法律?|条例|办法|规定|细则|规则)所称")
# "我们要把…作为…": the speaker's "we" before what is required; the requirement stands
# without it (any other first person keeps the stem out: stem_checks.local_scope).
SPEAKER_LEAD = re.compile(
    r"^(?:同志们[，,])?(?:我们|咱们)(?=(?:都|也|就|还)?(?:一定|必须|始终|要|应当|应该|需要|务必))"
)


@dataclass
class Pools:
    numbers: dict[str, list[tuple[float, str]]] = field(default_factory=dict)
    bodies: Counter = field(default_factory=Counter)
    quotes: Counter = field(default_factory=Counter)
    items: list[str] = field(default_factory=list)  # extra list items for 多选 false options


@dataclass
class Context:
    document: Document
    sentences: list[Sentence]
    law: str | None
    rng: random.Random
    pools: Pools
    original: Document  # quotes come from its text; `document` has normalized punctuation
    seed: int = 0
    active: frozenset = frozenset()  # the names of the rules this run applies
    local_name: str | None = None  # a notice's or local rules' own name (no statute)
    _ranked_bodies: list[str] | None = None
    _passages: dict[str, Passage] | None = None
    _article_lists: list | None = None
    _numbered_groups: list | None = None
    # distractors.bodies: ranked bodies reordered kin-first, per kind of answer
    body_orders: dict = field(default_factory=dict)
    _memo: dict = field(default_factory=dict)

    def coin(self, sentence: Sentence) -> bool:
        """A fair coin per sentence, fixed by the run's seed (true or false 判断)."""
        return random.Random(f"{self.seed}:{sentence.start}").random() < 0.5

    def memo(self, key: str, compute):
        """`compute(self)` once per run: what several rules read (named points, lists)."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        return self._memo[key]

    def passage(self, passage_id: str) -> Passage:
        if self._passages is None:
            self._passages = {p.id: p for p in self.document.passages}
        return self._passages[passage_id]

    def article_lists(self) -> list:
        if self._article_lists is None:
            self._article_lists = outline.article_lists(self.document)
        return self._article_lists

    def numbered_groups(self) -> list:
        if self._numbered_groups is None:
            self._numbered_groups = outline.numbered_groups(self.document)
        return self._numbered_groups

    def stem(
        self,
        sentence: Sentence,
        spans: Iterable[tuple[int, int]] = (),
        replace: dict[tuple[int, int], str] | None = None,
    ) -> str:
        """The sentence core with spans blanked (or replaced), closed with a full stop."""
        spans = list(spans)
        text, base = sentence.text, sentence.start
        cut = sentence.core_start - base
        pieces, pos = [], cut
        edits = {span: BLANK for span in spans}
        edits.update(replace or {})
        for (s, e), new in sorted(edits.items()):
            pieces.append(text[pos : s - base])
            pieces.append(new)
            pos = e - base
        pieces.append(text[pos:])
        body = "".join(pieces).strip()
        # A sentence cut from quoted wording may carry one half of a quote pair.
        if body.count("”") > body.count("“"):
            body = body[::-1].replace("”", "", body.count("”") - body.count("“"))[::-1]
        if body.count("“") > body.count("”") and body.startswith("“"):
            body = body[1:]
        body = re.sub(r"[；，、：;,]$", "。", body)
        # "本法所称X，是指…": the law is named in the lead (or left out when its name would
        # give the answer away), never as a bare "本法".
        body = OWN_LAW_LEAD.sub("", body)
        body = SPEAKER_LEAD.sub("", body)
        if body and body[-1] not in "。！？”":
            body += "。"
        blanked = [text[s - base : e - base] for s, e in spans]
        # "根据《行政处罚法》，____是指…" would hand over the answer: drop the law's name then.
        if self.law and not any(len(b) >= 2 and b in self.law for b in blanked):
            body = f"根据《{self.law}》，{body}"
        return body

    def ranked_bodies(self) -> list[str]:
        """Bodies by how often the document names them (computed once per run)."""
        if self._ranked_bodies is None:
            ranked = sorted(self.pools.bodies.items(), key=lambda kv: (-kv[1], kv[0]))
            self._ranked_bodies = [name for name, _ in ranked]
        return self._ranked_bodies

    def single_use_quote(self, el: elements.Element, sentence: Sentence) -> bool:
        """A one-part quote that names one thing (not the speech's recurring topic) in a frame."""
        return (
            not self.law
            and 3 <= len(el.text) <= 8
            and self.pools.quotes[el.text] <= 2
            and elements.framed(sentence, el)
        )

    def source(self, sentence: Sentence) -> Source:
        return self.span_source(sentence.passage.id, sentence.start, sentence.end)

    def span_source(self, passage_id: str, start: int, end: int) -> Source:
        return Source(passage_id, start, end, self.original.text[start:end])

    def explain(self, sentence: Sentence) -> str:
        core = sentence.core
        if core.endswith("”") and core.count("”") > core.count("“"):
            core = core[:-1]  # the close of an amendment's quoted wording
        if self.law and sentence.article:
            return f"《{self.law}》{sentence.article}规定：“{core}”"
        if self.law:
            return f"《{self.law}》规定：“{core}”"
        return f"原文：“{core}”"

    def knowledge_points(self, heading_path: Iterable[str], *extra: str) -> list[str]:
        points = []
        if self.law:
            points.append(self.law)
        for head in reversed(tuple(heading_path)):
            clean = HEAD_MARK_RE.sub("", head).strip(" 。#")
            if clean and clean != self.document.title and len(clean) <= 30:
                points.append(clean)
                break
        points.extend(e for e in extra if e)
        seen = []
        for p in points:
            if p not in seen:
                seen.append(p)
        return seen[:3]


def build_context(original: Document, seed: int, extra_pool: Iterable[str] | None) -> Context:
    document = normalized_document(original)
    sentences = split_sentences(document)
    law = law_name(document)
    pools = Pools()
    for sentence in sentences:
        for el in elements.numbers(sentence, law=True):
            unit_pool = pools.numbers.setdefault(el.group, [])
            if (el.value, el.text) not in unit_pool:
                unit_pool.append((el.value, el.text))
        for name in elements.all_bodies(sentence.text):
            pools.bodies[name] += 1
        for el in elements.quotes(sentence):
            pools.quotes[el.text] += 1
    for item in extra_pool or ():
        _add_extra(pools, str(item).strip())
    local = None if law else local_document_name(original.title)
    return Context(
        document, sentences, law, random.Random(seed), pools, original, seed, local_name=local
    )


def _add_extra(pools: Pools, item: str) -> None:
    if not item:
        return
    m = elements.NUMBER_RE.fullmatch(item)
    if m and m.group(2):
        value = elements._value(m.group(1))
        if value is not None:
            pools.numbers.setdefault(m.group(2), []).append((value, m.group(1)))
        return
    if elements.BODY_RE.fullmatch(item):
        pools.bodies[item] += 1
    elif elements.good_quote(item):
        pools.quotes[item] += 1
        pools.items.append(item)
