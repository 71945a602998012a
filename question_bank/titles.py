"""Where a document's title is, and which plain lines are unnumbered section headings.

Web pages and speeches open with the title; official documents (公文) open with the
issuer and file number, then the title ending in its document type (…的通知); a
speech pasted as one line runs the title into its salutation (…讲话同志们：).
"""

from __future__ import annotations

import re

from question_bank.markers import MARKDOWN_HEADING, is_article, line_marker

INNER_END = re.compile(r"[。！？!?]")
ENDS_AS_SENTENCE = tuple("。；;，,！？!?：:")
_SALUTATION = re.compile(
    r"(?:同志们|各位(?:领导|代表|同志|委员|来宾|嘉宾|老师|朋友)|尊敬的)[^。！？\n]{0,30}?[：:]"
)
_DOC_TYPE = re.compile(
    r"(?:通知|意见|办法|决定|方案|报告|请示|批复|函|纪要|规定|细则|讲话|发言|致辞|条例|规划|"
    r"公告|通报|要点|总结|计划|倡议书|讲稿|决议|章程|守则|制度|规则|指引|指南|清单|法)[)）]?$"
)
# Han characters, spaces and quotes only, 6–30 long: no sentence, no name, no date
_SUBTITLE = re.compile(r"(?=.{6,30}$)[\u4e00-\u9fff“”《》 ]+")


def is_title_line(line: str) -> bool:
    return (
        len(line) <= 60
        and not INNER_END.search(line)
        and not line.endswith(ENDS_AS_SENTENCE)
        and line_marker(line) is None
        and not is_article(line)
    )


def is_document_name(line: str) -> bool:
    """A heading that names a document ("中华人民共和国某某法", "关于…的通知")."""
    return is_title_line(line) and bool(_DOC_TYPE.search(line))


def is_table_row(line: str) -> bool:
    """A row of a page's attribute table ("索引号 | … | 公开方式 | …"): never the title."""
    return line.count("|") + line.count("｜") >= 2


def title_index(opening_lines: list[str]) -> int | None:
    """Which of the opening lines is the title: a document-type line (…的通知) after a
    run of short header lines (issuer, file number), else the first line if it can be.
    Rows of an attribute table before the title are passed over."""
    first = None
    for index, line in enumerate(opening_lines[:8]):
        if is_table_row(line):
            continue
        if MARKDOWN_HEADING.match(line):
            return None  # "# 标题" is a heading of its own
        if first is None:
            first = index
        if not is_title_line(line):
            break
        if _DOC_TYPE.search(line):
            return index
    return first if first is not None and is_title_line(opening_lines[first]) else None


def salutation_cut(line: str) -> int | None:
    """Where the salutation starts when a first line runs the title into the speech."""
    salute = _SALUTATION.search(line, 0, 100)
    if salute and salute.start() >= 4 and not INNER_END.search(line[: salute.start()]):
        return salute.start()
    return None


def is_subtitle(line: str, following: str) -> bool:
    """An unnumbered section heading: a short plain phrase before a paragraph of prose."""
    return (
        bool(_SUBTITLE.fullmatch(line))
        and len(following) >= 40
        and following.endswith(("。", "”", "！", "？"))
        and not MARKDOWN_HEADING.match(following)
    )
