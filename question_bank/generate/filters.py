"""Named predicates that drop a candidate; each returns a Chinese reason or None."""

from __future__ import annotations

import re
from collections.abc import Callable

from question_bank.document import Document

from . import attribution, distractors, facts, kinds, lists, option_checks, stem_checks
from .candidate import BLANK, Candidate
from .elements import DATE_RE
from .textutil import (
    han_ratio,
    jieba_tokens,
    local_document_name,
    normalize_punct,
    numeral_forms,
    pos_tags,
    token_bounds,
)

LAW_PREFIX_RE = re.compile(
    r"^根据《[^》]+》(?:第[一二三四五六七八九十百零]+条)?(?:第[一二三四五六七八九十]+款)?，"
)
ARTICLE_RE = re.compile(r"^\s*第[一二三四五六七八九十百零]+条\s*")
REFERENCE_RE = re.compile(
    r"^(这|此|上述|该|其|它|那|前款|前述|前两款|前三款|以上|上面|上列|对此|为此|"
    r"为了[^，。]{0,4}(?:这|此))"
)
ACHIEVEMENT_RE = re.compile(
    r"以来|得到了|取得了|共计|累计|先后|陆续|完成了|建立了|设立了|成立了|提高了|增加了|"
    r"帮助.{0,8}实现"
)
# Praise a work report quotes ("得到媒体报道和上级肯定"); a law's own words too ("广播、电视、报刊、
# 网络等媒体应当…"), so never read as a report in a statute (round 16).
PRAISE_RE = re.compile(r"媒体|报道|肯定")
# "累计缴费满15年": a total in a condition a rule sets, not a tally of work done.
CONDITION_TOTAL_RE = re.compile(r"累计(?=[^，。；]{0,8}(?:满|达到|不少于|不满|超过|不足|以上))")
EXAMPLE_RE = re.compile(r"(举例来说|比如说?|例如|譬如)")
INNER_REFERENCE_RE = re.compile(r"前款|前两款|前三款|上述|前述")
TRIVIA_RE = re.compile(
    r"同志们|刚才|今天|昨天|上午|下午|这次会议|本次会议|会议上|我讲|我提|我就|我再|我们讲|讲话|发言|"
    r"通报了|汇报|XXX|××|＊＊|\*\*|签名"
)
FURNITURE_RE = re.compile(
    r"https?:|www\.|版权|(?<![\u4e00-\u9fa5])来源[:：]|(?:文章|信息|新闻|稿件|图片)来源[:：]|责任编辑|本站|点击|免责声明|上一篇|下一篇|转载|扫一扫|分享到|"
    r"正式会员|省略\d+字|阅读全文|返回顶部|"
    # A notice's own framing ("现将有关事项通知如下", "特此通知"): about the notice, no rule.
    r"(?:通知|告知|明确|说明|公告|提示)如下|特此(?:通知|公告|函告)"
)
# Wording the law has dropped ("反革命分子", "劳动教养"): a formal exam never uses it, even
# where an old regulation still in force says it.
OBSOLETE_RE = re.compile(r"反革命|劳动教养|收容审查|投机倒把")
# An amendment quotes the wording it replaces ("宪法第三条第三款“…”修改为…"): that
# wording is no longer law, so never ask about it.
# "改为" alone is a rule's own verb too ("不得擅自改为他用", round 17): an edit quotes what
# it writes in ("改为“…”", "改为：").
EDIT_RE = re.compile(
    r"增写|删去|修改为|改为(?=[“：:])|前增加|后增加|中的“|"
    r"第[一二三四五六七八九十百零]+条(?:第[一二三四五六七八九十]+款)?(?:第[一二三四五六七八九十]+项)?“"
)
# Spoken enumeration ("一个方面，要……；再一个方面，更重要的是……"): two half-thoughts in one
# sentence, neither a statement to learn.
RAMBLING_RE = re.compile(
    r"(?:^|[，。；：])(?:一个方面|再一个方面|另外一个方面|还有一个方面|再一个|还有一个|还有)[，,]"
)
# A local file's number ("县委〔2012〕7号文件") or the speaker's own place described as such
# ("X是我们县…的一个创新"): facts about one county, not knowledge a cadre elsewhere needs.
DOC_NUMBER_RE = re.compile(r"[〔﹝［\[（(【]\s*(?:19|20)\d{2}\s*[〕﹞］\]）)】]\s*\d+\s*号")
LOCAL_SELF_RE = re.compile(
    r"(?:我们|我|咱们?)(?:县|市|区|乡|镇|省|州|旗)(?![委级长])"
    r"|(?:我们|我)这(?:个|里)(?:县|市|区|乡|镇)"
)
# Spoken exhortations ("作为…的“第一抓手”来抓"): how the speaker ranks a task, not a rule.
EXHORT_RE = re.compile(r"作为[^。；]{0,30}“[^“”]{1,12}”来(?:抓|做|办|推进|落实)")
# "“____”就是，A；B": a label explained at length; many labels would fit the blank.
LABEL_GLOSS_RE = re.compile(r"^“____”(?:就是|是指|指的是)，")
NUMERIC_RE = re.compile(r"[\d.零〇一二两三四五六七八九十百千万亿分之]+\D{0,3}")
MIN_CORE = 12
# Rules whose whole pattern is one short complete sentence ("国家实行无偿献血制度。"): no
# fragment or furniture can match it, so its length is no warning sign.
SHORT_BY_DESIGN = frozenset({"fill.system"})
MAX_STEM = 110
MAX_STEM_SHORT = 150


