"""Peel a code-like wrapper off a law before its articles are read (issue 16, round 18).

Laws reach the question bank inside other people's tools: a database dump (each paragraph a
quoted, escaped string in an INSERT row), a `git show` patch (each line behind "+"), a YAML
knowledge base (`text: >-` blocks among ids, intents and bot replies), a gettext PO file
(`msgid "…"` beside the translation), LaTeX source (`\\tiao{第五条}`, `%` comments) or JSON
Lines (`{"zh": "…", "en": "…"}`). Read as prose, the wrapper stays in the article text
("+赔偿义务机关……", "'第四十六条……''（一）"), article heads are not at the start of their
line and the law is not recognised as a statute. Each peeler here is switched on only by
its wrapper's own syntax on many lines, and keeps every string that carries the law; what
it drops is the wrapper (keys, ids, counters, comments, commands, removed lines, the
translation).

A Q&A handbook that quotes each article in full after "答：《X法》第N条规定：" is read the
same way: the quoted article becomes "第N条　…", so the law is recognised as a statute.
"""

from __future__ import annotations

import json
import re

_HAN = re.compile(r"[\u4e00-\u9fff]")
_NUM = "零〇一二三四五六七八九十百千"
# A head a law's own line starts with: chapter, section, article, or a numbered item.
_LAW_HEAD = re.compile(rf"^(?:第[{_NUM}\d]+[编章节条]|[（(][{_NUM}]+[）)])")
_LAW_NAME = re.compile(r"^(?:中华人民共和国)?[\u4e00-\u9fff（）()、]{2,40}(?:法|条例)$")


def _han(text: str) -> int:
    return len(_HAN.findall(text))


# ---------------------------------------------------------------- SQL dump (INSERT rows)

_INSERT = re.compile(r"^\s*INSERT\s+INTO\b.*?\bVALUES\s*", re.IGNORECASE)
_SQL_ESCAPES = {"n": "\n", "t": "\t", "r": "", "0": "", "'": "'", '"': '"', "\\": "\\"}


def _sql_tuples(values: str) -> list[list[str | None]]:
    """The rows of "(1,'a','b''c',NULL),(2,…)": string fields unescaped, others None."""
    rows, row, i = [], None, 0
    while i < len(values):
        ch = values[i]
        if ch == "(" and row is None:
            row = []
        elif ch == ")" and row is not None:
            rows.append(row)
            row = None
        elif ch == "'" and row is not None:
            out, i = [], i + 1
            while i < len(values):
                c = values[i]
                if c == "\\" and i + 1 < len(values):
                    out.append(_SQL_ESCAPES.get(values[i + 1], values[i + 1]))
                    i += 2
                    continue
                if c == "'":
                    if values[i + 1 : i + 2] == "'":  # '' is one quote inside the string
                        out.append("'")
                        i += 2
                        continue
                    break
                out.append(c)
                i += 1
            row.append("".join(out))
        elif row is not None and ch not in " ,\t" and (not row or values[i - 1] in ",( \t"):
            row.append(None)  # a number or NULL
        i += 1
    return rows


def peel_sql_dump(lines: list[str]) -> list[str] | None:
    inserts = [line for line in lines if _INSERT.match(line)]
    if len(inserts) < 3:
        return None
    rows = [row for line in inserts for row in _sql_tuples(_INSERT.sub("", line, count=1))]
    if not rows:
        return None
    # The text column: the one holding most Chinese over all rows.
    width = max(len(row) for row in rows)
    totals = [sum(_han(row[k] or "") for row in rows if k < len(row)) for k in range(width)]
    column = max(range(width), key=totals.__getitem__)
    out: list[str] = []
    names = {row[k] for row in rows for k in range(len(row)) if k != column and row[k]}
    name = next((n for n in sorted(names) if _LAW_NAME.match(n)), None)
    if name:
        out.append(name)  # the law every row repeats, once, as the title
    for row in rows:
        text = row[column] if column < len(row) else None
        if text and _HAN.search(text):
            out.extend(part.strip() for part in text.split("\n") if part.strip())
    return out


# ---------------------------------------------------------------- git patch

_DIFF_FILE = re.compile(r"^diff --git |^Index: ")
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@")
_GIT_META = re.compile(
    r"^(?:\$ git\b|commit [0-9a-f]{7,40}\b|Author:|Date:|Merge:|index [0-9a-f]+\.\.|"
    r"(?:new|deleted) file mode|similarity index|rename (?:from|to) |--- |\+\+\+ |"
    r"\s*\d+ files? changed|[0-9a-f]{7,40} (?:\(|\S)|\\ No newline)"
)
_STAT_LINE = re.compile(r"^\s*\S+\s+\|\s+\d+\s*[+-]*\s*$")


