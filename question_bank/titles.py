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
# The labels of a page's attribute table, at a line's start or twice in one line.
# Printed flat, a label's characters may be spaced out ("文 号：", "索 引 号").
_META_LABELS = (
    "索引号|发文机关|发布机构|发文字号|文号|主题分类|信息分类|组配分类|体裁分类|"
    "成文日期|发布日期|生成日期|公开时间|公开方式|公开范围|有效性|生效日期"
)
_META_CELL = re.compile(
    r"(?:^|(?<=\s))(?:"
    + "|".join(r"\s?".join(label) for label in _META_LABELS.split("|"))
    + r")(?=\s|[:：])"
)
# A line that is only an issuer or a site's name ("某县人民政府", "某镇人民政府办公室"): the
# title is the document-type line after it, never the name itself.
_ISSUER_ONLY = re.compile(
    r"^[\u4e00-\u9fa5]{2,14}(?:人民政府|政府|办公室|委员会|党委|局|街道办事处)(?:办公室)?$"
)
# What a table cell wrapped onto the next line leaves: a few characters ("府办公室") or a
# number ("〔2026〕5号").
_CELL_TAIL_MAX = 6
_SITE_HEADER = re.compile(
    r"门户网站|部门子站|网站首页|点击上方|关注我们|公众号|注意保存|请勿外传|内部(?:学习)?资料\s*$"
)
_HEADLINE_MARK = re.compile(r"[？！?!]")
_QUESTION_LEAD = re.compile(r"^(?:Q\d*|问\d*|问题[一二三四五六七八九十\d]+)\s*[:：.、]?")
# Emoji and pictographs a headline ends with ("一文说清楚📌").
_TRAILING_SYMBOLS = re.compile(r"[\U0001F000-\U0001FFFF\u2600-\u27BF\uFE0F\s]+$")


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


def is_meta_row(line: str) -> bool:
    """The same row printed flat ("发布机构 双河镇… 公开时间 2025-11-06")."""
    return len(_META_CELL.findall(line)) >= 2 or bool(_META_CELL.match(line))


def is_site_header(line: str) -> bool:
    """A site's own banner ("某县人民政府门户网站 · 部门子站", "👆点击上方蓝字关注我们"): the
    page's, not the document's name."""
    return bool(_SITE_HEADER.search(line))


def is_headline(line: str) -> bool:
    """An article's headline that asks or exclaims ("身份证快过期了去哪换？丢了怎么办？一文
    说清楚", "…怎么申请？这10个问题一次说清楚！"): a title although it ends like a sentence. A
    question of the article itself ("Q1：…？", "问：…？") or a line with 。；： is none."""
    core = _TRAILING_SYMBOLS.sub("", line)
    return (
        8 <= len(core) <= 40
        and bool(_HEADLINE_MARK.search(core))
        and not re.search(r"[。；;：:]", core)
        and not _QUESTION_LEAD.match(core)
        and line_marker(core) is None
        and not is_article(core)
    )


def title_index(opening_lines: list[str]) -> int | None:
    """Which of the opening lines is the title: a document-type line (…的通知) after a
    run of short header lines (issuer, file number), else the first line if it can be.
    Rows of an attribute table before the title are passed over."""
    first = None
    after_meta = False
    for index, line in enumerate(opening_lines[:8]):
        if is_table_row(line):
            continue
        short = is_title_line(line) or is_headline(line)
        if short and (is_meta_row(line) or is_site_header(line)):
            after_meta = is_meta_row(line)
            continue  # short enough to pass for a title, but the page's
        tail = after_meta and (
            len(line) <= _CELL_TAIL_MAX or (len(line) <= 12 and re.search(r"\d", line))
        )
        after_meta = False
        if tail or (short and _ISSUER_ONLY.match(line.strip())) or len(line.strip()) < 2:
            continue  # a wrapped cell's tail, an issuer's or a site's name, a stray word
        if MARKDOWN_HEADING.match(line):
            return None  # "# 标题" is a heading of its own
        if first is None:
            first = index
        if is_headline(line):
            return index
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