def statement(c: Candidate) -> str:
    return statement_of(c.stem)


def statement_of(stem: str) -> str:
    """A stem without its "根据《…》，" lead."""
    return LAW_PREFIX_RE.sub("", stem)


# What follows a blank in the stem: a unit ("____周岁") that a short answer carries with it.
NOUN_TAGS = ("n", "l", "j", "vn")
AFTER_BLANK_RE = re.compile(re.escape(BLANK) + r"([\u4e00-\u9fa5]{1,2})")
# A blank that counts a period ("____日内", "____日后"): the same figure with the same unit
# before 内/后/届满 elsewhere in the stem is that period, whichever side the blank is on.
PERIOD_WORDS = r"(?:内|以内|之内|后|以后|届满|期满)"
PERIOD_BLANK_RE = re.compile(rf"(个月|[日天月年周])(?={PERIOD_WORDS})")


def stem_gives_away(c: Candidate, document: Document) -> str | None:
    if c.type in ("true_false", "short_answer"):
        return None
    stem = c.stem.replace(BLANK, "\u0000")
    for answer in c.answer_texts:
        if len(answer) >= 2 and answer in stem and _said_as_word(c.stem, answer):
            return f"题干泄露答案：{answer}"
    # A one-character answer shows itself with its unit ("____周岁以上的未成年人…不满八周岁的
    # 未成年人"), and a number in its other script too. A number counting another noun
    # ("暂住三日以上的，…在____日以内申报") is another fact, not the answer shown.
    blanks = list(AFTER_BLANK_RE.finditer(c.stem))
    if len(blanks) != len(c.answer_texts):
        return None
    for answer, blank in zip(c.answer_texts, blanks, strict=True):
        after = blank.group(1)
        forms = numeral_forms(answer)
        counted = facts.counted_noun(c.stem[blank.start(1) : blank.start(1) + 12], NOUN_TAGS)
        period = PERIOD_BLANK_RE.match(c.stem, blank.start(1))
        for form in forms:
            # "……七日内退货；七日后……" (round 19): a period and its end name one figure.
            if period and re.search(re.escape(form + period.group(1)) + PERIOD_WORDS, stem):
                return f"题干泄露答案：{form}{period.group(1)}"
            for m in re.finditer(re.escape(form + after), stem):
                here = stem[m.start() + len(form) : m.start() + len(form) + 12]
                if len(forms) == 1 or (counted and facts.counted_noun(here, NOUN_TAGS) == counted):
                    return f"题干泄露答案：{form}{after}"
    return None


def _said_as_word(stem: str, answer: str) -> bool:
    """The answer stands in the stem as itself, not as the head of another noun ("合法" inside
    "合法权益", "公正" inside "公正司法"); an adverb or idiom it heads ("及时处理") still shows it."""
    plain = stem.replace(BLANK, "，" * len(BLANK))  # same offsets, a blank is no word
    tokens = [(w, a, b) for w, a, b in jieba_tokens(plain)]
    for m in re.finditer(re.escape(answer), plain):
        holder = next((t for t in tokens if t[1] <= m.start() and m.end() <= t[2]), None)
        if holder is None or (holder[1], holder[2]) == (m.start(), m.end()):
            return True  # the same word, or one jieba splits across
        if pos_tags(holder[0])[0][1] != "n" or len(pos_tags(holder[0])) != 1:
            return True
    return False


def answer_not_in_source(c: Candidate, document: Document) -> str | None:
    src = c.source
    if document.text[src.start : src.end] != src.quote:
        return "出处位置与原文不符"
    if not c.answer_texts:
        return "缺少答案"
    quote = normalize_punct(src.quote)
    for answer in c.answer_texts:
        if normalize_punct(answer) not in quote:
            return f"答案不在原文中：{answer}"
    if c.type == "single":
        correct = c.option_text(c.answer)
        if not any(correct.startswith(a) for a in c.answer_texts):
            return "正确选项与答案不符"
    if c.swapped and c.swapped["replacement"] in quote:
        return "替换后的说法也出现在原文中"
    return None


