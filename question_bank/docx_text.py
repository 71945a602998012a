"""A .docx as text: paragraphs in order, headings by style as '#', tables as rows."""

from __future__ import annotations

import io
import re
import zipfile

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml.etree import XMLSyntaxError

from question_bank.errors import CorruptDocumentError

_HEADING_STYLE = re.compile(r"(?:heading|标题)\s*(\d)", re.IGNORECASE)


def _heading_level(paragraph: Paragraph) -> int:
    try:
        name = paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, ValueError):
        return 0
    if name.lower() == "title" or name == "标题":
        return 1
    match = _HEADING_STYLE.search(name or "")
    # Heading 1 sits below the Title style: "##"
    return min(int(match.group(1)) + 1, 6) if match else 0


def _is_list_item(paragraph: Paragraph) -> bool:
    """Numbered or bulleted, directly or through its style (List Number, List Bullet…)."""
    path = f"{qn('w:pPr')}/{qn('w:numPr')}"
    if paragraph._p.find(path) is not None:
        return True
    style = paragraph.style
    while style is not None:
        if style.element.find(path) is not None:
            return True
        style = style.base_style
    return False


def _table_rows(table: Table) -> list[str]:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):  # merged cells repeat
                cells.append(text)
        if cells:
            rows.append(" | ".join(cells))
    return rows


def docx_to_text(data: bytes) -> tuple[str, str | None]:
    """(text, the title in the document's properties if it has one)."""
    try:
        document: DocxDocument = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as exc:
        raise CorruptDocumentError() from exc
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, document)
            text = paragraph.text.strip()
            if not text:
                continue
            level = _heading_level(paragraph)
            if level:
                lines.append(f"{'#' * level} {text}")
            elif _is_list_item(paragraph):
                lines.append(f"- {text}")  # Word's automatic numbering is not in the text
            else:
                lines.append(text)
        elif child.tag == qn("w:tbl"):
            lines.extend(_table_rows(Table(child, document)))
    title = (document.core_properties.title or "").strip() or None
    return "\n".join(lines), title
