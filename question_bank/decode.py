"""Decode the bytes of a text file: UTF-8 (with or without BOM), UTF-16, GB18030/GBK, Big5.

UTF-8 is tried strictly first. Otherwise every legacy Chinese codec that decodes
cleanly is scored, and the best wins: real Chinese text is full of Chinese
punctuation (，。、) and common characters, while the wrong codec turns the same
bytes into rare characters and symbols. charset-normalizer is the last resort.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from question_bank.errors import EncodingDetectionError

_CANDIDATES = ("gb18030", "big5", "big5hkscs")
_PUNCT = set("，。、；：？！“”‘’《》（）")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_BAD = re.compile(r"[\ue000-\uf8ff\x00-\x08\x0e-\x1f\ufffd]")
_SAMPLE = 200_000


def _common_han(text: str) -> int:
    """Han characters that are in GB2312 level 1 (the 3,755 most used) once Simplified."""
    from question_bank.clean import to_simplified  # local: clean imports nothing from here

    count = 0
    for ch in _HAN.findall(to_simplified(text)):
        try:
            lead = ch.encode("gb2312")[0]
        except UnicodeEncodeError:
            continue
        if 0xB0 <= lead <= 0xD7:
            count += 1
    return count


def _score(text: str) -> float:
    if not text:
        return 0.0
    punct = sum(ch in _PUNCT for ch in text)
    bad = len(_BAD.findall(text))
    return (punct * 2 + _common_han(text) - bad * 5) / len(text)


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name); raise EncodingDetectionError when nothing fits."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # only the last character was cut off (a truncated download): still UTF-8
        return codecs.getincrementaldecoder("utf-8")().decode(data, final=False), "utf-8"
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    if len(lenient) >= 1000 and lenient.count("\ufffd") * 1000 <= len(lenient):
        return lenient, "utf-8"  # a long UTF-8 text with a few damaged bytes
    sample = data[:_SAMPLE]
    scored: list[tuple[float, int, str]] = []
    for priority, name in enumerate(_CANDIDATES):
        try:
            # a sample may end inside a character: decode it incrementally
            text = codecs.getincrementaldecoder(name)().decode(sample, final=len(data) <= _SAMPLE)
        except UnicodeDecodeError:
            continue
        scored.append((_score(text), -priority, name))
    if scored:
        best = max(scored)[2]
        return data.decode(best, errors="replace"), best
    guess = charset_normalizer.from_bytes(data).best()
    if guess is None:
        raise EncodingDetectionError()
    return str(guess), guess.encoding