def options_repeat(c: Candidate, document: Document) -> str | None:
    if not c.options:
        return None
    texts = [o.text for o in c.options]
    keys = [distractors.normalize(t) for t in texts]
    if len(set(keys)) < len(keys):
        return "选项重复"
    if all(NUMERIC_RE.fullmatch(t) for t in texts):
        return None  # distinct numbers: 二十 and 二十四 are different answers
    correct = set(c.answer) if c.type == "multiple" else {c.answer}
    right = [o.text for o in c.options if o.key in correct]
    wrong = [o.text for o in c.options if o.key not in correct]
    for w in wrong:
        for r in right:
            if not distractors.distinct(r, w):
                return f"干扰项与答案相同或同义：{w}"
    for i, a in enumerate(wrong):
        for b in wrong[i + 1 :]:
            if not distractors.distinct(a, b):
                return f"干扰项互相重复：{a}"
    return None


def options_invalid(c: Candidate, document: Document) -> str | None:
    return option_checks.problem(c)


NATIONAL_RULES = ("fill.national_", "true_false.national_")


def unresolved_reference(c: Candidate, document: Document) -> str | None:
    m = INNER_REFERENCE_RE.search(statement(c))
    if m:
        return f"依赖上下文：{m.group(0)}"
    core = ARTICLE_RE.sub("", c.source.quote)
    # A national rule's stem names its law and leaves out what pointed back ("其中，",
    # "这部法律所称的"): the stem alone is read; every other stem quotes its span's start.
    rewritten = c.rule.startswith(NATIONAL_RULES) and LAW_PREFIX_RE.match(c.stem)
    for text in (statement(c),) if rewritten else (statement(c), core):
        m = REFERENCE_RE.match(text)
        if m:
            return f"句首指代不明：{m.group(0)}"
    return None


DURATION_RE = re.compile(r"[零〇一二两三四五六七八九十百\d]+(?:日|天|个月|个?工作日|年|小时)")


def speech_trivia(c: Candidate, document: Document) -> str | None:
    m = TRIVIA_RE.search(c.focus or c.source.quote)
    if m:
        return f"讲话琐事而非知识：{m.group(0)}"
    if EXAMPLE_RE.match(ARTICLE_RE.sub("", c.source.quote)):
        return "举例说明而非知识"
    if not LAW_PREFIX_RE.match(c.stem):
        text = CONDITION_TOTAL_RE.sub("", c.focus or c.source.quote)
        m = ACHIEVEMENT_RE.search(text) or (
            None if document is not None and _is_statute(document) else PRAISE_RE.search(text)
        )
        if m:
            return f"工作成绩汇报而非知识：{m.group(0)}"
    m = EDIT_RE.search(statement(c))
    if m:
        return f"修改说明而非知识：{m.group(0)}"
    if meeting_date(statement(c)):
        return "含会议日期等时间信息"
    terms = c.type == "fill_in" and f"{BLANK}、{BLANK}" in c.stem
    for answer in [] if terms else c.answer_texts:  # "遵循____、____的原则": terms, no names
        if f"“{answer}”" in c.source.quote:
            continue  # a quoted slogan, not a bare place or person name
        if DURATION_RE.fullmatch(answer) and re.search(
            f"{re.escape(BLANK)}(?:前|内|以内|以前|后)", c.stem
        ):
            continue  # "于会议召开____前通知": a period of days, not a date
        tags = pos_tags(answer)
        if len(tags) == 1 and tags[0][1] in ("ns", "nr", "nrt", "t"):
            return f"答案是孤立的地名、人名或时间：{answer}"
    return None


# A date that recurs every year ("每年农历九月初九为老年节", "每年3月最后一周的星期一为…日") is a
# national day or season, a fact to learn; any other date in a stem is an event's (a meeting's).
RECURRING_BEFORE = re.compile(r"(?:每年|每逢|每个?)(?:农历|公历|的)?$")


# "满15年", "不少于15年": a length of time, not a date (a bare two-digit year with no month).
DURATION_BEFORE = re.compile(r"(?:满|不少于|不足|不满|超过|连续|累计)$")


def meeting_date(text: str) -> bool:
    return any(
        not RECURRING_BEFORE.search(text[max(0, m.start() - 6) : m.start()])
        and not (re.fullmatch(r"\d{2}年", m.group(0)) and DURATION_BEFORE.search(text[: m.start()]))
        for m in DATE_RE.finditer(text)
    )


# A law's adoption and amendment note ("（2017年11月4日第十二届全国人民代表大会常务委员会第三十次
# 会议通过　根据…修正）"): the law's history, metadata rather than a rule to be examined on.
ADOPTION_RE = re.compile(
    r"(?:全国人民代表大会|全国人大)(?:常务委员会|常委会)?第[一二三四五六七八九十]+次(?:全体)?会议"
    r"(?:通过|修订|修正|批准)|根据[^。]{0,80}(?:决定|决议)》?[^。]{0,6}(?:第[一二三四五六七八九十]+次)?修正"
)


