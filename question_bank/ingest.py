"""The ingestion pipeline: bytes or text → cleaned, structured `Document`."""

from __future__ import annotations

from pathlib import PurePath

from question_bank.clean import clean_text
from question_bank.document import Document
from question_bank.errors import NoTextFoundError
from question_bank.extract import extract
from question_bank.structure import structure


def ingest_text(text: str, title: str | None = None, fallback_title: str | None = None) -> Document:
    """Clean and structure text that is already decoded (pasted or typed)."""
    cleaned = clean_text(text)
    if not cleaned.strip():
        raise NoTextFoundError()
    return structure(cleaned, title=title, fallback_title=fallback_title)


def ingest_bytes(data: bytes, filename: str | None = None, title: str | None = None) -> Document:
    """Extract, clean and structure an uploaded file; the type comes from its content."""
    extracted = extract(data, filename)
    stem = PurePath(filename).stem if filename else None
    return ingest_text(extracted.text, title=title, fallback_title=extracted.title or stem)
