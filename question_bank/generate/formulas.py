"""Standing political formulas a cadre is expected to know word for word.

A sentence that uses one becomes a 填空 with the formula blanked. These are
common terms of Party and government work, not text from any one document.
"""

from __future__ import annotations

import re

from .elements import Element
from .textutil import Sentence, pos_tags

FORMULAS = (
    "以人民为中心",
    "全心全意为人民服务",
    "群众路线",
    "实事求是",
    "一切为了群众",
    "一切依靠群众",
    "从群众中来",
    "到群众中去",
    "立党为公",
    "执政为民",
    "久久为功",
    "钉钉子精神",
    "共同富裕",
    "新发展理念",
    "高质量发展",
    "全面从严治党",
    "人民对美好生活的向往",
    "为人民谋幸福",
    "为民族谋复兴",
    "枫桥经验",
    "小事不出村",
    "大事不出镇",
    "矛盾不上交",
    "绿水青山就是金山银山",
    "产业兴旺",
    "生态宜居",
    "乡风文明",
    "治理有效",
    "生活富裕",
    "自治、法治、德治",
    "民主集中制",
    "农业农村优先发展",
    "城乡融合发展",
    "粮食安全",
    "耕地保护",
    "永久基本农田",
    "最严格的耕地保护制度",
    "村民自治",
    "民主选举",
    "民主协商",
    "民主决策",
    "民主管理",
    "民主监督",
    "权为民所用",
    "情为民所系",
    "利为民所谋",
    "干部好不好，百姓说了算",
    "社会主义核心价值观",
    "人类命运共同体",
    "习近平新时代中国特色社会主义思想",
    "科学发展观",
    "社会主义初级阶段",
    "人民代表大会制度",
    "多党合作和政治协商制度",
    "民族区域自治制度",
    "基层群众自治制度",
    "全过程人民民主",
    "中国特色社会主义最本质的特征",
    "生态文明建设",
    "乡村振兴战略",
    "为民务实清廉",
    "血肉联系",
    "平等团结互助和谐",
    "社会主义现代化建设",
    "双层经营体制",
)
FORMULA_RE = re.compile("|".join(sorted(map(re.escape, FORMULAS), key=len, reverse=True)))


# A formula is asked where it stands as a whole term: before a stop, 的 or a copula, or
# as a clause's subject (at its start, or after its modifier "…的"). Before a noun it is a
# modifier ("内部民主管理和服务管理制度", "民主决策机制"), after a bare noun an adverb
# ("理事会民主选举产生会长"): other words fit the blank there. One of several joined terms
# is pinned only by joined formulas ("民主选举、民主决策、民主管理、民主监督"), not by other
# words ("党委领导、政府负责、民主协商、社会协同").
TERM_END_RE = re.compile(r"^(?:[，。；：！？”）]|的|是|为|就是|作为)")
CLAUSE_START = "，。；：！？“（"
JOINED_BEFORE_RE = re.compile(r"([^，。；：、和与及或“”]{2,12})(?:、|和|与|及|或者?)$")
JOINED_AFTER_RE = re.compile(r"^(?:、|和|与|及|以及|或者?)([^，。；：、和与及或“”]{2,12})")
NOUN_TAGS = ("n", "vn")
ADVERBIAL_NOUNS = frozenset({"重点", "主要", "全面", "优先", "原则上"})  # "…重点用于": tagged n


def _joined(text: str, start: int, end: int, core: int) -> bool | None:
    """None when the term stands alone; else whether every joined neighbour is a formula."""
    before = JOINED_BEFORE_RE.search(text[core:start])
    after = JOINED_AFTER_RE.match(text[end:])
    if not before and not after:
        return None
    return all(FORMULA_RE.fullmatch(m.group(1)) for m in (before, after) if m)


def _whole_term(text: str, start: int, end: int, core: int) -> bool:
    joined = _joined(text, start, end, core)
    if joined is not None:
        return joined
    before, after = text[core:start], text[end:]
    if not after or TERM_END_RE.match(after):
        return True
    tags = pos_tags(after[:6])
    if tags and tags[0][1].startswith(NOUN_TAGS) and tags[0][0] not in ADVERBIAL_NOUNS:
        return False  # "村民自治章程": a modifier
    return not before or before[-1] in CLAUSE_START or before.endswith("的")


def find(sentence: Sentence) -> Element | None:
    """The first formula in the sentence core that stands as a whole term, unless it is
    quoted as a name (“…”)."""
    text = sentence.text
    core = sentence.core_start - sentence.start
    for m in FORMULA_RE.finditer(text, core):
        quoted_name = text[m.start() - 1 : m.start()] == "“" and text[m.end() : m.end() + 1] == "”"
        if quoted_name or not _whole_term(text, m.start(), m.end(), core):
            continue
        s, e = sentence.start + m.start(), sentence.start + m.end()
        return Element.blank("formula", s, e, m.group(0), "formula")
    return None
