"""Markdown → safe HTML. Every user-written text (question stems, explanations, case
write-ups, notices) is rendered here on the server and sanitized with nh3, so no script,
event handler or javascript: link ever reaches a browser, and images load only from our
own media: an outside image would tell its server who opened the text, and when (a
reviewer's blind review, every phone in an exam)."""

from __future__ import annotations

import posixpath
import re
import threading
from urllib.parse import unquote, urlsplit

import markdown as md_lib
import nh3
from django.conf import settings

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "del",
    "sub",
    "sup",
    "mark",
    "blockquote",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "img",
    "span",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}
EXTENSIONS = ["tables", "fenced_code", "sane_lists", "nl2br"]

_local = threading.local()
# Text without any Markdown or HTML syntax character, and no line that could start a list,
# heading, quote or code block: most Chinese question text. It renders the same without
# the parser, and with nothing to escape it is already safe.
_PLAIN = re.compile(r"[^*_`#>\[\]!<&|\\~=+\-]*")
_LINE_START = re.compile(r"^(?:\s|\d+[.)])", re.MULTILINE)


def _renderer() -> md_lib.Markdown:
    # Building a Markdown instance is the expensive part; reuse one per thread.
    renderer = getattr(_local, "renderer", None)
    if renderer is None:
        renderer = _local.renderer = md_lib.Markdown(extensions=EXTENSIONS)
    return renderer


_IMG_WITHOUT_SRC = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")


def own_media_path(src: str) -> str | None:
    """The same-origin path of an image under MEDIA_URL (uploads pass their owners' checks
    there), or None: another site, a protocol-relative //host, a data: URL, or a path that
    climbs out. An absolute URL on one of our own host names (the upload API returns
    those) becomes its path, so it loads from whichever name the reader uses."""
    parts = urlsplit(src.strip())
    absolute = bool(parts.scheme or parts.netloc)
    if absolute and (parts.scheme not in ("http", "https") or parts.hostname not in _own_hosts()):
        return None
    media = settings.MEDIA_URL
    path = parts.path
    if not path.startswith(media) or "\\" in path:
        return None
    if not posixpath.normpath(unquote(path)).startswith(media.rstrip("/") + "/"):
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def _own_hosts() -> set[str]:
    """Exact names in ALLOWED_HOSTS (a wildcard entry vouches for no host)."""
    return {h.lower() for h in settings.ALLOWED_HOSTS if h and not h.startswith((".", "*"))}


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src":
        return own_media_path(value)
    return value


def sanitize_html(html: str) -> str:
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_keep_attribute,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return _IMG_WITHOUT_SRC.sub("", cleaned)  # an image whose source was dropped


def is_plain(text: str) -> bool:
    return bool(_PLAIN.fullmatch(text)) and not _LINE_START.search(text.strip("\n"))


def render_plain(text: str) -> str:
    """Paragraphs and line breaks only; callers check `is_plain` (or accept literal text)."""
    paragraphs = [p.strip("\n") for p in re.split(r"\n\s*\n", text.strip("\n")) if p.strip()]
    return "\n".join("<p>" + p.replace("\n", "<br>\n") + "</p>" for p in paragraphs)


def render_markdown(text: str) -> str:
    """Render Markdown to sanitized HTML; empty text gives an empty string."""
    if not text or not text.strip():
        return ""
    if is_plain(text):
        return render_plain(text)
    html = _renderer().reset().convert(text)
    return sanitize_html(html)
