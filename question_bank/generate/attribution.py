"""Who and what a sentence of a speech, notice or Q&A article is about (issue 16, round nine).

On a document that is no statute only a sentence stating a national rule, definition,
formula, day or figure may become a question; the speaker's or the county's own
arrangements never. `attribute` reads one sentence (with the sentences before it in the
same paragraph or Q&A answer) and says whose statement it is:

- a source named in the sentence: "《X法》规定", "X法明确", "法律（还）规定/明确",
  "按照国家有关规定", "党中央明确要求", "国务院印发…", "党的十九届五中全会提出";
- a national subject at the head of a clause ("国家建立…", "国务院可以…"), not 国家 used
  as a modifier ("国家耕地地力保护补贴之外", "非国家机关"), which names no source;
- a national day ("每年的11月9日是全国消防日", "2026年5月12日是我国第18个全国防灾减灾日");
- inherited: a rule (应当/不得/禁止/必须…) with no source of its own that goes on straight
  from a nationally attributed sentence of the same paragraph ("《居民身份证法》规定，……。公民应当自……"), while it has no
  local marker and no new speaker;
- vetoed: a clause kept in the statement that names this place or its people ("我县", "全镇",
  "各村", "县财政", "今年"), or the speaker's own call ("要…", "我们…").

The verdict is a small value the filters and the national rules share, and its `reason`
goes into the candidate's `quality.reasons`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .textutil import pos_tags

# A law or regulation quoted by name, with or without 《》; "办法", "执法", "违法", "依法"
# and the like are no law's name.
LAW_NAME = (
    r"(?:《(?P<marked>[^》]{1,30}?(?:法|法典|条例))》"
    # "按照本法第十三条的规定": 本法 (not 基本法), 该法 and 此法 point back, they name no law.
    r"|(?P<bare>[\u4e00-\u9fa5]{1,14}?(?<![办方做说看想执违依守司合非该此])(?<!(?<!基)本)"
    r"(?:法典|法|条例)))"
)
# "《X法》规定，" "消防法明确规定：" "《X法》第六十二条：" "根据《X条例》第十条规定，"
CITED_LAW_RE = re.compile(
    r"(?:按照|根据|依照|依据)?"
    + LAW_NAME
    # round 20: "《X法》第九条第二款：“…”" (a card's "法条：" line) cites a paragraph
    + r"(?:第[一二三四五六七八九十百零]+条(?:第[一二三四五六七八九十]+款)?)?(?:的)?"
    r"(?:(?:还|也|明确|同时)?(?:规定|明确规定|明确|要求|指出)[，,：:]|(?<=[条款])[：:]"
    # Round fifteen: "劳动法规定得很清楚：" "该法第二条讲得很明白，"
    r"|(?:规定|讲|说|写)得(?:很|非常|十分)?(?:清楚|明白|明确)[，,：:])"
)
# Round fifteen: a law named as the topic, its rule given as the example or after a colon:
# "劳动法对女职工有特殊保护，比如女职工生育享受……" "体育法的要求更硬：学校必须……".
LAW_EXAMPLE_RE = re.compile(
    r"^" + LAW_NAME + r"(?=[^，。；：]{0,20}?(?:规定|要求|保护|明确))[^，。；：]{0,20}?"
    r"(?:[：:]|[，,](?:比如|例如|譬如)[，,]?)"
)
# What may open a sentence before its source: a connective or the matter it turns to
# ("另外，法律规定……" "关于投诉处理，国家规定……"); the source is read after it.
OPENER_RE = re.compile(
    r"^(?:另外|此外|同时|还有|其次|再次|再者|最后|首先|其中|特别是|尤其是|关于[^，。；：]{1,12})[，,]"
)
# "根据《中医药法》，……" "按照农产品质量安全法第三十九条，……": a rule framed by 根据/按照 and the
# law's name (with 《》, or bare with an article number), a comma after it.
# Round 17: a form's "依据：X法第N条 …" (the article's words after a space) is framed so too.
FRAMED_LAW_RE = re.compile(
    r"^(?:按照|根据|依照|依据)(?:"
    r"《(?P<marked>[^》]{1,30}?(?:法|法典|条例))》(?:第[一二三四五六七八九十百零]+条)?"
    r"|(?P<bare>[\u4e00-\u9fa5]{2,14}?(?:法典|法|条例))第[一二三四五六七八九十百零]+条"
    r")(?:的(?:有关)?规定)?[，,]"
    r"|^依据[：:]\s*(?:《(?P<marked2>[^》]{1,30}?(?:法|法典|条例))》"
    r"|(?P<bare2>[\u4e00-\u9fa5]{2,14}?(?:法典|法|条例)))第[一二三四五六七八九十百零]+条"
    r"(?:第[一二三四五六七八九十]+款)?[\s　]+"
)
# "法律明确，" "法律还规定，" "按照法律规定，" "依照法律，": the law is not named here.
# Round thirteen: the one law a speech has named, referred to again without its name:
# "新法规定，" "该法第十二条规定，" "这部法律明确，" "法律也有说法：" "这里有一条法律依据大家要清楚：",
# "法律同时禁止……" (the statement starts at the verb).
THIS_LAW = (
    r"(?:法律(?:法规)?|新法|该法|此法|这部法律?|这部条例|该条例|新修订的法律|修订后的法律"
    r"|同一部法律?|同一部条例)"
)
CITED_LAW_UNNAMED_RE = re.compile(
    r"^(?:按照|根据|依照|依据)?(?:有关)?法律(?:法规)?(?:还|也|同时)?(?:的)?(?:明确规定|规定|明确|要求)?[，,：:]"
    r"|^(?=(?:这部|该)(?:法律|法|条例)所称)"
    rf"|^(?:按照|根据|依照|依据)?{THIS_LAW}"
    r"(?:第[一二三四五六七八九十百零]+条(?:第[一二三四五六七八九十]+款)?)?(?:还|也|同时)?(?:的)?"
    r"(?:(?:明确规定|规定|明确|要求|有(?:明确)?(?:规定|说法))[，,：:]|(?:讲|说|写道)[：:](?=“))"
    r"|^[^，。；：]{0,12}法律(?:的)?(?:依据|规定|原话)[^，。；：]{0,10}[：:]"
    r"|^法律(?:还|也|同时)?(?=禁止)"
    # Round fifteen: "这部法律第二条讲得很清楚，" "法律规定得很明白，"
    rf"|^{THIS_LAW}(?:第[一二三四五六七八九十百零]+条)?(?:对[^，。；：]{{1,12}})?"
    r"(?:规定|讲|说|写)得(?:很|非常|十分)?(?:清楚|明白|明确)[，,：:]"
    # Round fourteen: "法律第二十五条要求村委会…" "法律要求各地应当…" "该法规定经营者…": the
    # verb runs straight into the rule, no comma after it.
    rf"|^{THIS_LAW}(?:第[一二三四五六七八九十百零]+条(?:第[一二三四五六七八九十]+款)?)?(?:还|也|同时)?"
    r"(?:明确)?(?:规定|要求)(?![，,：:得的了过])(?=[\u4e00-\u9fa5])"
    # Round 16: "第四条规定：“…”" right after the sentence naming the law ("…施行的X法，…").
    # Only a quotation ("规定：“"): after a comma a speaker retells the article in his words.
    r"|^第[一二三四五六七八九十百零]+条(?:第[一二三四五六七八九十]+款)?(?:还|也|同时)?(?:明确)?规定[：:]“"
    # Round 17: "同时规定：“…”" "还规定：“…”" after the sentence quoting the law: a second
    # quotation of the same law (heldout23's wrong drops); a quotation only, as above.
    r"|^(?:同时|还|也|另外|此外|并)(?:还|也)?(?:明确)?规定[：:]“"
    # Round 18: a duty list's "依据：第十二条第三款“…”" quotes the article of the one law the
    # list names (in its note); a quotation only: without marks the line is the list's own.
    r"|^依据[：:]\s*第[一二三四五六七八九十百零]+条(?:第[一二三四五六七八九十]+款)?"
    r"(?:第[（(][一二三四五六七八九十]+[）)]项)?(?=“)"
    # A table's "【法条】" column copies the one law the table names (a negative list).
    r"|^【(?:法条|条文|法律原文)】\s*"
)
# "党中央明确要求，" "国务院印发…" "党的十九届五中全会提出，" "中央一号文件提出，"
NATIONAL_BODY_SAYS_RE = re.compile(
    r"^(?:党中央|中共中央|中央|国务院|全国人大(?:常委会)?|党的[一二三四五六七八九十]+[大届][^，。]{0,10}?)"
    r"(?:、国务院)?(?:明确|反复|多次)?(?:要求|提出|指出|强调|部署|规定|决定|印发|明确)"
)
# "国家规定：…" "国家还规定，…" "国家规定有关行政部门…": a national rule restated (round
# fourteen); "国家规定的标准" names a thing, not a source of what follows.
NATIONAL_SAYS_RE = re.compile(r"^国家(?:还|也|同时)?(?:明确)?规定(?![的了过])[，,：:]?")
# "县、乡两级人民政府" "县级人民政府" "乡、镇人民政府": a level of government a law names,
# every county has it; in a rule the sentence quotes from a named law it is no local subject.
LEVEL_GOVERNMENT_RE = re.compile(
    r"^(?:县|乡|镇|民族乡)(?:[、和与及]?(?:县|乡|镇|民族乡))*(?:级|两级|三级|各级)?"
    r"(?:人民政府|人民代表大会|地方人民政府)"
)
# "按照国家有关规定，" "按照国家生活垃圾分类标志标准，": a national rule or standard cited.
NATIONAL_RULE_CITED_RE = re.compile(
    r"(?:按照|根据|依照|依据|符合)国家(?:有关|相关)?[\u4e00-\u9fa5]{0,12}?(?:规定|标准)"
)
# A national subject heading a clause; what follows must be its verb ("国家建立", "国家对…实行").
NATIONAL_SUBJECT_RE = re.compile(r"^(?:国家|我国|国务院|党中央|中共中央)")
SUBJECT_VERB_TAGS = ("v", "p", "d")
SUBJECT_HEADS = (
    "对",
    "在",
    "依法",
    "鼓励",
    "支持",
    "可以",
    "应当",
    "必须",
    "不得",
    "有权",
    "建立健全",
)
NATIONAL_DAY_RE = re.compile(
    r"(?:每年(?:的)?|(?:今年|\d{4}年)(?:的)?)[^，。；]{1,14}?(?:是|为)(?:我国)?(?:第[\d一二三四五六七八九十百]+个)?"
    r"全国[\u4e00-\u9fa5“”]{2,14}?(?:日|月|周)"
)
# A field of work's 方针 or principle, and the responsibility system of "各级人民政府", stated
# as such ("森林防火工作实行预防为主、积极消灭的方针", "防汛抗洪工作实行各级人民政府行政首长负责制"):
# set by national law for the whole field; a place's own version names the place (vetoed).
NATIONAL_FORMULA_RE = re.compile(
    r"^(?!这|此|该|本|各|我|全|今|明|上述)[\u4e00-\u9fa5]{2,12}工作(?:实行|坚持|贯彻|遵循)"
    r"[^。；]{2,60}?的(?:方针|原则)"
    r"|^(?!这|此|该|本|各|我|全|今|明|上述)[\u4e00-\u9fa5]{2,12}工作实行(?:地方)?各级人民政府"
    r"[\u4e00-\u9fa5]{2,10}负责制"
)
# This place, its people and its time: whose arrangement a clause is.
LOCAL_MARK_RE = re.compile(
    r"我(?:们|县|镇|乡|村|区|市|省)|咱们|本(?:县|镇|乡|村|区|市)|全(?:县|镇|乡|村|区|市)(?!人大|国)|"
    # "各单位应当/可以/必须…" is a law's own term for every unit (会计法; round 17); "各单位要…" a call.
    r"各(?:乡镇|村|社区|学校|单位(?!应当|可以|不得|必须)|部门|级党委)|县(?:里|财政|委|政府|直)|镇(?:里|党委|政府)|"
    r"今年|明年|去年|当前|目前|近期|下一步|同志们"
)
# The subject of a clause that is a local place or its own people ("每个村", "村干部",
# "乡镇敬老院", "县财政"). A level every place has ("县级以上", "村级", "城乡", "农村",
# "村民委员会", "社区居民委员会", and the township government as laws name it: "乡镇人民政府",
# "乡（镇）人民政府", "乡、民族乡、镇的人民政府") is no local subject.
LOCAL_SUBJECT_RE = re.compile(
    r"^(?:每个|各个?|全|本|我)?"
    r"(?:县(?!级)|(?<!城)乡(?![村级]|镇人民政府|（镇）|、民族乡)|(?<![城乡])镇(?!级)|(?<![农乡])村(?![民级])|社区(?!居民|卫生)|街道)"
)
# The speaker's own call opening a clause ("要…", "务必…", "请…", "各企业…"; "各级人民政府"
# is the law's own subject), or a directive "X要…" inside it ("补助资金要专款专用").
SPEAKER_CALL_RE = re.compile(
    r"^(?:要|务必|一定要|必须要|请|希望|大家|也就是说|这就要求"
    # "各地应当…" "各地区可以…" are a law's words (a speaker says "各地要…").
    r"|各(?!级|(?:地区?|单位)(?:应当|可以|不得|必须)))"
)
DIRECTIVE_RE = re.compile(r"(?<![需主重只必想])要(?![求素点件害闻务是么])")
# What a sentence that inherits its source must itself be: a rule (who must, may or must not).
# A permission ("都可以申领…") is as often the article's own advice as the law's: not enough.
INHERITED_RULE_RE = re.compile(r"应当|不得|禁止|必须|有权|有义务")
# A day a law sets ("每年9月30日为烈士纪念日"): a study material's point about its law.
DAY_STATEMENT_RE = re.compile(r"^每年(?:的)?\d{1,2}月\d{1,2}日(?:是|为)")
# A named formula with the items the sentence gives for it ("健全统一领导、齐抓共管…的工作格局")
# and a classification ("分为特别重大、重大、较大和一般四级"): the law's own when a law's
# statement or a study material's topic stands for it.
NAMED_FORMULA_RE = re.compile(
    r"(?:、[\u4e00-\u9fa5]{2,6}){1,7}的[\u4e00-\u9fa5]{0,10}"
    r"(?:战略|体制|治理体系|工作体系|工作格局|格局|方针|原则)"
)
CLASSES_STATEMENT_RE = re.compile(r"分为[^。；]{2,40}?[二三四五六七八九十](?:级|类|种)")
# What leads a statement but is not part of it: a handout's point number and its editor's
# label ("1.【管理体制】"), a Q&A answer's "答：". (A speaker's "一要…" stays: it is a call.)
LEAD_RE = re.compile(
    # Round 18: a notice's item number "二、" leads its cited rule ("二、依照法律规定，…").
    r"^\s*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})[、.．]\s*)?(?:【(?!(?:法条|条文|法律原文)】)[^】]{1,12}】\s*)?[★☆]?(?:答(?:复)?[：:]\s*)?"
)
# "本法", "该条例", "同一部法律", "上述法律": a law named before, never a name of its own
LEADS = ("本", "该", "此", "这", "各", "我", "同一", "另一", "上述", "前述")
CLAUSE_RE = re.compile(r"[^，；：。！？]+")
# How far a source carries: sentences of the same paragraph after it, without a new subject.
INHERIT_SENTENCES = 1


@dataclass(frozen=True)
class Attribution:
    national: bool
    how: str  # "named", "national_subject", "national_day", "inherited", "none", "local"
    law: str | None = None  # the law the statement is from, where a law is named or inherited
    detail: str = ""

    @property
    def reason(self) -> str:
        if self.national:
            source = f"《{self.law}》" if self.law else self.detail
            how = {
                "named": "句中写明出处",
                "national_subject": "句子的主语是国家一级",
                "national_day": "全国性的节日",
                "national_formula": "一个工作领域的方针、原则或负责制",
                "inherited": "承接同段上句写明的出处",
            }[self.how]
            return f"出处核对：{how}（{source}）"
        return f"出处核对：{self.detail}"


# A law's name in 《》 anywhere in the document; a county's or town's own book is none.
MARKED_LAW_RE = re.compile(r"《(?:中华人民共和国)?([^》]{1,30}?(?:法|法典|条例))》")
# A law the document says is repealed ("原《…环境噪声污染防治法》同时废止") is no second law.
REPEALED_LAW_RE = re.compile(
    r"原《(?:中华人民共和国)?([^》]{1,30}?(?:法|法典|条例))》[^。；]{0,8}废止"
)
LOCAL_BOOK_NAME_RE = re.compile(
    r"县(?!级)|(?<!城)乡(?![村镇])|(?<![城乡])镇(?!级)|(?<![农乡])村(?![民级务])|(?<![城都])市|街道"
)
# A study material ("…学习资料", "应知应会", "普法问答", "本期主题：《X法》专题"): its points state
# the law it is about, one by one, without naming it again.
STUDY_RE = re.compile(r"学习资料|学习材料|应知应会|知识点|普法|学法|专题学习|知识问答|本期主题")
TOPIC_LINE_RE = re.compile(r"^(?:本期主题|学习主题|主题)[：:]")
BASIS_LINE_RE = re.compile(
    r"本(?:资料|材料|手册)(?:主要)?(?:依据|根据)《[^》]{1,40}》(?:编写|整理|编印|汇编)"
)
# A law named without 《》 where its revision or entry into force is told ("水土保持法于2010年
# 12月25日修订"): the name starts a sentence or clause.
DATED_LAW_RE = re.compile(
    r"(?:^|(?<=[。！？；，：\s]))(?:新修订的)?([\u4e00-\u9fa5]{2,16}?(?<![办方做说看想执违依守司合非的])"
    r"(?:法|条例))(?:已|是)?(?:于|自|在)?\d{4}年"
)


# A law named without 《》 wherever its rule is referred to ("劳动合同法规定的事项", "宪法第四条").
BARE_LAW_MENTION_RE = re.compile(
    r"(?:^|(?<=[。！？；，：、\s“]))[^。！？；，：、\s“”]{0,10}?"
    # "依照本法规定" quotes the law by "本法": no second law's name (round 18).
    r"([\u4e00-\u9fa5]{1,12}?(?<![办方做说看想执违依守司合非立普用手写算技的本该此])(?:法典|法|条例))"
    r"(?=规定|明确|要求|第[一二三四五六七八九十百零]+条|的规定|的要求)"
)


@dataclass(frozen=True)
class Setting:
    """What the whole document says about its sources: `law`, the only national law it
    names (so "法律规定，……" means that law wherever it is said); `topic`, that law when the
    document is a study material about it (its points state the law without naming it)."""

    law: str | None = None
    topic: str | None = None


NO_SETTING = Setting()


@lru_cache(maxsize=256)
def setting(title: str, text: str) -> Setting:
    names = {m.group(1) for m in MARKED_LAW_RE.finditer(text)}
    for m in CITED_LAW_RE.finditer(text):
        bare = m.group("bare")
        if bare and len(bare) < 3:
            continue  # "新法规定": the law named elsewhere, no second law
        names.add(law_name(m.group("marked") or bare))
    names |= {re.sub(r"^中华人民共和国", "", m.group(1)) for m in DATED_LAW_RE.finditer(text)}
    for m in BARE_LAW_MENTION_RE.finditer(text):
        # "要紧扣劳动合同法规定的…": a second law the speech names only in passing (the
        # match may start a few words early; a mention ending with a known name is that law).
        bare = law_name(m.group(1))
        if len(bare) >= 3 and not any(bare.endswith(n) for n in names):
            names.add(bare[-12:])
    names -= {m.group(1) for m in REPEALED_LAW_RE.finditer(text)}
    names = {n for n in names if not LOCAL_BOOK_NAME_RE.search(n) and not n.startswith(LEADS)}
    if len(names) != 1:
        return NO_SETTING
    (law,) = names
    heads = [title or ""] + [
        line for line in text.splitlines()[:12] if TOPIC_LINE_RE.match(line.strip())
    ]
    topic = any(law in h and STUDY_RE.search(h + (title or "")) for h in heads)
    if not topic and STUDY_RE.search(title or ""):
        # "本资料依据《X法》编写": a study material says which law its points restate.
        topic = any(law in line for line in BASIS_LINE_RE.findall(text))
    return Setting(law, law if topic else None)


def in_passage(where: Setting, kind: str, text: str) -> Setting:
    """The setting for a sentence of a passage: a study material's topic vouches only for its
    knowledge points and Q&A answers, never for the editor's note or closing call."""
    if where.topic and not (kind == "point" or text.lstrip().startswith("答")):
        return Setting(where.law, None)
    return where


