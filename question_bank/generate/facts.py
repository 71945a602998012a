"""The fact a question asks, so one fact is asked once across a whole document.

One question per cited span (pipeline.PER_SOURCE) stops a sentence being asked twice; a
law that states one fact in several articles ("居民会议由十八周岁以上的居民组成",
"…全体十八周岁以上的居民…过半数出席…") still gave three questions on "十八周岁以上".
A fact is the answer (a number by its value and unit, so 十八 and 18 are one) with the
content words of the clause it stands in. Two questions ask the same fact when their
answers are equal and their clauses share key terms: at least two, and at least half of
the terms of both (round 19: two deadlines of "七个工作日" for different acts share only
their frame, and are two facts); for a number one is enough when both clauses have only
that term ("每2年接受一次培训" twice, but not "每2年组织一次考核"), or when it counts the
same noun ("…的十八周岁以上的居民…" in any clause).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from question_bank.document import Document

from .candidate import Candidate
from .elements import UNITS
from .textutil import cn_to_int, pos_tags

CLAUSE_STOP = "，；。：！？,;:!?\n"
UNIT_RE = re.compile(rf"^(?:多|余)?({UNITS})")
# Content words: nouns, verbs, adjectives, idioms, abbreviations (jieba tags).
CONTENT_TAGS = ("n", "v", "a", "l", "j", "i")
# Words every rule sentence has: they say nothing about which fact it is.
GENERIC = frozenset(
    [
        "应当",
        "可以",
        "不得",
        "必须",
        "依法",
        "依照",
        "按照",
        "规定",
        "有关",
        "进行",
        "实行",
        "负责",
        "以上",
        "以下",
        "以内",
        "不少于",
        "不超过",
        "不得超过",
        "至少",
        "每年",
        "一次",
        "组织",
        "工作",
        "情况",
        "要求",
        "提出",
        "给予",
        "予以",
        # A deadline's frame: every deadline has it, whichever act it is for.
        "之日起",
        "日内",
        "工作日内",
        "期限",
        "届满",
    ]
)
MIN_SHARED = 2
# A number's unit and bound before the noun it counts ("周岁以上的", "日以内").
COUNTED_RE = re.compile(rf"^(?:多|余)?(?:{UNITS})?(?:以上|以下|以内|之内|内)?的?")
TYPES = ("fill_in", "single", "true_false")


@dataclass(frozen=True)
class Fact:
    answer: str  # "18|周岁" for a number, the normalized text otherwise
    terms: frozenset[str]
    noun: str = ""  # for a number: the noun it counts ("十八周岁以上的居民" → 居民)

    def same(self, other: Fact) -> bool:
        if self.answer != other.answer:
            return False
        if self.noun and self.noun == other.noun:
            return True
        shared = len(self.terms & other.terms)
        # Round 19: most of the two clauses, not any two words: "七个工作日内" to file a
        # contract (第四十七条) and to raise a query (第五十二条) share only the frame.
        if shared >= MIN_SHARED and shared * 2 >= len(self.terms | other.terms):
            return True
        return self.number and shared >= 1 and self.terms == other.terms

    @property
    def number(self) -> bool:
        return "|" in self.answer


CLAUSE_WINDOW = 400


def fact_of(c: Candidate, document: Document) -> Fact | None:
    """The fact `c` asks, or None for questions on a whole list (多选, 简答) or with no
    located answer."""
    if c.type not in TYPES or not c.checks or not c.answer_texts:
        return None
    text = document.text
    start = c.checks[0][0]
    answer = c.answer_texts[0]
    if text[start : start + len(answer)] != answer:
        return None
    end = start + len(answer)
    # A clause is never this long: the window keeps a search for a stop that is absent from
    # scanning the whole document for each candidate (round thirteen: the cap runs often).
    w_lo, w_hi = max(0, start - CLAUSE_WINDOW), min(len(text), end + CLAUSE_WINDOW)
    lo = max(max(text.rfind(ch, w_lo, start) for ch in CLAUSE_STOP) + 1, w_lo)
    stops = [i for i in (text.find(ch, end, w_hi) for ch in CLAUSE_STOP) if i >= 0]
    hi = min(stops) if stops else w_hi
    key = _answer_key(answer, text[end : end + 4])
    clause = text[lo:start] + " " + text[end:hi]
    terms = frozenset(
        word
        for word, tag in pos_tags(clause)
        if len(word) >= 2
        and tag.startswith(CONTENT_TAGS)
        and word not in GENERIC
        and not UNIT_RE.fullmatch(word)
    )
    noun = counted_noun(text[end:hi]) if "|" in key else ""
    return Fact(key, terms - title_words(document.title or ""), noun)


@lru_cache(maxsize=64)
def title_words(title: str) -> frozenset[str]:
    """Words of the document's title ("无障碍环境建设法" → 环境, 建设): every article of the law
    has them, so sharing them says nothing about which fact two clauses state (round 16: two
    duties of 县级以上人民政府 were one "fact" by 环境 and 建设 alone)."""
    return frozenset(word for word, _tag in pos_tags(title) if len(word) >= 2)


def counted_noun(after: str, tags_: tuple[str, ...] = ("n",)) -> str:
    """The noun a number qualifies: "周岁以上的居民、…" → 居民 (`tags_`: the jieba tags taken
    for a noun; set phrases such as 未成年人 are tagged l)."""
    rest = COUNTED_RE.sub("", after, count=1)
    tags = pos_tags(rest[:8]) if rest else ()
    return tags[0][0] if tags and tags[0][1].startswith(tags_) else ""


def _answer_key(answer: str, after: str) -> str:
    value = cn_to_int(answer.replace("两", "二"))
    if value is None and re.fullmatch(r"\d+\.\d+", answer):
        value = float(answer)
    if value is None:
        return re.sub(r"[\s“”‘’]", "", answer)
    unit = UNIT_RE.match(after)
    return f"{value}|{unit.group(1) if unit else ''}"
