"""Whether a choice question's options make one answer defensible.

A wrong option must be plainly wrong, and no option may stand out by its form:
- no option contains another or is contained in it (村民委员会 / 村民委员会主任);
- no option is a kind of another (公安机关 covers 国务院公安部门, 基层群众性自治组织
  covers 居民委员会, 司法机关 covers 人民法院, a 各级 or 县级以上 government covers a
  one-level one): a reviewer could defend both;
- the options are of one kind: all numbers, all names of bodies, or all other text;
- the key is not the one option much longer or much shorter than the rest.
"""

from __future__ import annotations

import itertools
import re

from .candidate import Candidate
from .distractors import covers, family
from .elements import BODY_RE

NUMERIC_RE = re.compile(r"[\d.零〇一二两三四五六七八九十百千万亿分之]+\D{0,3}")
LENGTH_RATIO = 1.6
# Names of organs and organizations the body pattern does not list (居民小组, 办事处).
ORGAN_END_RE = re.compile(
    r"(?:委员会|会议|小组|政府|国务院|部门|机关|机构|组织|党委|党组|团体|法院|检察院|局|厅|办事处|中心)$"
)


MAX_BODY_NAME = 20
# National organs differ in length by nature (国务院, 全国人民代表大会常务委员会): among
# themselves no length stands out. Organs whose name is short by nature: beside the bodies of the same law (省、自治区、直辖市
# 人民政府, 国务院公安部门) the key is shorter, but not because it was cut (round nine).
SHORT_ORGANS = frozenset(
    {
        "国务院",
        "公安部",
        "外交部",
        "国防部",
        "教育部",
        "财政部",
        "民政部",
        "司法部",
        "商务部",
        "审计署",
        "中央军事委员会",
    }
)


def _kind(text: str) -> str:
    if NUMERIC_RE.fullmatch(text):
        return "number"
    if BODY_RE.fullmatch(text):
        return "body"
    # "参与医学经验交流，参加专业学术团体" ends like a name but is an act, not a body.
    name = len(text) <= MAX_BODY_NAME and "，" not in text
    return "body" if name and ORGAN_END_RE.search(text) else "text"


def problem(c: Candidate) -> str | None:
    """Why the options of `c` do not make one answer defensible, or None."""
    if c.type not in ("single", "multiple") or not c.options:
        return None
    texts = [o.text for o in c.options]
    kinds = {_kind(t) for t in texts}
    if "number" in kinds:
        return None if kinds == {"number"} else "选项不是同一类：数字与文字混在一起"
    for a, b in itertools.permutations(texts, 2):
        if covers(a, b):
            return f"选项之间有包含或上下位关系：{a}／{b}"
    if len(kinds) > 1:
        return "选项不是同一类：机关名称与其他内容混在一起"
    national = all(family(t) == "national" or t == "国务院" for t in texts)
    short_key = c.option_text(c.answer) in SHORT_ORGANS
    if c.type == "single" and not (kinds == {"body"} and (national or short_key)):
        key = c.option_text(c.answer)
        others = [len(t) for t in texts if t != key]
        if len(key) >= LENGTH_RATIO * max(others) or LENGTH_RATIO * len(key) <= min(others):
            return f"正确选项的长度与其他选项相差悬殊：{key}"
    return None
