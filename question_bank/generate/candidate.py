"""The dataclasses a generator run returns (the DESIGN `generate_questions` JSON)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

QUESTION_TYPES = ("single", "multiple", "true_false", "fill_in", "short_answer")
BLANK = "____"


@dataclass(frozen=True)
class Option:
    key: str
    text: str

    def to_dict(self) -> dict:
        return {"key": self.key, "text": self.text}


@dataclass(frozen=True)
class Source:
    passage_id: str
    start: int  # offsets into Document.text; quote == text[start:end]
    end: int
    quote: str

    def to_dict(self) -> dict:
        return {
            "passage_id": self.passage_id,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
        }


@dataclass
class Quality:
    score: float = 0.5
    reasons: list[str] = field(default_factory=list)

    def add(self, delta: float, reason: str) -> None:
        self.score += delta
        self.reasons.append(reason)

    def to_dict(self) -> dict:
        return {"score": round(max(0.0, min(1.0, self.score)), 3), "reasons": list(self.reasons)}


@dataclass
class Candidate:
    type: str
    stem: str
    answer: Any  # "B" | ["A", "C"] | bool | ["blank 1", ...] | reference text
    explanation: str
    source: Source
    rule: str
    options: list[Option] = field(default_factory=list)
    knowledge_points: list[str] = field(default_factory=list)
    difficulty: int = 2
    quality: Quality = field(default_factory=Quality)
    # short_answer: the points a reviewer scores against
    scoring_points: list[str] = field(default_factory=list)
    # true_false made false: {"original": ..., "replacement": ..., "kind": ...}
    swapped: dict | None = None
    # the literal answer strings as they stand in the source (for filters)
    answer_texts: list[str] = field(default_factory=list)
    # spans (offsets into Document.text) whose edges must be word boundaries
    checks: list[tuple[int, int]] = field(default_factory=list)
    # for spans over several sentences: the text the question is really about
    focus: str = ""
    # the named label a list question asks about (“三个率”), checked against the source
    label: str = ""
    # fill_in: every accepted form per blank (a number in digits and in Chinese numerals)
    accepted: list[list[str]] = field(default_factory=list)
    # true_false "错" proposed where the seeded coin asked another question of the span: asked
    # instead only when the law's "对" wait for a "错" (pipeline._balanced)
    reserve: bool = False

    def option_text(self, key: str) -> str:
        return next((o.text for o in self.options if o.key == key), "")

    def to_dict(self) -> dict:
        data = {
            "type": self.type,
            "stem": self.stem,
            "options": [o.to_dict() for o in self.options],
            "answer": self.answer,
            "explanation": self.explanation,
            "source": self.source.to_dict(),
            "knowledge_points": list(self.knowledge_points),
            "difficulty": int(self.difficulty),
            "rule": self.rule,
            "quality": self.quality.to_dict(),
        }
        if self.scoring_points:
            data["scoring_points"] = list(self.scoring_points)
        if self.swapped:
            data["swapped"] = dict(self.swapped)
        if self.accepted:
            data["accepted"] = [list(forms) for forms in self.accepted]
        return data


@dataclass
class Dropped:
    """A candidate a filter removed, with the filter's name and reason (for reports)."""

    candidate: Candidate
    filter: str
    reason: str


@dataclass
class GenerationResult:
    title: str
    chars: int
    candidates: list[Candidate] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    substantive_chars: int = 0

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "chars": self.chars,
            "candidates": [c.to_dict() for c in self.candidates],
        }
