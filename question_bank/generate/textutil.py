"""Sentences with offsets, jieba tokens and small Chinese text helpers."""

from __future__ import annotations

import itertools
import logging
import re
import threading
from dataclasses import dataclass, replace
from functools import lru_cache

from question_bank.answer_text import chinese_integer
from question_bank.document import BODY_KINDS, Document, Passage
from question_bank.markers import cn_to_int as marker_int

_jieba_lock = threading.Lock()
_jieba_ready = False

CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
ARTICLE_RE = re.compile(r"^\s*(第[一二三四五六七八九十百零〇]+条)[\s\u3000]*")
POINT_PREFIX_RE = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[、.．]"
    r"|第[一二三四五六七八九十]+[，、,]|[一二三四五六七八九十]+是|[一二三四五六七八九十]+要"
    r"|首先[，,]|其次[，,]|再次[，,]|最后[，,])\s*"
)
CONNECTIVE_RE = re.compile(
    r"^(?:所以|因此|因而|同时|另外|此外|当然|总之|比如说?|例如|特别是|尤其是|而且|并且|但是|然而|"
    r"从这个意义上(?:来)?(?:说|讲)|可以说|应该说|总的来说|总而言之|事实上|实践证明|换句话说|也就是说)[，,]"
)
# A question-and-answer page ("问题六：…？" then "答：十八周岁以上的…"): the answer's
# marker is no part of the statement.
LABEL_LEAD_RE = re.compile(r"^【[^】]{1,12}】\s*")
ANSWER_LEAD_RE = re.compile(r"^(?:答|回答|解答)[：:]\s*")
SENT_END = "。！？!?"
CLOSERS = "”’」』）)"


def jieba_module():
    """Import and initialise jieba once, quietly (its default logging is chatty)."""
    global _jieba_ready
    import jieba

    if not _jieba_ready:
        with _jieba_lock:
            if not _jieba_ready:
                jieba.setLogLevel(logging.WARNING)
                jieba.initialize()
                _jieba_ready = True
    return jieba


