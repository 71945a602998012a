"""The dataclasses that flow through the text pipeline.

Extraction yields raw text, cleaning yields clean text, structuring yields a
`Document` whose passages point back into that clean text by offsets.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

PASSAGE_KINDS = ("heading", "paragraph", "point", "article", "note")
# The passages that are the document's body: a heading names a part, a note (a law's 题注,
# when and by whom it was adopted and amended) records its history.
BODY_KINDS = ("paragraph", "point", "article")


@dataclass(frozen=True)
class Passage:
    id: str  # stable for the same cleaned text, e.g. "p0007-3fa2c1"
    kind: str  # one of PASSAGE_KINDS
    heading_path: tuple[str, ...]
    text: str
    start: int  # offsets into Document.text: text == Document.text[start:end]
    end: int

    def to_dict(self) -> dict:
        data = asdict(self)
        data["heading_path"] = list(self.heading_path)
        return data


@dataclass
class Document:
    title: str
    text: str  # the cleaned, Simplified text
    passages: list[Passage] = field(default_factory=list)
    # The file's own name or metadata title ("价格法（第一、二、五章）"): one more witness of
    # a law's name when the text's head is odd (round 14); not part of the stored dict.
    source_name: str = ""

    def to_dict(self) -> dict:
        return {"title": self.title, "passages": [p.to_dict() for p in self.passages]}
