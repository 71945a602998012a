"""Turn uploaded bytes into text; the file type is read from the content, not the name.

PDF starts with %PDF, a .docx is a zip holding word/document.xml, HTML shows its
tags; anything else must decode as text. Images, archives and other binaries are
refused with a Chinese message.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from question_bank.decode import decode_text
from question_bank.docx_text import docx_to_text
from question_bank.errors import (
    CorruptDocumentError,
    EmptyDocumentError,
    NoTextFoundError,
    UnsupportedFileTypeError,
)
from question_bank.html_text import html_title, html_to_text, looks_like_html
from question_bank.pdf_text import pdf_to_text
from question_bank.tagged_export import looks_like_tagged_export

KINDS = ("txt", "md", "html", "docx", "pdf")

# Magic numbers of binary formats that are certainly not documents we read.
_BINARY_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"BM",
    b"RIFF",
    b"\x1f\x8b",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\xd0\xcf\x11\xe0",  # legacy .doc/.xls (OLE): not supported
    b"\x7fELF",
    b"MZ",
    b"OggS",
    b"ID3",
    b"\x00\x00\x00",
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


@dataclass(frozen=True)
class ExtractedText:
    text: str
    kind: str  # one of KINDS
    encoding: str | None = None  # for text formats
    title: str | None = None  # from the file's metadata (<title>, docx/pdf properties)


def sniff(data: bytes) -> str:
    """The container kind from the leading bytes: "pdf", "zip", "binary" or "text"."""
    head = data[:8]
    if data[:1024].lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return "text"
    if head.startswith(_BINARY_MAGIC) or b"\x00" in data[:4096]:
        return "binary"
    return "text"


def _extract_zip(data: bytes) -> ExtractedText:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise CorruptDocumentError() from exc
    if "word/document.xml" not in names:
        raise UnsupportedFileTypeError()
    text, title = docx_to_text(data)
    return ExtractedText(text, "docx", title=title)


def _extract_text(data: bytes, filename: str | None) -> ExtractedText:
    text, encoding = decode_text(data)
    if not text.strip():
        raise EmptyDocumentError()  # e.g. nothing but a byte-order mark
    if len(_CONTROL.findall(text[:4096])) > 8:
        raise UnsupportedFileTypeError()
    if looks_like_html(text) and not looks_like_tagged_export(text):
        return ExtractedText(html_to_text(text), "html", encoding, html_title(text))
    is_markdown = (filename or "").lower().endswith((".md", ".markdown"))
    return ExtractedText(text, "md" if is_markdown else "txt", encoding)


def extract(data: bytes, filename: str | None = None) -> ExtractedText:
    """Extract the text of a document; raise an ExtractionError subclass on bad input."""
    if not data or not data.strip():
        raise EmptyDocumentError()
    container = sniff(data)
    if container == "pdf":
        text, title = pdf_to_text(data)
        result = ExtractedText(text, "pdf", title=title)
    elif container == "zip":
        result = _extract_zip(data)
    elif container == "binary":
        raise UnsupportedFileTypeError()
    else:
        result = _extract_text(data, filename)
    if not result.text.strip():
        raise NoTextFoundError()
    return result
