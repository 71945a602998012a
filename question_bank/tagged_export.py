"""Tagged exports pasted or saved as text: XML data sets, TMX translation memories, RSS feeds.

A law downloaded from a data portal (<article><para>…</para><item>…</item>), a
translation tool's memory (<tu><tuv xml:lang="zh-CN"><seg>…</seg></tuv>…) or a feed
(<item><description><![CDATA[<p>…</p>]]></description>) keeps its text between tags.
Read as plain text the tags stay inside the articles (heldout22/23: 15 articles, 0
questions). Here every element is a line of its own and only the document's Chinese text
is kept, in order:
- a segment in another language (an element or an ancestor with xml:lang/lang that is not
  Chinese) goes, and so does a segment with more Latin letters than Chinese characters
  (links, ids, dates, field descriptions);
- notes and properties (<note>, <prop>, <comment>, …) are the exporter's or translator's
  words, not the document's; a note in the file's header that names a document in 《》 is
  kept, since it may be the only place that names the law;
- attributes go, except one that holds a chapter or section heading
  (<chapter title="第二章　…">), which becomes a heading line; a heading repeated for every
  record (an RSS <category>) is kept once;
- a record's label that only restates the article number its text opens with
  ("某某法 第十条" over "第十条　…") goes; the law's name it gives opens the text when no
  line before the records names it (a feed's title names the channel, not the law).
- a translation file's source document (XLIFF <file original="某某法_第五章_保障措施.docx">)
  names the law when nothing inside does: that name opens the text.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_XML_START = re.compile(
    r"^\s*(?:<\?xml\b|<!DOCTYPE\s+(?!html)\w|<(?:rss|feed|tmx|dataset)\b)", re.I
)
_HTML_DOCUMENT = re.compile(r"<(?:!doctype\s+html|html)\b", re.IGNORECASE)
_HTML_BODY = re.compile(r"<body\b", re.IGNORECASE)
_TAG_LINE = re.compile(r"^\s*</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>")
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# a feed's description written with escaped tags ("&lt;p&gt;第十条……&lt;/p&gt;")
_ESCAPED_TAG = re.compile(r"&lt;(/?[A-Za-z][\w:-]*(?:\s[^&<>]*)?/?)&gt;")
_DECLARATION = re.compile(r"<\?.*?\?>|<!DOCTYPE[^>]*>", re.DOTALL | re.IGNORECASE)

# Inline HTML inside a record's text (a feed's description): no line break.
_INLINE = frozenset(
    [
        "span",
        "font",
        "b",
        "strong",
        "i",
        "em",
        "u",
        "a",
        "sup",
        "sub",
        "small",
        "big",
        "bdi",
        "mark",
    ]
)
# The exporter's or translator's remarks about the text, not the text.
_NOTE_TAGS = frozenset(["note", "notes", "prop", "comment", "comments", "remark", "annotation"])
_HEADER_TAGS = frozenset(["header", "head", "meta"])
_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_HEADING = re.compile(r"^第[一二三四五六七八九十百零〇\d]+[编章节](?:\s|　|$)")
_ARTICLE_HEAD = re.compile(r"^第[一二三四五六七八九十百零〇\d]+条")
# the file a translation was made from: "某某法_第五章.docx", "path/to/某某条例.txt"
_SOURCE_FILE_ATTRS = frozenset(["original", "source-file", "sourcefile"])
_FILE_NAME_LAW = re.compile(r"^(?:中华人民共和国)?[\u4e00-\u9fff]{2,30}?(?:法|条例)$")
_LABEL = re.compile(r"^(?P<name>\S.*?)\s*(?P<number>第[一二三四五六七八九十百零〇\d]+条)$")


def looks_like_tagged_export(text: str) -> bool:
    """An XML document (declaration, a known root) or text most of whose lines are tags,
    and not an HTML page (those have their own reader)."""
    head = text[:5000].lstrip("\ufeff")
    if _HTML_DOCUMENT.search(head):
        return False
    if _XML_START.match(head):
        return True
    if _HTML_BODY.search(head):
        return False  # a fragment of a page (TMX's <body> comes after an XML start)
    lines = [line for line in head.split("\n") if line.strip()][:80]
    tagged = sum(1 for line in lines if _TAG_LINE.match(line))
    return len(lines) >= 8 and tagged >= 0.6 * len(lines)


def _chinese(segment: str) -> bool:
    han = len(_HAN.findall(segment))
    return han >= 2 and han >= len(_LATIN.findall(segment))


def _language(attrs: list[tuple[str, str | None]]) -> str | None:
    for name, value in attrs:
        if name in ("xml:lang", "lang") and value:
            return value.lower()
    return None


class _ExportParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        # one frame per open element: (tag, foreign language, note, header)
        self.stack: list[tuple[str, bool, bool, bool]] = []
        self.source_law: str | None = None

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        self.current = []
        if not text:
            return
        foreign = any(frame[1] for frame in self.stack)
        note = any(frame[2] for frame in self.stack)
        header = any(frame[3] for frame in self.stack)
        if foreign or not _chinese(text):
            return
        if note and not (header and "《" in text):
            return
        self.lines.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _INLINE:
            return
        self._flush()
        language = _language(attrs)
        self.stack.append(
            (
                tag,
                bool(language and not language.startswith("zh")),
                tag in _NOTE_TAGS,
                tag in _HEADER_TAGS,
            )
        )
        for name, value in attrs:
            value = " ".join((value or "").split())
            if name in _SOURCE_FILE_ATTRS and self.source_law is None:
                self.source_law = _law_in_file_name(value)
            if _HEADING.match(value) and not any(frame[1] for frame in self.stack):
                self.lines.append(value)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _INLINE:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _INLINE:
            return
        self._flush()
        for position in range(len(self.stack) - 1, -1, -1):
            if self.stack[position][0] == tag:
                del self.stack[position:]
                break

    def handle_data(self, data: str) -> None:
        self.current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _law_in_file_name(path: str) -> str | None:
    stem = re.sub(r"\.\w{1,5}$", "", re.split(r"[/\\]", path)[-1])
    for part in re.split(r"[_\-—·\s]+", stem):
        part = re.sub(r"[（(][^）)]*[）)]", "", part)
        if _FILE_NAME_LAW.match(part):
            return part
    return None


def _tidy(lines: list[str]) -> list[str]:
    """A heading repeated for every record is kept once; a record's label that restates the
    next line's article number goes (the first one leaves the law's name)."""
    out: list[str] = []
    last_heading = None
    named = False
    for index, line in enumerate(lines):
        if _HEADING.match(line):
            if line == last_heading:
                continue
            last_heading = line
        label = _LABEL.match(line) if len(line) <= 40 else None
        following = next((x for x in lines[index + 1 :] if not _HEADING.match(x)), "")
        if label and following.startswith(label.group("number")):
            name = label.group("name")
            if not named and _HAN.search(name) and not any(name in x for x in out):
                # the law's name, which the feed's own title may not give: first line
                out.insert(0, name)
            named = True
            continue
        out.append(line)
    return out


def tagged_export_text(text: str) -> str:
    """The Chinese text of a tagged export, one element per line (see the module's doc)."""
    text = _COMMENT.sub("\n", text.lstrip("\ufeff"))
    text = _DECLARATION.sub("\n", text)
    # a record's HTML inside CDATA is markup to read, not text to show
    text = _CDATA.sub(lambda m: m.group(1), text)
    text = _ESCAPED_TAG.sub(lambda m: "<" + html.unescape(m.group(1)) + ">", text)
    parser = _ExportParser()
    parser.feed(text)
    parser.close()
    lines = _tidy(parser.lines)
    law = parser.source_law
    if law and not any(law.removeprefix("中华人民共和国") in line for line in lines):
        lines.insert(0, law)
    return "\n".join(lines)