REVISED_RE = re.compile(r"^(?:(?:新|修订后|修改后|新修订|新修改)的)?(?:中华人民共和国)?")


def law_name(name: str) -> str:
    """A law's name as cited: "修订后的动物防疫法" is 动物防疫法 (the revision is no part of
    the name), "中华人民共和国X法" is X法."""
    return REVISED_RE.sub("", name)


def opener(text: str) -> int:
    """Where a sentence's own words start after an opening connective ("另外，")."""
    m = OPENER_RE.match(text)
    return m.end() if m else 0


def law_cited(text: str) -> tuple[str | None, int] | None:
    """(the law's name or None, where its statement starts) when `text` cites a law."""
    at = opener(text)
    if at:
        cited = law_cited(text[at:])
        return (cited[0], at + cited[1]) if cited else None
    m = CITED_LAW_RE.search(text) or FRAMED_LAW_RE.match(text) or LAW_EXAMPLE_RE.match(text)
    if m:
        groups = m.groupdict()
        marked = groups.get("marked") or groups.get("marked2")
        name = law_name(marked or groups.get("bare") or groups.get("bare2"))
        if len(name) >= (2 if marked else 3) and not name.startswith(LEADS):
            return name, m.end()
    m = CITED_LAW_UNNAMED_RE.match(text)
    if m:
        return None, m.end()
    return None


