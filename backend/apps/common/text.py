"""What text may come in: no NUL anywhere, and no invisible characters that change how
text displays or compares.

Right-to-left overrides can make a name read backwards in a list ("‮张三" shows
reversed), and zero-width characters make two equal-looking names or answers differ.
Such characters are stripped from every string the API receives (bodies, form fields,
spreadsheet cells); a NUL is refused, naming the field, since PostgreSQL cannot store it.
"""

from __future__ import annotations

import re

NUL_REFUSED = "不能包含空字符（\\0）"

# Direction marks and overrides, zero-width characters and the byte-order mark, and the
# C0/C1 control characters other than tab, line feed and carriage return.
INVISIBLE = re.compile(
    "[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u180e"
    "\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)


class NulCharacter(ValueError):
    """The text holds a NUL; the caller names the field."""


def clean_text(text: str) -> str:
    """The text without invisible characters; NulCharacter if it holds a NUL."""
    if "\x00" in text:
        raise NulCharacter(NUL_REFUSED)
    return INVISIBLE.sub("", text)
