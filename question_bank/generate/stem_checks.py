"""Whether a stem can be answered from the stem alone, by anyone outside the meeting.

- Blank answerability: a 填空 whose blank is the subject of a short, general predicate
  ("____是“国之大者”。", "____实行党政同责。") fits many answers; the stem must carry a
  feature that pins the answer: a definition ("____是指…"), the law it is asked under,
  a role only one thing holds ("…的第一责任人", "…的根本制度"), or a predicate long
  enough to describe one thing.
- Local scope: outside a statute, what the speaker's own town, this year or this meeting
  arranges ("镇里成立…领导小组", "今年要再复耕800亩", "各村要…") is no knowledge a
  cadre elsewhere is examined on.
- Context: a stem that leans on the text before it: a demonstrative ("该组织", "这些",
  "此项") naming nothing in the stem, a notice "received" without saying which
  ("收到通知后"), or a document's short name for a term it spelled out earlier
  ("服务点" for "村级互助养老服务点").
"""

from __future__ import annotations

import re

from question_bank.document import Document

from . import duties
from .candidate import BLANK, Candidate
from .quality import FIRST_PERSON
from .textutil import numeral_forms, pos_tags, token_bounds

LAW_PREFIX_RE = re.compile(r"^根据《[^》]+》(?:第[一二三四五六七八九十百零]+条)?，")
ARTICLE_RE = re.compile(r"^\s*第[一二三四五六七八九十百零]+条")
HAN_RE = re.compile(r"[\u4e00-\u9fa5]")

# --- blank answerability ---------------------------------------------------------
DEFINITION_RE = re.compile(r"^[，,]?(?:是指|指的是|是对[^，。]+的(?:简称|统称)|简称|即)")
# A role only one thing can hold ("…的第一责任人", "…的根本制度", "…的最高…").
UNIQUE_ROLE_RE = re.compile(r"第一|唯一|最高|最大|根本|首要|核心")
MIN_PREDICATE = 14  # han characters in the predicate's first clause when nothing else pins it
MIN_CONTEXT = 6  # han characters a stem carries beside its blanks
# A quoted formula's blank ("认真落实“____”制度") needs more: many formulas fit a short frame.
MIN_QUOTED_CONTEXT = 10
# "森林防火是____的重要内容": what a thing is a part of fits many wholes (公共安全, 林业工作…).
BROAD_OBJECT_RE = re.compile(
    rf"(?:是|为|作为|属于){re.escape(BLANK)}的(?:重要|主要|基本|关键)?"
    r"(?:内容|组成部分|部分|任务|基础|保障|举措|方面|环节|一环|抓手|手段|途径)"
)


def _han(text: str) -> int:
    return len(HAN_RE.findall(text))


def _statement(stem: str) -> str:
    return LAW_PREFIX_RE.sub("", stem)


def unanswerable_blank(c: Candidate, document: Document) -> str | None:
    if c.type != "fill_in" or c.label:
        return None  # a named total's members are pinned by its name
    statement = _statement(c.stem)
    context = _han(statement.replace(BLANK, ""))
    if context < MIN_CONTEXT or (f"“{BLANK}”" in statement and context < MIN_QUOTED_CONTEXT):
        return "题干信息太少，空位不止一种填法"
    m = BROAD_OBJECT_RE.search(statement)
    if m:
        return f"“{m.group(0)}”可填的上位概念不止一个"
    if not statement.lstrip("“").startswith(BLANK):
        return None
    predicate = statement.lstrip("“")[len(BLANK) :].lstrip("”")
    if DEFINITION_RE.match(predicate):
        return None
    if LAW_PREFIX_RE.match(c.stem):
        return None  # the law it is asked under narrows the subject to what it says
    first = re.split(r"[，；。]", predicate, maxsplit=1)[0]
    if _han(first) < MIN_PREDICATE and not UNIQUE_ROLE_RE.search(first):
        return f"空位是主语，谓语“{first}”太笼统，可填的答案不止一个"
    return None


def another_object_in_stem(c: Candidate, document: Document) -> str | None:
    """ "…仍在接受义务教育的，应当保障他们依法接受____" (义务教育所需费用): the stem itself
    joins the verb before the blank to a shorter answer, which then fits the blank too."""
    if c.type != "fill_in":
        return None
    statement = _statement(c.stem)
    pieces = statement.split(BLANK)
    if len(pieces) != len(c.answer) + 1:
        return None
    for i, answer in enumerate(c.answer):
        verb = re.search(r"[\u4e00-\u9fa5]{2}$", pieces[i])
        if not verb or len(answer) < 3:
            continue
        rest = "\u0000".join(pieces)
        for size in range(len(answer) - 1, 1, -1):
            shorter = answer[:size]
            if verb.group(0) + shorter in rest and size in token_bounds(answer):
                return f"题干中的“{verb.group(0)}{shorter}”说明空位填“{shorter}”也通"
    return None