def national_subject(clause: str) -> bool:
    """ "国家建立…" "国务院可以…": the nation acts; "国家耕地地力保护补贴" names a thing."""
    m = NATIONAL_SUBJECT_RE.match(clause)
    if not m:
        return False
    tags = pos_tags(clause[:10])
    if len(tags) < 2 or tags[0][0] != m.group(0):
        return False
    return tags[1][1][:1] in SUBJECT_VERB_TAGS or tags[1][0] in SUBJECT_HEADS


def local_clause(clause: str, directives: bool = True) -> str | None:
    """Why `clause` is this place's or the speaker's own, or None. `directives=False`: a
    "X要…" inside a cited rule is the rule's wording (party regulations say 要)."""
    clause = clause.strip()
    m = LOCAL_MARK_RE.search(clause) or LOCAL_SUBJECT_RE.match(clause)
    if m:
        return m.group(0)
    m = SPEAKER_CALL_RE.match(clause) or (DIRECTIVE_RE.search(clause) if directives else None)
    if m:
        return m.group(0)
    return None


PLACE_SUFFIX = "县镇乡村"
NATIONAL_NAMES = ("中国", "中华人民共和国", "我国")


def named_place(text: str) -> str | None:
    """A county, town or village called by its name ("白沙县", "双河镇"): this place's own
    affair, whatever the sentence goes on to say. Rivers and regions ("长江流域") are no
    such place."""
    if not any(ch in text for ch in PLACE_SUFFIX):
        return None  # cheap test first: tagging every statement would cost
    words = pos_tags(text)
    pos = 0
    for word, tag in words:
        pos += len(word)
        if not tag.startswith("ns") or word in NATIONAL_NAMES:
            continue
        if word[-1] in PLACE_SUFFIX:
            return word
        # "长江流域县级以上地方人民政府": a region, then a level of government named by a
        # law (round 20), not a county called by its name.
        if (
            pos < len(text)
            and text[pos] in PLACE_SUFFIX
            and text[pos : pos + 2] not in ("村民", "乡村")
            and text[pos + 1 : pos + 2] != "级"
        ):
            return word + text[pos]
    return None


