"""Enumerations: inline lists (A、B和C), named totals ("三个率"), numbered points (一要/二是),
and law articles whose lead-in ends with a colon followed by (一)(二) items."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .textutil import Sentence, cn_to_int, token_bounds

SEP = "、"
FINAL_JOIN = ("以及", "和", "及", "与", "或者")
ITEM_CHARS = re.compile(r"[\u4e00-\u9fa5A-Za-z0-9]")
QUOTED_TOTAL_RE = re.compile(
    r"(?<!第)“([两二三四五六七八九十])(个|项|大|种|条|类|张|句|点|件|本|道|支|套|份)([^”]{1,5})”"
)
TOTAL_RE = re.compile(
    r"(?<!第)([两二三四五六七八九十])(个|项|大|种|条|类|张|句|点|件)([\u4e00-\u9fa5]{1,4}?)(?=[的，。：、即是包括有为]|$)"
)
AFTER_TOTAL_RE = re.compile(
    r"([两二三四五六七八九十])(个|项|大|种|条|类|点)([\u4e00-\u9fa5]{1,3}?)(?=都|均|也|缺|是|的|，|。)"
)
# A bare count ("三个要素", "两大任务"): says how many, not of what.
COUNT_LABEL_RE = re.compile(r"^[一两二三四五六七八九十][个项大种条类张句点件]")
# "法律、法规规定的其他情形": true of any list, so never an option or a scoring point.
CATCH_ALL_RE = re.compile(
    r"^其[他它]|(?:规定|确定|认定)[^，；。]{0,12}其[他它]|其[他它](?:依法|应当)"
    # "保护申请人人身安全的其他措施", "有其他滥用职权…行为的": the list's own kind, "other".
    # Not after named kin ("国家驻外使馆、领馆和其他外交代表机构"): that item is a point of its
    # own (round thirteen). Nor after 或 ("制止有害于学生的行为或者其他侵犯学生合法权益的
    # 行为"): the item names its own kind of act (round eighteen).
    r"|(?<![和及或者])其[他它][^，；。]{0,14}(?:情形|情况|事项|措施|方式|方法|形式|行为|人员|人士|对象|收入|"
    r"活动|工作|职责|内容|场合|场所|单位|制度|机构|条件|材料|事宜|权利|义务|问题)的?$"
    # "与…有关的其他任何问题": "any other" is a catch-all whatever noun follows.
    r"|其[他它]任何|任何其[他它]"
)
LEAD_VERB = re.compile(r"(包括|分为|主要有|有以下|：)$")
MARKERS = "一二三四五六七八九十"
BAD_ITEM_START = ("还", "要", "和", "及", "与", "并", "也", "都", "就", "又", "在", "对")


@dataclass(frozen=True)
class Item:
    start: int  # offsets into Document.text
    end: int
    text: str


@dataclass(frozen=True)
class InlineList:
    sentence: Sentence
    items: tuple[Item, ...]
    head: str  # what the items are ("“三个率”", "行政处罚的种类"), "" when unknown
    named_total: bool
    head_inside: bool = True  # False when the total is named in a later sentence
    verb: str = ""  # the document's own verb between a category and its items (包括, 分为)


def _closest(bounds, lo: int, hi: int, want: int, from_left: bool) -> int | None:
    """A token boundary between lo and hi giving an item length closest to `want`."""
    best = None
    for b in bounds:
        if lo <= b <= hi:
            length = (hi - b) if from_left else (b - lo)
            if length >= 2 and (best is None or abs(length - want) < abs(best[0] - want)):
                best = (length, b)
    return best[1] if best else None


@lru_cache(maxsize=65536)
def inline_lists(sentence: Sentence) -> list[InlineList]:
    text = sentence.text
    out = []
    for m in re.finditer(
        r"(?:[^\s，。；：、“”《》（）()]{1,12}、){1,8}[^\s，。；：、“”《》（）()]{1,24}", text
    ):
        parts = m.group(0).split(SEP)
        if len(parts) < 2:
            continue
        bounds = token_bounds(text)
        offsets, pos = [], m.start()
        for p in parts:
            offsets.append((pos, pos + len(p)))
            pos += len(p) + 1
        last_s, last_e = offsets[-1]
        last_raw = parts[-1]
        join = next((j for j in FINAL_JOIN if j in last_raw[1:]), None)
        spans = list(offsets[:-1])
        if join:
            cut = last_raw.index(join, 1)
            spans.append((last_s, last_s + cut))
            tail_start = last_s + cut + len(join)
        else:
            tail_start = last_s
        inner = spans[1:]
        lengths = [e - s for s, e in inner] or [2]
        want = sorted(lengths)[len(lengths) // 2]
        # First and last item: trim what precedes/follows them at a word boundary.
        first_s, first_e = spans[0]
        trimmed = _closest(bounds, first_s, first_e, want, from_left=True)
        tail_end = _closest(bounds, tail_start, last_e, want, from_left=False)
        if trimmed is None or tail_end is None:
            continue
        spans[0] = (trimmed, first_e)
        spans.append((tail_start, tail_end))
        first_start = trimmed
        items = [text[s:e] for s, e in spans]
        if len(items) < 3 or any(not 2 <= len(i) <= 10 for i in items):
            continue
        if max(map(len, items)) - min(map(len, items)) > 4 or len(set(items)) < len(items):
            continue
        if any(s not in bounds or e not in bounds for s, e in spans):
            continue
        if any(i.startswith(BAD_ITEM_START) for i in items):
            continue
        rest = text[spans[-1][1] : m.end()]
        if rest and not re.match(r"(等|的|这|是|为|作为|[两二三四五六七八九十])", rest):
            continue  # the last item was cut out of a longer phrase
        head, named, inside, verb = _head(sentence, first_start, len(items), spans[-1][1])
        base = sentence.start
        out.append(
            InlineList(
                sentence,
                tuple(Item(base + s, base + e, t) for (s, e), t in zip(spans, items, strict=True)),
                head,
                named,
                inside,
                verb,
            )
        )
    out.extend(_pair(sentence))
    return out


PAIR_RE = re.compile(
    r"(“[两二]个[^”]{1,5}”)[，,]?(?:即|就是|是指|包括)([^\s，。；、“”]{2,10})(?:和|与|以及)([^\s，。；、“”]{2,10})(?=[，。；])"
)


def _pair(sentence: Sentence) -> list[InlineList]:
    """“两个重点”，即A和B: a named total of two."""
    out = []
    bounds = token_bounds(sentence.text)
    for m in PAIR_RE.finditer(sentence.text, sentence.core_start - sentence.start):
        spans = [m.span(2), m.span(3)]
        if any(s not in bounds or e not in bounds for s, e in spans):
            continue
        items = tuple(
            Item(sentence.start + s, sentence.start + e, sentence.text[s:e]) for s, e in spans
        )
        out.append(InlineList(sentence, items, m.group(1), True, True))
    return out


# A total named in the next sentence refers back to the list only right at its start
# ("……这“三个率”", "以上“三个率”"): further on it may name another list.
AFTER_WINDOW = 24


def _head(
    sentence: Sentence, list_start: int, count: int, list_end: int
) -> tuple[str, bool, bool, str]:
    """(what the items are, named total?, named in this sentence?, the lead verb)."""
    text = sentence.text
    core = sentence.core_start - sentence.start
    before = text[core:list_start]
    passage = sentence.passage
    after_at = sentence.end - passage.start
    after = passage.text[after_at : after_at + AFTER_WINDOW]
    for window, regexes in ((before, (QUOTED_TOTAL_RE, TOTAL_RE)), (after, (QUOTED_TOTAL_RE,))):
        for regex in regexes:
            found = list(regex.finditer(window))
            # The label nearest the list: the last one before it, the first one after it.
            for m in reversed(found) if window is before else found[:1]:
                if cn_to_int(m.group(1)) != count:
                    continue
                if window is before and not _leads_to_list(window[m.end() :]):
                    continue  # "四个意识……增强A、B、C": another clause separates them
                return m.group(0), True, window is before, ""
    # "管理、服务、感情三个要素都是不可缺少的": the total follows the list directly.
    m = AFTER_TOTAL_RE.match(text, list_end)
    if m and cn_to_int(m.group(1)) == count:
        return m.group(0), True, True, ""
    lead = LEAD_VERB.search(before.rstrip("，"))
    if lead:
        head = before.rstrip("，")[: lead.start()]
        head = re.split(r"[，；：、]", head)[-1]
        if 2 <= len(head) <= 14 and not head.startswith(("这", "其", "该", "此", "我", "要")):
            return head, False, True, lead.group(1)
    return "", False, True, ""


# Between a total and its items only a linking word may stand ("“三个率”，即", "的“四张图”：").
LINK_RE = re.compile(r"^(?:”?[，,：:]?\s*(?:即|就是|是指|指|包括|分别是|是)?[，,：:]?)$")


def _leads_to_list(gap: str) -> bool:
    return bool(LINK_RE.match(gap))


# 把A作为B，把C作为D: parallel clauses whose second slots share a word (头等大事、头等要事…).
PARALLEL_RE = re.compile(
    r"把([^，。；、“”]{2,10}?)(?:作为|当作|当成)([^，。；、“”]{2,8})(?=[，；。])"
)


def parallel_run(sentence: Sentence) -> list[re.Match] | None:
    """The first run of two or more adjacent 把A作为B clauses whose B slots share a word."""
    if "把" not in sentence.text:
        return None
    run: list[re.Match] = []
    for m in PARALLEL_RE.finditer(sentence.text, sentence.core_start - sentence.start):
        if run and sentence.text[run[-1].end() : m.start()] not in ("，", "；"):
            if len(run) >= 2:
                break
            run = []
        run.append(m)
    slots = [m.group(2) for m in run]
    if len(run) < 2 or len(set(slots)) < len(slots) or not _share_word(slots):
        return None
    return run


def _share_word(slots: list[str]) -> bool:
    """头等大事、头等要事 share 头等; free phrases would make the blanks guesswork."""
    return len({s[:2] for s in slots}) == 1 or len({s[-2:] for s in slots}) == 1
