"""Which lines of a law's copy belong to its articles (round 17).

`law_voice` drops lines whose voice is not a statute's (a chat, a note, the first person).
Layout text has no voice: a desk calendar's cover ("出品：…　印数：3000册"), its usage note
("使用说明：…周末两日合为一页。"), a translation tool's segment line ("#004 [已确认] 匹配：68%")
and reviewer's note ("注｜审校：…"), a leaflet's tip box ("│小贴士：…"), a page's date and
countdown after a framed article. Read into an article, their figures were asked as the
law's (heldout22/23). Whether a line belongs is read from its relation to the text, not from
its words:

- a *record line*: nothing but "label：value" cells (and a segment number or status tags)
  with short values and no sentence in them, is metadata wherever it stands;
- a *label line*: a short label and a colon opening the line ("小贴士：…", "使用说明：…",
  "审校：…") whose label shares no word (two characters) with the article it follows. A
  law's own labelled paragraph continues its article's topic ("晋级的期限：……" under
  "根据本条规定的期限和条件晋级"); a box, a caption or a reviewer's note does not. Before the
  first article (past the title) it is the cover or the exporter's description. A label
  line that names a document in 《》, gives an article's text after the colon
  ("条文：第五条…") or is the law's annex ("附件：……") is kept;
- before the first article, a bracketed caption ("[主标题] ……", "【配图】……") that neither
  names the law nor opens law text;
- after a box's border (a frame opening or closing), the short lines that are not sentences (a date, a
  countdown, a caption) up to the next article are the frame of the next page, not the
  article's text; a line naming a chapter is kept.
Only in a text with at least three article heads (a law): elsewhere "时间：…" is content.
Law text is never touched: a line that opens with an article head, an item number or a
chapter stays.
"""

from __future__ import annotations

import re

from question_bank.law_voice import non_law_signal

_NUMERAL = "一二三四五六七八九十百千零〇"
# an article head, after an optional column label ("ZH｜", "中文｜")
_HEAD = re.compile(rf"^(?:[A-Za-z\u4e00-\u9fff]{{1,4}}\s*[｜|]\s*)?第[{_NUMERAL}]+条")
_CHAPTER = re.compile(rf"第[{_NUMERAL}]+[编章节]")
_LAW_TEXT_START = re.compile(
    rf"^(?:第[{_NUMERAL}]+[编章节条款项]|[（(][{_NUMERAL}\d]+[)）]|[{_NUMERAL}]+、|\d+[.．、])"
)
# what may stand before a label: a box side, a column tag ("注｜"), a segment number and
# status tags ("#004 [已确认][术语]")
_PREFIX = re.compile(
    r"^[—\-=─━┄\s]*(?:[│┃║]\s*)?(?:[\u4e00-\u9fff]{1,2}\s*[｜|]\s*)?(?:#?\d{1,4}\s+)?(?:[\[【［][^\]】］]{1,6}[\]】］]\s*)*"
)
_LABEL = re.compile(
    r"^[【\[［]?(?P<label>[\u4e00-\u9fffA-Za-z]{2,6}(?:[（(][^）)]{1,6}[）)])?)[】\]］]?\s*[：:]"
    r"\s*(?P<value>\S.*)$"
)
# a line that may name the law (an exporter's project line "项目：……会计法第四章"): kept
_NAMES_LAW = re.compile(
    rf"《|[\u4e00-\u9fff](?:法|条例)(?=第[{_NUMERAL}]+[编章节条]|[（(\s·｜|]|$)"
)
# "[主标题] ……", "【配图】……": a display board's or a page's caption before the law. Only
# before the first article: inside it a bracket may mark the source text ("[原文] （一）……").
_BRACKET_LABEL = re.compile(r"^[\[【［][\u4e00-\u9fff]{2,4}[\]】］]\s*(?P<value>\S.*)$")
_ANNEX = re.compile(r"^附(?:件|表|录|图)")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CELL_SPLIT = re.compile(r"\s*[｜|]\s*|\s{2,}|　+")
_PAIR = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,8}\s*[：:]\s*\S")
_SENTENCE = re.compile(r"[。，,；;！？!?]")
_BOX_SIDE = re.compile(r"^[│┃║├]")
_BOX_EDGE = re.compile(r"[┌┐└┘╭╮╰╯╔╗╚╝┏┓┗┛]")
_BOX_LINE = re.compile(r"^[\s─━═┄┈╌\-—┌┐└┘╭╮╰╯╔╗╚╝┏┓┗┛│┃║]*$")
_FINISHED = tuple("。；;：:！!？?”")
MIN_HEADS = 3
TITLE_LINES = 2
FRAME_LINE_MAX = 40
RECORD_VALUE_MAX = 30


