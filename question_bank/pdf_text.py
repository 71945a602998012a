"""A PDF's text layer with pypdf: running heads and feet dropped, wrapped lines joined.

Scanned PDFs have no text layer; they yield no text (the caller reports it).
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from question_bank.errors import CorruptDocumentError

_TERMINAL = tuple("。！？!?；;：:…”’」』）)】》")
_DIGITS = re.compile(r"\d+")
logging.getLogger("pypdf").setLevel(logging.ERROR)


def _unwrap(lines: list[str]) -> list[str]:
    """Join a line that fills the page width with the next (the PDF wrapped it)."""
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 3:
        return lines
    full = lengths[int(len(lengths) * 0.9) - 1]
    out: list[str] = []
    carry = False
    for line in lines:
        if carry and out:
            out[-1] += line
        else:
            out.append(line)
        carry = len(line) >= max(12, full * 0.85) and not line.endswith(_TERMINAL)
    return out


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines repeated at the top or bottom of most pages (running heads, page numbers),
    compared with digits masked so "第 3 页" and "第 4 页" count as one."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edges = {
            _DIGITS.sub("#", line)
            for line in lines[:2] + lines[-2:]
            if len(line) <= 40 and not line.endswith(("。", "！", "？"))
        }
        counts.update(edges)
    needed = max(3, len(pages) // 2)
    return {line for line, count in counts.items() if count >= needed}


def _metadata_title(reader: PdfReader) -> str | None:
    try:
        title = ((reader.metadata or {}).get("/Title") or "").strip()
    except (PyPdfError, ValueError, TypeError):
        return None
    # "Microsoft Word - 草稿.doc" and file names say nothing about the document
    if not title or title.lower().startswith("microsoft") or re.search(r"\.\w{2,4}$", title):
        return None
    return title


def pdf_to_text(data: bytes) -> tuple[str, str | None]:
    """(text, the title in the PDF's metadata if it looks like a real one)."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise CorruptDocumentError()
        pages = []
        for page in reader.pages:
            lines = [line.strip() for line in (page.extract_text() or "").splitlines()]
            pages.append([line for line in lines if line])
        title = _metadata_title(reader)
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise CorruptDocumentError() from exc
    running = _running_lines(pages)
    kept = []
    for lines in pages:
        body = [line for line in lines if _DIGITS.sub("#", line) not in running]
        kept.append("\n".join(_unwrap(body)))
    return "\n".join(kept), title