# --- local scope -----------------------------------------------------------------
LOCAL_RE = re.compile(
    r"(?:本|我|咱)(?:镇|乡|村|街道|社区|县|市|区)(?![委长级政])|全(?:镇|乡|村|街道|社区)"
    r"|(?<![城乡村集市])镇(?:里|上|党委|政府|纪委|人大|长|级)"
    r"|(?:县|乡|村)里(?!面)"
    r"|今年|去年|明年|前年|上半年|下半年|本月|下个?月|近期|会后|这次会议|本次会议"
    r"|各(?:村|组|乡镇|镇|乡|单位|部门|站所)(?:（[^）]{1,6}）)?(?:都|也)?(?:要|必须|务必)"
    # A body named by a bare 镇 or 乡 ("镇交管站", "乡卫生院"): the speaker's own town; a
    # rule for every place names the level ("乡镇人民政府", "乡、民族乡、镇的人民政府").
    r"|(?<![\u4e00-\u9fa5])[镇乡](?![镇村级域城以长民里人、])[\u4e00-\u9fa5]{0,6}?"
    r"(?:站|所|中心|办|院|队|委|组|财政)"
)


def in_article(c: Candidate, document: Document) -> bool:
    """The cited span is in a statute's article (its stem may lack the law's name when
    the answer is in that name: "____向居民会议负责并报告工作")."""
    return LAW_PREFIX_RE.match(c.stem) is not None or any(
        p.id == c.source.passage_id and p.kind == "article" for p in document.passages
    )


def local_scope(c: Candidate, document: Document) -> str | None:
    if in_article(c, document):
        return None
    statement = _statement(c.stem)
    m = LOCAL_RE.search(statement) or FIRST_PERSON.search(statement)
    return f"讲话者本地、本年或本次会议的安排：{m.group(0)}" if m else None


# --- references to the text before the stem ----------------------------------------
DEMONSTRATIVE_RE = re.compile(
    r"(?<![应活])该([\u4e00-\u9fa5]{2})|这些|这类|此类|此项|此次|上列|前述|上述|本院(?!士)"
)
RECEIVED_RE = re.compile(
    r"(?:收到|接到)(通知|报告|申请|决定|材料)后"
    # Round 16: "民政部门应当自受理申请之日起____日内作出决定": which application is said before.
    r"|自(?:受理|收到|接到)(申请|报告|材料|举报|投诉|通知)之日"
)
# A function word or measure word before a noun is no modifier of it.
NOT_MODIFIER = set("的在对为和与及或到从向把被由将按等各每该个这那了是并且就也都要于")
SHORT_NOUN_RE = re.compile(r"[\u4e00-\u9fa5]{2,3}")
# Where a noun stands bare: a clause's start, or after a quantifier.
BARE_SLOT_RE = re.compile(r"[，；。：]|每个|每一个|各个|每(?=[\u4e00-\u9fa5]{2})|各(?![级类种项])")
MIN_LONG_USES = 2
NOT_NOUN_TAGS = ("d", "r", "p", "c", "u", "e", "y", "o", "z")  # jieba: adverb, pronoun…


DEFINITION_RE = re.compile(r"^[^，。]{0,20}，?(?:是指|指的是)")


# "…自受理申请之日起二十个工作日内准予注册": the grant names what was applied for.
NAMED_GRANT_RE = re.compile(
    r"(?:准予|不予|批准|核发|发给|颁发|换发|办理)(?!是否|的)[\u4e00-\u9fa5]{2}"
)


def _said_before(c: Candidate, document: Document | None, noun: str) -> bool:
    """Whether the article or paragraph names `noun` before the cited span ("设立…，应当提出申请。
    …应当自受理申请之日起…"): then the stem leans on it. A first sentence that says "收到申请"
    leaves the application as general as the law does (round 16)."""
    if document is None:
        return True
    passage = next((p for p in document.passages if p.id == c.source.passage_id), None)
    if passage is None:
        return True
    return noun in document.text[passage.start : max(passage.start, c.source.start)]