def peel_git_patch(lines: list[str]) -> list[str] | None:
    if sum(1 for line in lines if _HUNK.match(line)) < 1 or not any(
        _DIFF_FILE.match(line) or line.startswith("+++ ") for line in lines
    ):
        return None
    # Files (hunks) one by one; a file whose added lines carry article heads is the law,
    # the others (an index table, a config) are the repository's own bookkeeping.
    pieces: list[tuple[str, list[str]]] = []  # ("text", lines) outside hunks, ("hunk", …)
    in_hunk = False
    for line in lines:
        if _DIFF_FILE.match(line):
            in_hunk = False
            pieces.append(("file", []))
            continue
        if _HUNK.match(line):
            in_hunk = True
            if not pieces or pieces[-1][0] != "file":
                pieces.append(("file", []))
            continue
        if in_hunk and line[:1] in "+- \\":
            if line[:1] in "+ ":
                pieces[-1][1].append(line[1:])
            continue  # a removed line is not the text any more
        if in_hunk and line.strip() == "":
            pieces[-1][1].append("")
            continue
        in_hunk = False
        if _GIT_META.match(line) or _STAT_LINE.match(line):
            continue
        if not pieces or pieces[-1][0] != "text":
            pieces.append(("text", []))
        pieces[-1][1].append(line[4:] if line.startswith("    ") else line)
    law_files = [body for kind, body in pieces if kind == "file" and _has_articles(body)]
    out: list[str] = []
    for kind, body in pieces:
        if kind == "file" and law_files and not _has_articles(body):
            continue
        out.extend(body)
    return out


def _has_articles(body: list[str]) -> bool:
    return sum(1 for line in body if re.match(rf"^\s*第[{_NUM}\d]+条", line)) >= 2


# ---------------------------------------------------------------- YAML knowledge base

_YAML_KEY = re.compile(r"^(\s*)(?:-\s+)?([A-Za-z_][\w.-]*)\s*:(?:\s+(.*))?$")
_BLOCK = re.compile(r"^[>|][-+]?\d*\s*$")


def _yaml_scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            return json.loads(value)
        except ValueError:
            return value[1:-1]
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return re.sub(r"\s+#.*$", "", value)


def peel_yaml(lines: list[str]) -> list[str] | None:
    body = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    keyed = sum(1 for line in body if _YAML_KEY.match(line))
    blocks = sum(1 for line in body if (m := _YAML_KEY.match(line)) and _BLOCK.match(m[3] or ""))
    if keyed < 8 or keyed < 0.4 * len(body) or blocks < 3:
        return None
    out: list[str] = []
    seen_heads: set[str] = set()
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line.strip() or line.lstrip().startswith("#") or line.strip() in ("---", "..."):
            continue
        m = _YAML_KEY.match(line)
        if not m:
            continue  # a continuation of a flow value or a bare list item of keys
        indent, value = len(m[1]), m[3] or ""
        if _BLOCK.match(value):  # a block scalar: the indented lines below are the value
            block: list[str] = []
            while i < len(lines) and (not lines[i].strip() or _indent(lines[i]) > indent):
                block.append(lines[i].strip())
                i += 1
            text = "\n".join(block).strip()
            if value.startswith(">"):  # folded: Chinese lines join without a space
                text = re.sub(r"(?<=[\u4e00-\u9fff，。；：、“”）])\n(?=\S)", "", text)
            if _HAN.search(text):
                out.extend(part for part in text.split("\n") if part.strip())
            continue
        text = _yaml_scalar(value)
        if not text or text.startswith(("[", "{")):
            continue
        if _LAW_NAME.match(text) and text not in seen_heads and not out:
            out.append(text)  # the law the file is about, as its title
            seen_heads.add(text)
        elif re.match(rf"^第[{_NUM}\d]+[编章节]", text) and text not in seen_heads:
            out.append(text)  # a chapter every entry repeats, once
            seen_heads.add(text)
        elif _LAW_HEAD.match(text) and re.search(r"[。；：]$", text):
            out.append(text)  # an article paragraph given inline
    return out


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


# ---------------------------------------------------------------- gettext PO

_PO_KEY = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+"(.*)"\s*$')
_PO_MORE = re.compile(r'^"(.*)"\s*$')


def _po_unescape(text: str) -> str:
    try:
        return json.loads(f'"{text}"')
    except ValueError:
        return text.replace('\\"', '"').replace("\\n", "\n")


