"""Key elements inside sentences: numbers with units, bodies, quoted slogans, defined terms.

An element is the span a question blanks or swaps. `check_start/check_end` is
the span whose edges must fall on word boundaries (a number's unit is part of
the word, e.g. "五年").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .textutil import Sentence, cn_to_int, token_bounds

# "提前半年", "每半年": half a year is a law's period like "一年" (round eighteen); never
# "过半数", "半个月" is left to "十五日" wording.
NUMERAL = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+(?:分之[一二三四五六七八九十]+)?|半(?=年))"
UNITS = (
    "个工作日|个月|工作日|小时|分钟|周岁|万元|亿元|千元|元|日|天|年|周|户|人|名|次|岁|%|％|倍|届|"
    "海里|公里|千米|平方米|公顷|亩|毫升|公斤|千克|吨|项|家|所|种|类|个"
)
NUMBER_RE = re.compile(rf"(?<![第\d.年月])({NUMERAL})(?:多|余)?({UNITS})?")
DATE_RE = re.compile(
    r"\d{2,4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|[〇零一二三四五六七八九]{4}年|"
    r"[一二三四五六七八九十\d]{1,3}月(?:[一二三四五六七八九十\d]{1,3}[日号])?"
)
LIMIT_BEFORE = re.compile(
    r"(每|至少|不少于|不得少于|不低于|不得低于|不超过|不得超过|最多|最少|提前|之日起|任期|满|超过|不足|届)"
)
# A required share: "不得低于机构岗位总量的百分之八十" (the bound a few words before).
SHARE_BOUND = re.compile(
    r"(?:不得低于|不低于|不得少于|不少于|至少|不得超过|不超过)[^，；。、：]{0,16}$"
)
# A share bounded after it ("全体成员四分之三以上同意", "出席人数应当达到成员总数三分之二以上",
# round thirteen): a quorum or a majority, as much a rule as "不少于三分之二".
SHARE_AFTER = re.compile(r"^(?:以上|以下|以内)")
LIMIT_AFTER = re.compile(r"^(以内|内|以上|以下|以前|之前|前|后|为限|的罚款|罚款)")
TIME_MONEY_UNITS = {
    "个工作日",
    "个月",
    "工作日",
    "小时",
    "日",
    "天",
    "年",
    "周",
    "周岁",
    "岁",
    "元",
    "万元",
    "亿元",
    "千元",
}
WEAK_UNITS = {"个", "项", "种", "类", "家", "所", "名", "人", "次", "倍", "户"}

_PREFIX = (
    "县级以上地方各级|县级以上地方|县级以上|设区的市级以上|设区的市级|设区的市|省、自治区、直辖市|"
    "乡、民族乡、镇的|乡、民族乡、镇|乡级|乡镇|县级|市级|省级|地方各级|地方|各级|本级|上一级|上级|下一级|下级|其他有关|有关|"
    "国务院有关|国务院|同级|所在地|当地|国家(?=[\u4e00-\u9fa5]{2,8}?(?:主管)?部门)"
)
# The functional departments Chinese laws name ("卫生行政部门", "国务院侨务部门", "县级
# 人民政府应急管理部门"); longest first, so the regex takes the whole name.
_DEPT = "|".join(
    sorted(
        [
            "农业农村",
            "农业",
            "财政",
            "民政",
            "司法行政",
            "审计",
            "公安",
            "市场监督管理",
            "自然资源",
            "生态环境",
            "教育",
            "卫生健康",
            "人力资源和社会保障",
            "人力资源社会保障",
            "住房和城乡建设",
            "住房城乡建设",
            "水行政",
            "水利",
            "林业",
            "林业和草原",
            "草原",
            "文化和旅游",
            "发展改革",
            "发展和改革",
            "统计",
            "税务",
            "卫生行政",
            "卫生",
            "教育行政",
            "体育行政",
            "体育",
            "文化",
            "文物",
            "广播电视",
            "新闻出版",
            "电影",
            "网信",
            "工业和信息化",
            "科学技术",
            "民族事务",
            "宗教事务",
            "国家安全",
            "退役军人事务",
            "应急管理",
            "医疗保障",
            "药品监督管理",
            "交通运输",
            "交通",
            "铁路",
            "邮政",
            "海洋",
            "气象",
            "地震",
            "粮食和物资储备",
            "粮食",
            "能源",
            "外事",
            "侨务",
            "商务",
            "档案",
            "保密",
            "信访",
            "机关事务管理",
            "城乡规划",
            "城市管理",
            "环境保护",
            "渔业",
            "兽医",
            "价格",
            "人民防空",
            "语言文字工作",
            "移民管理",
            "金融",
            "工商行政管理",
        ],
        key=len,
        reverse=True,
    )
)
# The national organs the Constitution names (round nine): "全国人民代表大会常务委员会决定
# 授予…" has its actor, whom 县级以上 prefixes never reach.
NATIONAL_ORGANS = (
    "全国人民代表大会常务委员会",
    "全国人民代表大会",
    "中央军事委员会",
    "最高人民法院",
    "最高人民检察院",
    "国家监察委员会",
    "中华人民共和国主席",
)
_CORE = (
    "全国人民代表大会常务委员会委员长会议|" + "|".join(NATIONAL_ORGANS) + "|"
    "人民代表大会常务委员会|人民代表大会|人民政府|国务院|村民委员会|居民委员会|村民代表会议|"
    "村民会议|村民小组会议|村民小组|村务监督委员会|村民选举委员会|行政机关|公安机关|司法机关|"
    "监察机关|审计机关|人民法院|人民检察院|主管部门|党组织|党委|县委|纪委|组织部|统计局|"
    "人民团体|基层群众性自治组织|集体经济组织"
)
BODY_RE = re.compile(
    rf"(?:{_PREFIX})*(?:(?:人民政府)?(?:{_DEPT})(?:主管)?部门|(?:县|市|区|省)?(?:{_DEPT})(?:局|厅)|(?:{_DEPT})?(?:{_CORE}))"
)
# A body named by its level (县级以上地方人民政府, 乡镇党委, 县公安局): blanked, the level is
# guesswork (各级 or 县级以上?), so a fill-in never asks for it.
LEVEL_RE = re.compile(rf"^(?:{_PREFIX}|[县市区省](?:{_DEPT}))")
ACTOR_AFTER = re.compile(
    r"^(应当|负责|可以|依法|有权|不得|按照|依照|统筹|组织|决定|批准|规定|制定|作出|设定|指导|"
    r"支持|鼓励|加强|建立|主持|召集|讨论|领导|监督|协助|予以|给予|报|向|对|推选|通过|公布|审议|"
    r"反映|申诉|备案|提出|申请|产生|确定|办理|审批|审核|核准|承担|实施|[，。；])"
)
ACTOR_BEFORE = ("由", "经", "报", "向", "报请", "提请", "会同")

QUOTE_RE = re.compile(r"“([^“”]{2,16})”")
SPEECH_MARKS = re.compile(r"[吗呢啊哎吧呀啦嘛我你他她]")

DEF_RE = re.compile(
    r"^(?:(?:本|该|此|这部)?(?:法律?|条例|办法|规定|细则|条|章)所称|所谓)?(“?[\u4e00-\u9fa5A-Za-z“”]{2,12}?”?)[，,]?(是指|指的是|就是|是)"
)


@dataclass(frozen=True)
class Element:
    kind: str  # number | body | quote | term
    start: int  # the blank, offsets into Document.text
    end: int
    text: str
    check_start: int
    check_end: int
    group: str = ""  # numbers: the unit; quotes: a length class
    value: float | None = None

    @classmethod
    def blank(cls, kind: str, start: int, end: int, text: str, group: str = "") -> Element:
        """An element whose blank is also the span checked against word boundaries."""
        return cls(kind, start, end, text, start, end, group)


def _date_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in DATE_RE.finditer(text)]


@lru_cache(maxsize=65536)
def numbers(sentence: Sentence, law: bool) -> list[Element]:
    text, base = sentence.text, sentence.start
    dates = _date_spans(text)
    out = []
    for m in NUMBER_RE.finditer(text, sentence.core_start - base):
        num, unit = m.group(1), m.group(2) or ""
        if any(s < m.end() and m.start() < e for s, e in dates):
            continue
        if text[m.start() - 1 : m.start()] == "“":
            continue  # a number quoted as a term (“二日”), not a fact
        frac = "分之" in num
        if not unit and not frac:
            continue
        value = _value(num)
        if value is None:
            continue
        is_cn = not num[0].isdigit()
        before = text[max(0, m.start() - 10) : m.start()]
        # "最多不得超过四百毫升，两次": a limiter before a comma bounds another number.
        before = re.split(r"[，；。、,;]", before)[-1]
        after = text[m.end() : m.end() + 4]
        limited = bool(LIMIT_BEFORE.search(before) or LIMIT_AFTER.match(after))
        # 一个, 一次, 一项: words, not facts; a share ("不得低于…的百分之八十") is one when
        # a limiter bounds it (round eleven).
        if is_cn and value < 2 and unit not in TIME_MONEY_UNITS:
            bounded = SHARE_BOUND.search(text[max(0, m.start() - 20) : m.start()])
            if not (frac and (bounded or SHARE_AFTER.match(after))):
                continue
            limited = True
        if unit == "年" and value >= 1900:
            continue
        if is_cn and (num in ("万", "千", "百") or (num == "十" and unit not in TIME_MONEY_UNITS)):
            continue
        if not law and not limited:
            continue
        if unit in WEAK_UNITS and not limited:
            continue
        group = "比例" if frac else unit
        # "五年" is one word, "7" + "日内" are two: the blank's right edge may be either.
        bounds = token_bounds(text)
        check_end = m.end(1) if m.end(1) in bounds else m.end()
        out.append(
            Element(
                "number",
                base + m.start(1),
                base + m.end(1),
                num,
                base + m.start(1),
                base + check_end,
                group,
                value,
            )
        )
    return out


def number_value(num: str) -> float | None:
    """The value of a number as written ("二十", "15", "百分之八十"), or None."""
    return _value(num)


def _value(num: str) -> float | None:
    if num == "半":
        return 0.5
    if "分之" in num:
        den, nom = num.split("分之")
        d, n = cn_to_int(den), cn_to_int(nom)
        return n / d if d and n is not None else None
    if num.replace(".", "", 1).isdigit():
        return float(num)
    value = cn_to_int(num)
    return float(value) if value is not None else None


@lru_cache(maxsize=65536)
def bodies(sentence: Sentence) -> list[Element]:
    """Organs that act in the sentence (由X负责, X应当 ...), not every mention."""
    text, base = sentence.text, sentence.start
    core = sentence.core_start - base
    out = []
    for m in BODY_RE.finditer(text, core):
        before = text[max(core, m.start() - 2) : m.start()]
        after = text[m.end() :]
        at_start = m.start() == core or text[m.start() - 1] in "，；：、"
        # The body must end where a verb or a stop follows (not inside 县级人民政府农业部门)
        # and start a clause or follow 由/经/向.
        if not ACTOR_AFTER.match(after) or not (at_start or before.endswith(ACTOR_BEFORE)):
            continue
        if BODY_RE.match(after) or after.startswith(("组织部", "办公室", "宣传部", "统战部")):
            continue  # "县委" of "县委组织部": part of a longer name
        if text[m.start() - 1 : m.start()] == "、" or after.startswith(("、", "和", "或者")):
            continue  # one of several bodies: blanking one is ambiguous
        out.append(Element.blank("body", base + m.start(), base + m.end(), m.group(0), "body"))
    return out


def all_bodies(text: str) -> list[str]:
    return [m.group(0) for m in BODY_RE.finditer(text)]


QUOTE_FRAME_BEFORE = re.compile(
    r"(的|发挥|落实|做到|坚持|实现|开展|推行|建立|实行|推进|树立|践行|强化|抓好|叫作|称为)$"
)
QUOTE_FRAME_AFTER = re.compile(
    r"^(作用|机制|工作法|模式|理念|要求|原则|目标|制度|活动|行动|工程|精神|方针|战略|路线)"
)


def framed(sentence: Sentence, el: Element) -> bool:
    """A one-part quote is worth asking about only inside a frame like 的“连心图”作用."""
    text, base = sentence.text, sentence.start
    before = text[: el.start - base - 1]
    after = text[el.end - base + 1 :]
    return bool(QUOTE_FRAME_BEFORE.search(before) or QUOTE_FRAME_AFTER.match(after))


@lru_cache(maxsize=65536)
def quotes(sentence: Sentence) -> list[Element]:
    text, base = sentence.text, sentence.start
    out = []
    for m in QUOTE_RE.finditer(text, sentence.core_start - base):
        inner = m.group(1)
        if not good_quote(inner):
            continue
        out.append(
            Element.blank("quote", base + m.start(1), base + m.end(1), inner, quote_shape(inner))
        )
    return out


def good_quote(inner: str) -> bool:
    if any(ch in inner for ch in "。！？!?：:《》") or SPEECH_MARKS.search(inner):
        return False
    if re.search(r"\d{4}|XXX|×", inner):
        return False
    return sum(1 for ch in inner if "\u4e00" <= ch <= "\u9fff") >= 2


def quote_shape(inner: str) -> str:
    parts = re.split("[，、,]", inner)
    return f"{len(parts)}x{round(len(inner) / max(1, len(parts)))}"


TERM_ADVERBS = "都也均还就则才便亦"
# A speech's bare "X是…的Y" about its own patch ("是本辖区…的第一责任人"): local duty.
LOCAL_SCOPE = re.compile(r"本(?:辖区|地区|地|单位|部门|镇|乡|县|村|区)")


def definition(sentence: Sentence, law: bool = True) -> Element | None:
    """'X是指Y': the defined term X, blanked when Y describes it. Outside a statute a bare
    "X是…的Y" is rhetoric: asked only of a term of more than one word ("基层是社会和谐稳定的
    基础" fits many subjects) and never of the speaker's own patch."""
    core = sentence.core
    m = DEF_RE.match(core)
    if not m:
        return None
    term, verb = m.group(1), m.group(2)
    if term[-1] in TERM_ADVERBS:
        term = term[:-1]  # "地方各级党委和政府都是…": the subject, not its adverb
    rest = core[m.end() :]
    if verb == "是" and not law and (len(term.strip("“”")) <= 2 or LOCAL_SCOPE.search(rest)):
        return None
    if verb == "是" and not re.search(
        r"(的(行为|原则|制度|组织|机构|活动|基础|关键|核心|根本|前提|保障|"
        r"抓手|标准|要求|目标|任务|方式|手段|宗旨|特征|方针|力量|保证|标志|途径|生命线|路线|基石|第一责任人|责任主体|主体|(?:矛盾的?)?主要方面)|[之的]本)",
        rest,
    ):
        return None
    # The term named again in a later clause is cut off with it (rules_fill.definition_stem).
    if len(rest) < 8 or term.strip("“”") in re.split("[，；]", rest, maxsplit=1)[0]:
        return None
    if term.startswith(
        ("这", "那", "此", "其", "它", "我", "你", "他", "该", "也", "都", "就", "要")
    ):
        return None
    inner = term.strip("“”")
    start = sentence.core_start + core.index(inner)
    return Element.blank("term", start, start + len(inner), inner, "term")