def needs_context(c: Candidate, document: Document) -> str | None:
    statement = _statement(c.stem)
    for m in DEMONSTRATIVE_RE.finditer(statement):
        noun = m.group(1)
        if noun and noun in statement[: m.start()]:
            continue  # "…的农村五保供养对象…，其收益归该农村五保供养对象所有": named before
        return f"指代上文：{m.group(0)}"
    m = RECEIVED_RE.search(statement)
    noun = m and (m.group(1) or m.group(2))
    if (
        m
        and noun not in statement[: m.start()]
        and not NAMED_GRANT_RE.search(statement, m.end())
        and _said_before(c, document, noun)
    ):
        return f"指代上文：{m.group(0)}"  # which notice: said in the article before
    if in_article(c, document):
        return None  # a statute names its terms in full or says "以下简称"
    if DEFINITION_RE.search(statement):
        return None  # "____，是指…": the definition's own wording, verbs and all, no referent
    short = _short_name(statement, document.text[: c.source.start])
    return f"“{short[0]}”是上文“{short[1]}”的简称，脱离上文不明" if short else None


def _short_name(statement: str, before: str) -> tuple[str, str] | None:
    """(short, long) when a clause opens with a noun (or names one after 每个, 各) that the
    text before it always wrote with a modifier ("服务点" after "村级互助养老服务点")."""
    starts = [0] + [m.end() for m in BARE_SLOT_RE.finditer(statement)]
    bounds = token_bounds(statement)
    for at in starts:
        for size in (3, 2):
            noun = statement[at : at + size]
            if not SHORT_NOUN_RE.fullmatch(noun) or at + size not in bounds:
                continue  # "小组长" is no "小组"
            if pos_tags(noun)[0][1][:1] in NOT_NOUN_TAGS:
                continue  # "真正做到…": an adverb, no short name
            longer = _longer_forms(before, noun)
            if longer:
                return noun, longer
    return None


def _longer_forms(before: str, noun: str) -> str | None:
    """The one form "<modifier><noun>" that `before` introduced the noun with (its first
    use) and used at least twice, never with another modifier."""
    forms: list[str] = []
    first = True
    for m in re.finditer(re.escape(noun), before):
        head = before[max(0, m.start() - 6) : m.start()]
        run = re.search(r"[\u4e00-\u9fa5]+$", head)
        if not run or run.group(0)[-1] in NOT_MODIFIER or len(run.group(0)) < 2:
            if first:
                return None  # introduced bare: no short name
            continue  # the short name, after its long form
        first = False
        run_text = run.group(0)
        cut = max(b for b in token_bounds(run_text) if b < len(run_text) - 1)
        forms.append(run_text[cut:] + noun)  # "养老服务点", not "以由每个居民小组"
    if len(set(forms)) != 1 or len(forms) < MIN_LONG_USES:
        return None
    return forms[0]


# --- numbers the stem itself gives away --------------------------------------------
# "两个以上" is the law's way of saying "more than one": asking its number tests nothing.
GENERIC_PLURAL_RE = re.compile(r"^(?:个|种|类|项)(?:或者[两二]个)?以上")
NUMBER_ANSWER_RE = re.compile(r"^[\d零〇一二两三四五六七八九十百千万]+$")
MIN_REPEATS = 2  # the answer with its unit said this often elsewhere in the stem shows itself


def guessable_number(c: Candidate, document: Document) -> str | None:
    """A number blank the stem answers itself: "每月召开____次" among three other "1次"
    (every meeting in the list is counted the same), or "____个以上" for "两个以上"."""
    if c.type not in ("fill_in", "single") or len(c.answer_texts) != 1:
        return None
    answer = c.answer_texts[0]
    if not NUMBER_ANSWER_RE.match(answer) or BLANK not in c.stem:
        return None
    after = c.stem.split(BLANK, 1)[1]
    if answer in ("两", "二", "2") and GENERIC_PLURAL_RE.match(after):
        return f"“{answer}{after[:3]}”是泛指多个的惯用说法，答案一望即知"
    unit = re.match(r"[\u4e00-\u9fa5]", after)
    if not unit:
        return None
    others = c.stem.replace(BLANK, "\u0000")
    said = sum(
        len(
            re.findall(
                rf"(?<![\d零〇一二两三四五六七八九十百千万.]){re.escape(form + unit.group(0))}",
                others,
            )
        )
        for form in numeral_forms(answer)
    )
    counted = answer + unit.group(0)
    if said >= MIN_REPEATS or (
        said and (_same_period(c.stem, counted) or _same_frame(c.stem, counted))
    ):
        return f"题干中另有{said}处“{answer}{unit.group(0)}”，答案一望即知"
    return None