def peel_po(lines: list[str]) -> list[str] | None:
    if sum(1 for line in lines if line.startswith("msgid ")) < 3:
        return None
    entries: list[dict[str, str]] = []
    current: dict[str, str] = {}
    key = None
    leading: list[str] = []
    for line in lines:
        m = _PO_KEY.match(line)
        if m:
            if m[1] in ("msgid", "msgctxt") and "msgid" in current:
                entries.append(current)
                current = {}
            key = m[1]
            current[key] = current.get(key, "") + _po_unescape(m[2])
            continue
        more = _PO_MORE.match(line)
        if more and key:
            current[key] += _po_unescape(more[1])
            continue
        key = None
        if not entries and not current and line.startswith("#") and "《" in line:
            leading.append(line.lstrip("#").strip())  # the file's own title naming the law
    if "msgid" in current:
        entries.append(current)
    # The Chinese side is the law: msgid in a Chinese-to-English file, msgstr the other way.
    sources = [e.get("msgid", "") for e in entries]
    targets = [e.get("msgstr", "") for e in entries]
    side = sources if sum(map(_han, sources)) >= sum(map(_han, targets)) else targets
    out = list(leading)
    for text in side:
        if text and _HAN.search(text):
            out.extend(part.strip() for part in text.split("\n") if part.strip())
    return out


# ---------------------------------------------------------------- LaTeX source

_DROP_WITH_ARGS = (
    "documentclass|usepackage|newcommand|renewcommand|providecommand|pagestyle|thispagestyle|"
    "fancyhead|fancyfoot|fancyhf|setlength|setcounter|vspace|hspace|author|date|label|ref|"
    "footnote|marginpar|includegraphics|geometry|hypersetup|bibliography|input|include"
)
_DROP_CMD = re.compile(
    rf"\\(?:{_DROP_WITH_ARGS})\*?(?:\[[^\]]*\])*(?:\{{(?:[^{{}}]|\{{[^{{}}]*\}})*\}})*"
)
_ENV = re.compile(r"\\(?:begin|end)\{[^}]*\}(?:\[[^\]]*\])*(?:\{[^}]*\})*")
_ITEM = re.compile(r"\\item(?:\[[^\]]*\])?\s*")
_CMD_ARG = re.compile(r"\\[A-Za-z]+\*?(?:\[[^\]]*\])*\{([^{}]*)\}")
_BARE_CMD = re.compile(r"\\[A-Za-z]+\*?(?:\[[^\]]*\])*")


def _latex_comment(line: str) -> str:
    return re.sub(r"(?<!\\)%.*$", "", line)


def peel_latex(lines: list[str]) -> list[str] | None:
    commands = sum(1 for line in lines if re.match(r"\s*\\[A-Za-z]+", line))
    marked = any("\\begin{document}" in line or "\\documentclass" in line for line in lines)
    if not marked and commands < 8:
        return None
    out: list[str] = []
    in_body = not any("\\begin{document}" in line for line in lines)
    for line in lines:
        if "\\begin{document}" in line:
            in_body = True
            continue
        if "\\end{document}" in line:
            break
        title = re.search(r"\\title\{(.*)\}", line)
        if title:
            out.insert(0, title[1])
            continue
        if not in_body:
            continue
        text = _latex_comment(line)
        text = _ENV.sub("", _DROP_CMD.sub("", text))
        text = re.sub(r"\\textcolor\{[^}]*\}", "", _ITEM.sub("", text))
        for _ in range(3):  # nested \textbf{\tiao{…}}
            text = _CMD_ARG.sub(r"\1", text)
        text = _BARE_CMD.sub("", text)
        text = re.sub(r"\\([%&#_$])", r"\1", text).replace("~", " ").replace("\\\\", "")
        text = text.replace("{", "").replace("}", "")
        if text.strip() or not line.strip():
            out.append(text.strip())
    return out


# ---------------------------------------------------------------- JSON Lines


def peel_json_lines(lines: list[str]) -> list[str] | None:
    records = []
    for line in lines:
        if line.strip().startswith("{") and line.strip().endswith("}"):
            try:
                value = json.loads(line)
            except ValueError:
                continue
            if isinstance(value, dict):
                records.append(value)
    if len(records) < 3 or len(records) < 0.6 * sum(1 for line in lines if line.strip()):
        return None
    totals: dict[str, int] = {}
    for record in records:
        for key, value in record.items():
            if isinstance(value, str):
                totals[key] = totals.get(key, 0) + _han(value)
    if not totals:
        return None
    key = max(totals, key=totals.__getitem__)  # the Chinese text field ("zh", "text")
    out: list[str] = []
    for record in records:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            out.extend(part.strip() for part in value.split("\n") if part.strip())
    return out


