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

from . import elements
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