def adoption_note(c: Candidate, document: Document) -> str | None:
    m = ADOPTION_RE.search(c.source.quote)
    return f"法律的通过、修改说明（题注）而非知识：{m.group(0)[:16]}…" if m else None


# --- figures in a speech or a local document ------------------------------------------
# A speech or a county's notice states national figures and its own arrangements side by
# side; only a figure the sentence itself attributes to a national source is knowledge.
NATIONAL_SOURCE_RE = re.compile(
    r"《[^》]{2,40}》|(?<![办方依合非违执司守])法(?:典|律|规)?(?:的)?(?:规定|明确|要求|第[一二三四五六七八九十百]+条)|"
    r"条例|国家|党中央|中共中央|中央(?!厨房|空调|财政)|国务院|"
    r"全国(?![^，。；]{0,10}(?:系统|平台|网站|热线))|法定"
)
# "中央厨房", "全国志愿服务信息系统": the words name a thing, not the source of the rule
# (round eight: a county's meal scheme and a town's 7-day rule passed as national).
# A quantity with its unit ("5人", "30分钟", "80%", "六十周岁"); a count label ("三个责任",
# "五个老有所") is a named formula, not a figure.
FIGURE_RE = re.compile(
    r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)\s*"
    r"(?:%|％|‰|人|名|元|万元|亿元|分钟|小时|天|日|个?工作日|个月|年|周岁|岁|次|家|张|户|床|克|"
    r"千克|公斤|米|公里|倍|分|成|所|座|台|处|吨)"
)
# A quantity written in digits ("每次积1分", "3公里"): a place's own figure in any stem.
DIGIT_FIGURE_RE = re.compile(
    FIGURE_RE.pattern.replace("[零〇一二两三四五六七八九十百千万]+", "(?!)")
)
# The subject of a clause that is a local place or its own people (attribution.py).
LOCAL_SUBJECT_RE = attribution.LOCAL_SUBJECT_RE
NUMBER_RE = re.compile(r"[\d.零〇一二两三四五六七八九十百千万]+\s*[%％‰]?")
CLAUSE_SPLIT_RE = re.compile(r"[，。；：！？]")


def _is_statute(document: Document) -> bool:
    """The one classification the generator and the report share (round eight): a town's
    办法 written in articles is no statute."""
    return kinds.document_kind(document) == kinds.STATUTE


# A book-title name that is a place's own document ("《某县…办法》", "《青山镇…方案》"): no
# national source.
LOCAL_BOOK_RE = re.compile(
    r"《(?!中华人民共和国)[^》]*(?:县(?!级)|(?<!城)乡(?![村镇])|(?<![城乡])镇(?!级)|"
    r"(?<![农乡])村(?![民级务])|(?<![城都])市|街道)[^》]*》"
)
# (《村民委员会组织法》《乡村振兴促进法》《乡镇企业法》《城市居民委员会组织法》 are national.)
# Words that name the source of the clause itself, not the place ("全国消防日", "国家规定").
NATIONAL_DAY_RE = re.compile(r"每年[^，。；]{0,12}(?:为|是)[^，。；]{0,6}全国[^，。；]{1,12}日")


def sentences_before(c: Candidate, document: Document) -> list[str]:
    """The sentences of the candidate's paragraph (or Q&A answer) before its cited span."""
    passage = next((p for p in document.passages if p.id == c.source.passage_id), None)
    if passage is None or not passage.start <= c.source.start <= passage.end:
        return []
    head = document.text[passage.start : c.source.start]
    return [s for s in re.findall(r"[^。！？]+[。！？]?", head) if s.strip()]


# A self-test section of a study material ("自测题", "测一测", "参考答案") and a statement
# written for marking ("……。（ ）", "√", "×"): one may be deliberately false.
SELF_TEST_HEAD_RE = re.compile(r"自测|测一测|测试题|练习题|判断题|思考题|参考答案|答案")
SELF_TEST_MARK_RE = re.compile(r"[（(]\s*[）)]|[√×✓✗]")


def _passage(c: Candidate, document: Document):
    return next((p for p in document.passages if p.id == c.source.passage_id), None)


def _self_test(c: Candidate, document: Document) -> bool:
    passage = _passage(c, document)
    if passage is None:
        return False
    heads = " ".join(passage.heading_path)
    return bool(SELF_TEST_HEAD_RE.search(heads) or SELF_TEST_MARK_RE.search(passage.text))


# A handout's marks ("★必考", "◇本镇") are layout, never a stem's text.
LAYOUT_MARK_RE = re.compile(r"[★☆◇◆●■▲※]")


