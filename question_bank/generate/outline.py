"""The outline of a document: numbered points (一要…二要…, 一是…二是…) under their
topic, and law articles whose lead-in ends with a colon followed by (一)(二) items."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from question_bank.document import BODY_KINDS, Document, Passage

from .lists import MARKERS, Item
from .textutil import cn_to_int


@dataclass(frozen=True)
class NumberedGroup:
    """一要…二要… / 一是…二是… with the short head of each point."""

    marker: str  # "要" | "是"
    lead: str  # the sentence that introduces the points, may be ""
    start: int  # from the lead (or first marker) to the end of the last head
    end: int
    passage_id: str  # the passage of the first point
    heads: tuple[Item, ...]
    topic: str = ""  # the 第N point these points elaborate, e.g. "以真心换真情"


def sections(document: Document) -> list[tuple[int, int, list[Passage]]]:
    """Runs of body passages under the same headings, as (start, end, passages)."""
    out: list[tuple[int, int, list[Passage]]] = []
    run: list[Passage] = []
    for p in [*document.passages, None]:
        if (
            p is not None
            and p.kind in BODY_KINDS
            and (not run or run[-1].heading_path == p.heading_path)
        ):
            run.append(p)
            continue
        if run:
            out.append((run[0].start, run[-1].end, run))
        run = [p] if p is not None and p.kind in BODY_KINDS else []
    return out


def _passage_at(passages: list[Passage], starts: list[int], offset: int) -> Passage:
    """The passage holding `offset`; `starts` are the passages' start offsets, in order."""
    return passages[max(0, bisect.bisect_right(starts, offset) - 1)]


POINT_TOPIC_RE = re.compile(r"第[一二三四五六七八九十]+[，、]\s*([^。！？\n]{2,40})[。！？]")


def _runs(found: list[tuple[int, int, int, str]]) -> list[list[tuple[int, int, int, str]]]:
    """Split marker hits into runs 一, 二, 三… (a new 一 starts a new run)."""
    runs: list[list[tuple[int, int, int, str]]] = []
    for hit in found:
        if hit[0] == 1:
            runs.append([hit])
        elif runs and hit[0] == runs[-1][-1][0] + 1:
            runs[-1].append(hit)
    return [r for r in runs if len(r) >= 2]


def _topic(text: str, sec_start: int, first: int) -> str:
    """What a run of points elaborates: the nearest 第N point before it (after its 就是)."""
    topics = list(POINT_TOPIC_RE.finditer(text, sec_start, first))
    if not topics:
        return ""
    topic = topics[-1].group(1)
    return topic.split("就是", 1)[1] if "就是" in topic else topic


def numbered_groups(document: Document) -> list[NumberedGroup]:
    groups = []
    text = document.text
    for sec_start, sec_end, passages in sections(document):
        for marker in ("要", "是"):
            pat = re.compile(
                rf"(?:^|(?<=[。；！？：，\n]))[ \t\u3000]*([一二三四五六七八九十]){marker}"
            )
            found = []
            for m in pat.finditer(text, sec_start, sec_end):
                stop = re.compile(r"[，。；：！？,\n]").search(text, m.end(), sec_end)
                head_end = stop.start() if stop else sec_end
                found.append(
                    (MARKERS.index(m.group(1)) + 1, m.end(), head_end, text[m.end() : head_end])
                )
            for run in _runs(found):
                if any(not 2 <= len(h) <= 14 for *_, h in run):
                    continue
                first = run[0][1] - 2
                prev = [p for p in re.split(r"(?<=[。！？\n])", text[sec_start:first]) if p.strip()]
                lead = prev[-1].strip() if prev else ""
                lead_start = text.rfind(lead, sec_start, first) if lead else first
                groups.append(
                    NumberedGroup(
                        marker,
                        lead,
                        lead_start,
                        run[-1][2],
                        _passage_at(passages, [p.start for p in passages], first).id,
                        tuple(Item(s, e, h) for _, s, e, h in run),
                        _topic(text, sec_start, first),
                    )
                )
    return groups


