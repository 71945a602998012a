"""HTML → text lines: block elements become lines, headings become Markdown '#'.

Scripts, styles and the page's navigation, sidebars, share bars, comment boxes and
related-article lists (by tag, or by a class/id that says so) are skipped whole;
whatever furniture is left as text is removed later by the cleaner.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser


def _words(names: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", names))


_DOCUMENT_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"<(p|div|br|table|tr|td|span|li|h[1-6]|article|section)\b", re.I)
_MARKDOWN_LINE = re.compile(r"^(?:#{1,6} |[-*] |\d+\. )", re.MULTILINE)

_SKIP = _words("script style noscript template svg head iframe object select nav aside button")
_BLOCK = _words(
    "p div br li ul ol tr table section article header footer blockquote pre dd dt dl "
    "form hr h1 h2 h3 h4 h5 h6 center main figure figcaption caption"
)
_VOID = _words("br hr img meta link input area base col embed source wbr")
_CELL = _words("td th")
# class/id tokens of page furniture containers
_FURNITURE_CLASS = re.compile(
    r"(?:^|[-_\s])(?:breadcrumbs?|crumbs?|share|sharing|comments?|related|recommend(?:ed)?|"
    r"sidebar|copyright|navbar|nav|menu|advert|ads?|pager|pagination|toolbar)(?:$|[-_\s\d])",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    """A whole page, or a fragment made of several kinds of block tags and no Markdown."""
    head = text[:5000]
    if _DOCUMENT_TAG.search(head):
        return True
    kinds = {tag.lower() for tag in _BLOCK_TAG.findall(head)}
    return len(kinds) >= 3 and not _MARKDOWN_LINE.search(head)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_tag: str | None = None  # the element whose subtree is being skipped
        self.skip_depth = 0
        self.row_cells = 0

    def _starts_skip(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in _VOID:
            return False
        if tag in _SKIP:
            return True
        marks = " ".join(value or "" for name, value in attrs if name in ("class", "id"))
        return bool(marks and _FURNITURE_CLASS.search(marks))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_tag is not None:
            self.skip_depth += tag == self.skip_tag
            return
        if self._starts_skip(tag, attrs):
            self.skip_tag, self.skip_depth = tag, 1
            return
        if tag in _BLOCK:
            self.parts.append("\n")
        if tag == "tr":
            self.row_cells = 0
        if tag in _CELL:
            self.parts.append(" | " if self.row_cells else " ")
            self.row_cells += 1
        if tag == "li":
            self.parts.append("- ")
        if re.fullmatch(r"h[1-6]", tag):
            self.parts.append("#" * int(tag[1]) + " ")

    def handle_endtag(self, tag: str) -> None:
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
            return
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skip_tag is None:
            self.parts.append(data.replace("\n", " "))


_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TITLE_SEPARATOR = re.compile(r"\s*(?:[_|｜]|\s[-—–]+\s|——)\s*")


def html_title(markup: str) -> str | None:
    """The page's <title> without the site and section names that usually follow it."""
    match = _TITLE_TAG.search(markup[:20000])
    if not match:
        return None
    title = " ".join(html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).split())
    return site_free_title(title)


def site_free_title(title: str) -> str | None:
    """ "标题_某某县人民政府" → "标题" (a PDF printed from the page carries the same title)."""
    first = _TITLE_SEPARATOR.split(title)[0].strip()
    return first if len(first) >= 4 else (title or None)


def html_to_text(markup: str) -> str:
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line and not re.fullmatch(r"[#\-| ]+", line))
