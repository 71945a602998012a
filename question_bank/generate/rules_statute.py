"""Round ten (issue 16), statutes: rules that ask what an article establishes, from its
structure alone. Each asks only where the stem stands alone and the key is the one answer
the law allows:

- `fill.system`: "国家实行X制度。" (制度, 机制) asks X, where the law names no other system in
  that frame (a second one would fit the blank too); the part of X the law's name already
  says stays in the stem ("国家实行乡村医生____制度"), and a blank that takes the whole name
  is asked only of the law's own system (its topic in the name: 无偿献血 under 献血法).
  "X实行Y负责制。" asks Y likewise.
- `short.composition`: a closed list in one sentence (no 等, no 其他) asks what X comprises:
  "X包括A、B和C。", "X分为A、B和C四级。" (after a "按照…，" clause too), the classes a
  definition names ("是指……的A、B和C。") and the kinds it ends with ("，包括A、B、C。").
- `fill.law_day`: "每年M月D日为X日。" asks the date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import elements
from .candidate import BLANK, Candidate
from .context import Context
from .registry import sentence_rule
from .rules_fill import PRINCIPLE_RE
from .textutil import Sentence, numeral_forms, pos_tags

_HAN = r"[\u4e00-\u9fa5]"
SYSTEM_VERBS = r"实行|建立健全|建立|设立|实施|推行"
# The whole sentence (or clause before ；): "国家实行无偿献血制度。"
SYSTEM_RE = re.compile(rf"^国家(?:{SYSTEM_VERBS})({_HAN}{{2,10}}?)(制度|机制)[。；]$")
# Any such frame anywhere in the law: two of them make the blank ambiguous.
SYSTEM_FRAME_RE = re.compile(rf"国家(?:{SYSTEM_VERBS})(?:{_HAN}|“|”){{2,24}}?(?:制度|机制)")
# "公共图书馆实行馆长负责制。": who answers for the body (fill.responsibility asks the
# 各级人民政府 form).
RESPONSIBLE_RE = re.compile(rf"^({_HAN}{{2,12}}?)实行({_HAN}{{2,6}}?)负责制[。；]$")
RESPONSIBLE_FRAME_RE = re.compile(r"实行[\u4e00-\u9fa5]{2,10}?负责制")
# Every "…制度/机制" the law names, to find a second system that would fit the blank too:
# the run before 制度 after its last verb or joining word ("实行禁牧、休牧制度" names 禁牧、休牧;
# "有关操作规程和制度" names none).
NAMED_SYSTEM_RE = re.compile(r"([\u4e00-\u9fa5、]{1,16})(?:制度|机制)")
SYSTEM_NAME_START = re.compile(
    r"^.*(?:实行|建立健全|建立|设立|实施|推行|完善|健全|遵守|执行|落实|的|和|与|及|或者|有关|相关|各项|这些)"
)


def other_systems(text: str, name: str) -> set[str]:
    """The systems the law names other than `name`, a longer name with a qualifier the
    stem would drop ("基本草原保护" beside 草原保护) among them."""
    found = set()
    for m in NAMED_SYSTEM_RE.finditer(text):
        named = SYSTEM_NAME_START.sub("", m.group(1)).strip("、")
        if len(named) >= 2 and named != name:
            found.add(named)
    return found


# Words that name no system of their own ("建立健全相关制度", "有关工作机制").
VAGUE_SYSTEM = re.compile(r"^(?:相关|有关|各项|各类|工作|管理|健全|完善|其他|本)|的")
# A subject that points elsewhere cannot stand alone.
POINTING = re.compile(r"前款|前条|本条|本款|该|其|上述|下列|以下|此类|这些")


def _law_prefix(ctx: Context, answer: str) -> int:
    """Length of the answer's head that the law's own name says ("乡村医生" of
    乡村医生执业注册 under 乡村医生从业管理条例): the stem keeps it, the blank asks the rest."""
    if not ctx.law:
        return 0
    for n in range(len(answer) - 2, 1, -1):
        if answer[:n] in ctx.law:
            return n
    return 0


LAW_FORM_RE = re.compile(r"^中华人民共和国|(?:法|条例|规定|办法)$")
# Words of many laws' names that say nothing of which system is the law's own.
GENERIC_TOPIC_WORDS = frozenset(["保护", "管理", "促进", "防治", "安全", "保障", "发展", "服务"])


def _on_the_laws_topic(name: str, law: str) -> bool:
    """A system whose whole name is blanked ("国家实行____制度") has one answer only where it
    is the law's own ("无偿献血" under 献血法, "法定计量单位" under 计量法): the law's topic
    pins it. Any other system fits the frame as well as the key (round 19), since a law
    (and the part of it a document holds) establishes several."""
    topic = LAW_FORM_RE.sub("", LAW_FORM_RE.sub("", law))
    pairs = {topic[i : i + 2] for i in range(len(topic) - 1)} - GENERIC_TOPIC_WORDS
    return any(pair in name for pair in pairs)


def _blank(sentence: Sentence, at: int, text: str) -> elements.Element:
    start = sentence.core_start + at
    return elements.Element.blank("term", start, start + len(text), text)


def _fill(ctx: Context, sentence: Sentence, el: elements.Element, kp: str) -> Candidate:
    return Candidate(
        type="fill_in",
        stem=ctx.stem(sentence, [(el.start, el.end)]),
        answer=[el.text],
        explanation=ctx.explain(sentence),
        source=ctx.source(sentence),
        rule="fill.system",
        knowledge_points=ctx.knowledge_points(sentence.passage.heading_path, kp),
        answer_texts=[el.text],
        checks=[(el.check_start, el.check_end)],
    )


@sentence_rule("fill.system", "fill_in", 0.64)
def system(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """A statute's "国家实行X制度。" asks X; "X实行Y负责制。" asks Y."""
    if not ctx.law:
        return
    core = sentence.core
    m = SYSTEM_RE.match(core)
    if m:
        name, kind = m.group(1), m.group(2)
        if VAGUE_SYSTEM.search(name) or name in ctx.law:
            return
        if len(SYSTEM_FRAME_RE.findall(ctx.document.text)) != 1 or other_systems(
            ctx.document.text, name
        ):
            return  # another system of the law would fit the blank too (heldout12: 草畜平衡, 禁牧、休牧)
        head = _law_prefix(ctx, name)
        if not head and not _on_the_laws_topic(name, ctx.law):
            return  # "国家建立____制度": any system of the law fits (heldout25 水污染防治法)
        asked = name[head:]
        yield _fill(ctx, sentence, _blank(sentence, m.start(1) + head, asked), name + kind)
        return
    m = RESPONSIBLE_RE.match(core)
    if not m or "人民政府" in m.group(1) or POINTING.search(m.group(1)):
        return
    if VAGUE_SYSTEM.search(m.group(2)) or m.group(2) in m.group(1):
        return
    if len(RESPONSIBLE_FRAME_RE.findall(ctx.document.text)) != 1:
        return
    el = _blank(sentence, m.start(2), m.group(2))
    yield _fill(ctx, sentence, el, m.group(2) + "负责制")


