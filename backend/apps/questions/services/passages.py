"""Storing a material's passages so that re-ingesting it never breaks a question's citation.

The pipeline's passage id (`key`) is its position plus a digest of its text. After a
pipeline improvement the same text may be split or numbered differently, so passages are
matched to the stored rows in three steps and each matched row keeps its database id
(which is what questions, knowledge points and the phone reader refer to):

1. the same key: the row is updated in place;
2. the same text under a new key (the numbering moved): the row takes the new key;
3. a row left over that a question cites: the question is re-pointed to the new passage
   that contains its quoted span; a question whose quote is found nowhere keeps its quote
   (shown as the source) and loses only the link. Nothing is deleted from a question.

Every question citing a passage gets its span offsets recomputed in the new text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat

from apps.questions.models import KnowledgePoint, Material, Passage, Question
from question_bank.document import Document
from question_bank.document import Passage as DocPassage


@dataclass
class PassageReport:
    kept: int = 0  # same key or same text: the row and its citations are unchanged
    added: int = 0
    removed: int = 0
    questions_relinked: int = 0  # re-pointed to the passage that now holds their quote
    questions_unlinked: int = 0  # quote found nowhere: the quote stays, the link goes
    unlinked_ids: list[int] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "kept": self.kept,
            "added": self.added,
            "removed": self.removed,
            "questions_relinked": self.questions_relinked,
            "questions_unlinked": self.questions_unlinked,
            "unlinked_ids": self.unlinked_ids[:50],
        }


def _fields(row: Passage, new: DocPassage, position: int) -> None:
    row.key = new.id
    row.position = position
    row.kind = new.kind
    row.heading_path = list(new.heading_path)
    row.text = new.text
    row.start = new.start
    row.end = new.end


def _anchor(question: Question, passage: Passage) -> bool:
    """Point the question's span at its quote inside this passage, if the quote is there."""
    quote = question.source_quote.strip()
    at = passage.text.find(quote) if quote else -1
    if at < 0:
        return False
    question.source_passage = passage
    question.source_start = passage.start + at
    question.source_end = passage.start + at + len(quote)
    return True


def store(material: Material, document: Document) -> PassageReport:
    """Replace the material's passages by the document's (call inside a transaction)."""
    report = PassageReport()
    old = list(material.passages.all())
    by_key = {p.key: p for p in old}
    by_text: dict[str, list[Passage]] = {}
    for p in old:
        by_text.setdefault(p.text, []).append(p)
    used: set[int] = set()
    rows: list[Passage] = []
    fresh: list[Passage] = []
    for position, new in enumerate(document.passages):
        row = by_key.get(new.id)
        if row is None or row.pk in used:
            row = next((p for p in by_text.get(new.text, []) if p.pk not in used), None)
        if row is None:
            row = Passage(material=material)
            fresh.append(row)
        else:
            used.add(row.pk)
            report.kept += 1
        _fields(row, new, position)
        rows.append(row)
    leftover = [p for p in old if p.pk not in used]
    # Keys are unique per material: park every old key before any row takes a new one.
    material.passages.update(key=Concat(Value("~"), Cast("id", output_field=CharField())))
    reused = [r for r in rows if r.pk]
    Passage.objects.bulk_update(
        reused, ["key", "position", "kind", "heading_path", "text", "start", "end"]
    )
    Passage.objects.bulk_create(fresh)
    report.added = len(fresh)
    _relink_questions(material, rows, leftover, report)
    _move_knowledge_links(leftover, rows)
    Passage.objects.filter(pk__in=[p.pk for p in leftover]).delete()
    report.removed = len(leftover)
    return report


def _relink_questions(
    material: Material, rows: list[Passage], leftover: list[Passage], report: PassageReport
) -> None:
    gone = {p.pk for p in leftover}
    citing = list(Question.objects.filter(source_passage__material=material))
    changed = []
    for question in citing:
        current = next((r for r in rows if r.pk == question.source_passage_id), None)
        if current is not None:
            # The row stays; its text may have moved in the cleaned text.
            if _anchor(question, current):
                changed.append(question)
            continue
        if question.source_passage_id not in gone:
            continue
        target = next((r for r in rows if _anchor(question, r)), None)
        if target is None:
            question.source_passage = None
            report.questions_unlinked += 1
            report.unlinked_ids.append(question.pk)
        else:
            report.questions_relinked += 1
        changed.append(question)
    Question.objects.bulk_update(changed, ["source_passage", "source_start", "source_end"])


def _move_knowledge_links(leftover: list[Passage], rows: list[Passage]) -> None:
    """A knowledge point linked to a removed passage follows its text to the new one."""
    through = KnowledgePoint.passages.through
    links = through.objects.filter(passage_id__in=[p.pk for p in leftover]).select_related(
        "passage"
    )
    new_links = []
    for link in links:
        target = next((r for r in rows if link.passage.text in r.text), None)
        if target is not None:
            new_links.append(through(knowledgepoint_id=link.knowledgepoint_id, passage=target))
    through.objects.bulk_create(new_links, ignore_conflicts=True)
