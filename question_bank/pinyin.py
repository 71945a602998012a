"""Remove pinyin that document sites write in brackets after characters.

"鄉(xiāng)" becomes "鄉" and "會(huì)議" becomes "會議", while real brackets such as
(2013年11月16日), (一), (试行) or (APP) stay. A bracket is pinyin only when it holds
nothing but well-formed lowercase pinyin syllables. Tone-marked syllables are
unambiguous and go wherever they are (even after a garbled character); plain ASCII
syllables must follow a Han character and are removed only in a text that already
shows bracketed pinyin with tones or tone digits, so an ordinary "(an)" or "(ban)"
in a normal document is never touched.
"""

from __future__ import annotations

import re
import unicodedata

_INITIALS = "zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw]"
_FINALS = (
    "iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|"
    "ia|ie|iu|in|ua|uo|ui|un|ue|ve|vn|a|o|e|i|u|v"
)
_SYLLABLE = re.compile(rf"(?:(?:{_INITIALS})?(?:{_FINALS})[1-5]?){{1,4}}")

# Vowels with tone marks (and ü / the IPA ɑ some fonts use), mapped to plain letters.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿɑɡ"
_PLAIN = "aaaaeeeeiiiioooouuuuvvvvvennnmag"
_TONE_TABLE = str.maketrans(_TONED, _PLAIN)

_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_INNER = rf"[a-zA-Z{_TONED}\u0300-\u036f1-5' ]{{1,40}}"
# A bracket directly after a character; ASCII or full-width brackets. Plain
# syllables also need a Han character before them (checked in the loop).
_CANDIDATE = re.compile(rf"(?<=\S)\s?(?:\(({_INNER})\)|（({_INNER})）)")
_HAN_RE = re.compile(_HAN)


def _strip_tones(word: str) -> tuple[str, bool]:
    decomposed = unicodedata.normalize("NFD", word)
    has_combining = any(unicodedata.combining(ch) for ch in decomposed)
    base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = unicodedata.normalize("NFC", base).translate(_TONE_TABLE)
    toned = has_combining or any(ch in _TONED and ch != "ü" for ch in word)
    return plain, toned


def _classify(inner: str) -> str | None:
    """Return "toned", "digits", "plain" for a pinyin-only bracket, else None."""
    words = [w for w in re.split(r"[ ']+", inner.strip()) if w]
    if not words or len(words) > 4:
        return None
    any_toned = False
    any_digit = False
    for word in words:
        if word != word.lower():
            return None  # capitals: an acronym such as (APP) or a name
        plain, toned = _strip_tones(word)
        if not _SYLLABLE.fullmatch(plain):
            return None
        any_toned = any_toned or toned
        any_digit = any_digit or plain[-1].isdigit()
    if any_toned:
        return "toned"
    if any_digit:
        return "digits"
    # a single letter such as (a) is an enumeration, not pinyin
    return "plain" if all(len(w) >= 2 for w in words) else None


def remove_bracketed_pinyin(text: str) -> str:
    matches = list(_CANDIDATE.finditer(text))
    if not matches:
        return text
    kinds = [_classify(m.group(1) or m.group(2)) for m in matches]
    # Plain syllables count only where the text demonstrably uses the convention.
    convention = sum(k in ("toned", "digits") for k in kinds) >= 2
    out: list[str] = []
    last = 0
    for match, kind in zip(matches, kinds, strict=True):
        if kind is None or (kind == "plain" and not convention):
            continue
        before = text[match.start() - 1 : match.start()] if match.start() else ""
        if kind != "toned" and not _HAN_RE.match(before):
            continue
        out.append(text[last : match.start()])
        last = match.end()
    out.append(text[last:])
    return "".join(out)