# "护照分为普通护照、外交护照和公务护照。" / "X包括A和B。": the whole sentence is the list,
# after a clause that says by what it is divided ("按照社会危害程度…，X分为…四级").
_OWN_LAW = r"本(?:法|条例|规定|办法)所称"
COMPOSITION_RE = re.compile(
    rf"^(?P<lead>(?:按照|根据|依照)[^，。；]{{2,30}}，)?(?:{_OWN_LAW})?"
    rf"(?P<subject>{_HAN}(?:{_HAN}|、){{1,22}}?)[，]?(?P<verb>包括|分为)"
    rf"(?P<list>(?:{_HAN}|“|”|、){{4,90}}?)"
    r"(?:(?P<count>[一二两三四五六七八九十])(?P<unit>种|类|项|个|级))?。$"
)
# "本法所称突发事件，是指……的自然灾害、事故灾难、公共卫生事件和社会安全事件。": the classes
# a definition names (heldout10: more worth asking than the term itself).
DEFINED_CLASSES_RE = re.compile(
    rf"^{_OWN_LAW}(?P<subject>{_HAN}{{2,12}})，是指[^。；]{{4,80}}的"
    rf"(?P<list>(?:{_HAN}{{2,8}}、){{1,6}}{_HAN}{{2,8}}(?:和|以及){_HAN}{{2,8}})。$"
)
# "本法所称X，是指……，包括A、B、C。": the kinds a definition ends with.
DEFINITION_TAIL_RE = re.compile(
    rf"^{_OWN_LAW}(?P<subject>{_HAN}{{2,12}})，是指[^。；]{{4,120}}?，包括(?P<list>(?:{_HAN}|、){{4,90}})。$"
)
OPEN_LIST = re.compile(r"等|其他|其它|以及有关|相关")
MAX_ITEMS = 6
COUNTS = "一两三四五六七八九十"  # 二 is read as 两 below
MAX_ITEM = 16


