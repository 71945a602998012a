"""Near-duplicate text: normalized text, character shingles, Jaccard and overlap scores.

The bank flags near-duplicate questions with 3-gram Jaccard; the generator drops
candidates whose stems are nearly contained in one it already kept (bigram overlap).

Candidate pairs come from an inverted index over each question's rarest shingles
(prefix filtering), so checking 10,000 imported rows does not compare every pair,
yet no pair at or above the threshold is missed.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from typing import Any

from question_bank import question_types

_DROP = re.compile(r"[\s\W_]+", re.UNICODE)
SHINGLE = 3


def normalize(text: str) -> str:
    """NFKC, lower case, no punctuation, whitespace or blank markers."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text or "").lower())


def question_text(stem: str, options: Iterable[dict] = ()) -> str:
    return normalize(stem + "".join(o.get("text", "") for o in options))


def fingerprint(stem: str, options: Iterable[dict] = ()) -> str:
    return hashlib.sha256(question_text(stem, options).encode()).hexdigest()


def shingles(text: str, size: int = SHINGLE) -> frozenset[str]:
    if len(text) <= size:
        return frozenset([text]) if text else frozenset()
    return frozenset(text[i : i + size] for i in range(len(text) - size + 1))


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


def overlap(a: frozenset, b: frozenset) -> float:
    """Shared share of the smaller set: 1.0 when one text's shingles all occur in the other."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


class SimilarityIndex:
    """Find, for each query set, the indexed items with Jaccard ≥ threshold."""

    def __init__(self, threshold: float):
        self.threshold = threshold
        self.items: dict[Hashable, frozenset[str]] = {}
        self.frequency: Counter[str] = Counter()
        self.postings: dict[str, list[Hashable]] = defaultdict(list)

    def _prefix(self, tokens: frozenset[str]) -> list[str]:
        # Two sets with Jaccard ≥ t share a token among each one's first n - ceil(t·n) + 1
        # tokens in a fixed global order; rare tokens first keeps the postings short.
        size = len(tokens) - math.ceil(self.threshold * len(tokens)) + 1
        return sorted(tokens, key=lambda tok: (self.frequency[tok], tok))[:size]

    def build(
        self, items: dict[Hashable, frozenset[str]], extra: Iterable[frozenset[str]] = ()
    ) -> None:
        self.items = dict(items)
        for tokens in [*self.items.values(), *extra]:
            self.frequency.update(tokens)
        for key, tokens in self.items.items():
            for token in self._prefix(tokens):
                self.postings[token].append(key)

    def add(self, key: Hashable, tokens: frozenset[str]) -> None:
        self.items[key] = tokens
        for token in self._prefix(tokens):
            self.postings[token].append(key)

    def query(self, tokens: frozenset[str]) -> list[tuple[Hashable, float]]:
        seen: set[Hashable] = set()
        found = []
        for token in self._prefix(tokens):
            for key in self.postings.get(token, ()):
                if key in seen:
                    continue
                seen.add(key)
                other = self.items[key]
                if min(len(other), len(tokens)) < self.threshold * max(len(other), len(tokens)):
                    continue  # sizes alone rule out the threshold
                score = jaccard(tokens, other)
                if score >= self.threshold:
                    found.append((key, round(score, 3)))
        return sorted(found, key=lambda pair: -pair[1])


def content_key(qtype: str, stem: str, options: Iterable[dict], answer: Any) -> str:
    """Identity of a question's content for exact-duplicate checks: the normalised stem,
    the options (letter and normalised text) and the answer, in one digest."""
    opts = [(o.get("key", ""), normalize(o.get("text", ""))) for o in options or ()]
    answer = question_types.get(qtype).canonical_key(answer)
    if isinstance(answer, str):
        answer = normalize(answer)
    payload = json.dumps([qtype, normalize(stem), opts, answer], ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()