@lru_cache(maxsize=65536)
def jieba_tokens(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) of each jieba token of `text`."""
    return list(jieba_module().tokenize(text))


def token_bounds(text: str) -> frozenset[int]:
    """Offsets in `text` where a jieba token starts or ends."""
    bounds = {0, len(text)}
    for _word, start, end in jieba_tokens(text):
        bounds.add(start)
        bounds.add(end)
    return frozenset(bounds)


@lru_cache(maxsize=5000)
def pos_tags(text: str) -> tuple[tuple[str, str], ...]:
    jieba_module()
    import jieba.posseg as pseg

    return tuple((p.word, p.flag) for p in pseg.lcut(text))


@dataclass(frozen=True)
class Sentence:
    passage: Passage
    start: int  # offsets into Document.text
    end: int
    text: str
    core_start: int  # after an article number, a point marker or a leading connective
    article: str | None  # "第十条" when inside a law article

    @property
    def core(self) -> str:
        return self.text[self.core_start - self.start :]


def cut(sentence: Sentence, at: int) -> Sentence:
    """The sentence up to offset `at` of its text, so a stem is about that part only."""
    return replace(sentence, end=sentence.start + at, text=sentence.text[:at])


_PUNCT = str.maketrans(
    {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
)


def normalize_punct(text: str) -> str:
    """ASCII punctuation pasted into Chinese text → full width (same length, same offsets)."""
    return text.translate(_PUNCT)


def normalized_document(document: Document) -> Document:
    text = normalize_punct(document.text)
    if text == document.text:
        return document
    passages = [
        Passage(p.id, p.kind, p.heading_path, text[p.start : p.end], p.start, p.end)
        for p in document.passages
    ]
    return Document(document.title, text, passages, source_name=document.source_name)


def law_name(document: Document) -> str | None:
    """Short law name for stems ("行政处罚法"), or None when the document is not a law."""
    if sum(1 for p in document.passages if ARTICLE_RE.match(p.text)) < 3:
        return None
    if article_sequence(document):
        # Written in articles: the name is chosen by what it is, not where it stands (round 14).
        chosen = chosen_law_name(document)
        if chosen:
            return chosen
    # The title, else a leading heading that names the law (the title may be a file name).
    heads = [p.text for p in document.passages[:4] if p.kind == "heading"]
    for title in [document.title or "", *heads]:
        name = statute_name(title)
        if name:
            return name
    return None


# Passages that are neither articles nor body text of their own: headings, the adoption note.
_FRAME_KINDS = frozenset({"heading", "note"})


def article_sequence(document: Document) -> bool:
    """Three or more "第X条" and at least half the body passages articles, their numbers
    mostly rising by one: a statute by its layout, whatever its head became."""
    body = [p for p in document.passages if p.kind not in _FRAME_KINDS]
    heads = [m.group(1) for p in body if (m := ARTICLE_RE.match(p.text))]
    return len(heads) >= 3 and 2 * len(heads) >= len(body) and in_sequence(heads)


def in_sequence(heads: list[str]) -> bool:
    """Article numbers that mostly rise by one (a law, or an excerpt of some chapters), not
    a handout's or a notice's picks ("第二条：…", "第五条：…", "第七条：…") (round 13)."""
    numbers = [marker_int(head[1:-1].split("之")[0]) for head in heads]
    steps = [b - a for a, b in itertools.pairwise(numbers)]
    return sum(1 for step in steps if step in (0, 1)) >= 0.6 * len(steps)


# A law's name as it is written: "中华人民共和国价格法", "某某条例"; the name's own words are
# Han characters only (no 、，：).
_LAW_SUFFIX = r"(?:法|条例|规定|办法|细则|决定)"
_BARE_NAME_RE = re.compile(r"(中华人民共和国)?([\u4e00-\u9fff]{1,24}?" + _LAW_SUFFIX + ")")
_BOOKED_NAME_RE = re.compile(
    r"《\s*(中华人民共和国)?([^《》〈〉<>\s]{1,30}?" + _LAW_SUFFIX + r")\s*》"
)
# Lines that only look like a title: the adoption note, a date, a slide's or a page's label,
# an e-mail header's address or time, a table's column header.
_NOT_A_NAME_LINE = re.compile(
    r"^[（(]?\s*\d{4}\s*年[^）)]*(?:通过|公布|修正|修订|施行|发布)"
    r"|会议(?:通过|修正|修订)|^[（(]?本法"
    r"|^\s*(?:幻灯片|Slide|第?\s*\d+\s*页|页\s*\d+)\s*\d*\s*$"
    r"|@|^(?:发件人|收件人|抄送|时间|发送时间|日期|From|To|Cc|Date)\s*[：:]"
    r"|^\s*[\d\-/.年月日:： ]+$",
    re.IGNORECASE,
)
# What stands before a law's name inside a longer line: a field's label, "转发：", a
# headline's 【tag】, a site's mark; after it: "（2018修正）", "（全文）", a file's date.
# A source line names the law, then the part it quotes ("原文：X法　第三章　仲裁　第二节　申请和受理"):
# a chapter's or section's label ends the name.
_LINE_SPLIT = re.compile(
    r"[：:】\]｜|_·•\t,，;；]|\s[-－—]+\s|——|\s{2,}|\.(?=[a-z]{2,4}\b)"
    r"|\s*(?=第[一二三四五六七八九十百零〇\d]+[编章节])"
)
_NAME_LEAD = re.compile(
    r"^(?:关于)?(?:(?:学习|贯彻|落实|转发|印发|解读|宣传|发布|公布|施行|实施|最新|新修订的?|新修改的?)"
    r"(?:和|与|、)?)+"
)
# A word that ends like a law but is none ("方法", "办法" alone, "依法", "做法").
_NOT_A_LAW = re.compile(
    r"^(?:[方办做说看想写用算立执司守依合违非]法|[^\u4e00-\u9fff]*|.*(?:的|之)(?:规定|办法|决定)"
    # "同一部法律", "本法", "该条例", "上述办法": a law named before, never a name
    r"|(?:同一|另一|本|该|这|此|那|上述|前述|上列)部?(?:法|条例|规定|办法|细则|决定))$"
)
_SENTENCE_RE = re.compile(r"[。；;！!？?]|《[^》]*》\s*第[一二三四五六七八九十百零〇\d]+条")
# A field whose value is a category, not a name ("【法规类别】公路综合规定", "主题分类：…").
_CATEGORY_FIELD = re.compile(
    r"(?:[【\[［][^】\]］]{0,6}(?:类别|分类|级别|类型)[】\]］]|"
    r"(?:法规类别|类别|分类|主题分类|效力级别|类型)\s*[：:])\s*[^\s【\[［]*"
)
_SOURCE_WEIGHT = {"title": 3, "file": 3, "head": 2, "path": 1}
_HEAD_LINES = 14


def _names_in(line: str) -> list[tuple[str, bool, bool]]:
    """The law-like names in one line: (short name, written in full, inside 《》)."""
    line = line.strip().lstrip("#>*• \t").strip()
    if not line or _NOT_A_NAME_LINE.search(line):
        return []
    line = _CATEGORY_FIELD.sub(" ", line)
    found: list[tuple[str, bool, bool]] = []
    for m in _BOOKED_NAME_RE.finditer(line):
        found.append((m.group(2), bool(m.group(1)), True))
    plain = _BOOKED_NAME_RE.sub(" ", line) if found else line
    plain = re.sub(r"[（(][^）)]{0,20}[）)]", " ", plain)  # "（2018修正）", "(全文)"
    for part in _LINE_SPLIT.split(plain):
        part = re.sub(r"\d{4,8}$|\.\w{2,5}$", "", part.strip()).strip()
        part = _NAME_LEAD.sub("", COPY_NOTE_RE.sub("", part)).strip()
        m = _BARE_NAME_RE.fullmatch(part)
        if m:
            found.append((m.group(2), bool(m.group(1)), False))
    return [f for f in found if len(f[0]) >= 2 and not _NOT_A_LAW.match(f[0])]


def chosen_law_name(document: Document) -> str | None:
    """The law's name for a document written in articles, chosen among every law-like name
    its title, file name, head lines (before the first article) and running headers carry:
    the one most sources agree on, a name written in full or in 《》 before one seen once."""
    sources: list[tuple[str, str]] = [("title", document.title or "")]
    sources.append(("file", document.source_name or ""))
    described: list[str] = []
    for passage in document.passages[:_HEAD_LINES]:
        if ARTICLE_RE.match(passage.text):
            break
        if passage.kind != "note":
            # A sentence ("根据《X法》第七条的规定，……。") cites a law; it names none.
            lines = passage.text.splitlines()[:3]
            sources.extend(("head", line) for line in lines if not _SENTENCE_RE.search(line))
            described.extend(line for line in lines if _SENTENCE_RE.search(line))
    paths = {part for p in document.passages[:60] for part in p.heading_path}
    sources.extend(("path", part) for part in sorted(paths))
    score: dict[str, float] = {}
    kinds: dict[str, set[str]] = {}
    in_full: set[str] = set()
    for source, line in sources:
        for name, full, booked in _names_in(line):
            weight = _SOURCE_WEIGHT[source] + (2 if full else 0) + (1 if booked else 0)
            score[name] = score.get(name, 0) + weight
            kinds.setdefault(name, set()).add(source)
            if full and source in ("title", "head"):
                in_full.add(name)
    if not score:
        return _described_name(described)
    if in_full:
        # The law's full name ("中华人民共和国X法") in its own title or head lines beats a
        # short label of a calendar, a column or an app ("每日一条·X权益法"), however many
        # sources repeat it; the official short form is that full name's X法 (round 19).
        score = {
            name: weight
            for name, weight in score.items()
            if any(full == name or full.endswith(name) for full in in_full)
        }
    # A name that ends another ("广播法", "乡村公共广播法") is the same law cut short: its
    # witnesses speak for the longer name.
    for name in sorted(score, key=len):
        longer = [o for o in score if len(o) > len(name) and o.endswith(name)]
        if longer:
            other = max(longer, key=lambda o: score[o])
            score[other] += score.pop(name)
            kinds[other] |= kinds.pop(name)
    return max(score, key=lambda n: (len(kinds[n]) + score[n], len(n)))


# A head sentence that says what the excerpt is ("拍摄的是《中华人民共和国渔业法》第二章。"):
# one law written in full in 《》, no article cited; a witness only when nothing else names it.
_FULL_BOOKED = re.compile(r"《\s*中华人民共和国([^《》\s]{1,30}?" + _LAW_SUFFIX + r")\s*》")
_CITES_ARTICLE = re.compile(r"第[一二三四五六七八九十百零〇\d]+条")


def _described_name(lines: list[str]) -> str | None:
    names = {m.group(1) for line in lines for m in _FULL_BOOKED.finditer(line)}
    if len(names) != 1 or any(_CITES_ARTICLE.search(line) for line in lines):
        return None
    return names.pop()


_LAW_END = re.compile(r"(法|条例|规定|办法|修正案|规则|准则)$")
# What stands around a law's name in a title: 《》, "（节选）", "（2022年修订）", a file name's
# tail after "_" or " - " ("医师法（第二章）_电子书"), its extension.
_NAME_PARTS = re.compile(r"\s*(?:[_|｜]|\s[-－—]+\s|——)\s*")


# What a copy says about itself after a law's name: "全文", "（最新版）", "条文".
COPY_NOTE_RE = re.compile(r"\s*(?:全文|原文|条文|最新版|最新修订版?|修订版|完整版|全文下载)$")


def statute_name(title: str) -> str | None:
    """The law's short name in a title however it is framed, or None."""
    title = re.sub(r"\.(?:txt|md|docx?|pdf|html?|csv|tsv|json|ya?ml|toml)$", "", title.strip())
    title = COPY_NOTE_RE.sub("", title)  # "…法全文", "《…法》最新版"
    booked = re.fullmatch(r"[#\s]*《([^《》]{2,40})》(?:\s*[（(][^）)]{1,16}[）)])*", title)
    parts = [booked.group(1)] if booked else _NAME_PARTS.split(title)
    for part in parts:
        name = re.sub(r"[（(][^）)]*[）)]", "", part).strip()
        name = name.replace("中华人民共和国", "").strip("#* ")
        if _LAW_END.search(name) and len(name) >= 2:
            return name
    return None


