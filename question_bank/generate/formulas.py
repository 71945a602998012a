"""Standing political formulas a cadre is expected to know word for word.

A sentence that uses one becomes a 填空 with the formula blanked. These are
common terms of Party and government work, not text from any one document.
"""

from __future__ import annotations

import re

from .elements import Element
from .textutil import Sentence

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


def find(sentence: Sentence) -> Element | None:
    """The first formula in the sentence core, unless it is quoted as a name (“…”)."""
    text = sentence.text
    m = FORMULA_RE.search(text, sentence.core_start - sentence.start)
    if not m or (text[m.start() - 1 : m.start()] == "“" and text[m.end() : m.end() + 1] == "”"):
        return None
    s, e = sentence.start + m.start(), sentence.start + m.end()
    return Element.blank("formula", s, e, m.group(0), "formula")