@dataclass(frozen=True)
class ArticleList:
    lead: str
    lead_start: int
    end: int
    passage_id: str
    article: str | None
    items: tuple[Item, ...]


ITEM_LINE = re.compile(r"[ \t\u3000]*[（(]([一二三四五六七八九十]+)[）)][ \t\u3000]*([^\n]+)")
# A lead-in may run long ("…有下列情形之一的，由…责令改正；情节严重的，…；构成犯罪的，
# 依法追究刑事责任："): the question takes its first consequence.
LEAD_RE = re.compile(r"([^。\n：]{2,200}：)[ \t\u3000]*\n(?=[ \t\u3000]*[（(]一[）)])")
ARTICLE_NO = re.compile(r"^\s*(第[一二三四五六七八九十百零]+条)\s*")


def article_lists(document: Document) -> list[ArticleList]:
    """A lead-in ending with '：' followed by (一)(二) item lines."""
    text = document.text
    out = []
    starts = [p.start for p in document.passages]
    for lm in LEAD_RE.finditer(text):
        items: list[Item] = []
        pos = lm.end()
        while True:
            m = ITEM_LINE.match(text, pos)
            if not m or cn_to_int(m.group(1)) != len(items) + 1:
                break
            raw = m.group(2).rstrip()
            core = raw.rstrip("；。;，")
            items.append(Item(m.start(2), m.start(2) + len(core), core))
            pos = m.start(2) + len(raw)
            if not text.startswith("\n", pos):
                break
            pos += 1
        if len(items) < 2:
            continue
        owner = _passage_at(document.passages, starts, lm.start())
        lead = lm.group(1).strip()
        lead_start = text.index(lead, lm.start())
        head = text[owner.start : lead_start]
        if (
            head.strip()
            and not ARTICLE_NO.fullmatch(head)
            and text[lead_start - 1] not in "。；;\n"
        ):
            continue  # a lead-in longer than LEAD_RE takes, cut mid-sentence ("生行政主管部门…")
        article = ARTICLE_NO.match(head) or ARTICLE_NO.match(lead)
        end = items[-1].end
        out.append(
            ArticleList(
                ARTICLE_NO.sub("", lead),
                lead_start,
                end,
                owner.id,
                article.group(1) if article else None,
                tuple(items),
            )
        )
    return out


# Layout left in a knowledge-point label (round fourteen): a bullet or separator at its head
# ("· 第一节" from "第二章 · 第一节"), a continued page's "（续" / "(续)" at its tail.
_LABEL_HEAD_DECOR = re.compile(r"^[\s·•・●○◆◇■□▪▶►>»|｜/\\\-–—_~～:：,，、.。]+")
_LABEL_TAIL_DECOR = re.compile(
    r"[\s·•・|｜\-–—_~～]*[（(]\s*(?:续|續|接上页|续上页|续前|continued)\s*[)）]?\s*$",
    re.IGNORECASE,
)
# A label that is nothing but a heading's number ("第一节", "第二章 第一节", "一、").
_LABEL_NUMBER_ONLY = re.compile(
    r"^(?:第[一二三四五六七八九十百零\d]+[章节编条]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])"
    r"(?:[\s·•・|｜\-–—]*(?:第[一二三四五六七八九十百零\d]+[章节编条]))*$"
)


def clean_label(label: str) -> str:
    """A knowledge-point label without the layout around it; "" when nothing is left."""
    label = _LABEL_TAIL_DECOR.sub("", _LABEL_HEAD_DECOR.sub("", label or "")).strip()
    label = label.rstrip("·•・|｜-–—_ （(").strip()
    if _LABEL_NUMBER_ONLY.match(label):
        return ""
    return label


def clean_labels(labels: list[str]) -> list[str]:
    out: list[str] = []
    for label in labels:
        label = clean_label(label)
        if label and label not in out:
            out.append(label)
    return out