PERIOD_RE = re.compile(r"每(?:年|月|季度?|周|日|天|半年)")


def _same_period(stem: str, counted: str) -> bool:
    """ "组织生活会一般每年召开1次，民主评议党员一般每年开展____次": the same count of the same
    period in parallel clauses."""
    head = stem.split(BLANK, 1)[0][-8:]
    period = PERIOD_RE.findall(head)
    if not period:
        return False
    for form in numeral_forms(counted[:-1]):
        for m in re.finditer(re.escape(form + counted[-1]), stem):
            if period[-1] in stem[max(0, m.start() - 8) : m.start()]:
                return True
    return False


FRAME = 2  # han characters before a number that make two clauses the same frame


def _same_frame(stem: str, counted: str) -> bool:
    """ "每服务1小时积1分；…每服务____小时积2分", "自接到…之日起____日内…自接到…之日起三日内":
    the answer's number with its unit stands elsewhere in the stem after the same words as
    the blank does, so the parallel clause reads it out."""
    head = re.search(rf"[\u4e00-\u9fa5]{{{FRAME}}}$", stem.split(BLANK, 1)[0])
    if not head:
        return False
    for form in numeral_forms(counted[:-1]):
        for m in re.finditer(re.escape(form + counted[-1]), stem):
            if stem[max(0, m.start() - FRAME) : m.start()] == head.group(0):
                return True
    return False


# --- a later sentence that leans on the one before it ----------------------------------
# Round 15: an article's later sentence often carries only the consequence ("人民法院应当依法
# 发出支付令。" after the sentence saying when one is applied for) or names the earlier action
# by a noun ("公示时间不得少于三十日", "评审工作应当遵循…", "推荐时应当提交…"): alone it lacks its
# premise. The signals are grammatical: how the sentence opens, not which law it is.
BACK_OPEN_RE = re.compile(
    r"^(?:该|其(?![他它余])|上述|前述|此(?!外)|这些|这|对此|为此|据此|同时|但是|但|否则|也|还(?![款贷清])|并|亦)"
)
# "人民法院也应当…", "有关部门还可以…": an added duty whose main one is in the sentence before.
ADDED_DUTY_RE = re.compile(
    r"^[\u4e00-\u9fa5、]{2,14}?(?:也|还|亦|同时)(?:应当|可以|不得|必须|有权|要|须|应)"
)
# "具体办法由国务院制定", "具体划分标准由…规定": the details of something said before.
DETAILS_RE = re.compile(
    r"^具体[\u4e00-\u9fa5]{0,4}(?:办法|标准|规定|措施|程序|条件|范围|要求|细则)[，,]?由"
)
# "公示时间", "评审工作", "推荐时", "公告的时间": the earlier sentence's action made a noun.
# A label before a colon heads the list it names ("晋级的期限：二级警员至一级警司…"): the
# items say whose.
ACTION_NOUN_RE = re.compile(
    r"^([\u4e00-\u9fa5]{2})的?(?:时间|期限|期间|工作|时|结果|程序|活动|情况)(?![：:])"
)
# Words that are nouns as much as verbs: "工作时间" is no earlier action.
NOT_ACTION = frozenset(
    {"工作", "劳动", "学习", "生产", "生活", "营业", "办公", "服务", "试用", "休息"}
)
SENTENCE_DONE_RE = re.compile(r"[。！？][”’」）)]*\s*$")


# The lead a stem names its law and article by, down to the 款 a short answer asks about.
CITED_LEAD_RE = re.compile(
    r"^根据《[^》]+》(?:第[一二三四五六七八九十百零]+条(?:第[一二三四五六七八九十]+款)?)?，"
)