# ---------------------------------------------------------------- Q&A handbook

_ANSWER_CITES = re.compile(
    rf"^\s*答[:：]\s*(?:《[^《》]{{2,40}}》)?(第[{_NUM}]+条)(?:规定|明确规定)[:：]\s*(.*)$"
)


def articles_from_answers(lines: list[str]) -> list[str]:
    """ "答：《X法》第N条规定：" + a quoted whole article → "第N条　<article>".

    Only an answer that cites a whole article (not "第N条第M款") and quotes it right after,
    the quote closing within a few lines, is rewritten; a paraphrase stays as it was."""
    cites = [i for i, line in enumerate(lines) if _ANSWER_CITES.match(line)]
    if len(cites) < 3:
        return lines
    out = list(lines)
    for i in cites:
        m = _ANSWER_CITES.match(lines[i])
        head, rest = m[1], m[2].strip()
        start = i if rest else i + 1
        if start >= len(lines):
            continue
        first = rest if rest else lines[start].strip()
        if not first.startswith("“"):
            continue
        end = start
        while end < len(lines) and not lines[end].rstrip().endswith("”"):
            end += 1
            if end - start > 40:
                break
        if end >= len(lines) or end - start > 40:
            continue
        quoted = [first[1:]] + [lines[k].strip() for k in range(start + 1, end + 1)]
        if start == end:
            quoted = [first[1:]]
        quoted[-1] = quoted[-1][:-1]
        out[i] = None  # type: ignore[call-overload]
        for k in range(start, end + 1):
            out[k] = None  # type: ignore[call-overload]
        out[start] = "\n".join([f"{head}　{quoted[0]}", *quoted[1:]])  # type: ignore[call-overload]
    # The handbook's own questions ("问3：……？") are not law once the answers are articles.
    result: list[str] = []
    for line in out:
        if line is None:
            continue
        if re.match(r"^\s*问\s*\d+\s*[:：].*[？?]\s*$", line):
            continue
        result.extend(line.split("\n"))
    return result


# ---------------------------------------------------------------- annotations around articles

_HEAD_AFTER_SPACE = rf"第[{_NUM}]+[章节条](?:[\s\u3000]|$)"
# A prefix a head can stand behind: a handbook's "答：" or a speaker with a role in brackets
# ("检察员某某（宣读）："); a form's own label ("条款：第五条") is not one of them.
_ROLE = r"(?:答|[\u4e00-\u9fff]{1,10}[（(][\u4e00-\u9fff]{1,6}[）)])"
_PREFIX_BEFORE_HEAD = re.compile(rf"^\s*{_ROLE}\s*[:：]\s*(?=第[{_NUM}]+[章节条][\s\u3000]+\S)")
_SPEAKER_ONLY = re.compile(rf"^\s*{_ROLE}\s*[:：]\s*$")
_ANSWER_LEAD = re.compile(r"^\s*答\s*[:：].{0,30}(?:——|—|[:：])\s*$")
_QUESTION = re.compile(r"^\s*问\s*\d+\s*[:：].*[？?]\s*$")
_BRACKET_NOTE = re.compile(r"^\s*\[([^\[\]]{1,10})\]\s*(.*)$")
_HEAD_TAG = re.compile(rf"^(\s*第[{_NUM}]+条)\s*\[[^\[\]]{{1,12}}\]\s*$")
_FOOTNOTE_MARK = re.compile(r"(?<=[。；：”])\[(\d{1,3})\]\s*$")
_NOTE_LINE = re.compile(r"^\s*[（(][^（）()]{0,12}(?:注|提示|贴士|备注)[:：].*[）)]\s*$")
# "——本段记录结束。……——": a recorder's or editor's closing remark set off by dashes.
_DASHED_NOTE = re.compile(r"^\s*[—－-]{2,}[^—－-].*[—－-]{2,}\s*$")
_ARTICLE_START = re.compile(rf"^\s*(?:{_HEAD_AFTER_SPACE}|[（(][{_NUM}]+[）)])")


