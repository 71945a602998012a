"""Whether a duty says anything a candidate could get wrong (round 19).

"各级人民政府应当采取措施，加强……工作，提高……水平，促进……发展" and "家庭成员之间应当相互
关爱，创造良好……环境" are exhortations: a generic actor, an optional "采取措施", then only
verbs of betterment. Nobody marks them false, so they test nothing, whatever the object of
the betterment. A duty that names a figure, a deadline, a prohibition, a system, a procedure,
a condition or another body (who reports to whom) is concrete, and so is any duty of a named
body (a department, a committee): which body does it is what the question tests.
"""

from __future__ import annotations

import re

# Actors every law exhorts; a department or committee is named, not generic.
GENERIC_ACTOR = (
    r"(?:(?:各级|地方各级|县级以上(?:地方)?(?:各级)?|乡级以上(?:地方)?|省级以上(?:地方)?)?"
    r"(?:地方)?人民政府(?:及其有关部门)?|国家|全社会|社会各方面|家庭成员(?:之间)?|"
    r"(?:各)?有关部门)"
)
ADVERBS = r"(?:积极|大力|切实|逐步|进一步|努力|共同|不断|依法|着力|有效|因地制宜|全面)*"
MEASURES = r"采取(?:有效|有力|必要|切实|积极|综合|多种|切实有效的|有效的)?措施"
# Verbs of betterment: what they promise is good by its wording.
AIM_VERB = (
    r"(?:加强|提高|提升|促进|改善|保护|维护|增强|推动|推进|发展|防止|防治|预防|创造|营造|"
    r"优化|培育|弘扬|倡导|相互关爱|关爱|关心|重视|加快|保持|树立|形成|发挥)"
)
LEAD_RE = re.compile(rf"^{GENERIC_ACTOR}(?:应当|要|应|必须)?{ADVERBS}(?:{MEASURES}[，,]?)?")
AIM_CLAUSE_RE = re.compile(rf"^(?:并|和|以)?{ADVERBS}(?:{MEASURES}|{AIM_VERB})")
# Anything a candidate could get wrong: a figure or deadline, a prohibition, a named
# system or procedure, a condition ("……的，"), money, or a second body in the duty.
CONCRETE_RE = re.compile(
    r"[0-9０-９]|[一二三四五六七八九十百千两]+个?(?:日|天|年|月|周|小时|次|人|元|倍|周岁|工作日)"
    r"|不得|禁止|严禁|制度|规划|计划|标准|名录|目录|清单|机制|预案|档案|预算|经费|资金"
    r"|备案|报告|报送|审批|批准|公布|登记|许可|评估|考核|纳入|列入|会同|负责|责令|予以"
    r"|的[，,]"
)
CLAUSE_SPLIT_RE = re.compile(r"[，；,;]")


def hollow_duty(text: str) -> bool:
    """True when `text` (one sentence or clause, no law name) is an exhortation: a generic
    actor and nothing but verbs of betterment ("加强……，提高……，促进……")."""
    core = text.strip().rstrip("。；;")
    if CONCRETE_RE.search(core):
        return False
    m = LEAD_RE.match(core)
    if not m:
        return False
    clauses = [c for c in CLAUSE_SPLIT_RE.split(core[m.end() :]) if c]
    return bool(clauses) and all(AIM_CLAUSE_RE.match(c) for c in clauses)


def concrete(text: str) -> bool:
    """The statement carries something checkable (a figure, deadline, system, body…) or a
    named actor: a "对" worth keeping before an exhortation or a generic aim."""
    return bool(CONCRETE_RE.search(text)) or not LEAD_RE.match(text.strip())