def _own_source(text: str) -> Attribution | None:
    cited = law_cited(text)
    if cited:
        law, _ = cited
        return Attribution(True, "named", law, "" if law else "法律规定")
    if NATIONAL_SAYS_RE.match(text[opener(text) :]):
        return Attribution(True, "named", None, "国家规定")
    for clause in CLAUSE_RE.findall(text):
        clause = clause.strip()
        if NATIONAL_BODY_SAYS_RE.match(clause):
            return Attribution(True, "named", None, clause[:6])
        if national_subject(clause):
            return Attribution(True, "national_subject", None, NATIONAL_SUBJECT_RE.match(clause)[0])
    if NATIONAL_FORMULA_RE.match(text):
        return Attribution(True, "national_formula", None, "全国统一的方针、原则或负责制")
    m = NATIONAL_RULE_CITED_RE.search(text)
    if m:
        return Attribution(True, "named", None, m.group(0))
    if NATIONAL_DAY_RE.search(text):
        return Attribution(True, "national_day", None, "全国……日")
    return None


def law_before(before: list[str]) -> str | None:
    for text in reversed(before):
        cited = law_cited(text)
        if cited and cited[0]:
            return cited[0]
        m = re.search(r"《([^》]{1,30}?(?:法|法典|条例))》", text) or BARE_LAW_TOPIC_RE.search(text)
        if m:
            return re.sub(r"^中华人民共和国", "", m.group(1))
    return None


