"""Wrong options of the same kind as the answer, drawn from the same document."""

from __future__ import annotations

import math
import re
from functools import lru_cache

from .candidate import BLANK
from .context import Context
from .elements import BODY_RE, LEVEL_RE, NATIONAL_ORGANS, Element, all_bodies
from .lists import COUNT_LABEL_RE
from .textutil import cn_to_int, int_to_cn

NICE = (
    1,
    2,
    3,
    5,
    6,
    7,
    10,
    12,
    15,
    20,
    24,
    30,
    45,
    50,
    60,
    90,
    100,
    120,
    180,
    200,
    300,
    500,
    1000,
    2000,
    3000,
    5000,
    10000,
    20000,
    50000,
    100000,
    200000,
    500000,
    1000000,
)
# Values a law would plausibly use for a unit, so distractors look like real limits.
UNIT_NICE = {
    "日": (3, 5, 7, 10, 15, 20, 30, 45, 60, 90, 180),
    "天": (3, 5, 7, 10, 15, 20, 30, 60, 90),
    "个工作日": (3, 5, 7, 10, 15, 20, 30),
    "工作日": (3, 5, 7, 10, 15, 20, 30),
    "个月": (1, 2, 3, 6, 9, 12, 18, 24),
    "年": (1, 2, 3, 4, 5, 6, 8, 10, 15, 20),
    "周岁": (14, 16, 18, 20, 22, 25, 60, 65),
    "岁": (14, 16, 18, 20, 22, 25, 60, 65),
    "小时": (2, 4, 6, 12, 24, 48, 72),
    "届": (1, 2, 3, 4),
    # the breadths the law of the sea names (领海, 毗连区, 专属经济区, 大陆架)
    "海里": (12, 24, 100, 200, 350),
    "毫升": (100, 200, 300, 400, 600),
}
FRACTIONS = {
    0.5: "二分之一",
    1 / 3: "三分之一",
    2 / 3: "三分之二",
    0.25: "四分之一",
    0.75: "四分之三",
    0.2: "五分之一",
    0.8: "五分之四",
}


# An organ and the kind of body it is: the passage naming the kind names the organ too.
KIND_OF = {"人民法院": "审判机关", "人民检察院": "检察机关", "监察委员会": "监察机关"}
RELATIVE_BODY = (
    "本级",
    "同级",
    "上一级",
    "上级",
    "下一级",
    "下级",
    "有关",
    "其他有关",
    "所在地",
    "当地",
    "主管",
)
# A department named without its government's level ("人民政府卫生行政主管部门", cut from
# "对下级人民政府…"): no body a law names, so never an option.
LEVELLESS_RE = re.compile(r"^人民政府.")


def _gov(name: str) -> bool:
    return "人民政府" in name or "国务院" in name or name.endswith("部门")


EXECUTIVE = ("行政机关", "公安机关", "审计机关", "税务机关", "统计局", "部门", "人民政府", "国务院")


def _executive(name: str) -> bool:
    return any(w in name for w in EXECUTIVE)


# Kinds of body, so a swapped-in body could carry the same duty: a government's duty
# given to another government or department reads as a real mistake, given to a
# people's congress (人民代表大会常务委员会应当加强农村住房…) as nonsense. A generic
# organ (行政机关) may also be swapped for another generic organ (司法机关).
FAMILIES = (
    ("national", (*NATIONAL_ORGANS, "委员长会议")),
    ("congress", ("人民代表大会",)),
    (
        "judicial",
        ("人民法院", "人民检察院", "司法机关", "监察机关", "监察委员会", "审判机关", "检察机关"),
    ),
    ("party", ("党组织", "党委", "县委", "纪委", "组织部")),
    ("village", ("村民", "村务", "居民委员会", "基层群众性自治组织", "集体经济组织")),
    ("social", ("人民团体",)),
    ("government", (*EXECUTIVE, "局", "厅")),
)
GENERIC_ORGAN = re.compile(r"^(?:行政|司法|监察|审判|检察)机关$")


# A government named by one level only: another level is plainly not the one the law names
# (a 各级 or 县级以上 government includes the others, so it never gets these).
LEVELS = (
    "乡镇人民政府",
    "县级人民政府",
    "设区的市级人民政府",
    "省、自治区、直辖市人民政府",
    "国务院",
)
ONE_LEVEL_RE = re.compile(
    r"^(?:乡镇|乡、民族乡、镇的?|县级|县|设区的市级|设区的市|省、自治区、直辖市|省级)人民政府$|^国务院$"
)


# A national organ's wrong options are bodies a reader could believe act nationally: other
# national bodies or a provincial one, never a county or township government.
CENTRAL_ORGANS = frozenset({"国务院", *NATIONAL_ORGANS})
BELOW_PROVINCE_RE = re.compile(r"^(?:设区的市|[市县区乡镇]|乡、|地方各级|本级|下级)")