# A county's or town's own rules ("…志愿服务积分管理办法", "…参保工作的通知"): a question from
# them read without the document's name passes for a rule that holds everywhere.
LOCAL_DOCUMENT_RE = re.compile(
    r"(?:办法|通知|方案|细则|规定|规则|制度|公告|通告|清单)(?:（[^）]{1,12}）)?$"
)
ISSUED_RE = re.compile(r"印发《([^》]{4,60})》的通知$")
MAX_DOCUMENT_NAME = 40


def local_document_name(title: str | None) -> str | None:
    """The name a question cites a document that is no statute by ("根据《X》，"): its title
    when that ends in a document type, the issued document's name for "关于印发《X》的通知";
    None for a speech, an article or a title the ingest could not find."""
    title = re.sub(r"\.\w+$", "", (title or "").strip("# ").strip())
    issued = ISSUED_RE.search(title)
    if issued:
        title = issued.group(1)
    # A page title carries the site or issuer after a dash ("…的通知-某县医疗保障局").
    site = re.match(r"(.+?)\s*[-_－|｜]\s*[^-_－|｜]{2,20}$", title)
    if site and not LOCAL_DOCUMENT_RE.search(title) and LOCAL_DOCUMENT_RE.search(site.group(1)):
        title = site.group(1)
    if not title or len(title) > MAX_DOCUMENT_NAME or not LOCAL_DOCUMENT_RE.search(title):
        return None
    return title