# A law named without 《》 as what a sentence is about ("2023年施行的无障碍环境建设法，对…提出了
# 明确要求", "新修订的X法对…"): the law an unnamed "第四条规定：" right after it cites (round 16).
BARE_LAW_TOPIC_RE = re.compile(
    r"(?:施行|实施|颁布|公布|修订|修正|通过|出台)的(?:中华人民共和国)?"
    r"([\u4e00-\u9fa5]{2,14}?(?<![办方做说看想执违依守司合非])(?:法典|法|条例))(?=[，,对把将])"
)


def _after_cite(clause: str) -> str:
    """A clause with the framing "根据《X法》" taken off its head."""
    m = FRAMED_LAW_RE.match(clause + "，")
    return clause[m.end() - 1 :] if m and m.end() > len(clause) else clause


def attribute(
    statement: str, before: list[str] = (), veto: bool = True, where: Setting = NO_SETTING
) -> Attribution:
    """Whose statement `statement` is. `before`: the sentences before it in the same paragraph
    (or Q&A answer), nearest last. Every clause of the statement is read for local markers:
    a national rule followed by the county's own arrangement in the same sentence is vetoed
    (a rule proposing from it cuts the statement first). `veto=False` only looks for the
    source (of a span whose stem left its local clauses out)."""
    before = list(before)
    cited = law_cited(statement)
    directives = not cited
    for clause in CLAUSE_RE.findall(statement) if veto else ():
        if cited and cited[0]:  # "根据《教师法》，县、乡两级人民政府应当…": the law's own subject
            clause = LEVEL_GOVERNMENT_RE.sub("", _after_cite(clause).strip())
        why = local_clause(clause, directives)
        if why:
            return Attribution(False, "local", None, f"本地或讲话人的安排（{why}）")
    place = named_place(statement) if veto else None
    if place:
        return Attribution(False, "local", None, f"本地或讲话人的安排（{place}）")
    own = _own_source(statement)
    if own and own.law is None and own.how == "named" and own.detail in ("法律规定", "国家规定"):
        # "依照法律规定，村民承包草场的，应当……到镇便民服务中心登记": a township's office after a
        # bare "as the law says", not quoted, is the writer's own arrangement (round 20).
        cited = law_cited(statement)
        quoted = cited is not None and quoted_at(statement, cited[1])
        m = None if quoted else TOWNSHIP_OFFICE_RE.search(statement)
        if m:
            return Attribution(
                False, "local", None, f"泛称的法律规定之后是本地的安排（{m.group(0)}）"
            )
    if own:
        if own.law is None and own.how == "named" and own.detail == "法律规定":
            law = law_before(before) or where.law
            if law is None:  # "法律规定，…" and no law named in the document: which law?
                return Attribution(False, "none", None, "只说“法律规定”，段内没有写明是哪部法律")
            return Attribution(True, "named", law, "法律规定")
        if own.law is None and own.how == "national_subject":
            law = law_before(before[-1:]) if before and law_cited(before[-1]) else None
            return Attribution(True, own.how, law, own.detail)
        return own
    # No source of its own: the source of the sentence just before carries over to a rule
    # (应当/不得/可以…), while nothing in between turned to this place or the speaker.
    if where.topic and (DAY_STATEMENT_RE.match(statement) or NAMED_FORMULA_RE.search(statement)):
        return Attribution(True, "inherited", where.topic, f"学习资料的主题《{where.topic}》")
    if not (
        INHERITED_RULE_RE.search(statement)
        or CLASSES_STATEMENT_RE.search(statement)
        or DAY_STATEMENT_RE.match(statement)
    ):
        return Attribution(False, "none", None, "句中没有写明全国性出处，也不是承接上句的规定")
    for back, text in enumerate(reversed(before[-INHERIT_SENTENCES:])):
        if any(local_clause(c) for c in CLAUSE_RE.findall(text)):
            break
        prior = _own_source(text)
        if prior and prior.how in ("named", "national_subject"):
            law = prior.law or law_before(before[: len(before) - back]) or where.law
            return Attribution(True, "inherited", law, prior.detail)
    if where.topic:  # a study material's point about the one law it is about
        return Attribution(True, "inherited", where.topic, f"学习资料的主题《{where.topic}》")
    return Attribution(False, "none", None, "句中没有写明全国性出处，上句也没有")