# The names one level of government goes by: two options naming the same level are one
# option twice ("乡级人民政府" and "乡镇人民政府").
LEVEL_ALIASES = (
    ("乡", re.compile(r"^(?:乡、(?:民族乡、)?镇的?|乡镇|乡级|乡|镇)(?=人民政府)")),
    ("县", re.compile(r"^(?:县级|县)(?=人民政府)")),
    ("市", re.compile(r"^(?:设区的市级|设区的市)(?=人民政府)")),
    ("省", re.compile(r"^(?:省、自治区、直辖市|省级|省)(?=人民政府)")),
)


_LEVEL_PREFIX = re.compile(
    r"^(?:国务院|(?:县级以上|设区的市级以上|省级以上)?(?:地方)?(?:各级)?人民政府|"
    r"(?:乡、(?:民族乡、)?镇|乡镇|乡级|县级|县|设区的市级|设区的市|省、自治区、直辖市|省级)人民政府)"
)


def _unprefixed(name: str) -> str:
    """The department without its level ("县级人民政府民政部门" → "民政部门"), or the name."""
    rest = _LEVEL_PREFIX.sub("", name)
    return rest if len(rest) >= 2 and rest != name else "\0"


def level_name(name: str) -> str:
    """The body with its level written one way ("乡级人民政府" → "乡人民政府")."""
    for key, pattern in LEVEL_ALIASES:
        m = pattern.match(name)
        if m:
            return key + name[m.end() :]
    return name


def same_level(a: str, b: str) -> bool:
    return a != b and level_name(a) == level_name(b)


def other_levels(answer: str) -> list[str]:
    if not ONE_LEVEL_RE.match(answer):
        return []
    own = answer[:2]
    return [name for name in LEVELS if name[:2] != own]


@lru_cache(maxsize=4096)
def family(name: str) -> str:
    return next((kind for kind, words in FAMILIES if any(w in name for w in words)), "")


def same_family(answer: str, other: str) -> bool:
    """`other` could plausibly carry the duty the law gives to `answer`."""
    if GENERIC_ORGAN.match(answer) and GENERIC_ORGAN.match(other):
        return True
    return family(answer) != "" and family(answer) == family(other)


@lru_cache(maxsize=65536)
def overlapping_bodies(answer: str, other: str) -> bool:
    """True when `other` could also be right: a government is itself an administrative organ,
    and 国务院 or a provincial government is one of the 各级 / 县级以上 governments."""
    if "行政机关" in answer and not _gov(answer):
        return _executive(other)  # 公安机关 and every government are 行政机关 too
    if "行政机关" in other and _executive(answer):
        return True
    if _gov(answer) and any(w in answer for w in ("各级", "以上")):
        return _gov(other)
    if _gov(other) and any(w in other for w in ("各级", "以上")):
        return _gov(answer)
    if family(answer) == family(other) == "judicial":
        # 人民法院 is a 司法机关 (and a 审判机关): a generic organ covers the specific ones.
        return bool(GENERIC_ORGAN.match(answer)) != bool(GENERIC_ORGAN.match(other))
    return False


# A generic name and what it covers (the names a law uses for kinds of body).
HYPERNYMS = {
    "基层群众性自治组织": ("居民委员会", "村民委员会", "居民小组", "村民小组"),
    "群众性自治组织": ("居民委员会", "村民委员会"),
    "司法机关": ("人民法院", "人民检察院", "审判机关", "检察机关"),
    "审判机关": ("人民法院",),
    "检察机关": ("人民检察院",),
    "监察机关": ("监察委员会",),
    "国家机关": ("人民政府", "国务院", "人民代表大会", "人民法院", "人民检察院", "机关", "部门"),
    "党组织": ("党委", "党支部", "党总支", "党组", "纪委", "纪律检查委员会"),
}
# "公安机关" covers every body of the public security domain (国务院公安部门, 县公安局).
GENERIC_DOMAIN_RE = re.compile(r"^([\u4e00-\u9fa5]{2,6}?)(?:机关|部门|主管部门)$")
ORGAN_AFTER_DOMAIN = r"(?:行政)?(?:主管)?(?:部门|局|厅|机关|派出所|委员会)"
LEVEL_WORDS = ("国务院", "省", "自治区", "直辖市", "市", "县", "乡", "镇", "级", "本级", "上级")


