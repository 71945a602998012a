"""Question text → HTML: Markdown rendered and sanitized, fill-in blanks kept literal."""

from __future__ import annotations

import re

from apps.common.markdown import is_plain, render_markdown, render_plain

_BLANK = re.compile(r"_{3,}")


def render_question_text(text: str) -> str:
    if text and text.strip() and is_plain(_BLANK.sub("", text)):
        return render_plain(text)  # blanks stay literal: nothing else is Markdown syntax
    # "____" alone on a line would become a rule (<hr>) and pairs of "__" emphasis.
    return render_markdown(_BLANK.sub(lambda m: "\\_" * len(m.group()), text or ""))