def attribution_verdict(
    c: Candidate, document: Document, local_name: str | None = None
) -> attribution.Attribution:
    """Whose statement the candidate asks about (attribution.attribute): the stem's own
    clauses are read for this place's or the speaker's arrangements; the source is looked
    for in the cited span and, failing that, in the sentences before it in the paragraph."""
    quote = c.source.quote
    stem = statement(c)
    if local_name:
        quote = quote.replace(f"《{local_name}》", "")
        stem = stem.replace(f"根据《{local_name}》，", "")
    quote = LOCAL_BOOK_RE.sub("", quote)
    if LAYOUT_MARK_RE.search(c.stem):
        return attribution.Attribution(False, "none", None, "题干带版面符号（★、◇等）")
    veto = attribution.attribute(stem.replace(BLANK, "X"))
    if veto.how == "local":
        return veto
    if _self_test(c, document):
        return attribution.Attribution(False, "local", None, "自测题（可能是故意写错的说法）")
    quote = quote[attribution.LEAD_RE.match(quote).end() :]
    where = attribution.setting(document.title or "", document.text)
    passage = _passage(c, document)
    if passage is not None:
        where = attribution.in_passage(where, passage.kind, passage.text)
    verdict = attribution.attribute(quote, sentences_before(c, document), veto=False, where=where)
    if verdict.how == "inherited" and "《" not in c.stem:
        # The source is in the sentence before: the stem must name it to stand alone.
        return attribution.Attribution(False, "none", verdict.law, "出处在上句，题干没有写明")
    if verdict.law and verdict.detail == "法律规定" and f"《{verdict.law}》" not in c.stem:
        # "法律也有说法：……" "新法规定，……": the law is named elsewhere; so must the stem.
        return attribution.Attribution(
            False, "none", verdict.law, "句中只说“法律”，题干没有写明法名"
        )
    return verdict


def national_source(c: Candidate, document: Document, local_name: str | None = None) -> str | None:
    """On a document that is no statute (a speech, a local notice or page, a Q&A article) a
    question may only come from a sentence attributed to a national source (round nine:
    attribution.attribute: a named law, 法律规定, 国家 as the subject, 党中央, 国务院, a
    national day, or the source of the sentence before in the same paragraph). The
    document's own name and a county's or town's documents are no national source; a stem
    clause naming this place or the speaker's own call vetoes. Applied by the pipeline to
    default runs on such documents."""
    verdict = attribution_verdict(c, document, local_name)
    return None if verdict.national else verdict.reason


def local_figure(c: Candidate, document: Document) -> str | None:
    """In a speech or local document, a figure the sentence does not attribute to a national
    source is the speaker's or the county's own arrangement; in a speech, so is a clause whose
    subject is a local place ("每个村", "县财政"). A local document that names itself in the
    stem ("根据《某县…通知》，") may still be asked about who does what."""
    if _is_statute(document):
        return None
    verdict = attribution_verdict(c, document, local_document_name(document.title))
    text = statement(c)
    figure = any(NUMBER_RE.fullmatch(a) or FIGURE_RE.search(a) for a in c.answer_texts)
    # A local quantity anywhere in the stem ("…每次积1分") is the place's own arrangement,
    # whatever the blank asks (round eight: a slogan question carried a town's points).
    rest = text.replace(BLANK, "")
    has_figure = (
        figure
        or DIGIT_FIGURE_RE.search(rest)
        or (c.type in ("true_false", "short_answer") and FIGURE_RE.search(rest))
    )
    if verdict.national and verdict.how != "national_subject":
        # Round 18: the same test fill.national_figure applies before it credits a figure
        # to a law ("依照法律规定，…超过200亩的，须经镇人民政府审核同意": the town's rule).
        why = attribution.figure_credit(c.source.quote) if has_figure else None
        return f"讲话或地方文件中的数字：{why}" if why else None
    if has_figure:
        return "讲话或地方文件中的数字，句中没有写明出自国家的法律法规，是本地的安排"
    if local_document_name(document.title) is not None:
        return None
    for part in CLAUSE_SPLIT_RE.split(text):
        part = part.strip()
        if part and LOCAL_SUBJECT_RE.match(part):
            if verdict.law and attribution.LEVEL_GOVERNMENT_RE.match(part):
                continue  # "根据《教师法》，县、乡两级人民政府应当…": the law's own subject
            return f"讲话中本地主体的安排：{part[:8]}"
    return None


# The closing provisions of a rule (who interprets it, when it takes effect) and a
# speech's closing call ("…作出新的更大贡献！"): no knowledge a cadre is examined on.
BOILERPLATE_RE = re.compile(r"负责解释|自[^，。]{0,12}起施行|自[^，。]{0,8}之日起施行|参照本")