def covers(general: str, specific: str) -> bool:
    """`specific` is contained in `general`'s name or is one of the bodies it names, so
    both could be defended as the answer (or both as wrong)."""
    g, s = normalize(general), normalize(specific)
    if not g or not s:
        return False
    if g in s:
        return True  # 乡镇政府 / 乡镇人民政府, 村民委员会 / 村民委员会主任
    for name, members in HYPERNYMS.items():
        if general.endswith(name) and any(m in specific for m in members):
            return True
    m = GENERIC_DOMAIN_RE.match(general)
    domain = m.group(1) if m and not any(w in m.group(1) for w in LEVEL_WORDS) else None
    if domain and re.search(re.escape(domain) + ORGAN_AFTER_DOMAIN, specific):
        return True  # 公安机关 / 国务院公安部门 (but 民政部门 / 人民政府: no)
    if not (BODY_RE.fullmatch(general) and BODY_RE.fullmatch(specific)):
        return False  # the checks below read names of bodies
    return overlapping_bodies(general, specific)


@lru_cache(maxsize=50000)
def normalize(text: str) -> str:
    """Drop words that do not change meaning, so near-synonyms compare equal."""
    return re.sub(r"[的之、\s“”\"]|地方|各级|有关|人民", "", text)


def distinct(answer: str, option: str) -> bool:
    a, o = normalize(answer), normalize(option)
    return bool(o) and a != o and a not in o and o not in a


MEASURE_AFTER_TWO = ("个", "次", "名", "项", "人", "户", "倍", "届", "家", "所", "种", "类")


def _format(value: float, like: str, unit: str = "") -> str | None:
    if like.startswith("百分之"):
        percent = round(value * 100, 6)
        return f"百分之{int_to_cn(int(percent))}" if percent == int(percent) else None
    if "分之" in like:
        return next((t for v, t in FRACTIONS.items() if abs(v - value) < 1e-9), None)
    if value != int(value):
        return f"{value:g}" if like[0].isdigit() else None
    if like[0].isdigit():
        return str(int(value))
    if value == 2 and unit.startswith(MEASURE_AFTER_TWO):
        return "两"  # 两个月, 两次: never 二个月
    return int_to_cn(int(value)) if value < 10**8 else None


NUM = r"[\d零〇一二两三四五六七八九十百千万]+"


def range_bounds(stem: str, unit: str) -> tuple[float, float]:
    """The open interval a blank's number must lie in when the same sentence gives the
    range's other end: "处____日以上十五日以下拘留" (below 15), "处五日以上____日以下" (above 5)."""
    low, high = 0.0, math.inf
    if BLANK not in stem:
        return low, high
    before, after = stem.split(BLANK, 1)
    u = f"(?:{re.escape(unit)})?" if unit else ""  # an empty unit (a share) is no pattern
    m = re.match(rf"{u}(?:以上|至|到|～|-|—)(?:不满|不超过)?({NUM}){u}", after)
    if m and (v := cn_to_int(m.group(1))) is not None:
        high = float(v)
    m = re.search(
        rf"(?:^|[^\d零〇一二两三四五六七八九十百千万])({NUM}){u}(?:以上|至|到|～|-|—)$", before
    )
    if m and (v := cn_to_int(m.group(1))) is not None:
        low = float(v)
    return low, high


def numbers(ctx: Context, el: Element, k: int, stem: str) -> list[str]:
    value = el.value or 0
    low, high = range_bounds(stem, el.group if el.group != "比例" else "")
    seen_values = {value}
    ranked: list[tuple[float, str]] = []
    doc_texts = {}
    for v, text in ctx.pools.numbers.get(el.group, []):
        if (text[0].isdigit()) == (el.text[0].isdigit()):
            doc_texts.setdefault(v, text)
    candidates = dict.fromkeys(doc_texts, 0.8)
    if el.group == "比例" and el.text.startswith("百分之"):
        # A percentage's neighbours in its own form: 百分之八十 → 百分之七十, 百分之九十.
        percent = round(value * 100)
        steps = (10, -10, 20, -20) if percent >= 20 else (1, -1, 2, -2, 3, -3, 5, -5)
        for step in steps:
            if 0 < percent + step < 100:
                candidates.setdefault((percent + step) / 100, 1.0)
    elif el.group == "比例":
        for v in FRACTIONS:
            candidates.setdefault(v, 1.0)
    elif value == int(value):
        for v in UNIT_NICE.get(el.group, NICE):
            candidates.setdefault(float(v), 1.0)
        if value <= 12 and el.group not in UNIT_NICE:
            for v in (value - 2, value - 1, value + 1, value + 2):
                if v > 0:
                    candidates.setdefault(float(v), 1.0)
    for v, weight in candidates.items():
        if v in seen_values or v <= 0 or value <= 0:
            continue
        if not low < v < high:
            continue  # beyond the sentence's own other bound: wrong at a glance
        text = doc_texts.get(v) or _format(v, el.text, el.group)
        if not text or text == el.text:
            continue
        if f"{text}{el.group if el.group != '比例' else ''}" in stem:
            continue
        distance = abs(math.log(v / value)) * weight
        ranked.append((distance, text))
        seen_values.add(v)
    ranked.sort()
    return [t for _, t in ranked[:k]]