# --- figures credited to a law (round 18) -------------------------------------------------
# A township's or county's own body, office or procedure, as a notice or speech names it
# (a law names the level: "乡（镇）人民政府", "乡、镇人民政府", "县级以上人民政府"):
# "须经镇人民政府审核同意", "报镇政府批准", "到镇便民服务中心登记", "报镇水务站".
LOCAL_ARRANGEMENT_RE = re.compile(
    r"(?<![乡、（(和与及])镇(?:人民)?政府|(?<![、（(和与及])县政府|街道办事处|村委会|村部"
    r"|(?<![城乡])镇[\u4e00-\u9fa5]{0,6}?(?:站|所|中心|办公室)|便民服务中心|农经站"
)
# A township's or county's own office or body (not a village committee, which a law names
# among those who must act): after a bare "依照法律规定，" the writer's arrangement (round 20).
TOWNSHIP_OFFICE_RE = re.compile(
    r"(?<![乡、（(和与及])镇(?:人民)?政府|(?<![、（(和与及])县政府"
    r"|(?<![城乡])镇[\u4e00-\u9fa5]{0,6}?(?:站|所|中心|办公室)|便民服务中心|农经站"
)
# "依照法律规定，" "按照有关法律规定，": a source framed, no law named.
FRAMED_UNNAMED_RE = re.compile(
    r"^(?:按照|根据|依照|依据)(?:有关|相关)?(?:法律(?:法规)?|国家)(?:的)?(?:有关|相关)?规定"
)
# The rule a sentence cites is a quotation when it opens with a quotation mark right after
# its source ("法律规定：“…”", "《X法》第十条明确：“…”").
QUOTATION_RE = re.compile(r"^\s*[“「]")