# Words no law's text has: this place and its speaker ("镇里要求", "县里定的线", "全县", "我们";
# not "本村": 村民委员会组织法 says it),
# a reader's margin notes ("〔旁批：…", "★") and the reader's own verdicts ("不是法条").
# A note, chat message or county rule read into an article must not be asked as the law
# (heldout17: four "根据《X法》" stems carried a town's or county's own rule).
NOT_LAW_TEXT_RE = re.compile(
    r"我(?:们|县|镇|乡|村)|咱们|(?:县|镇)里|全(?:县|镇)(?!人民代表|人大)"
    r"|旁批|批注|〔|★|不是法条|同志们"
    # A leaflet's or tool's own labels and frames ("│小贴士：", "印数：3000册", "匹配：68%";
    # round 17: three stems under a law's name were a calendar cover, a tip box and a
    # translation tool's match rate).
    r"|[─-╿]|(?:出品|协办|印数|匹配|小贴士|温馨提示|使用说明|编者按)[：:]"
)


def not_law_text(c: Candidate, document: Document) -> str | None:
    """A stem asked as a law's rule ("根据《X》，…") that holds words no law has."""
    if not LAW_PREFIX_RE.match(c.stem):
        return None
    m = NOT_LAW_TEXT_RE.search(statement(c)) or any(
        NOT_LAW_TEXT_RE.search(o.text) for o in c.options
    )
    if m is True:
        return "选项里有本地安排或批注，不是法条"
    return f"本地安排或批注而非法条：{m.group(0)}" if m else None


def obsolete_wording(c: Candidate, document: Document) -> str | None:
    m = OBSOLETE_RE.search(c.stem) or OBSOLETE_RE.search(" ".join(o.text for o in c.options))
    return f"已废止的提法：{m.group(0)}" if m else None


def local_trivia(c: Candidate, document: Document) -> str | None:
    text = c.focus or c.source.quote
    m = BOILERPLATE_RE.search(text)
    if m:
        return f"附则性条款而非知识：{m.group(0)}"
    if c.source.quote.rstrip("”’").endswith("！"):
        return "讲话中的号召而非知识"
    m = DOC_NUMBER_RE.search(text) or DOC_NUMBER_RE.search(c.stem)
    if m:
        return f"地方文件编号而非知识：{m.group(0)}"
    if not LAW_PREFIX_RE.match(c.stem) and not ARTICLE_RE.match(c.source.quote):
        m = LOCAL_SELF_RE.search(c.stem)
        if m:
            return f"讲话者所在地方的情况而非知识：{m.group(0)}"
        m = EXHORT_RE.search(c.stem)
        if m:
            return "讲话中的号召，空位不止一种答法"
        numbered_label = any(lists.COUNT_LABEL_RE.match(a) for a in c.answer_texts)
        gloss = c.type == "fill_in" and LABEL_GLOSS_RE.match(c.stem)
        if gloss and (numbered_label or len(c.stem) > 40):
            return "用长篇解释定义的提法，空位不止一种答法"
    return None


def rambling_speech(c: Candidate, document: Document) -> str | None:
    m = RAMBLING_RE.search(c.focus or ARTICLE_RE.sub("", c.source.quote))
    return f"口语化的罗列而非完整表述：{m.group(0).strip('，。；：,')}" if m else None


def subjectless_fragment(c: Candidate, document: Document) -> str | None:
    """A point cut from its list ("发挥了政策宣传的“____”作用"): whose role is not said."""
    if c.type not in ("fill_in", "single", "true_false") or c.focus:
        return None
    head = statement(c)[:12]
    if "了" not in head[1:5]:
        return None  # cheap test first: tagging every stem would cost a tenth of the run
    tags = pos_tags(head)
    if len(tags) >= 2 and tags[0][1].startswith("v") and tags[1][0] == "了":
        return f"缺少主语的叙述片段：{tags[0][0]}了"
    return None


def furniture_or_short(c: Candidate, document: Document) -> str | None:
    quote = c.source.quote
    if FURNITURE_RE.search(c.focus or quote) or FURNITURE_RE.search(c.stem):
        return "来源是网页杂项"
    core = ARTICLE_RE.sub("", quote)
    if len(core) < MIN_CORE and c.rule not in SHORT_BY_DESIGN:
        return "来源过短"
    text = c.focus or core
    if not _is_statute(document):  # "2031年3月22日是…全国…日": a speech's digits are text too
        text = re.sub(r"\d", "", text)
    if han_ratio(text) < 0.6:
        return "来源不是正文"
    if len(c.stem) > (MAX_STEM_SHORT if c.type == "short_answer" else MAX_STEM):
        return "题干过长"
    return None


