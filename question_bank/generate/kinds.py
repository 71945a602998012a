"""The kind of a document, one classification shared by the generator and the report.

A rule's honest record differs by kind (issue 16, round eight): on statutes (laws and
regulations written in articles, "第X条") a rule that blanks a number or a body is precise;
on every other document (a speech, a county's or town's notice, plan or 办法, a web page, a
Q&A article) the same sentence shape is mostly the speaker's or the place's own arrangement.
The registry switches each rule on or off per kind (`registry.TABLE`).
"""

from __future__ import annotations

import re

from question_bank.document import Document

from .textutil import ARTICLE_RE as ARTICLE_HEAD_RE
from .textutil import COPY_NOTE_RE, article_sequence, in_sequence, law_name  # noqa: F401

STATUTE = "statute"  # a national law or regulation written in articles
OTHER = "other"  # a speech, a local notice/plan/办法, a web page, a Q&A article
KINDS = (STATUTE, OTHER)

# A place below the nation in a title ("某县农村饮水安全管理办法（试行）"): a local rule,
# not statute text, even when it is written in articles. "城乡", "农村", "县级", "城市",
# "地区", "社区" name no place.
LOCAL_TITLE_RE = re.compile(
    r"县(?!级)|(?<!城)乡(?![村镇])|(?<![城乡])镇(?!级)|(?<![农乡])村(?![级民务])|(?<![城都])市|(?<![地社园景])区|[州旗盟]|街道"
)


def is_statute_title(title: str | None) -> bool:
    """A law or administrative regulation by its title: …法, …条例; a …办法, …规定, …规则
    only when its title names no local place (a county's 办法 is a local rule)."""
    title = COPY_NOTE_RE.sub("", (title or "").strip())
    booked = re.fullmatch(r"[#\s]*《([^《》]{2,40})》(?:\s*[（(][^）)]{1,16}[）)])*", title)
    if booked:
        title = booked.group(1)  # "《中华人民共和国医师法》（节选）"
    title = re.sub(r"^(?:#\s*)?中华人民共和国", "", title)
    title = re.sub(r"\.\w+$", "", title)
    if re.search(r"(?:(?<!办)法|条例|修正案)(?:（[^）]*）)?$", title):
        return True
    if re.search(r"(?:办法|规定|规则)(?:（[^）]*）)?$", title):
        return not LOCAL_TITLE_RE.search(re.sub(r"（[^）]*）$", "", title))
    return False


_memo: list = [None, None]


def document_kind(document: Document) -> str:
    """STATUTE when the document is written in articles (three or more "第X条") under a
    statute title, or is mostly articles under a title that names no local place; OTHER
    for everything else."""
    if _memo[0] is document:
        return _memo[1]
    law = law_name(document)
    if law is None and any(ARTICLE_HEAD_RE.match(p.text) for p in document.passages):
        law = document.title  # a short statute, or an excerpt of a few articles
    kind = STATUTE if law and is_statute_title(law) else OTHER
    # Written in articles (textutil.article_sequence): a statute by its layout, whatever its
    # title became (a file name, a site's page title).
    if kind == OTHER and article_sequence(document):
        title = re.sub(r"（[^）]*）$", "", (document.title or "").strip())
        if not LOCAL_TITLE_RE.search(title) and not re.search(r"(?:通知|方案|公告|通告)$", title):
            kind = STATUTE
    _memo[:] = [document, kind]
    return kind
