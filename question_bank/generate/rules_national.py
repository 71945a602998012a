"""National rules a speech, notice or page cites with their source (round eight).

On a document that is no statute the precise questions are the ones a national source
states: "按照《X法》的规定，任何单位和个人不得……" and the national days "每年的M月D日是
全国……日". `true_false.national_rule` restates such a rule naming the law ("根据《X法》，
任何单位和个人不得……。", the law written with 《》 even where the speaker left the marks
out); `fill.national_day` blanks the date of a national day. Neither fires on a statute
(its own articles are asked by the statute rules) nor on a sentence without the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import attribution
from .candidate import BLANK, Candidate
from .context import Context
from .registry import sentence_rule
from .textutil import Sentence, cn_to_int, pos_tags

# What makes the cited clause a rule that binds: who it binds or a modal (a permission the
# law grants, "必要时国务院可以…", is a rule too).
BINDING_RE = re.compile(
    r"任何(?:单位|组织|个人|人)|不得|禁止|应当|必须|有权|有义务|义务|可以|必要时|实行|建立"
    # Round fifteen: a duty or an entitlement the law assigns ("县级以上人民政府统一负责……",
    # "女职工生育享受不少于九十天的产假").
    r"|负责|享受|享有"
)
# Whom a law requires to act, ending the subject of a reported rule ("法律要求用人单位建立……",
# "……基层群众性自治组织在……"); a conjunction after it means the subject goes on.
ACTOR_RE = re.compile(
    r"^[^，。；]{0,16}?(?:单位|组织|机构|部门|政府|委员会|企业|经营者|劳动者|个人|公民|学校|父母|"
    r"监护人|人员|各地|家庭|村民|居民|经营户|生产者|销售者)(?![和与及、或的])"
)
MODAL_RE = re.compile(r"应当|必须|不得|禁止|可以|有权|有义务|负责|享受|享有")
# The speaker reporting a second rule inside the first ("法律还要求A，并且明确B"): the
# stem keeps A only, B is the speaker's report of another provision.
REPORTED_RE = re.compile(r"[，,](?:并且|同时|还|也|另外)(?:明确|规定|要求)了?")


def _reported(rule: str, asked: bool) -> str | None:
    """The rule as the law says it, from a speaker's report: a second reported rule cut off;
    where the law "要求" its subject to act ("法律要求用人单位建立……"), the subject's duty
    written with 应当 ("用人单位应当建立……"), or None when the verb cannot be found."""
    m = REPORTED_RE.search(rule)
    if m:
        rule = rule[: m.start()]
    if not asked or MODAL_RE.search(rule.split("，")[0]):
        return rule
    m = ACTOR_RE.match(rule)
    if not m:
        return None  # no subject the law could require to act: leave the report alone
    at, after = 0, None
    for word, tag in pos_tags(rule[: m.end() + 4]):
        if at == m.end():
            after = tag
            break
        at += len(word)
    if after is None or after[:1] not in ("v", "p", "d"):
        return None  # the subject runs on ("企业职工…") or no verb is next
    return rule[: m.end()] + "应当" + rule[m.end() :]


WEEKDAY = r"第[一二三四五]个(?:星期|周)[一二三四五六日天]|最后一(?:周|个星期)的(?:星期|周)[一二三四五六日天]"
NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
# "每年的11月9日是全国消防日", "2026年5月12日是我国第18个全国防灾减灾日", "今年6月是第二十四个
# 全国“安全生产月”", "每年5月的第三个星期日是全国助残日": the recurring date and the day's name
# (the year and the ordinal are one year's, never asked).
NATIONAL_DAY_RE = re.compile(
    r"(?P<lead>每年(?:的)?|(?:今年|\d{4}年)(?:的)?)"
    rf"(?P<date>{NUM}月(?:{NUM}日|的?(?:{WEEKDAY}))?)"
    r"(?:是|为)(?:我国)?(?:第[\d一二三四五六七八九十百]+个)?"
    r"(?P<day>全国(?:[\u4e00-\u9fa5]{2,14}?(?:日|月|周)|“[\u4e00-\u9fa5]{2,10}?(?:日|月|周)”))"
)
LEADS = ("本", "该", "此", "这", "各", "我")
# A condition left hanging once the speaker's clause after it is cut ("对…毁坏青苗的，").
HANGING_RE = re.compile(r"的$")
# A speaker's own retelling of the rule ("按照种子法的规定，……虽然不需要办理……，但应当……"): no
# law is worded with these, and a retelling may drop a condition, so it is not asked as the
# law's rule while the law's own text is not in hand (round 16).
RETOLD_RE = re.compile(
    r"虽然|虽说|尽管[^，。；]{0,12}[，,]但|咱们?|大家|就是说|其实|换句话说|说白了|简单地?说|"
    r"也就是|啥|咋|哪怕"
)


# A cited rule ends with its full stop or semicolon; one that runs to the end of the text
# without it was cut off (a page break in a paged speech).
UNFINISHED_OK_RE = re.compile(r"[。；！？”]$")


def _clause_end(text: str, start: int) -> int:
    """The end of the sentence the cited rule is in (its full stop, or the text's end)."""
    ends = [i for i in (text.find("。", start), text.find("；", start)) if i >= 0]
    return min(ends) if ends else len(text)


def _cited_part(rule: str) -> str:
    """The clauses of the cited rule up to where the speaker's own arrangement starts, with
    no condition left hanging at its end."""
    kept = []
    for clause in rule.split("，"):
        if kept and attribution.local_clause(clause):
            break
        kept.append(clause)
    while len(kept) > 1 and HANGING_RE.search(kept[-1]):
        kept.pop()
    return "，".join(kept)


def _before(ctx: Context, sentence: Sentence) -> list[str]:
    """The sentences of the same paragraph before `sentence`, nearest last."""
    return [
        s.text
        for s in ctx.sentences
        if s.passage.id == sentence.passage.id and s.end <= sentence.start
    ]


LEAD_RE = attribution.LEAD_RE


def _inside_quotation(text: str, start: int) -> int:
    """Where the cited rule's own words start: after the opening mark of a quotation
    ("法律规定，“…”"; round 18), so the stem states the law's words, not a half-quoted line."""
    if attribution.quoted_at(text, start):
        return text.index("“", start) + 1 if "“" in text[start:] else text.index("「", start) + 1
    return start


def _body(sentence: Sentence) -> tuple[str, int]:
    """The sentence without its lead, and where it starts in `sentence.text`."""
    at = LEAD_RE.match(sentence.text).end()
    text = sentence.text[at:].rstrip()
    return text, at


def _where(ctx: Context, sentence: Sentence) -> attribution.Setting:
    """What the whole document says about its sources (its only law, its topic) for this
    sentence's passage."""
    where = attribution.setting(ctx.document.title or "", ctx.document.text)
    return attribution.in_passage(where, sentence.passage.kind, sentence.passage.text)


def _law_before(ctx: Context, sentence: Sentence) -> str | None:
    """The law named before `sentence` in its paragraph, else the only law the document names."""
    return attribution.law_before(_before(ctx, sentence)) or _where(ctx, sentence).law


def _true(ctx, sentence, stem, rule_text, name, law) -> Candidate:
    return Candidate(
        type="true_false",
        stem=stem,
        answer=True,
        explanation=f"原文：“{sentence.core}”表述正确。",
        source=ctx.source(sentence),
        rule=name,
        knowledge_points=[law] if law else [],
        answer_texts=[rule_text],
        difficulty=1,
    )


@sentence_rule("true_false.national_rule", "true_false", 0.6)
def national_rule(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """ "《X法》规定，任何单位和个人不得……" → "根据《X法》，……。"（对）; "法律明确，……" takes
    the law named before it in the same paragraph, else asks nothing."""
    if ctx.law:
        return
    text, _ = _body(sentence)
    cited = attribution.law_cited(text)
    if not cited:
        return
    law, start = cited
    start = _inside_quotation(text, start)
    law = law or _law_before(ctx, sentence)
    if not law or law.endswith(("办法", "方法", "执法", "违法")):
        return
    if not UNFINISHED_OK_RE.search(text[start : _clause_end(text, start) + 1]):
        return  # cut off by a page break ("禁止在二十五度以上陡坡地开垦种植农")
    rule = _cited_part(text[start : _clause_end(text, start)].strip())
    rule = _reported(rule, asked=text[:start].rstrip("，,：:").endswith("要求"))
    if rule is None or not 8 <= len(rule) <= 90 or not BINDING_RE.search(rule):
        return
    if RETOLD_RE.search(rule):
        return  # the speaker's words, not the law's
    if re.match(r"本法所称|所称|[^，]{0,4}所称", rule):
        return  # a definition: fill.national_definition asks it
    if "fill.national_policy" in ctx.active and POLICY_RE.search(rule):
        return  # a 方针 written with commas: its fill-in asks the items
    if "fill.national_formula" in ctx.active and FORMULA_RE.search(rule):
        return  # a named strategy or system: its fill-in asks the items
    said = rule if rule in text else rule.replace("应当", "", 1)  # the span's own words
    yield _true(ctx, sentence, f"根据《{law}》，{rule}。", said, "true_false.national_rule", law)


# "其他" that closes no list in its own clause ("A、B以及其他C", "A和……的其他C" are lists):
# other than what went before, which the stem alone does not say ("国家鼓励其他农产品生产者
# 建立农产品生产记录", "国务院其他有关部门").
REFERS_BACK_RE = re.compile(r"^[^，；、和及或与]*?其他|上述|前述|这些|此类")


def refers_back(rule: str) -> bool:
    return any(REFERS_BACK_RE.search(clause) for clause in re.split(r"[，；]", rule))


@sentence_rule("true_false.national_statement", "true_false", 0.58)
def national_statement(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """A sentence with no citation of its own whose subject is the nation ("国家对……实行管制，
    禁止……") or that goes on from a law cited just before it in the same paragraph
    ("《居民身份证法》规定，……。公民应当自……"): stated naming the law where one is known."""
    if ctx.law:
        return
    text, _ = _body(sentence)
    if attribution.law_cited(text):
        return  # true_false.national_rule asks it
    verdict = attribution.attribute(text, _before(ctx, sentence), where=_where(ctx, sentence))
    if not verdict.national or verdict.how not in ("national_subject", "inherited"):
        return
    if not UNFINISHED_OK_RE.search(text):
        return  # cut off by a page break
    body = text.rstrip("。；")
    rule = _cited_part(body)
    if not 10 <= len(rule) <= 90 or not BINDING_RE.search(rule) or rule != body:
        return  # only a whole sentence: a cut one may lose what it is about
    if refers_back(rule):
        return  # "国家鼓励其他农产品生产者……": 其他 than whom the paragraph before said
    if RETOLD_RE.search(rule):
        return  # the speaker's retelling, not the law's words
    if verdict.law:
        stem = f"根据《{verdict.law}》，{rule}。"
    elif verdict.how == "national_subject" and attribution.national_subject(rule):
        stem = f"{rule}。"
    else:
        return
    yield _true(ctx, sentence, stem, rule, "true_false.national_statement", verdict.law)


# "实行预防为主，综合治理，禁种、禁制、禁贩、禁吸并举的方针": the items of a national 方针 or
# principle written with commas (fill.principle asks the ones written with 、).
POLICY_RE = re.compile(
    r"(?P<subject>[\u4e00-\u9fa5]{2,12}工作)(?P<verb>实行|坚持|贯彻|遵循)"
    r"(?P<items>[\u4e00-\u9fa5、]{2,12}(?:，[\u4e00-\u9fa5、]{2,16}){1,4})的(?P<kind>方针|原则)"
)
POLICY_ITEM_RE = re.compile(r"[\u4e00-\u9fa5]{4}")


@sentence_rule("fill.national_policy", "fill_in", 0.62)
def national_policy(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    if ctx.law:
        return
    text = sentence.text
    m = POLICY_RE.search(text)
    if not m:
        return
    cited = attribution.law_cited(text[: m.start()])
    if not cited:
        return  # a 方针 the sentence does not attribute to a law
    law = cited[0] or _law_before(ctx, sentence)
    if not law:
        return
    items_at = m.start("items")
    blanks, spans = [], []
    pos = 0
    for item in m.group("items").split("，"):
        if POLICY_ITEM_RE.fullmatch(item):  # a four-character item; a long one stays as said
            blanks.append(item)
            spans.append((items_at + pos, items_at + pos + len(item)))
        pos += len(item) + 1
    if not 2 <= len(blanks) <= 4:
        return
    body = text[m.start("subject") : m.end()]
    stem_body = body
    for item_start, item_end in reversed(spans):
        s, e = item_start - m.start("subject"), item_end - m.start("subject")
        stem_body = stem_body[:s] + BLANK + stem_body[e:]
    yield Candidate(
        type="fill_in",
        stem=f"根据《{law}》，{stem_body}。",
        answer=blanks,
        explanation=f"原文：“{sentence.core}”",
        source=ctx.source(sentence),
        rule="fill.national_policy",
        knowledge_points=[law, m.group("kind")],
        answer_texts=blanks,
        checks=[(sentence.start + s, sentence.start + e) for s, e in spans],
        difficulty=2,
    )


# "法律明确，本法所称毒品，是指……" / "法律所称的粮食，是指……": a definition a speech quotes.
DEFINITION_RE = re.compile(
    r"(?:本法|法律|该法|这部法律?|本条例|条例)所称(?:的)?(?P<term>[\u4e00-\u9fa5“”]{2,12})，"
    r"(?P<verb>是指|包括)(?P<body>[^。；]{6,90})"
)


@sentence_rule("fill.national_definition", "fill_in", 0.6)
def national_definition(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    if ctx.law:
        return
    m = DEFINITION_RE.search(sentence.text)
    if not m:
        return
    head = sentence.text[: m.start()]
    cited = attribution.law_cited(head) if head else None
    law = (cited[0] if cited else None) or _law_before(ctx, sentence)
    term = m.group("term").strip("“”")
    if not law or term in m.group("body") or term in law:
        return
    start = sentence.start + m.start("term") + m.group("term").index(term)
    yield Candidate(
        type="fill_in",
        stem=f"根据《{law}》，{BLANK}，{m.group('verb')}{m.group('body')}。",
        answer=[term],
        explanation=f"原文：“{sentence.core}”",
        source=ctx.source(sentence),
        rule="fill.national_definition",
        knowledge_points=[law, term],
        answer_texts=[term],
        checks=[(start, start + len(term))],
        difficulty=2,
    )


@sentence_rule("fill.national_day", "fill_in", 0.6)
def national_day(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """The date of a national day, asked as the day that recurs every year: "每年的____是
    全国消防日。" from "每年的11月9日…" and from "2026年5月12日是我国第18个全国防灾减灾日"."""
    if ctx.law:
        return
    m = NATIONAL_DAY_RE.search(sentence.text)
    if not m:
        return
    date, day = m.group("date"), m.group("day")
    start = sentence.start + m.start("date")
    yield Candidate(
        type="fill_in",
        stem=f"每年的{BLANK}是{day}。",
        answer=[date],
        explanation=f"原文：“{sentence.core}”",
        source=ctx.source(sentence),
        rule="fill.national_day",
        knowledge_points=[day],
        answer_texts=[date],
        checks=[(start, start + len(date))],
        difficulty=2,
        # The stem is not the span's wording ("每年3月…为…", "2026年5月12日是我国第18个…"): the
        # day's name is the span's own label, its date the key (verify checks both are in it).
        label=day,
    )


# "每年9月30日为烈士纪念日", "每年的M月D日是X节": a day a law sets without saying 全国 (an
# international or world day, "国际档案日", is no national fact to ask).
NAMED_DAY_RE = re.compile(
    rf"每年(?:的)?(?P<date>{NUM}月{NUM}日)(?:是|为)(?P<day>(?!国际|世界)[\u4e00-\u9fa5“”]{{2,12}}?"
    r"(?:纪念日|节|日))(?=[，。；]|$)"
)


def _shares_a_word(law: str, name: str) -> bool:
    """Whether a law and a day's name share two characters in a row (英雄烈士保护法, 烈士)."""
    return any(name[i : i + 2] in law for i in range(len(name) - 1))


@sentence_rule("fill.national_named_day", "fill_in", 0.6)
def national_named_day(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """The date of a day a law sets ("《英雄烈士保护法》规定，每年9月30日为烈士纪念日"), asked
    naming the law: the sentence (or the one just before it in the paragraph) must cite it,
    or the document be a study material about it; the town's own day is vetoed."""
    if ctx.law:
        return
    text, offset = _body(sentence)
    m = NAMED_DAY_RE.search(text)
    if not m or NATIONAL_DAY_RE.search(text):
        return  # "全国……日" is fill.national_day's
    before = _before(ctx, sentence)
    verdict = attribution.attribute(text[: m.end()], before, where=_where(ctx, sentence))
    cited = attribution.law_cited(text[: m.start()])
    law = cited[0] if cited else None
    if not law and before and attribution.law_cited(before[-1]):
        law = attribution.law_cited(before[-1])[0]
    date, day = m.group("date"), m.group("day")
    if not law:  # a law named elsewhere must be about this day ("烈士" of 英雄烈士保护法)
        law = (verdict.law if verdict.national else None) or _where(ctx, sentence).topic
        if law and not _shares_a_word(law, re.sub(r"(?:纪念日|节|日)$", "", day)):
            return
    elif not cited and not _shares_a_word(law, re.sub(r"(?:纪念日|节|日)$", "", day)):
        return  # the sentence before cites a law about something else
    if not law or verdict.how == "local":
        return
    start = sentence.start + offset + m.start("date")
    yield Candidate(
        type="fill_in",
        stem=f"根据《{law}》，每年{BLANK}为{day}。",
        answer=[date],
        explanation=f"原文：“{sentence.core}”",
        source=ctx.source(sentence),
        rule="fill.national_named_day",
        knowledge_points=[law, day],
        answer_texts=[date],
        checks=[(start, start + len(date))],
        difficulty=2,
        label=day,
    )


# A national figure with its unit ("三个月", "六十日", "18亿亩", "三年"); a year ("2007年")
# or a date is no figure to ask.
FIGURE_RE = re.compile(
    r"(?<![\d.月])(?P<n>\d+(?:\.\d+)?|[一二三四五六七八九十百千万两]+)"
    r"(?P<unit>个月|个工作日|工作日|日|天|小时|周岁|年|亿亩|万亩|亩|万元|元|倍|%)"
    r"(?![\d月])"
)


@sentence_rule("fill.national_figure", "fill_in", 0.58)
def national_figure(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """A figure in a statement the sentence attributes to a named law (or the law cited
    just before it in the same paragraph) or to 党中央/国务院: "根据《X法》，公民应当自年满
    十六周岁之日起____内……" from a Q&A answer that goes on from "《X法》规定，…"."""
    if ctx.law:
        return
    text, offset = _body(sentence)
    verdict = attribution.attribute(
        text, _before(ctx, sentence), veto=False, where=_where(ctx, sentence)
    )
    if not verdict.national or attribution.figure_credit(text):
        return  # round 18: the same verdict local_figure gives this sentence
    cited = attribution.law_cited(text)
    lead = ""
    start = _inside_quotation(text, cited[1]) if cited else 0
    opens = attribution.opener(text)
    says = attribution.NATIONAL_SAYS_RE.match(text[opens:])
    if verdict.law:
        lead = f"根据《{verdict.law}》，"
    elif verdict.detail == "国家规定" and says and not cited:
        # "关于投诉处理，国家规定有关行政部门…": asked from "国家规定" on, the matter it
        # turns to left out.
        start = opens
    elif verdict.how == "named" and not cited:
        # "党中央明确要求，…": the body that says it stays in the stem.
        start = 0
    else:
        return
    body = _cited_part(text[start : _clause_end(text, start)])
    if len(body) < 10 or attribution.local_clause(body.split("，")[0]):
        return
    for m in FIGURE_RE.finditer(body):
        if m.group("unit") == "年" and re.match(r"\d{4}$", m.group("n")):
            continue
        s, e = m.span()
        stem = f"{lead}{body[:s]}{BLANK}{body[e:]}。"
        at = sentence.start + offset + start + s
        yield Candidate(
            type="fill_in",
            stem=stem,
            answer=[m.group(0)],
            explanation=f"原文：“{sentence.core}”",
            source=ctx.source(sentence),
            rule="fill.national_figure",
            knowledge_points=[verdict.law] if verdict.law else [],
            answer_texts=[m.group(0)],
            checks=[(at, at + len(m.group(0)))],
            difficulty=2,
        )


# "国家实施以我为主、立足国内、确保产能、适度进口、科技支撑的国家粮食安全战略", "建立统一指挥、
# 专常兼备、反应灵敏、上下联动的应急管理体制": a named national formula and the items the
# sentence itself gives for that very name (方针 and 原则 are fill.principle's).
FORMULA_RE = re.compile(
    r"(?:建立健全|实施|实行|建立|健全|完善|构建|坚持|形成)"
    r"(?P<items>[\u4e00-\u9fa5]{2,6}(?:、[\u4e00-\u9fa5]{2,6}){1,5})的"
    r"(?P<name>[\u4e00-\u9fa5]{0,10}(?:战略|体制|治理体系|工作体系|工作格局|格局))(?=[，。；、]|$)"
)
FORMULA_ITEM_RE = re.compile(r"[\u4e00-\u9fa5]{2,6}")
# "（突发事件）分为特别重大、重大、较大和一般四级", "预警级别分为一级、二级…": the classes a law
# names, counted by the sentence itself; an ordinal series (一级、二级…) is read off its count.
CLASSES_RE = re.compile(
    r"(?:分为|划分为|包括)(?P<items>[\u4e00-\u9fa5]{1,6}(?:、[\u4e00-\u9fa5]{1,6}){1,5}(?:和|以及)"
    r"[\u4e00-\u9fa5]{1,6}?)(?P<count>[二三四五六七])(?P<unit>级|类|种|个等级|个级别)(?=[，。；]|$)"
)
ORDINAL_RE = re.compile(r"^(?:第?[一二三四五六七八九十]+|[ⅠⅡⅢⅣ])(?:级|类|等)?$")


@sentence_rule("fill.national_formula", "fill_in", 0.6)
def national_formula(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """The items of a national strategy or system, blanked, where the sentence attributes it
    to a named law (or the law cited before it in the paragraph) or to the nation as its
    subject; a county's or town's own formula ("我镇构建……的工作格局") never."""
    if ctx.law:
        return
    text, offset = _body(sentence)
    m = FORMULA_RE.search(text)
    if not m:
        yield from _classes(ctx, sentence, text, offset)
        return
    verdict = attribution.attribute(
        text[: m.end()], _before(ctx, sentence), where=_where(ctx, sentence)
    )
    if not verdict.national or verdict.how not in ("named", "national_subject", "inherited"):
        return
    cited = attribution.law_cited(text[: m.start()])
    law = verdict.law or (cited[0] if cited else None)
    start = cited[1] if cited else 0
    body = text[start : m.end()]
    if any(attribution.local_clause(c) for c in body.split("，")) or len(body) > 90:
        return
    items = m.group("items").split("、")
    if len(set(items)) < len(items) or any(it in m.group("name") for it in items):
        return  # an item the name repeats is read off the stem
    name = m.group("name")
    lead = f"根据《{law}》，" if law else ""
    if not law and not attribution.national_subject(body):
        return  # "国家…" must be the stem's own subject when no law is named
    stem_body = body[: m.start("items") - start] + "、".join([BLANK] * len(items)) + "的" + name
    at = sentence.start + offset + m.start("items")
    checks, pos = [], 0
    for item in items:
        checks.append((at + pos, at + pos + len(item)))
        pos += len(item) + 1
    yield Candidate(
        type="fill_in",
        stem=f"{lead}{stem_body}。",
        answer=items,
        explanation=f"原文：“{sentence.core}”",
        source=ctx.source(sentence),
        rule="fill.national_formula",
        knowledge_points=[k for k in (law, name) if k],
        answer_texts=items,
        checks=checks,
        difficulty=2,
    )


def _classes(ctx: Context, sentence: Sentence, text: str, offset: int) -> Iterator[Candidate]:
    """The classes a cited law divides a thing into, the count kept as the cue."""
    m = CLASSES_RE.search(text)
    if not m:
        return
    items = re.split("、|和|以及", m.group("items"))
    if len(items) != cn_to_int(m.group("count")) or any(ORDINAL_RE.match(it) for it in items):
        return
    if len(set(items)) < len(items):
        return
    before = _before(ctx, sentence)
    verdict = attribution.attribute(text[: m.end()], before, where=_where(ctx, sentence))
    if not verdict.national or verdict.how not in ("named", "inherited"):
        return
    cited = attribution.law_cited(text)
    start = cited[1] if cited else 0
    law = (cited[0] if cited else None) or verdict.law
    body = text[start : m.end()]
    if not law or attribution.local_clause(body.split("，")[0]) or len(body) > 80:
        return
    items_at = m.start("items") - start
    lead = body[:items_at]
    # "其中，…" and "这部法律所称的X，包括…" read alone as "…" and "X包括…".
    lead = re.sub(r"^(?:其中|同时|此外|另外)，", "", lead)
    lead = re.sub(r"^(?:这部|该|本)(?:法律|法|条例)所称的?([\u4e00-\u9fa5]{2,12})，", r"\1", lead)
    stem_body, pos, checks = lead, items_at, []
    for item in items:
        at = body.index(item, pos)
        stem_body += body[pos:at] + BLANK
        doc_at = sentence.start + offset + start + at
        checks.append((doc_at, doc_at + len(item)))
        pos = at + len(item)
    stem_body += body[pos:]
    yield Candidate(
        type="fill_in",
        stem=f"根据《{law}》，{stem_body}。",
        answer=items,
        explanation=f"原文：“{sentence.core}”",
        source=ctx.source(sentence),
        rule="fill.national_formula",
        knowledge_points=[law],
        answer_texts=items,
        checks=checks,
        difficulty=2,
    )