# A stem must stand alone (issue 16 §5): no pointer to another article, clause or item,
# no "本法" without the law's name, no stem cut off at its start.
CROSS_REF_RE = re.compile(
    r"第[一二三四五六七八九十百零]+(?:条|款|项)|本条(?!例)|本款|前款|前两款|前三款|前条|上款|"
    r"(?:下列|以下)(?:情形|规定|事项|人员|行为)(?!包括)"
)
OWN_LAW_RE = re.compile(r"本(?:法|条例|办法|规定|细则|规则|决定)(?!律)")
CUT_START_RE = re.compile(r"^(?:[一二三四五六七八九十百零]+条|[，、；：。,;:]|.{0,6}[，、][，、])")
# A condition that only makes sense after the clause before it ("逾期不改正的，",
# "情节严重的，", "构成犯罪的，"): its penalty is asked without saying for what.
DEPENDENT_CONDITION_RE = re.compile(
    r"^(?:逾期|情节|拒不|构成|尚不构成|造成|给[^，]{0,12}造成|有前款|再次|仍|继续|经[^，]{0,8}仍)"
    r"[^，。；]{0,16}的，"
)
# "决定给予法律援助的，应当自…指派…": a condition that opens with a verb, then the duty;
# who decides and who must act is said elsewhere.
NO_ACTOR_RE = re.compile(r"^[^，。；]{2,30}的，(?:应当|必须|可以|不得)")
# "受理申请的卫生健康主管部门对不予注册的，应当…" (round thirteen): the condition opens on a verb
# that only qualifies its actor, who is the subject of the duty; a stem naming its law keeps it.
ACTOR_IN_CONDITION_RE = re.compile(
    r"^(?![经由向被报])(?:[^，。；的]{1,12}的)?[^，。；的]{0,12}"
    r"(?:部门|机关|机构|人民政府|委员会|人民法院|人民检察院)(?:对|在)[^，。；]{1,20}的，"
)
# "为应对重大突发事件开展公开募捐的，应当…" "从事畜禽养殖的，不得…": whoever does the act the
# condition names is the one bound; a law states a duty so (round 16: the same form passed
# in the next article for its comma).
DOER_CONDITION_RE = re.compile(
    r"^(?:为[^，。；]{0,16})?(?:开展|从事|举办|经营|生产|销售|进口|出口|运输|储存|使用|募集)"
    r"[^，。；]{1,20}的，(?:应当|必须|不得)"
)
# "超过三年的，举办者应当重新申报": a condition that is only a quantity says not what exceeds
# it (the period of the sentence before; heldout22). An age ("未满十四周岁的，") is a person's.
BARE_QUANTITY_CONDITION_RE = re.compile(
    r"^(?:超过|超出|不足|未满|不满|已满|满|届满|逾|高于|低于|达到)"
    r"(?:" + re.escape(BLANK) + r"|[\d零〇一二两三四五六七八九十百千万]+)"
    r"个?(?:个?工作日|日|天|个?月|年|周|小时|万元|元|人|次|%|％)?(?:以上|以下)?(?:的|者)，"
)
SENTENCE_TYPES_FOR_STANDALONE = ("fill_in", "single", "true_false")
OWN_PART_RE = re.compile(r"本章|本节|本编|前款|本条(?!例)")


def not_standalone(c: Candidate, document: Document) -> str | None:
    if c.type not in SENTENCE_TYPES_FOR_STANDALONE or c.label:
        m = OWN_PART_RE.search(statement(c))  # a question built from a lead-in, too
        return f"题干引用本法其他部分：{m.group(0)}" if m else None
    text = statement(c)
    m = CROSS_REF_RE.search(text)
    if m:
        return f"题干引用其他条款，单独成题信息不全：{m.group(0)}"
    m = OWN_LAW_RE.search(text)
    if m and not LAW_PREFIX_RE.match(c.stem):
        return f"题干称“{m.group(0)}”而未写明法律名称"
    if CUT_START_RE.match(text):
        return "题干开头残缺"
    if DEPENDENT_CONDITION_RE.match(text):
        return "题干以承接上文的条件开头，缺少主语和前提"
    if BARE_QUANTITY_CONDITION_RE.match(text):
        return "题干的条件只有数量，没有说明是什么超过或不足（前提在上句）"
    if NO_ACTOR_RE.match(text):
        tags = pos_tags(text[:8])  # "村民对…有异议的，可以": the condition has its subject
        actor = LAW_PREFIX_RE.match(c.stem) and (
            ACTOR_IN_CONDITION_RE.match(text) or DOER_CONDITION_RE.match(text)
        )
        # "经有关部门…的，": jieba tags the 经 a noun; it is the preposition of a procedure.
        opens = tags and (tags[0][1][:1] in ("v", "p", "d", "c") or tags[0][0] == "经")
        if opens and not actor:
            return "题干的条件之后直接是“应当”等，没有说明由谁去做"
    start = c.source.start
    if start > 0 and document.text[start - 1] == "；":
        # A clause cut from a long sentence at its semicolon: its subject is before it.
        head = re.split("[，。]", text, maxsplit=1)[0]
        tags = pos_tags(head[:8])
        if head.endswith("的") or (tags and tags[0][1][:1] in ("v", "p", "d", "c")):
            return "题干是长句中承接上文的分句，缺少主语"
    return None


SUBJECTLESS_ASK_RE = re.compile(r"^(?:有)?哪些[\u4e00-\u9fa5]{0,4}[，,]")