def _split_spans(text: str) -> list[tuple[int, int]]:
    spans, start, i, n = [], 0, 0, len(text)
    while i < n:
        ch = text[i]
        if ch in SENT_END or ch == "\n":
            j = i + 1
            while j < n and (text[j] in CLOSERS or text[j] in SENT_END):
                j += 1
            spans.append((start, j))
            start, i = j, j
            continue
        i += 1
    if start < n:
        spans.append((start, n))
    out = []
    for s, e in spans:
        # Long legal sentences read better split at semicolons.
        if e - s > 110 and "；" in text[s:e]:
            cur = s
            for m in re.finditer("；", text[s:e]):
                out.append((cur, s + m.end()))
                cur = s + m.end()
            if cur < e:
                out.append((cur, e))
        else:
            out.append((s, e))
    return out


def split_sentences(document: Document) -> list[Sentence]:
    sentences: list[Sentence] = []
    article = None
    for passage in document.passages:
        if passage.kind not in BODY_KINDS:
            article = None
            continue
        m = ARTICLE_RE.match(passage.text)
        if m:
            article = m.group(1)
        for s, e in _split_spans(passage.text):
            raw = passage.text[s:e]
            lead = len(raw) - len(raw.lstrip())
            trail = len(raw) - len(raw.rstrip())
            s, e = s + lead, e - trail
            if e - s < 2:
                continue
            text = passage.text[s:e]
            core = 0
            am = ARTICLE_RE.match(text)
            if am:
                core = am.end()
            pm = POINT_PREFIX_RE.match(text[core:])
            if pm:
                core += pm.end()
            label = LABEL_LEAD_RE.match(text[core:])
            if label:
                core += label.end()  # a handout's editor's label ("1.【管理体制】")
            qa = ANSWER_LEAD_RE.match(text[core:])
            if qa:
                core += qa.end()
            cm = CONNECTIVE_RE.match(text[core:])
            if cm:
                core += cm.end()
            if re.match(r"[（(][一二三四五六七八九十\d]+[）)]", text) or text.endswith(
                ("：", ":", "？", "?")
            ):
                continue  # list items and lead-ins are fragments, not statements
            q = text.find("：“", core)
            if q >= 0 and "”" not in text[q:-1] and len(text) - q > 20:
                core = q + 2  # an amendment's quoted new wording: ask about the wording
                if text.endswith("”"):
                    e -= 1
                    text = text[:-1]
            # A wrapper quote around a quoted provision ("第七十二条：“A。B。”") splits into an
            # opening half on the first sentence and a closing half on the last: drop the halves.
            if text.endswith("”") and text.count("”") > text.count("“"):
                e -= 1
                text = text[:-1]
            if text[core:].startswith("“") and text.count("“") > text.count("”"):
                core += 1
            abs_start = passage.start + s
            sentences.append(
                Sentence(passage, abs_start, passage.start + e, text, abs_start + core, article)
            )
    return sentences