def quoted_at(text: str, start: int) -> bool:
    """Whether what a sentence cites from `start` on is a verbatim quotation."""
    return bool(QUOTATION_RE.match(text[start:]))


def figure_credit(text: str) -> str | None:
    """Why a figure in `text` (a sentence of a speech or notice, its lead taken off) may not be
    asked as a national law's, or None. A quotation of the law ("…规定：“…”") is the law's
    words; so is a rule whose law the sentence itself names. A bare "依照法律规定，" or "按照国家
    规定，" before a township's body or office ("须经镇人民政府审核同意") is a local rule phrased
    as national (a writer's trap), and so is any such arrangement in a rule not quoted."""
    text = text[LEAD_RE.match(text).end() :]
    cited = law_cited(text)
    if cited and quoted_at(text, cited[1]):
        return None  # the law's own words, whatever body they name
    if not (cited and cited[0]) and FRAMED_UNNAMED_RE.match(text):
        # "依照法律规定，…超过200亩的，…": "as the law says" frames the writer's own retelling;
        # which law, and whether it sets that figure, the sentence does not say.
        return (
            "只说“依照法律规定”“按照国家规定”，没有写明法名，也不是引文，数字不能算作某部法律的规定"
        )
    m = LOCAL_ARRANGEMENT_RE.search(text)
    if m:
        source = "句中写明的法律" if cited and cited[0] else "泛称的“法律规定”“国家规定”"
        return f"{source}之后是本地机关或程序的安排（{m.group(0)}），数字不能算作法律的规定"
    return None