def drop_annotations(lines: list[str]) -> list[str]:
    """In a law (three or more article heads), the wrapper's notes between articles go:
    prefixes before a head ("答：", a speaker's "（宣读）："), bare speaker lines before a
    head, a handbook's questions and answer leads, "[标签] …"/"[备注] …" outline lines, a
    tag after a head ("第三十三条 [标签：重点]"), footnote marks at a sentence end and the
    footnotes they point to, and whole-line "（编者注：……）". Law text never starts with
    "[" or is a whole line in brackets beginning with a note label."""
    lines = [_PREFIX_BEFORE_HEAD.sub("", line) if "：" in line else line for line in lines]
    heads = sum(1 for line in lines if _ARTICLE_HEAD_LINE.match(line))
    if heads < 3:
        return lines
    marks = {m[1] for line in lines if (m := _FOOTNOTE_MARK.search(line))}
    out: list[str] = []
    seen_head = False
    for i, line in enumerate(lines):
        if not _may_be_note(line):  # most lines: plain law text, kept as they are
            out.append(line)
            seen_head = seen_head or bool(_ARTICLE_HEAD_LINE.match(line))
            continue
        if (_SPEAKER_ONLY.match(line) or _ANSWER_LEAD.match(line)) and re.match(
            _HEAD_AFTER_SPACE, _next_text(lines, i)
        ):
            continue
        if _QUESTION.match(line) or _NOTE_LINE.match(line) or _DASHED_NOTE.match(line):
            continue
        if _is_bracket_note(line, seen_head, out):
            continue
        seen_head = seen_head or bool(re.match(_HEAD_AFTER_SPACE, line.strip()))
        line = _HEAD_TAG.sub(r"\1", line)
        out.append(_FOOTNOTE_MARK.sub("", line) if marks else line)
    return out


_ARTICLE_HEAD_LINE = re.compile(rf"^\s*第[{_NUM}]+[章节条](?:[\s\u3000])")


def _may_be_note(line: str) -> bool:
    """A cheap test before the patterns: every note above starts with one of these marks,
    has a colon, or ends with "]"."""
    stripped = line.strip()
    return bool(stripped) and (
        stripped[0] in "答问[（(—－-─"
        or "：" in stripped
        or ":" in stripped
        or stripped.endswith("]")
    )


def _next_text(lines: list[str], i: int) -> str:
    """The next non-blank line after lines[i], stripped (without copying the list)."""
    for k in range(i + 1, len(lines)):
        if lines[k].strip():
            return lines[k].strip()
    return ""


_PART_MARK = re.compile(r"^[（(]\d+\s*/\s*\d+[）)]")


def _is_bracket_note(line: str, seen_head: bool, before: list[str]) -> bool:
    """ "[标签] 高频咨询", "[备注] ……", "[00:12:05] ◆宣读", a footnote "[1] ……" between
    articles. Not one: a bare "[图片]" (a copier's line, law_voice drops it with what follows),
    anything before the first article (the front matter is membership's), a line naming a
    law in 《》, one going on with law text ("[原文] （一）……", a text message's
    "[普法通知]（2/3）……"), or one after a line that stopped mid-sentence."""
    bracket = _BRACKET_NOTE.match(line)
    if not bracket or not seen_head:
        return False
    label, rest = bracket[1], bracket[2].strip()
    if not rest or "《" in rest or re.search(r"原文|条文|正文", label):
        return False
    if _ARTICLE_START.match(rest) or _PART_MARK.match(rest):
        return False
    previous = next((x.strip() for x in reversed(before) if x.strip()), "")
    ended = (
        re.search(r"[。；：！？”.!?）)\]]$", previous)
        or re.match(_HEAD_AFTER_SPACE, previous)
        or re.fullmatch(r"[─━—\-=＝_﹏～~·\s]{3,}", previous)  # a rule above the footnotes
    )
    return bool(ended) or bool(_BRACKET_NOTE.match(previous))


# ---------------------------------------------------------------- entry point

# Each peeler with a cheap test of its own syntax, so plain text pays almost nothing.
_PEELERS = (
    (peel_sql_dump, lambda t: "INSERT" in t or "insert into" in t),
    (peel_git_patch, lambda t: "@@ -" in t),
    (peel_po, lambda t: "msgid " in t),
    (peel_latex, lambda t: "\\" in t),
    (peel_yaml, lambda t: ": >" in t or ": |" in t),
    (peel_json_lines, lambda t: '{"' in t),
)


def peel_code_wrapper(text: str) -> str:
    """The text with a code-like wrapper peeled off (unchanged when there is none)."""
    lines = text.split("\n")
    for peel, may_apply in _PEELERS:
        if not may_apply(text):
            continue
        peeled = peel(lines)
        if peeled is not None and sum(map(_han, peeled)) >= 0.3 * _han(text):
            lines = peeled
            break
    if "答" in text:
        lines = articles_from_answers(lines)
    lines = drop_annotations(lines)
    return "\n".join(lines)
