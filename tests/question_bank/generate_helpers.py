"""Hand-written sample material and a tiny Document builder for the generator tests.

The sentences are our own; passages are split by line with exact offsets, so
tests do not depend on the ingestion pipeline.
"""

from __future__ import annotations

import hashlib
import re

from question_bank.document import Document, Passage
from question_bank.generate import registry

# Every registered rule, those switched off by default too: tests of one rule's
# behaviour run it whether or not the measurement has switched it on.
ALL_RULES = list(registry.all_rules())

HEADING_RE = re.compile(r"^(#+\s*|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+章)")
ARTICLE_RE = re.compile(r"^第[一二三四五六七八九十百]+条")

SPEECH = """# 关于做好联系群众工作的几点意见
一、明确工作标准
我们要抓好“三个率”，即入户走访率、问题解决率和群众满意率。
驻村干部每周至少走访8户群众，对群众反映的问题要在7日内答复。
要发挥好便民服务站的“连心桥”作用，同时发挥好议事会的“助推器”作用。
调解室要发挥化解矛盾的“减压阀”作用。
民情台账是指驻村干部记录群众诉求和办理结果的工作簿册。
二、改进工作作风
做好群众工作，一要沉下身子。二要放下架子。三要结对子。
同志们，今天的会议开得很好。
"""

LAW = """# 村级事务管理办法
第一章 总则
第一条 为了规范村级事务管理，制定本办法。
第二条 村务公开是指村民委员会将涉及村民利益的事项向全体村民公布的制度。
第三条 乡镇人民政府负责指导本行政区域内的村务公开工作。
第四条 村民委员会应当每季度至少公布一次财务收支情况。
第五条 村民对公布内容有异议的，可以自公布之日起十日内向村务监督委员会提出。
第六条 县级人民政府农业农村主管部门应当对村级财务进行审计。
第七条 违反本办法规定的，由县级人民政府责令改正，可以处二千元以上一万元以下的罚款。
第八条 村务公开的内容包括：
（一）财务收支情况；
（二）集体土地承包情况；
（三）救灾救济款物发放情况；
（四）宅基地审批情况。
第九条 村民会议由本村十八周岁以上的村民组成。
第十条 村民委员会每届任期五年，届满应当及时举行换届选举。
"""


def _heading_level(line: str) -> int | None:
    if line.startswith("#"):
        return 0
    if re.match(r"^(第[一二三四五六七八九十]+章|[一二三四五六七八九十]+、)", line):
        return 1
    if re.match(r"^（[一二三四五六七八九十]+）[^。，；]{2,16}。?$", line):
        return 2  # a short "（一）加强组织领导。" line is a sub-heading, as ingestion treats it
    return None


def make_document(text: str, title: str | None = None) -> Document:
    """Split text into heading / article / point / paragraph passages by line, exact offsets."""
    passages: list[Passage] = []
    path: list[tuple[int, str]] = []
    pos = 0
    doc_title = title
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        start += len(line) - len(line.lstrip())
        end = start + len(stripped)
        pid = f"p{len(passages):04d}-{hashlib.sha1(stripped.encode()).hexdigest()[:6]}"
        level = None if ARTICLE_RE.match(stripped) else _heading_level(stripped)
        if ARTICLE_RE.match(stripped):
            kind = "article"
        elif level is not None:
            kind = "heading"
        elif stripped.startswith("（"):
            kind = "point"
        else:
            kind = "paragraph"
        if kind == "heading":
            path = [(lv, name) for lv, name in path if lv < level]
        heading_path = tuple(name for _, name in path)
        passages.append(Passage(pid, kind, heading_path, text[start:end], start, end))
        if kind == "heading":
            name = stripped.lstrip("# ") if level == 0 else stripped
            if level == 0:
                doc_title = doc_title or name
            path.append((level, name))
    return Document(doc_title or "未命名材料", text, passages)


def article_texts(text: str) -> dict[str, str]:
    """Each article read from `text` by ingestion, as its head and its text without spaces:
    what the ingest tests compare with the law as written."""
    from question_bank.ingest import ingest_text

    out = {}
    for passage in ingest_text(text).passages:
        if passage.kind == "article":
            head = re.match(r"第.+?条", passage.text).group()
            out[head] = re.sub(r"\s", "", passage.text[len(head) :])
    return out


def candidate(stem: str, type_: str = "true_false", quote: str = "x", **fields):
    """A bare candidate with this stem (a true/false by default), for the checks that read
    little more than the stem; `fields` override any other field."""
    from question_bank.generate.candidate import Candidate, Source

    values = dict(
        type=type_,
        stem=stem,
        answer=True if type_ == "true_false" else [quote],
        explanation="",
        source=Source("p", 0, len(quote), quote),
        rule="t",
    )
    values.update(fields)
    return Candidate(**values)


def true_statement(stem: str):
    """A bare true/false candidate with this stem, for the checks that read only the stem."""
    return candidate(stem)


# A made-up law (护林员…保障法) whose articles the round-19 and round-20 layout tests wrap in
# one export format after another.
RANGER_ARTICLES = {
    "第九条": [
        "县级人民政府林业主管部门应当每年组织护林员开展一次业务培训，培训费用列入本级财政预算。",
        "培训结果应当自培训结束之日起十五日内公布。",
    ],
    "第十条": [
        "护林员享有下列权利：",
        "（一）依法开展巡护；",
        "（二）制止破坏森林资源的行为；",
        "（三）获得与其工作相适应的劳动报酬。",
    ],
    "第十一条": ["任何单位和个人不得阻挠护林员依法履行巡护职责。"],
    "第十二条": [
        "护林员因履行职责受到伤害的，由县级人民政府依照国家有关规定给予医疗救治和抚恤。",
        "拒不给予救治的，由上级人民政府责令改正。",
    ],
}