def bodies(
    ctx: Context, el: Element, k: int, context_text: str, family_only: bool = False
) -> list[str]:
    """Bodies of the same family as the answer first; with `family_only` (a 判断 swap,
    where one implausible body makes the statement obviously false) no others."""
    chosen: list[str] = []
    want = max(k + 2, 5)
    # "县级以上各级人民政府应当…。乡镇人民政府应当…": 国务院 would be right in that passage too.
    named = _named_bodies(context_text)
    others_text = context_text.replace(el.text, "")  # the passage but the answer itself
    kin, others = _kin_first(ctx, el.text)
    levels = other_levels(el.text)
    # "乡镇人民政府应当向本级人民代表大会报告": when another article says the same of
    # another government ("…人民政府应当向本级人民代表大会报告"), another level is right too.
    said = ctx.document.text[el.end : el.end + 10]
    if levels and ctx.document.text.count(said) == 1:
        kin = levels + [name for name in kin if name not in levels]
    if family(el.text) == "national":
        # A national organ's wrong options are the other national organs (the law's own
        # first, then the Constitution's), never a local body (round nine).
        kin = [n for n in (*kin, *others) if family(n) == "national" or n == "国务院"]
        kin += [n for n in (*NATIONAL_ORGANS, "国务院") if n not in kin]
        family_only = True
    for name in kin if family_only else kin + others:
        if len(chosen) >= want:
            break
        if name.startswith(RELATIVE_BODY) or name in context_text or not distinct(el.text, name):
            continue
        if LEVELLESS_RE.match(name):
            continue
        if el.text in CENTRAL_ORGANS and BELOW_PROVINCE_RE.match(name):
            continue  # a county or township beside 国务院: wrong at a glance (round nine)
        if el.text.endswith("人民政府") and not (name.endswith("人民政府") or name == "国务院"):
            continue  # 审计机关 among governments: options of one kind only (round ten)
        if el.text.endswith("部门") and not (
            name.endswith(("部门", "机关")) and family(name) == "government"
        ):
            continue  # 人民法院 or 国务院 among departments: options of one kind (heldout10)
        if _unprefixed(name) in others_text:
            continue  # "县级人民政府民政部门" when the passage names 民政部门 in another role
        if any(same_level(name, c) for c in (el.text, *chosen)):
            continue  # 乡级人民政府 beside 乡镇人民政府: one body, two names (heldout10)
        if family(name) == "village" and LEVEL_RE.match(name):
            continue  # "其他地方村民委员会": a village body has no level, this is a misreading
        if overlapping_bodies(el.text, name) or any(overlapping_bodies(b, name) for b in named):
            continue
        if covers(name, el.text) or covers(el.text, name):
            continue  # 公安机关 beside 国务院公安部门: both defensible
        if any(name.endswith(organ) and kind in context_text for organ, kind in KIND_OF.items()):
            continue  # 人民法院 beside "审判机关": names a body the passage already lists
        if any(not distinct(name, c) or covers(name, c) or covers(c, name) for c in chosen):
            continue  # 司法机关 beside 人民法院: one wrong option inside another
        chosen.append(name)
    top = chosen[:want]
    ctx.rng.shuffle(top)
    return sorted(top[:k], key=chosen.index)


def _kin_first(ctx: Context, answer: str) -> tuple[list[str], list[str]]:
    """The document's bodies split into the answer's family and the rest, in rank order."""
    key = (family(answer), bool(GENERIC_ORGAN.match(answer)))
    if key not in ctx.body_orders:
        ranked = ctx.ranked_bodies()
        kin = [name for name in ranked if same_family(answer, name)]
        ctx.body_orders[key] = (kin, [name for name in ranked if name not in kin])
    return ctx.body_orders[key]


@lru_cache(maxsize=4096)
def _named_bodies(text: str) -> frozenset[str]:
    return frozenset(all_bodies(text))


def quotes(ctx: Context, el: Element, k: int, context_text: str) -> list[str]:
    parts = len(re.split("[，、,]", el.text))
    ranked = []
    for q in ctx.pools.quotes:
        if q in context_text or not distinct(el.text, q) or COUNT_LABEL_RE.match(q):
            continue  # "三个站" names the total, not one of its members
        if len(re.split("[，、,]", q)) != parts or abs(len(q) - len(el.text)) > 2:
            continue
        if parts == 1 and q[-1] != el.text[-1]:
            continue  # 连心图 → 作战图, not 连心图 → 一条主线
        ranked.append((abs(len(q) - len(el.text)), q))
    ranked.sort()
    chosen: list[str] = []
    for _, q in ranked:
        if all(distinct(q, c) for c in chosen):
            chosen.append(q)
    return chosen[:k]
