"""Draft questions from a structured `Document`: rules, filters, quality ranking.

`generate(document)` returns a `GenerationResult` whose `to_dict()` is the
`generate_questions --json` contract in DESIGN.md.
"""

from .candidate import QUESTION_TYPES, Candidate, GenerationResult, Option, Quality, Source
from .pipeline import generate

__all__ = [
    "QUESTION_TYPES",
    "Candidate",
    "GenerationResult",
    "Option",
    "Quality",
    "Source",
    "generate",
]
