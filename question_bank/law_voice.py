"""What in a law's text is not the law's (round 15).

A law copied into a notebook, a work chat, a test paper or an app keeps the copier's own
lines beside its articles: margin notes, chat messages and their "time name" lines, a
paper's instructions and questions, an app's "✔ 已学习 +2积分". Read into an article,
they were asked as "根据《X法》……" (heldout17/18). A statute's article speaks in one
impersonal register; these lines have a different voice or role, which shows in their
form: a clock time or an ISO date, an emoji, "@" and "[图片]", the first or second person,
a question to the reader, exam instructions, a bracketed note, a page line. No word list
of one file: each signal is a form no article's text has.

`separate_non_law` runs on the lines after the article reader (heads are "第X条 …"):
- inside the law (from its first article on), a line with such a signal ends the article;
  it and the lines after it, up to the next article or chapter, go (a message, a note
  block, a paper's questions, a deputy head's "本县的要求");
- a page line inside an article goes, with a running header right after it when the
  sentence before runs on, and the article's hard-wrapped lines are joined again;
- before the first article only lines with a strong signal go (chat and exam lines), one
  by one, never the first two lines (the title): the adoption note and a preface stay;
- a long run (over ZONE_CHARS: a speech before or after the law in one file) stays as written.
Signals the document's own article heads use (a town's 办法 says "我镇" in its 第一条) are
not signals for that document.
"""

from __future__ import annotations

import re

from .furniture import is_furniture, is_page_mark
from .statute_layout import _chapter_line, _parse_head

# --- signals ------------------------------------------------------------------------
# A chat's line: a clock time ("09:12", "21:47:03"), "@someone", a placeholder for what
# the export could not print ("[图片]", "[文件] 名称.pdf"), a withdrawn message.
_CLOCK = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:,])")
_CHAT = re.compile(r"@\S|^\[[\u4e00-\u9fff]{2,8}\](?:$|\s*\S+\.\w{2,4}\b)|撤回了?一条消息")
# An app's line: an ISO date ("2025-11-03"), emoji ("✔ 已学习 👍 127").
_APP = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}"
    r"|[\U0001F300-\U0001FAFF\u2600-\u26FF\u2705\u2714\u2716\u274C\u2764\u2B50\u2B55]"
)
# The speaker and the reader: a law says "我国", "自我管理", never "我们", "你", "大家".
_PERSON = re.compile(r"(?<![自])我(?![国])|咱|大家|同志们|[你您]")
# A question to the reader, or a paper's instructions and questions.
_QUESTION = re.compile(r"[？?]|谈谈|请问|请(?:简述|回答|说明|列举)")
_EXAM = re.compile(
    r"考试时间|闭卷|开卷|试卷|本卷|测试题|试题|(?:填空|判断|选择|简答|论述)题|(?<!不)得分|及格|补考"
    r"|每[空题]\s*\d+\s*分|共\s*\d+\s*分|\d+\s*分钟"
)
# A reader's or editor's note: a bracket or mark that opens it, or its own words.
_NOTE = re.compile(
    r"^(?:〔|[【\[［]\s*(?:注|释义|说明|旁批|批注|按|编者|编辑|小编|解读|理解|考点|提示|要点|笔记|心得|案例|点评|学习)"
    r"|[★☆※✔✅→]"
    r"|(?:注|按|编者按|小编|解读|释义|点评|提示|考点|心得|体会|检查意见|检查人)\s*[：:])"
    r"|旁批|批注|必考|划重点|不是法条|非法条|法条原文"
)
# A place's spoken self-reference ("县里定的", "镇里要求"): no law, a town's rule or not.
_LOCAL = re.compile(r"[县镇]里(?!面)")
# A page line inside a law: "第18页（续）", "· 37 ·", "— 3 —".
_PAGE = re.compile(
    r"^(?:第\s*\d+\s*页(?:\s*[（(]续[)）])?|[·•\-—–－]\s*\d{1,4}\s*[·•\-—–－]|\d{1,4})$"
)

# before the first article (a title, a notice, a site's metadata may carry dates and emoji)
_SIGNALS = {
    "clock": _CLOCK,
    "chat": _CHAT,
    "person": _PERSON,
    "question": _QUESTION,
    "exam": _EXAM,
}
_INNER = {"app": _APP, "note": _NOTE, "local": _LOCAL}
# a line ends its sentence (or opens a list) with one of these; anything else runs on
_FINISHED = tuple("。；;：:！!？?…”’」』）)】》")
_HEADER_MAX = 24
_HEADER_LINES = 6  # a footer, a watermark, a header: the lines a page break puts in a sentence
_HAN = re.compile(r"[\u4e00-\u9fff]")
# a speech's salutation: another document begins (a compilation of a law and a speech)
_SALUTATION = re.compile(
    r"^(?:同志们|各位[^，。]{0,12}|尊敬的[^，。]{0,20}|亲爱的[^，。]{0,12})[：:，,]"
)
TITLE_LINES = 2
ZONE_CHARS = 1000


def _is_head(line: str) -> bool:
    return bool(line) and line.startswith("第") and _parse_head(line) is not None


