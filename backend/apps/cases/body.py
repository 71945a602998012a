"""A case body's Markdown as stored and as counted.

Photos are stored as paths on our own site (/media/…): a body that carried the address it
was written under (http://127.0.0.1:8000/media/…) would show broken images under any
other address. And the word count is what a reader sees, the same in the editor and in
the submitted view: image links, link targets and Markdown marks are not words."""

from __future__ import annotations

import re

from django.conf import settings

from apps.common.markdown import render_markdown

_IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_LINE_MARK_RE = re.compile(r"^(#{1,6} |[-*] |> |\d+\. )", re.MULTILINE)
_INLINE_MARK_RE = re.compile(r"[*_`~]")


def _own_media_re() -> re.Pattern:
    media = re.escape(settings.MEDIA_URL if settings.MEDIA_URL.startswith("/") else "/media/")
    return re.compile(rf"(\]\()https?://[^/\s)]+({media}[^)\s]*)")


def site_relative_images(body: str) -> str:
    """Own-site image addresses written with a host become site-relative paths."""
    return _own_media_re().sub(r"\1\2", body or "")


def visible_chars(body: str) -> int:
    """Characters a reader counts (the editor's count, frontend/src/cases/markdown.ts)."""
    text = _IMAGE_RE.sub("", body or "")
    text = _LINK_RE.sub(r"\1", text)
    text = _LINE_MARK_RE.sub("", text)
    text = _INLINE_MARK_RE.sub("", text)
    return sum(1 for ch in text if not ch.isspace())


def render_body(body: str) -> str:
    return render_markdown(site_relative_images(body))
