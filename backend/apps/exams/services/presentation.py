"""How an attempt shows a question (stem HTML, each option's HTML by key, the number of
blanks) and the save path's spec, kept per process by question id.

Starting an exam under a rush needs these for its 100 questions; they are read from the
database once per process and question, then never again, so a start loads no question
rows at all once warm. That is safe because what is shown never changes on a drawable row:
only published questions are drawn, editing a published question makes a new version row
(apps.questions.services.questions), and a key correction changes only the key, keeping the
count of blanks (a fill-in key has one group per blank in the stem).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape, linebreaks

from apps.exams.services.local_cache import LocalLRU
from apps.questions.models import Question
from question_bank import question_types

# About 1 KB each: a 10,000-question bank drawn from is ~10 MB per process at most.
SHOWN = LocalLRU(max_entries=20_000, ttl_seconds=6 * 3600)


def render_text(text: str) -> str:
    return linebreaks(escape(text or ""))


@dataclass(frozen=True, slots=True)
class Shown:
    type: str
    stem_html: str
    keys: tuple[str, ...]  # option keys in stored order (the layout shuffles these)
    option_html: dict[str, str]
    blanks: int

    @property
    def spec(self) -> list:
        """answer_store's [type, option count, blank count], enough to check a response."""
        return [self.type, len(self.keys), self.blanks]

    def options(self, order: list[str] | None) -> list[dict]:
        """The options as this attempt shows them: relettered A, B, ... in its frozen order."""
        html = self.option_html
        return [
            {"key": chr(65 + i), "html": html[key]}
            for i, key in enumerate(order or [])
            if key in html
        ]


def _shown(qtype: str, stem: str, stem_html: str, options, answer) -> Shown:
    options = options or []
    return Shown(
        type=qtype,
        stem_html=stem_html or render_text(stem),
        keys=tuple(opt["key"] for opt in options),
        option_html={opt["key"]: opt.get("html") or escape(opt.get("text", "")) for opt in options},
        blanks=question_types.get(qtype).blank_count(stem, answer),
    )


def shown_questions(question_ids) -> dict[int, Shown]:
    """{id: Shown} for these questions: from this process's copy, the rest in one query."""
    out: dict[int, Shown] = {}
    missing = []
    for qid in question_ids:
        entry = SHOWN.get(qid)
        if entry is None:
            missing.append(qid)
        else:
            out[qid] = entry
    if missing:
        rows = Question.objects.filter(pk__in=missing).values_list(
            "id", "type", "stem", "stem_html", "options", "answer"
        )
        for qid, *fields in rows:
            out[qid] = entry = _shown(*fields)
            SHOWN.set(qid, entry)
    return out


def forget() -> None:
    """Drop this process's copies (tests call it between databases)."""
    SHOWN.clear()