# "有哪些情形，不予记分？": the clause after the cases opens on its verb; whose cases, and who
# does not score them, is said nowhere ("有哪些情形，护照持有人可以…" names its subject).
NO_SUBJECT_AFTER_RE = re.compile(
    r"^有?哪些[\u4e00-\u9fa5]{0,4}[，,](?:不予|不得|应当|可以|予以|给予|依法|视为|属于|须|不再)"
)


def subjectless_question(c: Candidate, document: Document) -> str | None:
    """ "有哪些情形，不予记分？": neither the document nor whose case is said."""
    if c.type not in ("short_answer", "multiple"):
        return None
    if NO_SUBJECT_AFTER_RE.match(statement(c)):
        return "问句没有主语：不知是谁的情形"
    if "《" in c.stem:
        return None
    if local_document_name(document.title):
        return None  # the pipeline names the document before the question
    return "问句没有主语和出处" if SUBJECTLESS_ASK_RE.match(statement(c)) else None


WHOLE_DATE_RE = re.compile(r"\d{1,2}月\d{1,2}日")


def blank_inside_word(c: Candidate, document: Document) -> str | None:
    src = c.source
    for start, end in c.checks:
        if not src.start <= start < end <= src.end:
            return "空位不在出处范围内"
        # Tokenise the sentence around the blank, not the whole (possibly long) quote.
        s_lo = max(src.start, document.text.rfind("。", src.start, start) + 1)
        s_hi = document.text.find("。", end, src.end)
        s_hi = src.end if s_hi < 0 else s_hi + 1
        whole = WHOLE_DATE_RE.fullmatch(document.text[start:end]) or (
            DURATION_RE.fullmatch(document.text[start:end])
            and re.match(r"前|内|以内|以前|后", document.text[end : end + 2])
        )
        if whole and not (
            document.text[start - 1 : start].isdigit() or document.text[end : end + 1].isdigit()
        ):
            continue  # a whole date or period is one word, whatever jieba makes of "日为", "开十"
        if BLANK not in c.stem and (c.swapped or {}).get("kind") != "number":
            # A true/false shows no blank: a body or level is swapped whole, whatever jieba
            # joins it to ("由省、自治区…"; round 17); a number may still sit in a fixed word.
            continue
        bounds = token_bounds(document.text[s_lo:s_hi])
        if start - s_lo not in bounds or end - s_lo not in bounds:
            return f"空位切断了词语：{document.text[start:end]}"
    return None


# Marks that come in pairs: a stem holding one half of a pair was cut inside a quotation or a
# bracket ("……缴纳社会保险费。”", "“社会保险基金……").
PAIRS = {
    "“": "”",
    "‘": "’",
    "《": "》",
    "（": "）",
    "【": "】",
    "〔": "〕",
    "「": "」",
    "『": "』",
    "［": "］",
}
CLOSING = {v: k for k, v in PAIRS.items()}
HALF_WIDTH = {"(": "（", ")": "）", "[": "［", "]": "］"}  # "（…)" pairs too
MARKS_RE = re.compile(
    "[" + re.escape("".join(PAIRS) + "".join(CLOSING) + "".join(HALF_WIDTH)) + "]"
)


def unbalanced_marks(c: Candidate, document: Document) -> str | None:
    open_marks: list[str] = []
    for mark in MARKS_RE.findall(c.stem):
        ch = HALF_WIDTH.get(mark, mark)
        if ch in PAIRS:
            open_marks.append(ch)
        elif ch in CLOSING:
            if not open_marks or open_marks[-1] != CLOSING[ch]:
                return f"题干的“{ch}”没有配对"
            open_marks.pop()
    return f"题干的“{open_marks[-1]}”没有配对" if open_marks else None


FILTERS: tuple[Callable[[Candidate, Document], str | None], ...] = (
    answer_not_in_source,
    furniture_or_short,
    adoption_note,
    speech_trivia,
    local_trivia,
    not_law_text,
    unresolved_reference,
    stem_checks.local_scope,
    local_figure,
    stem_checks.needs_context,
    not_standalone,
    stem_checks.leans_on_sentence_before,
    stem_checks.opens_after_unnamed_act,
    unbalanced_marks,
    subjectless_question,
    rambling_speech,
    subjectless_fragment,
    stem_gives_away,
    stem_checks.guessable_number,
    stem_checks.slogan_statement,
    obsolete_wording,
    stem_checks.unanswerable_blank,
    stem_checks.another_object_in_stem,
    options_repeat,
    options_invalid,
    blank_inside_word,
)


def first_failure(
    c: Candidate, document: Document, skip: frozenset[str] = frozenset()
) -> tuple[str, str] | None:
    """The first check `c` fails, as (check name, reason); checks named in `skip` are not run."""
    for check in FILTERS:
        if check.__name__ in skip:
            continue
        reason = check(c, document)
        if reason:
            return check.__name__, reason
    return None
