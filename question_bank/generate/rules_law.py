"""Law-article rules on what a clause requires or forbids.

- 填空 on a duty: in "X应当<verb><object>" the object of a short, self-contained
  duty clause is blanked ("社区服务站开展收费服务应当接受____").
- 判断 on a prohibition: "X不得<act>" restated as "X可以<act>" is false, when the act
  is one a reader could believe allowed (never plain wrongdoing: "可以弄虚作假" is no
  question). A duty is never restated as a permission: "应当" and "可以" do not
  contradict each other, so such a "false" statement is not defensible.

Both fire only when the clause is unambiguous on its own: one modal in the
clause, an explicit subject, no list or cross-reference, and (for the prohibition)
an act that a reader could believe is allowed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import duties, elements
from .candidate import Candidate
from .context import Context
from .registry import sentence_rule
from .textutil import Sentence, pos_tags, token_bounds

MODAL_RE = re.compile(r"应当|必须|不得|可以|有权|禁止|无权")
CLAUSE_END = "，；。：,;"
CLAUSE_RE = re.compile(f"[{CLAUSE_END}]")
# Verbs whose object is the substance of a duty (not 采取措施, 加强工作 ...).
DUTY_VERBS = (
    "进行",
    "实行",
    "设立",
    "建立",
    "遵守",
    "避让",
    "接受",
    "举行",
    "履行",
    "出具",
    "听取",
    "载明",
    "有",
)
# A duty clause with any of these needs the rest of the law to be understood.
DUTY_STOP = re.compile(
    r"、|和|或者|及(?!时)|并|下列|以下|其|有关|相应|规定的|前款|本法|本条|等|该|上述|措施|工作"
)
OBJECT_TAGS = ("n", "vn", "a", "b", "l", "j")
SUBJECT_TAIL = ("中", "的", "时", "后", "前")
# "X不得<act>" turned permissive reads as plainly absurd for these acts.
HARMFUL = re.compile(
    r"侵犯|侵害|侵占|损害|违反|违背|相抵触|抵触|干预|干涉|妨碍|阻挠|拒绝|破坏|强迫|强令|"
    r"打击报复|报复|滥用|虚报|隐瞒|截留|挪用|私分|贪污|索取|收受|弄虚作假|伪造|销毁|转移|"
    r"非法|违法|擅自|禁用|超范围|超剂量"
)
NUMERIC_ACT = re.compile(r"^(?:超过|超出|少于|低于|高于|多于|早于|迟于|晚于)")
NO_SWAP = re.compile(r"任何|但|除外|不得不|另有规定")


def _clause(text: str, at: int) -> tuple[int, int]:
    """The clause (between separators) that holds offset `at` of `text`."""
    start = at
    while start > 0 and text[start - 1] not in CLAUSE_END:
        start -= 1
    end = CLAUSE_RE.search(text, at)
    return start, end.start() if end else len(text)


def _has_subject(text: str, clause_start: int, modal_at: int, topic: bool = False) -> bool:
    """A subject before the modal, or a preceding clause that sets it: "…成员中，应当",
    or (topic=True) any clause after a comma ("未在公示栏张贴的通知，不得…")."""
    if len(text[clause_start:modal_at].strip()) >= 2:
        return True
    if clause_start == 0 or text[clause_start - 1] not in "，,":
        return False
    prev = text[_clause(text, clause_start - 1)[0] : clause_start - 1].strip()
    return len(prev) >= 3 and (topic or prev.endswith(SUBJECT_TAIL))


def duty_object(sentence: Sentence) -> elements.Element | None:
    """The object of an 应当 duty clause, when the clause is short and unambiguous."""
    text, core = sentence.text, sentence.core_start - sentence.start
    if "应当" not in text:
        return None
    modals = list(MODAL_RE.finditer(text, core))
    duties = [m for m in modals if m.group(0) == "应当"]
    if len(duties) != 1:
        return None
    m = duties[0]
    c_start, c_end = _clause(text, m.start())
    if any(o is not m and c_start <= o.start() < c_end for o in modals):
        return None
    if not _has_subject(text, c_start, m.start()):
        return None
    duty = text[m.end() : c_end]
    if not 3 <= len(duty) <= 16 or DUTY_STOP.search(duty):
        return None
    found = None
    for verb in DUTY_VERBS:
        at = duty.rfind(verb)
        if at >= 0 and (found is None or at > found[0]):
            found = (at, verb)
    if found is None:
        return None
    obj_start = m.end() + found[0] + len(found[1])
    bounds = token_bounds(text)
    if obj_start not in bounds or m.end() + found[0] not in bounds:
        return None
    obj = text[obj_start:c_end]
    if not 2 <= len(obj) <= 8 or obj.startswith(("的", "了", "着", "于", "在", "给", "对", "向")):
        return None
    tags = pos_tags(obj)
    if not tags or not tags[0][1].startswith(OBJECT_TAGS):
        return None
    if text[c_end : c_end + 1] in ("，", ","):
        # Another predicate may follow ("，符合…要求"), not more of the object ("，收费标准").
        nxt = text[c_end + 1 : _clause(text, c_end + 1)[1]]
        tags = pos_tags(nxt)
        if not tags or not (tags[0][1].startswith("v") or MODAL_RE.search(nxt)):
            return None
    start = sentence.start + obj_start
    return elements.Element.blank("duty", start, start + len(obj), obj)


@sentence_rule("fill.law_duty", "fill_in", 0.65)
def duty_fill(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    if not ctx.law:
        return
    el = duty_object(sentence)
    if el is None:
        return
    yield Candidate(
        type="fill_in",
        stem=ctx.stem(sentence, [(el.start, el.end)]),
        answer=[el.text],
        explanation=ctx.explain(sentence),
        source=ctx.source(sentence),
        rule="fill.law_duty",
        knowledge_points=ctx.knowledge_points(sentence.passage.heading_path),
        answer_texts=[el.text],
        checks=[(el.check_start, el.check_end)],
    )


def prohibition(sentence: Sentence) -> tuple[int, int] | None:
    """The span of 不得 in a clause whose act would be believable if it were allowed."""
    text, core = sentence.text, sentence.core_start - sentence.start
    if "不得" not in text:
        return None
    found = [m for m in MODAL_RE.finditer(text, core) if m.group(0) == "不得"]
    if len(found) != 1 or NO_SWAP.search(text) or "可以" in text:
        return None
    m = found[0]
    c_start, c_end = _clause(text, m.start())
    if len(MODAL_RE.findall(text, c_start, c_end)) != 1:
        return None
    act = text[m.end() : c_end]
    if not 3 <= len(act) <= 30 or NUMERIC_ACT.match(act) or HARMFUL.search(act):
        return None
    if "其他" in act and "除" not in text[:c_start]:
        return None  # "不得再委托其他机构": other than whom is said elsewhere
    if not _has_subject(text, c_start, m.start(), topic=True):
        return None
    return sentence.start + m.start(), sentence.start + m.end()


@sentence_rule("true_false.swap_modal", "true_false", 0.6)
def prohibition_swap(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """ "X不得<act>" restated as "X可以<act>"."""
    if not ctx.law:
        return
    span = prohibition(sentence)
    if span is None:
        return
    yield Candidate(
        type="true_false",
        stem=ctx.stem(sentence, replace={span: "可以"}),
        answer=False,
        explanation=f"{ctx.explain(sentence)}是“不得”，而非“可以”。",
        source=ctx.source(sentence),
        rule="true_false.swap_modal",
        knowledge_points=ctx.knowledge_points(sentence.passage.heading_path),
        # The modal with the start of its act: one 判断 per prohibition.
        answer_texts=[ctx.original.text[span[0] : span[1] + 4]],
        checks=[span],
        difficulty=1,
        swapped={"kind": "modal", "original": "不得", "replacement": "可以"},
    )


# A prohibition stated as it stands (a "对" 判断): "X不得<act>" / "禁止X<act>" is a rule a
# reader must know, however plain the act. Only a whole sentence that reads alone: it ends
# the sentence with "。", names no other article or paragraph, does not lean on the
# sentence before ("但是，不得……") and is short enough to judge at a glance.
PROHIBITION_RE = re.compile(r"不得|禁止")
LEANS_ON_TEXT = re.compile(
    r"前款|前条|本条|本款|前项|上述|该|此类|第[一二三四五六七八九十百零]+(?:条|款|项)|"
    r"依照本法|本法规定的|下列|以下|因此|由此|原[^，。；]{0,4}机关"
)
# A connective, a bracket, or a list dash or bullet left by the layout.
LEANS_ON_START = re.compile(r"^(?:但|并|同时|其|对此|此外|另外|否则|对前|前|[（(\-–—*•·])")
PROHIBITION_CHARS = (12, 70)
# "有关单位和个人不得拒绝、阻挠。": refusing what is said in the sentence before, unless
# this sentence names the inspection or procedure obstructed.
OBSTRUCTION = r"(?:拒绝|阻挠|阻碍|拖延|谎报|瞒报|推诿|妨碍|干扰)"
BARE_OBSTRUCTION_RE = re.compile(f"^{OBSTRUCTION}(?:(?:、|和|或者){OBSTRUCTION})*$")
OBSTRUCTED_RE = re.compile(r"检查|调查|监督|执法|审计|救援|报警|诊断|检验|检疫")
# "确认成员，不得违反本法和其他法律法规的规定": obeying the law in general is no rule to ask.
ONLY_OBEY_RE = re.compile(r"^(?:违反|违背)[^，。；]*(?:法律|法规|规定)$")
# "任何一方": the parties must be named in the sentence ("父母……任何一方").
PARTIES_RE = re.compile(r"双方|父母|夫妻|当事人|各方")


def _reads_alone(sentence: Sentence, chars: tuple[int, int]) -> bool:
    """A whole sentence, of a length to judge at a glance, that leans on no other text."""
    core = sentence.core
    if not sentence.text.rstrip().endswith("。") or not chars[0] <= len(core) <= chars[1]:
        return False
    if LEANS_ON_START.match(core) or LEANS_ON_TEXT.search(core) or "不得不" in core:
        return False
    return "任何一方" not in core or bool(PARTIES_RE.search(core))


def _binds_someone(text: str, core_at: int, m: re.Match) -> bool:
    """The modal at `m` has its subject in its clause, or in a topic clause before it that
    is not a condition ("未经登记，不得对抗……": what is not registered is said elsewhere)."""
    c_start, c_end = _clause(text, m.start())
    if "除外" in text[c_start:c_end]:
        return False  # "……不得公开的内容除外": an exception to a rule said before
    at = max(c_start, core_at)  # the clause without the article number
    if m.group(0) == "禁止" and m.start() == at:
        # "禁止任何单位和个人……": the law's own ban, its subject follows the verb.
        return at == core_at
    if len(text[at : m.start()].strip()) >= 2:
        return True
    if c_start <= core_at:
        return False
    before = text[max(_clause(text, c_start - 1)[0], core_at) : c_start]
    return not before.startswith("未经") and _has_subject(text, c_start, m.start(), topic=True)


def stated_prohibition(sentence: Sentence) -> tuple[int, int] | None:
    """The span (in document offsets) of the first 不得/禁止 of a self-contained prohibition."""
    text, core_at = sentence.text, sentence.core_start - sentence.start
    if not _reads_alone(sentence, PROHIBITION_CHARS):
        return None
    found = list(PROHIBITION_RE.finditer(text, core_at))
    if not found or not _binds_someone(text, core_at, found[0]):
        return None
    acts = [text[f.end() : _clause(text, f.start())[1]] for f in found]
    if len(acts) == 1 and ONLY_OBEY_RE.match(acts[0]):
        return None
    # What is obstructed is named before the last prohibition's clause, not in its subject
    # ("被审计单位不得拒绝、拖延、谎报" names no procedure).
    named_before = text[core_at : _clause(text, found[-1].start())[0]]
    if BARE_OBSTRUCTION_RE.match(acts[-1]) and not OBSTRUCTED_RE.search(named_before):
        return None
    m = found[0]
    return sentence.start + m.start(), sentence.start + m.end()


@sentence_rule("true_false.prohibition", "true_false", 0.42)
def stated_prohibition_true(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """ "X不得<act>" asked as it stands: the answer is "对"."""
    if not ctx.law:
        return
    span = stated_prohibition(sentence)
    if span is not None:
        yield _asked_as_stated(ctx, sentence, span, "true_false.prohibition")


def _asked_as_stated(ctx: Context, sentence: Sentence, span: tuple[int, int], rule: str):
    """A "对" 判断 of the sentence as it stands; `span` is the 不得/应当 the verifier checks."""
    return Candidate(
        type="true_false",
        stem=ctx.stem(sentence),
        answer=True,
        explanation=f"{ctx.explain(sentence)}表述正确。",
        source=ctx.source(sentence),
        rule=rule,
        knowledge_points=ctx.knowledge_points(sentence.passage.heading_path),
        answer_texts=[ctx.original.text[span[0] : span[1] + 4]],
        checks=[span],
        difficulty=1,
    )


# A duty stated as it stands (a "对" 判断): "X应当<act>" with a concrete act ("国徽应当悬挂在
# 机关正门上方正中处", "工资应当以货币形式按月支付给劳动者本人"). Never a programme or a
# slogan ("加强……", "采取措施", "纳入规划"): those are what a reader cannot get wrong.
DUTY_RE = re.compile(r"应当|必须")
DUTY_CHARS = (12, 60)
PROGRAMME_RE = re.compile(
    r"加强|重视|支持|鼓励|推动|推进|促进|采取|措施|做好|提高|发挥|完善|健全|保障|引导|扶持|"
    r"关心|关爱|尊重|积极|大力|努力|逐步|不断|广泛|宣传|教育|加大|强化|落实|坚持|注重|纳入|"
    r"统筹|协调|配合|依法|有关规定|合理|妥善|及时"
)
# The subject is the state or every government: a policy aim, not a duty to check.
POLICY_SUBJECT_RE = re.compile(r"^(?:国家|各级|县级以上|地方各级|国务院)")
ONLY_OBEY_DUTY_RE = re.compile(r"^遵守[^，。；]*(?:法律|法规|规定|章程)$")
# "……还应当/也应当": adds to a duty said in the sentence before. "本法" in the stem, a
# footnote mark, a page number or markup left by the layout: not a stem to print.
ADDS_TO_BEFORE_RE = re.compile(r"(?:还|也|亦|同样)(?:应当|必须)")
# "各少数民族都应当……", "社会各界都应当……": everyone at once, unless it is "任何人".
EVERYONE_RE = re.compile(r"都(?:应当|必须)")
LAYOUT_LEFT_RE = re.compile(r"本法|\[\d+\]|［\d+］|[=<>]|^\d+\s")


def stated_duty(sentence: Sentence) -> tuple[int, int] | None:
    """The span (in document offsets) of the one 应当/必须 of a concrete, self-contained duty."""
    text, core_at = sentence.text, sentence.core_start - sentence.start
    core = sentence.core
    if not _reads_alone(sentence, DUTY_CHARS) or POLICY_SUBJECT_RE.match(core):
        return None
    if PROHIBITION_RE.search(core) or "可以" in core or "有权" in core:
        return None  # a prohibition is asked by its own rule; a permission blurs the duty
    found = list(DUTY_RE.finditer(text, core_at))
    if len(found) != 1 or not _binds_someone(text, core_at, found[0]):
        return None
    m = found[0]
    act = text[m.end() :].rstrip("。")
    if PROGRAMME_RE.search(act) or ONLY_OBEY_DUTY_RE.match(act) or duties.hollow_act(act):
        return None
    if ADDS_TO_BEFORE_RE.search(core) or LAYOUT_LEFT_RE.search(core):
        return None
    if EVERYONE_RE.search(core) and "任何" not in core:
        return None
    return sentence.start + m.start(), sentence.start + m.end()


@sentence_rule("true_false.duty", "true_false", 0.41)
def stated_duty_true(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """ "X应当<act>" asked as it stands: the answer is "对"."""
    if not ctx.law:
        return
    span = stated_duty(sentence)
    if span is not None:
        yield _asked_as_stated(ctx, sentence, span, "true_false.duty")
