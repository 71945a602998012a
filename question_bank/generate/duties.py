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


# Round 20: the act of a "X应当<act>" duty asked as it stands. A clause that only promises
# conformity ("符合国家标准", "遵守职业道德", "具备相应的专业能力", "与……相适应"), a
# quality ("客观、公正", "安全、无害") or betterment by measures fitted to circumstances
# ("结合实际开展……", "充分考虑……") is true by its wording: nobody marks it false.
CONFORM_CLAUSE_RE = re.compile(
    r"^(?:严格|保证|确保)?(?:符合|遵守|遵循|执行|依照|按照|依据|根据)[^，；]*"
    r"(?:标准|规定|要求|规律|规程|规范|道德|公德|本法|法律|法规|政策|特点|利益|公序良俗)"
    r"(?:和要求|进行)?$"
    r"|^(?:按照|依照)(?:国家)?(?:有关)?规定[^，；]{0,2}$"
    r"|^(?:具备|具有|达到|学习和掌握|掌握)[^，；]*(?:相应|相适应|所需要|所必需)[^，；]*$"
    r"|^[^，；]*(?:相适应|相一致)$"
    r"|^(?:确保|保证)[^，；]*符合[^，；]*(?:标准|规定|要求)$"
    r"|^(?:确保|保证)[^，；]*(?:安全|质量|正常运行|正常运转|不受污染|可靠运行)[^，；]*$"
    r"|^(?:防止|减轻|预防)[^，；]*(?:污染|影响|危害)$"
    r"|^(?:对[^，；]*)?负责$|^(?:对[^，；]*)?负有[^，；]*责任$"
    r"|^(?:承担|履行)相应的(?:责任|义务)$|^接受[^，；]*监督$"
)
QUALITY = r"(?:客观|公正|公平|真实|准确|科学|审慎|适度|简捷|方便|安全|无害|适当|合理)"
QUALITY_RE = re.compile(rf"^(?:{QUALITY}[、和]?)+$|^(?:{QUALITY}[、和]?)+地")
# Conduct every code asks of everyone ("忠于职守，清正廉洁", "办事公道，热心为居民服务").
CONDUCT = (
    r"(?:忠于职守|清正廉洁|纪律严明|服从命令|严格执法|诚实守信|办事公道|热心|耐心|承担社会责任)"
)
BETTERMENT_CLAUSE_RE = re.compile(
    rf"^{ADVERBS}(?:结合|适应|体现|有利于|充分考虑|充分利用|充分听取|拓宽|严格管理|因地制宜|"
    rf"因人施教|厉行|节约|崇尚|动员|依靠|严密防范|以[^，；]*为[^，；]{{0,2}}准则|把[^，；]*放在首位|"
    rf"把[^，；]*作为|提供力所能及|{CONDUCT}|{MEASURES}|{AIM_VERB})"
    rf"|^(?:根据|结合)[^，；]*实际(?:情况|需要)"
    rf"|^{ADVERBS}(?:协助[^，；]*)?(?:组织)?开展[^，；]*(?:活动|工作)$"
)
# "应当予以协助", "应当立即执行": helping or doing what the sentence before said.
BARE_ACT_RE = re.compile(r"^(?:立即|及时|认真)?(?:予以)?(?:协助|执行|解决|处理|配合)$")


def hollow_act(act: str) -> bool:
    """True when every clause of a duty's act (the text after 应当/必须) only promises
    conformity, a quality or betterment, or is a bare "予以协助" that leans on other text."""
    parts = CLAUSE_SPLIT_RE.split(act.strip().rstrip("。；;"))
    clauses = [c.strip().removeprefix("并") for c in parts if c.strip()]
    if not clauses:
        return True
    if len(clauses) == 1 and BARE_ACT_RE.match(clauses[0]):
        return True
    return all(
        CONFORM_CLAUSE_RE.match(c) or QUALITY_RE.match(c) or BETTERMENT_CLAUSE_RE.match(c)
        for c in clauses
    )