def cn_to_int(text: str) -> int | None:
    """'十五' -> 15, '三千' -> 3000, '25' -> 25; None when not a plain integer."""
    return int(text) if text.isdigit() else chinese_integer(text)


def int_to_cn(value: int) -> str:
    """15 -> '十五', 3000 -> '三千', 20000 -> '二万' (the forms laws use)."""
    digits = "零一二三四五六七八九"
    if value == 0:
        return "零"
    if value >= 10000:
        high, low = divmod(value, 10000)
        rest = int_to_cn(low) if low else ""
        if low and low < 1000:
            rest = "零" + rest
        return int_to_cn(high) + "万" + rest
    out, zero = "", False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, value = divmod(value, unit_value)
        if d:
            if zero:
                out += "零"
                zero = False
            out += ("" if (unit == "十" and d == 1 and not out) else digits[d]) + unit
        elif out:
            zero = True
    return out


def numeral_forms(text: str) -> list[str]:
    """A number as written and in the other script: "十五" → ["十五", "15"], "8" → ["8", "八"]."""
    forms = [text]
    if text.isdigit():
        forms.append(int_to_cn(int(text)))
    elif "分之" in text:
        den, num = (cn_to_int(part) for part in text.split("分之", 1))
        if den and num is not None:
            forms.append(f"{num}/{den}")
    else:
        value = cn_to_int(text.replace("两", "二"))
        if value is not None:
            forms.append(str(value))
    return list(dict.fromkeys(forms))