def leans_on_sentence_before(c: Candidate, document: Document) -> str | None:
    statement = CITED_LEAD_RE.sub("", c.stem)
    m = DETAILS_RE.match(statement)
    if m:
        return f"“{m.group(0).rstrip('，,由')}”承接上文，不知是哪一事项的"
    clause = re.split(r"[，；。]", statement, maxsplit=1)[0]
    bare = clause.rstrip("。") == statement.rstrip("。") and "依法" in clause
    m = ACTION_NOUN_RE.match(statement)
    if not (m or bare or BACK_OPEN_RE.match(statement) or ADDED_DUTY_RE.match(statement)):
        return None  # cheap test first: finding the passage costs a scan of the document
    passage = next((p for p in document.passages if p.id == c.source.passage_id), None)
    if passage is None:
        return None
    head = statement[:6]
    at = document.text.find(head, passage.start, passage.end) if BLANK not in head else -1
    at = at if at >= 0 else max(passage.start, min(c.source.start, passage.end))
    before = ARTICLE_RE.sub("", document.text[passage.start : at])
    if _han(before) < 4 or not SENTENCE_DONE_RE.search(before.rstrip()[-3:]):
        return None  # the article's (or paragraph's) first sentence opens it
    action = m.group(1) if m else ""
    # "公告的时间": with 的 the head names the earlier act even where jieba calls it a noun.
    named = action and (_is_verb(action) or m.group(0)[2] == "的")
    if named and action not in NOT_ACTION and action in before:
        return f"“{m.group(0)}”指上文的“{action}”，题干缺少前提"
    last = before.rsplit("\n", 1)[-1]
    if c.type == "short_answer" or _han(last) < 4:
        return None  # a 款 of its own: only a noun for an earlier action leans back
    m = BACK_OPEN_RE.match(statement) or ADDED_DUTY_RE.match(statement)
    if m:
        return f"非首句以“{m.group(0)}”承接上句，单独成题缺少前提"
    if bare:
        tail = clause.split("依法", 1)[1]
        tokens = [w for w, _ in pos_tags(tail)]
        thing = "".join(tokens[1:])
        if len(thing) >= 2 and thing in last:
            return f"“依法{tail}”的前提在上一句，题干缺少前提"
    return None


def _is_verb(word: str) -> bool:
    return pos_tags(word)[0][1] in ("v", "vn")


# --- statements anyone would call right ----------------------------------------------
# "各级人民政府应当创造公平就业环境" (heldout22): a duty whose whole content is a good aim
# (a verb of fostering and a climate or condition) is true by its wording; the exam tests
# nothing the law adds. A duty with a named system, body, figure or list is kept.
FOSTER_VERB = r"(?:创造|营造|优化|改善|促进|推动|维护|培育|形成|树立|增强|倡导|弘扬)"
CLIMATE_NOUN = r"(?:环境|氛围|风尚|风气|局面|条件|意识|观念|秩序)"
SLOGAN_RE = re.compile(
    rf"^[^，；：。]{{2,16}}?(?:应当|要|应)?(?:积极|大力|逐步|进一步|努力|共同|依法)*"
    rf"{FOSTER_VERB}[^，；：。、]{{0,10}}?{CLIMATE_NOUN}。?$"
)


def slogan_statement(c: Candidate, document: Document) -> str | None:
    """The cited sentence is a slogan-like duty: no question of any type asks it. Round 19:
    an exhortation too ("各级人民政府应当采取措施，加强……，提高……", `duties.hollow_duty`),
    judged on what the question states (a 判断's statement, the span a blank is cut from), so
    a concrete duty later in the same article is still asked on its own."""
    if c.type not in ("true_false", "fill_in", "single"):
        return None
    core = ARTICLE_RE.sub("", c.source.quote).strip()
    if SLOGAN_RE.match(core):
        return f"口号式的表述，不学法也能答：{core[:16]}"
    said = [_quoted_provision(core)]
    if c.type == "true_false":
        said.append(CITED_LEAD_RE.sub("", c.stem))
    if any(duties.hollow_duty(text) for text in said):
        return f"号召式的笼统职责，没有可考的内容：{core[:16]}"
    return None


def _quoted_provision(text: str) -> str:
    """A speech's "…第二十一条规定：“家庭成员之间应当……”" states what is in the quotes."""
    m = re.search(r"[：:]\s*[“\"]([^”\"]+)[”\"]?", text)
    return m.group(1) if m else text


# "实施后，除临时性行政许可事项外，国务院应当及时……" (round eighteen): a stem that opens on a
# bare "V后，" never says what was done; the thing is in the sentence it was cut from.
AFTER_ACT_RE = re.compile(r"^([\u4e00-\u9fa5]{2})(?:后|以后|之后)[，,]")


def opens_after_unnamed_act(c: Candidate, document: Document) -> str | None:
    statement = CITED_LEAD_RE.sub("", c.stem)
    m = AFTER_ACT_RE.match(statement)
    if not m or not _is_verb(m.group(1)):
        return None
    return f"题干以“{m.group(0).rstrip('，,')}”开头，没有说明什么之后（前提在上句）"
