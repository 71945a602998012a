"""单选 and 判断 rules: blank or swap one key element (number, body, slogan)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial

from . import distractors, elements
from .candidate import Candidate, Option
from .context import Context
from .lists import parallel_run
from .registry import sentence_rule
from .textutil import Sentence, cut, numeral_forms

KEYS = "ABCDEFGH"


NORMATIVE = re.compile(r"应当|必须|不得|要|坚持|不能|负责|规定|原则|至少|每")
BOUND = re.compile(r"^(?:个|名|人|项|次)?(以上|以下|以外)")


def key_elements(ctx: Context, sentence: Sentence, swap: bool = False) -> list[elements.Element]:
    """The elements worth asking about, best first; at most one of each kind."""
    found: list[elements.Element] = []
    if ctx.law:
        found += [
            b for b in elements.bodies(sentence) if not b.text.startswith(distractors.RELATIVE_BODY)
        ][:1]
    nums = elements.numbers(sentence, law=bool(ctx.law))
    if swap:  # "三个以上" stays true when the law says "两个以上": do not swap bounds
        nums = [n for n in nums if not BOUND.match(ctx.document.text[n.end : n.end + 4])]
        # "未满16周岁或者已满16周岁…": the number said twice; changing one contradicts the other.
        nums = [n for n in nums if not _said_twice(sentence, n)]
    found += nums[:1]
    found += [
        q
        for q in elements.quotes(sentence)
        if len(q.text) <= 12
        and ("、" in q.text or "，" in q.text or ctx.single_use_quote(q, sentence))
    ][:1]
    return found


def _said_twice(sentence: Sentence, el: elements.Element) -> bool:
    unit = el.group if el.group != "比例" else ""
    return sum(sentence.text.count(f + unit) for f in numeral_forms(el.text)) > 1


def _wrong(
    ctx: Context, el: elements.Element, k: int, sentence: Sentence, stem: str, swap: bool = False
) -> list[str]:
    context = ctx.document.text[sentence.passage.start : sentence.passage.end]
    if el.kind == "number":
        return distractors.numbers(ctx, el, k, stem)
    if el.kind == "body":
        # A government among 乡镇党委, 人民团体… stands out: its wrong options are
        # governments too (other levels when the law names one level), or none.
        # A court or procuratorate among departments stands out too (审理案件): its wrong
        # options are judicial bodies, or none (heldout10).
        strict = (
            swap
            or "人民政府" in el.text
            or el.text.startswith("国务院")
            or (
                distractors.family(el.text) in ("judicial", "government")
                and not distractors.GENERIC_ORGAN.match(el.text)
            )  # 行政机关 among other kinds
        )
        return distractors.bodies(ctx, el, k, context, family_only=strict)
    return distractors.quotes(ctx, el, k, context)


def single(ctx: Context, sentence: Sentence, kind: str) -> Iterator[Candidate]:
    for el in key_elements(ctx, sentence):
        if el.kind != kind:
            continue
        if el.kind == "body" and ctx.law and el.text in ctx.law:
            # "____应当开展便民利民的社区服务活动" under 城市居民委员会组织法: with the law's
            # name the answer shows, without it other bodies fit the blank too.
            continue
        stem = ctx.stem(sentence, [(el.start, el.end)])
        if el.kind == "body" and territorial_duty(ctx, el):
            continue  # every level answers for its own area: other levels are right too
        if el.kind == "body" and _field_in_stem(el.text, stem):
            continue  # "将…教育纳入…" asking 教育行政部门: the stem names the field (heldout10)
        wrong = _wrong(ctx, el, 3, sentence, stem)
        if len(wrong) < 3:
            continue
        texts = [el.text, *wrong]
        if el.kind == "number":
            units = el.group if el.group != "比例" else ""
            texts = [f"{t}{units}" if not stem.count(f"____{units}") else t for t in texts]
        order = list(range(4))
        ctx.rng.shuffle(order)
        options = [Option(KEYS[i], texts[j]) for i, j in enumerate(order)]
        answer = KEYS[order.index(0)]
        yield Candidate(
            type="single",
            stem=stem,
            options=options,
            answer=answer,
            # Without the letter: an exam may show the options in another order.
            explanation=f"{ctx.explain(sentence)}正确选项为“{texts[0]}”。",
            source=ctx.source(sentence),
            rule=f"single.{el.kind}",
            knowledge_points=ctx.knowledge_points(sentence.passage.heading_path),
            answer_texts=[el.text],
            checks=[(el.check_start, el.check_end)],
            difficulty=2,
        )


# "县级人民政府对本行政区域内突发事件的应对管理工作负责": each level of government answers
# for its own area, so another level is no certainly wrong option (heldout10).
TERRITORIAL_RE = re.compile(r"^(?:负责|对)本行政区域[^，。；]{0,40}?负责")


def territorial_duty(ctx: Context, el: elements.Element) -> bool:
    return bool(TERRITORIAL_RE.match(ctx.document.text[el.end : el.end + 50]))


# The field a department is named for: "县级以上人民政府教育行政部门" → 教育.
DEPARTMENT_FIELD_RE = re.compile(
    r"([\u4e00-\u9fa5]{2,6}?)(?:行政主管部门|主管部门|行政部门|管理部门|工作部门|部门)$"
)
LEVEL_PREFIX_RE = re.compile(
    r"^(?:国务院|(?:县级以上|设区的市级以上|省级以上)?(?:地方)?(?:各级)?人民政府|"
    r"省、自治区、直辖市人民政府|设区的市级人民政府|县级人民政府|县级以上)"
)


# Words in a stem that name the organ that does it ("给予治安管理处罚" is the police's).
TELLTALE = {
    "公安机关": ("治安", "公安"),
    "人民法院": ("审判", "判决"),
    "人民检察院": ("公诉", "检察"),
}


def _field_in_stem(body: str, stem: str) -> bool:
    rest = stem.replace("____", "")
    if any(word in rest for word in TELLTALE.get(body, ())):
        return True
    m = DEPARTMENT_FIELD_RE.search(LEVEL_PREFIX_RE.sub("", body))
    if not m or m.group(1) in ("有关", "其他有关", "相关", "其他"):
        return False
    field = m.group(1)
    return field in stem.replace("____", "")


for _kind, _base in (("number", 0.65), ("body", 0.62), ("quote", 0.55)):
    sentence_rule(f"single.{_kind}", "single", _base)(partial(single, kind=_kind))


def _statement_base(ctx: Context, sentence: Sentence, el: elements.Element) -> dict:
    return dict(
        type="true_false",
        source=ctx.source(sentence),
        knowledge_points=ctx.knowledge_points(sentence.passage.heading_path),
        answer_texts=[el.text],
        checks=[(el.check_start, el.check_end)],
        difficulty=1,
    )


# "具体办法由……制定。" "具体划分标准由……规定。": what is "具体" is said in the sentence
# before; alone the statement names no subject (every one judged so far was unusable).
SPECIFIC_RE = re.compile(r"^具体[^，。；：]{0,8}?(?:办法|标准|规定|细则|措施|范围|程序|条件|权限)")


def needs_antecedent(sentence: Sentence) -> bool:
    return bool(SPECIFIC_RE.match(sentence.core))


def _swappable(ctx: Context, sentence: Sentence) -> list[elements.Element]:
    if not ctx.law and not NORMATIVE.search(sentence.core):
        return []  # a speech's report of what happened is not a rule to know
    if needs_antecedent(sentence):
        return []
    return key_elements(ctx, sentence, swap=True)


@sentence_rule("true_false.true", "true_false", 0.55)
def true_statement(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """A rule restated as it stands, where the seeded coin says so or no swap is possible
    (only where a key element makes it worth asking)."""
    els = _swappable(ctx, sentence)
    swaps = [e for e in els if _swap_rule(ctx, sentence, e) in ctx.active]
    if not els or (not ctx.coin(sentence) and any(_swap(ctx, sentence, e) for e in swaps)):
        return
    yield Candidate(
        stem=ctx.stem(sentence),
        answer=True,
        rule="true_false.true",
        explanation=f"{ctx.explain(sentence)}表述正确。",
        **_statement_base(ctx, sentence, els[0]),
    )


def _swap(ctx: Context, sentence: Sentence, el: elements.Element) -> str | None:
    stem_blank = ctx.stem(sentence, [(el.start, el.end)])
    wrong = _wrong(ctx, el, 1, sentence, stem_blank, swap=True)
    return wrong[0] if wrong else None


def swapped_statement(ctx: Context, sentence: Sentence, kind: str) -> Iterator[Candidate]:
    """One number, body or slogan replaced by another of the same kind: false (where the
    seeded coin does not ask for the true statement)."""
    if ctx.coin(sentence):
        return
    el = next((e for e in _swappable(ctx, sentence) if e.kind == kind), None)
    wrong = _swap(ctx, sentence, el) if el else None
    if el is None or wrong is None:
        return
    yield Candidate(
        stem=ctx.stem(sentence, replace={(el.start, el.end): wrong}),
        answer=False,
        rule=f"true_false.swap_{el.kind}",
        explanation=f"{ctx.explain(sentence)}应为“{el.text}”，而非“{wrong}”。",
        swapped={"kind": el.kind, "original": el.text, "replacement": wrong},
        **_statement_base(ctx, sentence, el),
    )


for _kind in ("number", "body", "quote"):
    sentence_rule(f"true_false.swap_{_kind}", "true_false", 0.6)(
        partial(swapped_statement, kind=_kind)
    )


# A statute's time limit or amount, stated with another value of the same unit, is
# plausible and certainly false (round nine): "应当自收到申请之日起十五日内作出决定" when the
# law says 三十日. Ages (周岁) are left out: "年满十八周岁的公民应当…" stays true of a law
# that says 十六 (heldout3/4 rejected such swaps as contradictory or still true).
FIGURE_UNITS = frozenset(
    {"日", "天", "工作日", "个工作日", "个月", "小时", "年", "元", "万元", "千元"}
)
FIGURE_CUE = re.compile(
    r"之日起|期满|有效期|期限|届满|任期|间隔|以内|内[，。；作报提办将指通]|日前|延长至|罚款|拘留"
)


# A required minimum or maximum ("不得低于机构岗位总量的百分之八十", "不少于二年",
# "不得超过成员总数的百分之五"), round eleven: stated with a larger minimum or a smaller
# maximum it is certainly false; the other way it would still hold (at least 80% is at
# least 60%), so only that direction is swapped. Conditions ("超过二十人的，") are no
# requirement: a larger threshold there still holds, so they are left out.
MINIMUM_BEFORE = re.compile(
    r"(?:不得低于|不低于|不得少于|不少于|至少)[^，；。、：]{0,10}$|"
    # "须经注册后在医疗卫生机构中执业满五年": a required length of service (round thirteen).
    r"(?:执业|工作|任职|从事[^，；。、：]{0,8}?|学习[^，；。、：]{0,6}?|实践)满$"
)
MAXIMUM_BEFORE = re.compile(r"(?:不得超过|不超过|最多)[^，；。、：]{0,10}$")
NO_SWAP_UNITS = frozenset({"周岁", "岁"})


def required_bound(sentence: Sentence, el: elements.Element) -> int:
    """+1 for a required minimum, -1 for a required maximum, 0 for neither: the direction
    a swapped value must move to make the statement certainly false."""
    if el.group in NO_SWAP_UNITS:
        return 0
    base = sentence.start
    before = sentence.text[max(0, el.start - base - 16) : el.start - base]
    after = sentence.text[el.end - base : el.end - base + len(el.group) + 2]
    if after[len(el.group) :].startswith("的"):
        return 0  # "不少于五人的，" is a condition
    if before.endswith("每"):
        return 0  # "至少每2年培训一次": a longer interval is the weaker rule, not a larger one
    if MINIMUM_BEFORE.search(before) or after[len(el.group) :].startswith("前"):
        return 1  # "应当在会计年度终了的三个月前提出": notice at least that long before
    if MAXIMUM_BEFORE.search(before):
        return -1
    return 0


def law_figure(ctx: Context, sentence: Sentence, el: elements.Element) -> bool:
    """A statute's deadline, term or fine, or a required minimum or maximum: the number a
    certainly-false swap may change."""
    if not ctx.law or el.kind != "number":
        return False
    if required_bound(sentence, el):
        return True
    if el.group not in FIGURE_UNITS:
        return False
    base = sentence.start
    around = sentence.text[max(0, el.start - base - 12) : el.end - base + 14]
    return bool(FIGURE_CUE.search(around))


# "流转期限为五年以上的，可以申请登记": a threshold in a condition. A larger one still
# holds ("六年以上的" may apply too), so no swap of it is certainly false (round 18).
CONDITION_THRESHOLD_AFTER = re.compile(r"^(?:以上|以下|以内|及以上|及以下)?的[，,]")


def condition_threshold(sentence: Sentence, el: elements.Element) -> bool:
    after = sentence.text[el.end - sentence.start :]
    unit = el.group if after.startswith(el.group) else ""
    return bool(CONDITION_THRESHOLD_AFTER.match(after[len(unit) :]))


def _bounded_swap(ctx: Context, sentence: Sentence, el: elements.Element, direction: int):
    """The nearest other value on the false side of a required bound, or None."""
    stem_blank = ctx.stem(sentence, [(el.start, el.end)])
    for wrong in _wrong(ctx, el, 6, sentence, stem_blank, swap=True):
        value = elements.number_value(wrong)
        if value is not None and el.value and (value - el.value) * direction > 0:
            return wrong
    return None


def _swap_rule(ctx: Context, sentence: Sentence, el: elements.Element) -> str:
    if el.kind == "number" and law_figure(ctx, sentence, el):
        return "true_false.swap_law_figure"
    return f"true_false.swap_{el.kind}"


# Scored above the 单选 and 填空 on the same figure where the coin asks for it: one question
# per span, and a certainly false statement is what lets the law's true ones be asked (three
# per false one).
@sentence_rule("true_false.swap_law_figure", "true_false", 0.72)
def swapped_law_figure(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """A statute's time limit or amount replaced by another of the same unit, taken from the
    same law where it has one: false, where the seeded coin says so (elsewhere the figure is
    asked as a 单选 or 填空, which a bank needs too, and this "错" is held in reserve for when
    the law's "对" wait for a "错").
    Not when the new value stands in the same article: a reader could take the statement
    for the article's other limit."""
    if not ctx.law:
        return
    el = next((e for e in _swappable(ctx, sentence) if e.kind == "number"), None)
    if el is None or not law_figure(ctx, sentence, el) or condition_threshold(sentence, el):
        return
    direction = required_bound(sentence, el)
    wrong = _bounded_swap(ctx, sentence, el, direction) if direction else _swap(ctx, sentence, el)
    if wrong is None:
        return
    unit = "" if el.group == "比例" else el.group  # a share's group names no written unit
    article = ctx.document.text[sentence.passage.start : sentence.passage.end]
    if any(f"{form}{unit}" in article for form in numeral_forms(wrong)):
        return
    yield Candidate(
        stem=ctx.stem(sentence, replace={(el.start, el.end): wrong}),
        answer=False,
        rule="true_false.swap_law_figure",
        explanation=f"{ctx.explain(sentence)}应为“{el.text}{unit}”，而非“{wrong}{unit}”。",
        # With the unit: "二十年" is no part of "满二十五年", though "二十" is (heldout10).
        swapped={
            "kind": "number",
            "original": f"{el.text}{unit}",
            "replacement": f"{wrong}{unit}",
        },
        # The coin asked a 单选 or 填空 here: this "错" waits in reserve (round ten).
        reserve=ctx.coin(sentence),
        **_statement_base(ctx, sentence, el),
    )


@sentence_rule("true_false.swap_order", "true_false", 0.6)
def true_false_parallel(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """把A作为B，把C作为D restated with B and D swapped: false, and easy to believe."""
    run = parallel_run(sentence)
    if not run:
        return
    first, second = run[0], run[1]
    base = sentence.start
    spans = [(base + m.start(2), base + m.end(2)) for m in (first, second)]
    edits = {spans[0]: second.group(2), spans[1]: first.group(2)}
    original = first.group(0)
    wrong = original[: first.start(2) - first.start()] + second.group(2)
    yield Candidate(
        type="true_false",
        stem=ctx.stem(cut(sentence, run[-1].end()), replace=edits),
        answer=False,
        rule="true_false.swap_order",
        explanation=f"{ctx.explain(sentence)}应为“{original}”，而非“{wrong}”。",
        source=ctx.source(sentence),
        knowledge_points=ctx.knowledge_points(sentence.passage.heading_path),
        answer_texts=[first.group(2), second.group(2)],
        checks=spans,
        difficulty=2,
        swapped={"kind": "order", "original": original, "replacement": wrong},
    )


# The levels of government a law names one at a time, top down. A power or duty the law
# gives to a body named by exactly one level (国务院卫生行政部门, 省级人民政府), given
# instead to the level below, is plausible and certainly false. (Given to the level above it
# is arguable: a county also guides what a township does.) A 各级 or 县级以上 body
# includes the others, so it is never swapped.
LEVEL_NAMES = (
    ("国务院", "国家"),  # 国家档案主管部门: the national department (round ten)
    ("省、自治区、直辖市人民政府", "省级人民政府"),
    ("设区的市级人民政府", "设区的市人民政府"),
    ("县级人民政府", "县人民政府"),
    ("乡、镇人民政府", "乡镇人民政府"),
)
INCLUSIVE_LEVEL = re.compile(r"以上|以下|各级|地方")
# Oversight every level of the same department exercises ("应当加强对…的监督", "督促…"),
# unlike a power given to one level ("…由省级部门规定", "…批准"): another level doing it
# is not certainly false.
SHARED_DUTY_RE = re.compile(
    r"^(?:应当|要|可以)?(?:依法)?(?:加强|督促|指导|监督|支持|鼓励|配合|协助|做好|推动|引导|"
    r"建立健全|健全|完善)"
)


def _level(body: str) -> tuple[int, str] | None:
    """(level index, the rest of the name) of a body named by one level, else None."""
    if INCLUSIVE_LEVEL.search(body):
        return None
    for i, names in enumerate(LEVEL_NAMES):
        for name in names:
            if name and body.startswith(name):
                rest = body[len(name) :]
                if i == 0 and rest.startswith("人民政府"):
                    return None
                return i, rest
    return None


def level_swap(ctx: Context, sentence: Sentence) -> tuple[elements.Element, str] | None:
    """The acting body of a statute sentence and the same body one level down."""
    if not ctx.law or needs_antecedent(sentence):
        return None
    for el in elements.bodies(sentence)[:1]:
        found = _level(el.text)
        if found is None:
            return None
        level, rest = found
        below = level + 1
        if level == 0 and not rest:
            # 国务院 itself: a provincial government is not its peer, save where the law
            # leaves a set of rules to it ("……办法，由国务院制定。"): a province making them
            # is plausible and certainly false, unless the law lets a province make rules
            # of its own (round thirteen).
            wrong = _enactor_swap(ctx, sentence, el)
            return (el, wrong) if wrong else None
        if below >= len(LEVEL_NAMES) or (rest and below == len(LEVEL_NAMES) - 1):
            # Nothing below, or a township, which has no 部门. A county department's own
            # act (注册, 审批, 发证 within a time limit) given to the department one level up
            # is certainly false too (round thirteen); its oversight is not (a city's
            # department oversees the county's).
            if not (
                rest
                and level == 3
                and COUNTY_ACT_RE.search(sentence.text[el.end - sentence.start :])
                # "县级…部门…未在规定时间内完成审核工作的，由…责令改正": the body is the
                # offender of a liability clause, which binds any level alike.
                and "的，由" not in sentence.text[el.end - sentence.start :]
            ):
                return None
            below = level - 1
            city = LEVEL_NAMES[below]
            outside = ctx.document.text.replace(sentence.text, "")
            if any(name[:-4] in outside for name in city):
                return None  # the law gives the city level a part of its own (汇总, 备案)
        wrong = LEVEL_NAMES[below][0] + rest
        # What the body does is said of another body elsewhere ("县级以上各级人民政府应当向
        # 本级人民代表大会…报告"): the other level may be bound too, so "false" is unsafe.
        said = ctx.document.text[el.end : el.end + 8]
        if wrong in sentence.text or ctx.document.text.count(said) > 1:
            return None
        if level == 0 and "全国" in sentence.text:
            return None  # "省级部门…监督全国的…" gives itself away
        if SHARED_DUTY_RE.match(ctx.document.text[el.end : el.end + 12]):
            return None  # every level "加强监督" or "督促": the other level is bound too
        if territorial_duty(ctx, el) or _level_named_elsewhere(ctx, sentence, wrong):
            return None  # the law gives that level duties of its own: "false" is arguable
        return el, wrong
    return None


# The acts a county department performs for an applicant itself: a registration, an approval,
# a certificate, a decision on an application.
COUNTY_ACT_RE = re.compile(
    r"^[^。；]{0,30}?(?:执业注册|注册工作|审批|核准|颁发|发给|办理[^。；]{0,12}?(?:注册|登记|手续)|"
    r"受理申请之日起|收到[^。；]{0,12}?之日起)"
)


# "……办法，由国务院制定。" / "……权限由国务院规定。": the whole sentence leaves rules to the
# State Council; what follows the body is only the verb.
ENACTED_RE = re.compile(r"^(?:制定|规定)[。；]?$")
PROVINCE_RULES_RE = re.compile(
    r"(?:省、自治区、直辖市|省级)[^。；]{0,40}?(?:制定|规定|办法|细则|标准)"
)
PROVINCE = LEVEL_NAMES[1][0]


def _enactor_swap(ctx: Context, sentence: Sentence, el: elements.Element) -> str | None:
    text = ctx.document.text
    if text[el.start - 1 : el.start] != "由":
        return None
    if not ENACTED_RE.match(text[el.end : sentence.end].strip()):
        return None
    outside = text[: sentence.start] + "\n" + text[sentence.end :]
    if PROVINCE_RULES_RE.search(outside) or "省" in sentence.text:
        return None
    return PROVINCE


def _level_named_elsewhere(ctx: Context, sentence: Sentence, wrong: str) -> bool:
    """The swapped-in government, under any of its names (乡级人民政府, 乡镇人民政府…), acts
    elsewhere in the law (heldout10: "乡级人民政府…应当明确专门工作力量" beside "县级人民政府
    对本行政区域内突发事件的应对管理工作负责")."""
    key = distractors.level_name(wrong)
    if key == wrong:
        return False
    text = ctx.document.text
    outside = text[: sentence.start] + "\n" + text[sentence.end :]
    return any(
        distractors.level_name(m.group(0)) == key for m in GOVERNMENT_NAME_RE.finditer(outside)
    )


GOVERNMENT_NAME_RE = re.compile(
    r"(?:乡、(?:民族乡、)?镇的?|乡镇|乡级|设区的市级|设区的市|县级|省、自治区、直辖市|省级)人民政府"
)


@sentence_rule("true_false.swap_level", "true_false", 0.6)
def swapped_level(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """ "县级人民政府卫生行政主管部门负责…" restated of the provincial department: false."""
    found = level_swap(ctx, sentence)
    if found is None:
        return
    el, wrong = found
    yield Candidate(
        stem=ctx.stem(sentence, replace={(el.start, el.end): wrong}),
        answer=False,
        rule="true_false.swap_level",
        explanation=f"{ctx.explain(sentence)}应为“{el.text}”，而非“{wrong}”。",
        swapped={"kind": "level", "original": el.text, "replacement": wrong},
        **_statement_base(ctx, sentence, el),
    )


# A duty the law gives "县级以上（地方）（各级）人民政府" itself, restated of the township
# government: certainly false under that law, and easy to believe (round fifteen). Only a
# government's own act ("应当设立…", "应当将…纳入本级…规划", "应当制定…预案"), never what every
# level does alike (加强、督促、支持、采取措施…), never where the article gives the township
# a part of its own (then the township may be bound too), and never a "可以".
COUNTY_UP_RE = re.compile(r"^县级以上(?:地方)?(?:各级)?人民政府$")
TOWNSHIP = LEVEL_NAMES[4][0]
TOWNSHIP_NAMED_RE = re.compile(r"乡、(?:民族乡、)?镇|乡镇|乡级|基层人民政府|乡（镇）|街道|乡、村")
# A government's own act: setting up a body, putting a cause into its plan or budget, drawing
# up a plan, naming a body (not "采取措施", "支持", which any level may do).
OWN_ACT_RE = re.compile(
    r"^应当(?:依法)?(?:将|把|设立|建立|指定|制定|编制|组织有关部门|定期组织|每年向)"
)


def township_swap(ctx: Context, sentence: Sentence) -> elements.Element | None:
    """The county-and-above government that opens a statute sentence with an act of its own,
    when its article gives the township no part; else None."""
    if not ctx.law:
        return None
    found = elements.bodies(sentence)[:1]
    if not found or found[0].start != sentence.core_start:
        return None  # not the subject of the sentence
    el = found[0]
    if not COUNTY_UP_RE.match(el.text):
        return None
    text = ctx.document.text
    after = text[el.end : sentence.end]
    if not OWN_ACT_RE.match(after):
        return None
    article = text[sentence.passage.start : sentence.passage.end]
    if TOWNSHIP_NAMED_RE.search(article) or "各级人民政府" in article.replace(el.text, ""):
        return None  # the article gives the township (or every level) a part too
    if text.count(after[:10]) > 1:
        return None  # the same duty is given to another body elsewhere
    return el


@sentence_rule("true_false.swap_township", "true_false", 0.6)
def swapped_township(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """ "县级以上人民政府应当设立公共图书馆" restated of the township government: false. Held
    in reserve: asked only where the law's "对" wait for a "错" (pipeline._balanced)."""
    el = township_swap(ctx, sentence)
    if el is None:
        return
    yield Candidate(
        stem=ctx.stem(sentence, replace={(el.start, el.end): TOWNSHIP}),
        answer=False,
        rule="true_false.swap_township",
        explanation=f"{ctx.explain(sentence)}应为“{el.text}”，而非“{TOWNSHIP}”。",
        swapped={"kind": "level", "original": el.text, "replacement": TOWNSHIP},
        # Waits for the law's "对" (none wait when the "对" rule is not run).
        reserve="true_false.true" in ctx.active,
        **_statement_base(ctx, sentence, el),
    )


# "普通护照由公安部规定式样并监制；外交护照、公务护照由外交部规定式样并监制": the law gives two
# tasks to two bodies in one sentence; the bodies exchanged is certainly false, and both names
# are the law's own, of the same family (round fifteen). Not where the bodies are alternatives
# ("或者由", "也可以由") or act together.
MINISTRY = (
    r"(?:公安|外交|财政|民政|教育|司法|商务|国防|文化和旅游|农业农村|人力资源和社会保障|自然资源|"
    r"生态环境|住房和城乡建设|交通运输|水利|应急管理)部"
)
BY_BODY_RE = re.compile(r"由(?=(" + MINISTRY + "|" + elements.BODY_RE.pattern + r"))")
# What a body does with a document or a form, besides the acts elements.ACTOR_AFTER knows.
PAIRED_ACT_RE = re.compile(r"^(?:监制|签发|颁发|发放|核发|编制|印制|制作|审定|管理|负责)")
ALTERNATIVE_RE = re.compile(r"或者?由|也可以由|可以由|会同|共同|联合")


def paired_bodies(ctx: Context, sentence: Sentence) -> tuple[elements.Element, ...] | None:
    """The two bodies a statute sentence gives two tasks to ("由X…；…由Y…"), else None."""
    if not ctx.law or ALTERNATIVE_RE.search(sentence.text):
        return None
    base, text = sentence.start, sentence.text
    found = []
    for m in BY_BODY_RE.finditer(text, sentence.core_start - base):
        body = m.group(1)
        end = m.start(1) + len(body)
        acts = elements.ACTOR_AFTER.match(text[end:]) or PAIRED_ACT_RE.match(text[end:])
        if not acts or text[end:].startswith(("、", "和", "，", "。", "；")):
            return None  # one of several bodies, or a name that runs on
        found.append(elements.Element.blank("body", base + m.start(1), base + end, body, "body"))
    if len(found) != 2:
        return None
    a, b = found
    if a.text in b.text or b.text in a.text:
        return None
    return a, b


@sentence_rule("true_false.swap_paired_body", "true_false", 0.6)
def swapped_paired_body(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """The two bodies of "A由X…，B由Y…" exchanged: false. Held in reserve: asked only where the
    law's "对" wait for a "错" (pipeline._balanced)."""
    found = paired_bodies(ctx, sentence)
    if found is None:
        return
    a, b = found
    text = ctx.document.text
    # The whole stretch between the two names is what changed (each name alone is in the law).
    original = text[a.start : b.end]
    changed = b.text + text[a.end : b.start] + a.text
    yield Candidate(
        stem=ctx.stem(sentence, replace={(a.start, a.end): b.text, (b.start, b.end): a.text}),
        answer=False,
        rule="true_false.swap_paired_body",
        explanation=f"{ctx.explain(sentence)}“{a.text}”与“{b.text}”各有分工，题中把两者互换了。",
        swapped={"kind": "body", "original": original, "replacement": changed},
        # Waits for the law's "对" (none wait when the "对" rule is not run).
        reserve="true_false.true" in ctx.active,
        **_statement_base(ctx, sentence, a),
    )


# Round eighteen: an article that sets one figure per case ("缴费满一年不足五年的，…最长为
# 十二个月；满五年不足十年的，…最长为十八个月") gives its own certainly false statement: one
# case stated with the other case's figure. The stem keeps its own condition, so the other
# figure cannot be read as the article's other limit.
SIBLING_FRAME_LEN = 3
CONDITION_BEFORE = re.compile(r"的[，,]")
RANGE_FRAME = re.compile(r"以上|以下|以内|至|到|元|日|年|月|倍")


def sibling_figure(ctx: Context, sentence: Sentence, el: elements.Element) -> str | None:
    """The figure the same article gives another case in the same words, or None."""
    base = sentence.start
    at = el.start - base
    frame = sentence.text[max(0, at - SIBLING_FRAME_LEN) : at]
    if len(frame) < SIBLING_FRAME_LEN or not re.fullmatch(r"[\u4e00-\u9fa5]+", frame):
        return None
    if RANGE_FRAME.search(frame):
        return None  # "五千元以上五万元以下": the bound of a range, its words are no frame
    if not CONDITION_BEFORE.search(sentence.text[sentence.core_start - base : at]):
        return None  # the case the figure belongs to is not in the stem
    passage = sentence.passage
    article = ctx.document.text[passage.start : passage.end]
    own = (sentence.start - passage.start, sentence.end - passage.start)
    unit = re.escape(el.group)
    found = set()
    for m in re.finditer(rf"{re.escape(frame)}({elements.NUMERAL}){unit}", article):
        if own[0] <= m.start() < own[1]:
            continue
        value = elements.number_value(m.group(1))
        if value is None or value == el.value or m.group(1)[0].isdigit() != el.text[0].isdigit():
            continue
        found.add((abs(value - el.value), m.group(1)))
    return min(found)[1] if found else None  # the nearest: the most plausible mistake


@sentence_rule("true_false.swap_sibling_figure", "true_false", 0.72)
def swapped_sibling_figure(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """A statute's case stated with the figure its article gives another case: false."""
    if not ctx.law:
        return
    if needs_antecedent(sentence) or not _swappable(ctx, sentence):
        return
    for el in elements.numbers(sentence, True):
        if el.group not in FIGURE_UNITS:
            continue
        wrong = sibling_figure(ctx, sentence, el)
        if wrong is None:
            continue
        yield Candidate(
            stem=ctx.stem(sentence, replace={(el.start, el.end): wrong}),
            answer=False,
            rule="true_false.swap_sibling_figure",
            explanation=(
                f"{ctx.explain(sentence)}应为“{el.text}{el.group}”；“{wrong}{el.group}”"
                "是本条对另一种情形的规定。"
            ),
            swapped={
                "kind": "number",
                "original": f"{el.text}{el.group}",
                "replacement": f"{wrong}{el.group}",
            },
            reserve=ctx.coin(sentence),
            **_statement_base(ctx, sentence, el),
        )
        return