def _is_chapter(line: str) -> bool:
    return bool(line) and _chapter_line(line.lstrip("# ")) is not None


def _is_page(line: str) -> bool:
    return bool(_PAGE.match(line)) or (len(line) <= 20 and is_page_mark(line))


def _own_voice(heads: list[str]) -> set[str]:
    """The signals the law's own article heads use: not signals in this document."""
    patterns = {**_SIGNALS, **_INNER}
    return {name for name, rx in patterns.items() if any(rx.search(h) for h in heads)}


def non_law_signal(
    line: str, inside: bool = True, exempt: frozenset | set = frozenset()
) -> str | None:
    """The name of the signal that marks `line` as not a law's text, if any. Outside the
    law (before its first article) only the strong signals count."""
    patterns = {**_SIGNALS, **_INNER} if inside else _SIGNALS
    for name, rx in patterns.items():
        if name not in exempt and rx.search(line):
            return name
    return None


def _runs_on(line: str) -> bool:
    """A Chinese line cut mid-sentence: it stops on a Han character (an English line of a
    bilingual print, a heading's number, a closing mark never carry on)."""
    return bool(line) and not line.endswith(_FINISHED) and bool(_HAN.match(line[-1]))


def _continuation(line: str) -> bool:
    """A line that carries on a cut sentence: Han text or a comma first, not a new item."""
    if not line or _is_head(line) or _is_chapter(line):
        return False
    return bool(re.match(r"[\u4e00-\u9fff，、。；“《]", line))


def separate_non_law(lines: list[str]) -> list[str]:
    """See the module's docstring. Dropped lines become "" (the line count may shrink
    where a cut sentence is joined)."""
    heads = [i for i, line in enumerate(lines) if _is_head(line.strip())]
    if len(heads) < 3:
        return lines
    exempt = _own_voice([lines[i] for i in heads])
    first = heads[0]
    out: list[str] = []
    filled = 0
    # a long text before the first article is another document (a speech, then a law)
    short = sum(len(line.strip()) for line in lines[:first]) <= ZONE_CHARS
    for line in lines[:first]:
        stripped = line.strip()
        filled += bool(stripped)
        # the first two lines name the text (a title may well say "测试卷" or "我的")
        drop = (
            short and filled > TITLE_LINES and stripped and non_law_signal(stripped, False, exempt)
        )
        out.append("" if drop else line)
    in_article = False  # the last kept line is an article's text
    outside = False  # in a run of non-law lines (until the next article or chapter)
    zone: list[tuple[int, str]] = []  # the run's lines: (index in `out`, the line)
    i = first
    while i < len(lines):
        stripped = lines[i].strip()
        i += 1
        if not stripped:
            out.append("")
            continue
        if _is_head(stripped) or _is_chapter(stripped) or stripped.startswith("#"):
            _close(zone, out)
            outside = False
            in_article = _is_head(stripped)
            out.append(stripped)
            continue
        if outside:
            zone.append((len(out), lines[i - 1]))
            out.append("")
            continue
        if _is_page(stripped):
            out.append("")
            # a running header right after the page line, while the sentence runs on
            last = next((k for k in range(len(out) - 1, -1, -1) if out[k]), None)
            runs_on = last is not None and _runs_on(out[last])
            if in_article:
                skipped = 0
                while i < len(lines) and skipped < _HEADER_LINES:
                    following = lines[i].strip()
                    if not following:
                        i += 1
                        continue
                    header = (
                        len(following) <= _HEADER_MAX
                        and not re.search(r"[。，；：]", following)
                        and not _is_head(following)
                        and (runs_on or not _is_chapter(following))
                    )
                    if _is_page(following) or header:
                        i += 1
                        skipped += 1
                        continue
                    break
            continue
        if _SALUTATION.match(stripped):
            # a speech after the law (a compilation's next document): left as written
            out.extend(lines[i - 1 :])
            break
        if is_furniture(stripped):
            # site chrome ("您的位置：…", "发布时间：…"): the furniture pass drops it alone,
            # and no sentence of the article carries on across it
            out.append(lines[i - 1])
            in_article = False
            continue
        if non_law_signal(stripped, True, exempt):
            if not _HAN.search(stripped):
                out.append("")  # a time code, a status mark: furniture, not a message
                continue
            outside = True
            in_article = False
            zone.append((len(out), lines[i - 1]))
            out.append("")
            continue
        if in_article:
            last = next((k for k in range(len(out) - 1, -1, -1) if out[k]), None)
            if last is not None and _runs_on(out[last]) and _continuation(stripped):
                out[last] += stripped  # a hard wrap or a page break inside the sentence
                continue
        out.append(stripped if in_article else lines[i - 1])
    _close(zone, out)
    return out


def _close(zone: list[tuple[int, str]], out: list[str]) -> None:
    """A run of non-law lines longer than a note, a chat's side talk or a paper's questions
    is another document (a speech after the law in a compilation): it stays as written."""
    if sum(len(line.strip()) for _index, line in zone) > ZONE_CHARS:
        for index, line in zone:
            out[index] = line
    zone.clear()