def _items(text: str) -> list[str] | None:
    """A、B和C → [A, B, C]; A、B、C → [A, B, C]; None where one item's end is uncertain."""
    head, sep, last = text.rpartition("、")
    parts = head.split("、") if sep else []
    pair = re.split("以及|和|与|或者", last)
    if len(pair) == 1 and len(parts) >= 2:
        pair = [last]  # three or more items joined by 、 alone
    elif len(pair) != 2:
        return None
    items = [*parts, *pair]
    if any(re.search("以及|和|与|或者", p) for p in parts):
        return None  # "A和B、C和D": where one item ends is not certain
    return items


def _composition(core: str) -> tuple[str, list[str] | None, str] | None:
    """(subject, items, question) of a closed list sentence, or None."""
    m = COMPOSITION_RE.match(core)
    if m:
        count = m.group("count").replace("二", "两") if m.group("count") else None
        subject, verb, lead = m.group("subject"), m.group("verb"), m.group("lead") or ""
        items = _items(m.group("list"))
        if count and items and COUNTS.index(count) + 1 != len(items):
            return None  # "分为三种" over four items: the split is wrong
        if count:
            ask = f"{verb}哪{count}{m.group('unit')}"
        else:
            ask = "分为哪几种" if verb == "分为" else "包括哪些"
        return subject, items, f"{lead}{subject}{ask}？"
    for pattern, ask in ((DEFINED_CLASSES_RE, "包括哪几类"), (DEFINITION_TAIL_RE, "包括哪些")):
        m = pattern.match(core)
        if not m or "、" not in m.group("list"):
            continue
        items = _items(m.group("list"))
        if pattern is DEFINED_CLASSES_RE and items and not all(map(_noun, items)):
            return None  # "…的培育、引导和影响": acts, not classes
        return m.group("subject"), items, f"{m.group('subject')}{ask}？"
    return None


def _noun(item: str) -> bool:
    """Ends in a plain noun ("公共卫生事件"), not a verb or verbal noun ("引导")."""
    tags = pos_tags(item)
    return bool(tags) and tags[-1][1][:1] in ("n", "l") and tags[-1][1] != "vn"


