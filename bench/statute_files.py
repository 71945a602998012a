"""The given files ingested as the product ingests them, and the statutes among them: shared
by the diagnostics that ask, per document, why a sentence or list got no question."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from question_bank.generate.kinds import STATUTE, document_kind
from question_bank.ingest import ingest_bytes


def text_documents(paths: list[str]) -> Iterator[tuple[Path, object]]:
    """(path, document) for each .txt/.md file, ingested; a directory stands for its files.
    HTML is skipped: it needs Chromium to print."""
    files: list[Path] = []
    for p in map(Path, paths):
        files += sorted(f for f in p.iterdir() if f.is_file()) if p.is_dir() else [p]
    for path in files:
        if path.suffix in (".txt", ".md"):
            yield path, ingest_bytes(path.read_bytes(), path.name)


def statute_documents(paths: list[str]) -> Iterator[tuple[Path, object]]:
    """(path, document) for each .txt/.md file judged a statute."""
    for path, document in text_documents(paths):
        if document_kind(document) == STATUTE:
            yield path, document