def han_ratio(text: str) -> float:
    if not text:
        return 0.0
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") / len(text)


def quoted(text: str) -> str:
    """`text` inside “”, with quotes it already has turned into the inner pair ‘’
    (GB/T 15834): 要织密“两张网” → “要织密‘两张网’”, never “要织密“两张网””."""
    if text.startswith("“") and text.endswith("”") and text.count("“") == 1:
        text = text[1:-1]
    return "“" + text.replace("“", "‘").replace("”", "’") + "”"


# A law named without book-title marks ("消防法规定，…", "按照公路法第四十六条"): an exam stem writes 《消防法》. Only names ending in 法 or 条例 before
# 规定/明确/要求/第X条; words that merely end in 法 (办法, 执法, 依法…) are no title.
BARE_LAW_RE = re.compile(
    r"([\u4e00-\u9fa5]{2,16}?(?<![办方做说看想执违依守普司立宪用])(?:法|条例))"
    r"(?=(?:的)?(?:规定|明确|要求|第[一二三四五六七八九十百零]+条))"
)
# What may precede a law's name in a clause: the name starts after the last of these.
LAW_LEAD_RE = re.compile(
    r".*(?:根据|按照|依照|依据|对照|遵守|落实|贯彻|违反|符合|执行|要|的|和|与|在|把|将|是|由|《|》)"
)


def mark_law_titles(stem: str) -> str:
    """'消防法规定，…' → '《消防法》规定，…' (three characters or more, not yet marked)."""

    def mark(m: re.Match) -> str:
        whole = m.group(1)
        lead = LAW_LEAD_RE.match(whole)
        cut = lead.end() if lead else 0
        name = whole[cut:]
        if (
            len(name) < 3
            or name.startswith(("本", "该", "此", "这", "各", "我"))
            or re.search(r"(?:本|该|此|这部)(?:法|条例)$", name)
            or name.endswith(("办法", "方法", "做法", "执法", "违法", "依法"))
            # "实施的有刑法规定的行为": "there is a provision of" the two-character 刑法.
            or (name.startswith("有") and len(name) <= 4)
            or whole[:cut].endswith("《")
        ):
            return whole
        return f"{whole[:cut]}《{name}》"

    return BARE_LAW_RE.sub(mark, stem)


# "根据《X法》，" "根据《X法》第十条第二款，": the law a stem states a rule of.
STEM_LAW_PREFIX_RE = re.compile(
    r"^根据《[^》]+》(?:第[一二三四五六七八九十百零]+条)?(?:第[一二三四五六七八九十]+款)?，"
)


def _closing_quote(text: str) -> int:
    """Where the “ opening `text` is closed (nested quotes counted), or -1."""
    depth = 0
    for i, ch in enumerate(text):
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth -= 1
            if depth == 0:
                return i
    return -1


def unwrap_provision(stem: str) -> str:
    """A stem stating a law's rule without the quotes a speech or notice put round it
    ("……规定：“本法所称老年人是指六十周岁以上的公民。”" → 根据《X》，本法所称…公民。), also
    when the sentence splitter cut inside the quote and left one half of the pair (round 16).
    Quotes inside the provision, and a pair that wraps only part of it, stay as written."""
    m = STEM_LAW_PREFIX_RE.match(stem)
    if not m:
        return stem
    head, body = stem[: m.end()], stem[m.end() :]
    if body.startswith("“"):
        close = _closing_quote(body)
        if close < 0:
            body = body[1:]  # the quote goes on past the cut: its opening half only
        elif body[close + 1 :] in ("", "。", "；", "？"):
            inner = body[1:close]
            body = inner + ("" if inner.endswith(("。", "；", "？")) else body[close + 1 :])
    if body.count("”") > body.count("“") and re.search(r"”[。；？]?$", body):
        # the closing half of a quote whose opening was in the sentence before
        at = body.rfind("”")
        body = body[:at] + body[at + 1 :]
        if not body.endswith(("。", "；", "？")):
            body += "。"
    return head + body