@sentence_rule("short.composition", "short_answer", 0.63)
def composition(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """A statute's closed list in one sentence: what X comprises."""
    if not ctx.law:
        return
    found = _composition(sentence.core)
    if not found:
        return
    subject, items, question = found
    if POINTING.search(subject) or not _noun_subject(subject) or not items:
        return
    if OPEN_LIST.search("".join(items)) or not 2 <= len(items) <= MAX_ITEMS:
        return
    if any(not 2 <= len(i) <= MAX_ITEM for i in items) or len(set(items)) < len(items):
        return
    yield _items_question(ctx, sentence, question, items, "short.composition", subject)


def _noun_subject(subject: str) -> bool:
    if subject.startswith(("对", "在", "为", "将", "把", "由", "经")):
        return False
    # "组织" is tagged a verb as often as a noun: the heads a statute names things by.
    return _noun(subject[-8:]) or subject.endswith(("组织", "机构", "单位", "人员", "团体"))


# "每年9月30日为烈士纪念日": the day a law fixes, the best-known fact of such a law
# (heldout10). The whole date is the blank; either script is accepted. "每年M月D日X日所在周为
# Y周" (round thirteen): the week of a named day, the same fact; the named day stays in the stem.
LAW_DAY_RE = re.compile(
    r"^每年的?((\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日)"
    r"((?:[\u4e00-\u9fa5“”]{2,10}?(?:日|节))?所在(?:的)?(?:周|月))?"
    r"为([\u4e00-\u9fa5“”]{2,14}?(?:纪念日|节|日|周|月))(?=[，。；])"
)


def _date_forms(month: str, day: str) -> list[str]:
    months, days = numeral_forms(month), numeral_forms(day)
    forms = (f"{m}月{d}日" for m in months for d in days if m.isdigit() == d.isdigit())
    return list(dict.fromkeys(forms))


@sentence_rule("fill.law_day", "fill_in", 0.68)
def law_day(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """A statute's "每年M月D日为X日": the date."""
    if not ctx.law:
        return
    m = LAW_DAY_RE.match(sentence.core)
    if not m:
        return
    yield Candidate(
        type="fill_in",
        stem=f"根据《{ctx.law}》，每年{BLANK}{m.group(4) or ''}为{m.group(5)}。",
        answer=[m.group(1)],
        explanation=ctx.explain(sentence),
        source=ctx.source(sentence),
        rule="fill.law_day",
        knowledge_points=ctx.knowledge_points(sentence.passage.heading_path, m.group(5)),
        answer_texts=[m.group(1)],
        # The pattern bounds the date (每年…为); the tokenizer cuts "年9" wrongly.
        checks=[],
        accepted=[_date_forms(m.group(2), m.group(3))],
    )


# Round sixteen (issue 16): articles that state duties, rights and principles without a number
# or a named body. Two structures certain from the sentence alone:
# - `short.duty_items`: the object of a duty or right is a closed inline enumeration
#   ("赡养人应当履行对老年人经济上供养、生活上照料和精神上慰藉的义务"): what S owes or holds.
# - `fill.basis`: "以A为基础、B为依托、C为支撑的X" / "X以A为主体": the roles the law assigns.
DUTY_RE = re.compile(
    rf"^(?P<subject>{_HAN}{{2,14}}?)(?P<obj>对{_HAN}{{2,10}}?)?，?(?P<modal>依法|应当|应|必须)?"
    r"(?P<verb>履行|负有|承担|享有)"
    rf"(?P<obj2>对{_HAN}{{2,8}}?)?(?P<list>(?:{_HAN}|、){{4,60}}?)的?(?P<kind>义务|权利|职责)(?=[，。；])"
)
# A subject that is a clause, not a holder ("在…时", "…的，"), or a law's own frame.
DUTY_SUBJECT_BAD = re.compile(r"^(?:对|在|为|将|把|由|经|依照|按照|根据|本法|国家)|的$|和$|或者$")


def _parallel(items: list[str]) -> bool:
    """Items of one kind: similar length (a shared object on the last one, "保护、建设和合理
    利用草原", or one right spelled out, "人身、财产安全不受损害", is not a list of duties)."""
    lengths = [len(i) for i in items]
    return max(lengths) - min(lengths) <= 2 and max(lengths) <= 8


# "享有宪法、法律规定的权利": the rights are set elsewhere, the list names sources.
SET_BY_OTHERS = re.compile(r"(?:规定|确定|约定|赋予)$")


def _split_object(text: str) -> tuple[str, str]:
    """ "对老年人经济上供养、生活上照料和精神上慰藉" → ("对老年人", the list): the object ends
    where the first item is as long as the second; ("", "") when no cut makes it so."""
    for n in range(3, 10):
        obj, listed = text[:n], text[n:]
        items = _items(listed) or []
        if len(items) >= 2 and len(items[0]) == len(items[1]):
            return obj, listed
    return "", ""


@sentence_rule("short.duty_items", "short_answer", 0.62)
def duty_items(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """A statute's "S应当履行A、B和C的义务" / "S享有A、B和C的权利": which ones."""
    if not ctx.law:
        return
    m = DUTY_RE.match(sentence.core)
    if not m or (m.group("obj") and m.group("obj2")):
        return
    subject = m.group("subject")
    if DUTY_SUBJECT_BAD.search(subject) or POINTING.search(subject) or not _noun_subject(subject):
        return
    listed, obj2 = m.group("list"), m.group("obj2") or ""
    if obj2:  # "对老年人经济上供养、…": where the object ends, the first item is like the rest
        obj2, listed = _split_object(obj2 + listed)
    if not listed or OPEN_LIST.search(listed) or SET_BY_OTHERS.search(listed):
        return
    if "、" not in listed and not re.search("和|以及", listed):
        return
    items = _items(listed)
    if not items or not 2 <= len(items) <= MAX_ITEMS or len(set(items)) < len(items):
        return
    if not _parallel(items) or any(len(i) < 2 or POINTING.search(i) for i in items):
        return
    obj = m.group("obj") or ""
    verb = (m.group("modal") or "") + m.group("verb")
    question = f"{subject}{obj}{verb}{obj2}哪些{m.group('kind')}？"
    yield _items_question(ctx, sentence, question, items, "short.duty_items", subject)


# "以居家为基础、社区为依托、机构为支撑", "以经常性抽样调查为主体": the role words a county exam
# asks; a weak "为主" or "为目的" is not among them (it reads as a manner, not a role).
BASIS_ROLES = r"基础|主体|依托|补充|重点|核心|支撑|中心|导向|根本|主导|骨干"
BASIS_RUN_RE = re.compile(
    rf"以(?P<first>{_HAN}{{2,10}}?)为(?:{BASIS_ROLES})"
    rf"(?:[、，](?:以)?{_HAN}{{2,10}}?为(?:{BASIS_ROLES})){{0,4}}(?=[的，。；、])"
)
BASIS_TERM_RE = re.compile(rf"(?:以)?({_HAN}{{2,10}}?)为(?:{BASIS_ROLES})")
BASIS_BAD = re.compile(r"其|该|本|此|上述|前款|自己")


@sentence_rule("fill.basis", "fill_in", 0.58)
def basis(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """A statute's "以A为基础、B为依托" (or one "以A为主体"): the terms are blanks."""
    if not ctx.law:
        return
    text, base = sentence.text, sentence.start
    m = BASIS_RUN_RE.search(text, sentence.core_start - base)
    if not m or PRINCIPLE_RE.search(text, sentence.core_start - base):
        return  # the principle the sentence names is the better question (fill.principle)
    els = []
    for t in BASIS_TERM_RE.finditer(text, m.start(), m.end()):
        term = t.group(1)
        if BASIS_BAD.search(term):
            return
        s = base + t.start(1)
        els.append(elements.Element.blank("term", s, s + len(term), term))
    if not els or len({e.text for e in els}) < len(els):
        return
    c = Candidate(
        type="fill_in",
        stem=ctx.stem(sentence, [(e.start, e.end) for e in els]),
        answer=[e.text for e in els],
        explanation=ctx.explain(sentence),
        source=ctx.source(sentence),
        rule="fill.basis",
        knowledge_points=ctx.knowledge_points(sentence.passage.heading_path, m.group(0)),
        answer_texts=[e.text for e in els],
        checks=[(e.check_start, e.check_end) for e in els],
    )
    yield c


def _items_question(
    ctx: Context, sentence: Sentence, question: str, items: list[str], rule: str, subject: str
) -> Candidate:
    """A short answer asking the article's items, each a scoring point, citing the law and
    the article."""
    return Candidate(
        type="short_answer",
        stem=f"根据《{ctx.law}》{sentence.article or ''}，{question}",
        answer="、".join(items) + "。",
        scoring_points=items,
        explanation=ctx.explain(sentence),
        source=ctx.source(sentence),
        rule=rule,
        knowledge_points=ctx.knowledge_points(sentence.passage.heading_path, subject),
        answer_texts=items,
        difficulty=2,
    )


# Round seventeen (issue 16): a duty article without a number often names the systems a body
# must set up as a closed list sharing one head ("红十字会应当建立财务管理、内部控制、审计公开和
# 监督检查制度"): which ones is a question with as many certain scoring points. Only the head
# 制度 (a 机制 or 体系 is usually one thing described, "统一领导、分级负责的机制").
SYSTEM_ITEMS_RE = re.compile(
    rf"^(?P<subject>{_HAN}{{2,14}}?)，?(?P<modal>(?:应当|应|必须)?(?:依法|按照规定)?)"
    r"(?P<verb>建立健全|建立和完善|建立|健全|完善|实行)"
    rf"(?P<list>(?:{_HAN}|、){{4,40}}?)(?P<head>制度)(?=[，。；])"
)
# A clause, a condition or a law's own frame is no holder of the duty.
SYSTEM_SUBJECT_BAD = re.compile(r"^(?:对|在|为|将|把|由|经|依照|按照|根据|本法)|的$|和$|或者$")


@sentence_rule("short.system_items", "short_answer", 0.62)
def system_items(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """A statute's "S应当建立A、B和C制度": which systems S sets up, one point each."""
    if not ctx.law:
        return
    m = SYSTEM_ITEMS_RE.match(sentence.core)
    if not m:
        return
    subject, listed = m.group("subject"), m.group("list")
    if SYSTEM_SUBJECT_BAD.search(subject) or POINTING.search(subject):
        return
    if not _noun_subject(subject) and subject != "国家":
        return
    if OPEN_LIST.search(listed) or "制度" in listed or "、" not in listed:
        return  # "A制度和B制度" / an open list: the shared head is not certain
    items = _items(listed)
    if not items or not 3 <= len(items) <= MAX_ITEMS or len(set(items)) < len(items):
        return
    # Two-character items are mostly the steps of one system ("信息收集、整理、发布制度").
    if not _parallel(items) or any(len(i) < 3 or POINTING.search(i) for i in items):
        return
    verb = m.group("modal") + m.group("verb")
    question = f"{subject}{verb}哪些{m.group('head')}？"
    yield _items_question(ctx, sentence, question, items, "short.system_items", subject)