def _body(line: str) -> str:
    return _PREFIX.sub("", line.strip(), count=1)


def is_record_line(line: str) -> bool:
    """Metadata on a line of its own: every cell a short "label：value" or a bare tag, at
    least one pair, no sentence ("出品：某办公室　印数：3000册", "#004 [已确认] 匹配：68%")."""
    stripped = line.strip()
    if not stripped or _LAW_TEXT_START.match(stripped):
        return False
    body = _body(stripped)
    if not body or _SENTENCE.search(body) or not _PAIR.search(body) or _NAMES_LAW.search(body):
        return False
    if _ANNEX.match(body) and len(body) >= 8:
        return False  # the law's own annex line ("附件：……（略）")
    label = _LABEL.match(body)
    if label and _LAW_TEXT_START.match(label.group("value")):
        return False  # "条文：第五条……": an article's text under a label
    cells = [c for c in _CELL_SPLIT.split(body) if c]
    return all(len(c) <= RECORD_VALUE_MAX + 8 for c in cells) and bool(_PAIR.match(cells[0]))


def _bigrams(text: str) -> set[str]:
    han = "".join(_HAN.findall(text))
    return {han[i : i + 2] for i in range(len(han) - 1)}


def is_label_line(line: str, article: str = "") -> bool:
    """A line opened by a short label and a colon ("小贴士：…", "注｜审校：…"), not part of
    the article it follows: kept when the label takes up the article's own words (a law's
    "晋级的期限：……" under an article on "期限和条件"), names a document, carries an
    article's text or is the law's own annex."""
    stripped = line.strip()
    if not stripped or _LAW_TEXT_START.match(stripped) or _HEAD.match(stripped):
        return False
    m = _LABEL.match(_body(stripped))
    if not m or _ANNEX.match(m.group("label")):
        return False
    if _LAW_TEXT_START.match(m.group("value")) or _NAMES_LAW.search(stripped):
        return False
    return not (_bigrams(m.group("label")) & _bigrams(article))


def _is_caption(line: str) -> bool:
    m = _BRACKET_LABEL.match(line)
    return bool(m) and not (_LAW_TEXT_START.match(m.group("value")) or _NAMES_LAW.search(line))


def _is_frame_line(line: str) -> bool:
    """A short line that is not a sentence, after a box closed: a date, a countdown, a
    caption of the next page. A chapter's name is kept."""
    return (
        len(line) <= FRAME_LINE_MAX
        and not _BOX_SIDE.match(line)
        and not line.endswith(_FINISHED)
        and not _CHAPTER.search(line)
        and not _LAW_TEXT_START.match(line)
    )


def drop_layout_lines(lines: list[str], front: bool = False) -> list[str]:
    """Record lines, label lines and a box's frame lines of a law become "" (see the
    module's docstring); other texts are returned as they are. The law's part (from its
    first article on) is read before the article reader, which would glue a label to the
    item after it; the part before the first article (`front`) after `law_voice`, which
    counts the title's lines. Lines with a voice signal are left to `law_voice`, which
    drops the run that follows them too."""
    heads = [i for i, line in enumerate(lines) if _HEAD.match(line.strip())]
    if len(heads) < MIN_HEADS:
        return lines
    first = heads[0]
    part = range(0, first) if front else range(first, len(lines))
    out = list(lines)
    filled = 0
    after_box = False
    last_text = ""  # the last kept line with text: a frame never cuts a running sentence
    article = ""  # the current article's kept text: a label in its words is its own
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        filled += 1
        if index not in part or (not front and non_law_signal(stripped)):
            continue
        if is_record_line(stripped):
            out[index] = ""  # metadata, even beside the title
            continue
        if filled <= TITLE_LINES and index < first:
            continue  # the title and its subtitle name the text
        if _HEAD.match(stripped) or _CHAPTER.match(stripped.lstrip("# ")):
            after_box = False
            last_text = stripped
            article = stripped if _HEAD.match(stripped) else ""
            continue
        if _BOX_LINE.match(stripped):
            # a frame opens or closes: until the next article, its short lines are the
            # page's (a date, a countdown, a caption); the border itself is no text
            finished = not last_text or last_text.endswith(_FINISHED)
            edge = finished and bool(_BOX_EDGE.search(stripped))
            after_box = after_box or edge
            if _BOX_EDGE.search(stripped):
                out[index] = ""
            continue
        if (
            is_label_line(stripped, article)
            or (after_box and _is_frame_line(stripped))
            or (index < first and _is_caption(stripped))
        ):
            out[index] = ""
        else:
            after_box = False
            last_text = stripped
            article += stripped
    return out
