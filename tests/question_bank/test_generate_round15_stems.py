"""Round 15 (issue 16): stems that stand alone, and the law's name from a source line.

- A law's name written in a source line before the part it quotes ("原文：X法　第三章 …") names
  the law; an English title beside it never does.
- An article's later sentence that leans on the one before it (a bare consequence "…应当依法
  发出督促令。", an opening "同时"/"但"/"该", an added duty "…也应当…", a noun for the earlier
  action "公示时间…", "评审工作…", "推荐时…", "具体办法由…制定") is no stem on its own.
- A wrapper quote around a quoted provision is dropped; a stem whose quotes or brackets do not
  pair is refused.
- A fill-in's answer inside another noun of the stem ("合法" in "合法权益") gives nothing away.
Every text is made up.
"""

from __future__ import annotations

import pytest

from question_bank.generate import filters, rules_short, stem_checks
from question_bank.generate.candidate import BLANK, Candidate, Source
from question_bank.generate.pipeline import generate
from question_bank.generate.textutil import law_name, mark_law_titles, split_sentences
from question_bank.ingest import ingest_bytes, ingest_text
from tests.question_bank.generate_helpers import true_statement

# --- the law's name in a source line ------------------------------------------------

FULL = "中华人民共和国乡村书屋促进法"
SHORT = "乡村书屋促进法"
ARTICLES = [
    "乡村书屋的设立，应当符合县级人民政府制定的布局规划。",
    "乡镇人民政府负责本行政区域内乡村书屋的日常管理，村民委员会协助做好相关工作。",
    "乡村书屋每周开放时间不得少于二十小时。",
    "乡村书屋的图书每年更新数量不得少于藏书总量的百分之五。",
]
NUMBERS = ["第二十一条", "第二十二条", "第二十三条", "第二十四条"]


def _bilingual(label_line: str, english_first: bool = True) -> str:
    lines = []
    if english_first:
        lines += [
            "RURAL READING ROOMS: A PRACTICAL GUIDE FOR VILLAGE OFFICERS",
            "(The English text is a courtesy translation. Only the Chinese original is binding.)",
            "",
        ]
    lines += [label_line, ""]
    for n, (number, body) in enumerate(zip(NUMBERS, ARTICLES, strict=True)):
        lines += [
            f"Article {21 + n}",
            "The reading room shall follow the rules below.",
            f"原文：{number}　{body}",
            "",
        ]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "label_line",
    [
        f"原文：{FULL}　第三章　设立与管理　第二节　开放和服务",
        f"中文：{FULL} 第三章 设立与管理",
        f"原文：{FULL}　第二编　第一章",
        f"法规：{SHORT}　第三章　设立与管理",
        f"依据：《{FULL}》 第三章",
    ],
)
def test_a_source_line_names_the_law_before_its_chapter(label_line):
    doc = ingest_bytes(_bilingual(label_line).encode("utf-8"), "reading_rooms_guide.txt")
    assert law_name(doc) == SHORT
    stems = [c.stem for c in generate(doc, seed=16).candidates]
    cited = [s for s in stems if "《" in s]
    assert cited and all(f"《{SHORT}》" in s for s in cited), stems


def test_an_english_title_alone_names_no_law():
    text = _bilingual("Chapter III Establishment and Management — Section 2 Opening Hours")
    doc = ingest_bytes(text.encode("utf-8"), "reading_rooms_guide.txt")
    assert law_name(doc) is None


# --- a later sentence leaning on the one before -------------------------------------

LAW = "中华人民共和国邻里纠纷调处法"
STATUTE = f"""{LAW}
第一条 为了及时化解邻里纠纷，维护基层和谐稳定，制定本法。
第二条 当事人就邻里纠纷达成调处协议，一方在协议约定期限内不履行的，另一方可以持调处协议书向基层人民法院申请督促令。人民法院应当依法发出督促令。
第三条 县级人民政府应当将邻里调处示范点名单予以公示。公示时间不得少于二十日。调处示范点的评定结果，应当予以公告。公告的期限不得少于十日。
第四条 调处员每年应当参加不少于十二学时的业务培训。同时，调处员应当定期向村民委员会报告工作。
第五条 调处委员会应当建立调处档案。村民委员会也应当协助保管调处档案。
第六条 乡镇人民政府应当组织评审优秀调处案例。
评审工作应当遵循公开、公平、公正的原则。
第七条 邻里纠纷调处示范点的认定条件由县级人民政府规定。具体认定办法由省、自治区、直辖市人民政府制定。
第八条 调处员调处纠纷，应当依法保护当事人的隐私。
第九条 乡镇人民政府应当每年组织一次调处工作检查。检查结果应当向社会公开。
检查的期限：重大纠纷隐患点每季度一次；一般隐患点每半年一次。
第十条 调处员应当遵守调处纪律。调处员不得收受当事人财物。
第十一条 村民委员会可以向乡镇人民政府推荐调处员人选。
推荐时应当提交下列材料：
（一）推荐人选的基本情况；
（二）村民会议的推荐意见；
（三）推荐人选本人的书面同意。
"""
STATUTE_DOC = ingest_text(STATUTE)


def _tf(sentence: str, doc=STATUTE_DOC, kind: str = "true_false") -> Candidate:
    start = doc.text.index(sentence)
    passage = next(p for p in doc.passages if p.start <= start < p.end)
    return Candidate(
        type=kind,
        stem=f"根据《邻里纠纷调处法》，{sentence}",
        answer=True,
        explanation="",
        source=Source(passage.id, start, start + len(sentence), sentence),
        rule="test",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "人民法院应当依法发出督促令。",  # a bare consequence: 督促令 is the sentence before's
        "公示时间不得少于二十日。",  # the earlier action made a noun
        "同时，调处员应当定期向村民委员会报告工作。",
        "村民委员会也应当协助保管调处档案。",  # an added duty
        "评审工作应当遵循公开、公平、公正的原则。",  # in the next 款, still the earlier action
        "具体认定办法由省、自治区、直辖市人民政府制定。",
        "检查结果应当向社会公开。",
        "公告的期限不得少于十日。",  # 公告 tagged a noun, named with 的
    ],
)
def test_a_later_sentence_that_leans_on_the_one_before_is_refused(sentence):
    assert stem_checks.leans_on_sentence_before(_tf(sentence), STATUTE_DOC)


@pytest.mark.parametrize(
    "sentence",
    [
        "乡镇人民政府应当组织评审优秀调处案例。",  # an article's first sentence
        "调处员调处纠纷，应当依法保护当事人的隐私。",  # 依法 with its own object, first sentence
        "调处员不得收受当事人财物。",  # a later sentence with its own subject
        "调处员每年应当参加不少于十二学时的业务培训。",
        "邻里纠纷调处示范点的认定条件由县级人民政府规定。",
        "调处示范点的评定结果，应当予以公告。",  # 评定 never said before
        "检查的期限：重大纠纷隐患点每季度一次；一般隐患点每半年一次。",  # a list's label
    ],
)
def test_a_sentence_with_its_own_subject_and_premise_stands(sentence):
    assert stem_checks.leans_on_sentence_before(_tf(sentence), STATUTE_DOC) is None


def test_a_stem_rebuilt_with_its_premise_stands():
    whole = "县级人民政府应当将邻里调处示范点名单予以公示。公示时间不得少于二十日。"
    assert stem_checks.leans_on_sentence_before(_tf(whole), STATUTE_DOC) is None


def test_a_noun_for_an_action_never_taken_before_is_its_own_subject():
    text = "某某条例\n第一条 乡镇人民政府应当组织调处工作。\n第二条 调处员应当遵守纪律。审批时间不得超过二十日。\n第三条 调处员不得收受财物。\n"
    doc = ingest_text(text)
    assert stem_checks.leans_on_sentence_before(_tf("审批时间不得超过二十日。", doc), doc) is None


def test_the_generator_asks_no_bare_consequence():
    stems = [c.stem for c in generate(STATUTE_DOC, seed=16).candidates]
    assert stems
    statements = [filters.statement_of(s) for s in stems]
    bare = (
        "人民法院应当依法",
        "公示时间",
        "村民委员会也",
        "同时",
        "具体认定办法",
        "检查结果",
        "评审工作",
    )
    assert not [s for s in statements if s.startswith(bare)], statements


def test_a_list_asked_after_a_noun_for_the_earlier_action_is_refused():
    c = _tf("推荐时应当提交下列材料：", kind="short_answer")
    c.stem = "根据《邻里纠纷调处法》第十一条，推荐时应当提交哪些材料？"
    assert stem_checks.leans_on_sentence_before(c, STATUTE_DOC)
    stems = [c.stem for c in generate(STATUTE_DOC, seed=16).candidates]
    assert not [s for s in stems if "推荐时" in s], stems


@pytest.mark.parametrize(
    ("lead", "question"),
    [
        (
            "第三条 经营者通过网络、电话等方式出售农资，购买者有权自收货之日起五日内退货，且无需说明理由，但下列农资除外：",
            "经营者通过网络、电话等方式出售农资，购买者有权自收货之日起五日内退货，且无需说明理由，但哪些农资除外？",
        ),
        (
            "第九条 本法所称重大邻里纠纷，是指涉及十户以上村民、可能引发群体性事件的纠纷，以及造成严重后果的下列纠纷：",
            "本法所称重大邻里纠纷，是指涉及十户以上村民、可能引发群体性事件的纠纷，以及造成严重后果的哪些纠纷？",
        ),
    ],
)
def test_an_ask_that_goes_on_from_its_clause_keeps_it(lead, question):
    assert rules_short._question_from_lead(lead) == question


def test_a_long_preamble_before_an_ask_of_its_own_is_still_dropped():
    lead = "第十二条 乡镇人民政府在组织调处工作中发现调处员违反调处纪律、收受当事人财物的，可以采取下列措施："
    assert (
        rules_short._question_from_lead(lead)
        == "乡镇人民政府在组织调处工作中发现调处员违反调处纪律、收受当事人财物的，可以采取哪些措施？"
    )


# --- wrapper quotes and pairs -------------------------------------------------------

KB = """# 热线知识库：邻里纠纷
问：邻居占用公共通道怎么办？
答：可以申请村里调处。
法律依据：《中华人民共和国邻里纠纷调处法》第十一条：“村民委员会应当设立邻里纠纷调处小组。调处小组应当自受理申请之日起十日内组织调处。”
"""


def test_a_wrapper_quotes_closing_half_is_dropped():
    doc = ingest_text(KB)
    cores = [s.core for s in split_sentences(doc) if "调处小组" in s.core]
    assert any(core == "调处小组应当自受理申请之日起十日内组织调处。" for core in cores), cores
    # The opening half keeps its lone quote in the text: the pair check refuses such a stem.
    stems = [c.stem for c in generate(doc, seed=16).candidates]
    assert not [s for s in stems if s.count("“") != s.count("”")], stems


def test_a_quotation_inside_a_sentence_keeps_its_quotes():
    doc = ingest_text(
        "# 学习材料\n各地要坚持“小事不出村、大事不出镇”的调处原则，及时化解矛盾纠纷。\n"
    )
    cores = [s.core for s in split_sentences(doc)]
    assert any("“小事不出村、大事不出镇”" in core for core in cores), cores


@pytest.mark.parametrize(
    "stem",
    [
        "根据《邻里纠纷调处法》，调处小组应当自受理申请之日起十日内组织调处。”。",
        "根据《邻里纠纷调处法》，“村民委员会应当设立邻里纠纷调处小组。",
        "根据《邻里纠纷调处法》，调处员（含兼职调处员应当遵守纪律。",
        "根据《邻里纠纷调处法》，调处员应当遵守纪律）。",
        "根据《邻里纠纷调处法，调处员应当遵守纪律。",
        "根据《邻里纠纷调处法》，调处员应当遵守“三不”纪律”。",
    ],
)
def test_a_stem_whose_marks_do_not_pair_is_refused(stem):
    assert filters.unbalanced_marks(true_statement(stem), None)


@pytest.mark.parametrize(
    "stem",
    [
        "根据《邻里纠纷调处法》，调处员应当遵守“三不”纪律。",
        "根据《邻里纠纷调处法》，调处员（含兼职调处员）应当遵守纪律。",
        f"根据《邻里纠纷调处法》，调处工作坚持“{BLANK}”原则。",
        "根据《邻里纠纷调处法》，调处员应当遵守“‘三不’纪律”。",
    ],
)
def test_a_stem_whose_marks_pair_passes(stem):
    assert filters.unbalanced_marks(true_statement(stem), None) is None


# --- an answer inside another noun gives nothing away ---------------------------------


def _fill(stem: str, answers: list[str]) -> Candidate:
    return Candidate(
        type="fill_in",
        stem=stem,
        answer=answers,
        explanation="",
        source=Source("p", 0, 1, "x"),
        rule="test",
        answer_texts=answers,
    )


def test_an_answer_heading_a_longer_noun_is_no_leak():
    stem = f"调处委员会调处纠纷，应当遵循{BLANK}、{BLANK}、{BLANK}的原则，保护当事人的合法权益。"
    assert filters.stem_gives_away(_fill(stem, ["合法", "自愿", "及时"]), None) is None
    stem = f"村务监督应当坚持{BLANK}、{BLANK}的原则，促进公正司法。"
    assert filters.stem_gives_away(_fill(stem, ["公正", "公开"]), None) is None


@pytest.mark.parametrize(
    ("stem", "answers", "leak"),
    [
        (
            f"调处纠纷应当坚持{BLANK}、{BLANK}的原则，做到调处合法、程序正当。",
            ["合法", "自愿"],
            "合法",
        ),
        (f"调处纠纷应当遵循{BLANK}、{BLANK}的原则，对纠纷及时处理。", ["公平", "及时"], "及时"),
        (f"调处纠纷应当坚持{BLANK}的原则，调处必须合法的权益才予保护。", ["合法"], "合法"),
    ],
)
def test_the_answer_as_its_own_word_still_leaks(stem, answers, leak):
    assert filters.stem_gives_away(_fill(stem, answers), None) == f"题干泄露答案：{leak}"


def test_a_two_character_law_after_you_is_not_marked_as_a_longer_name():
    stem = "根据《某某法》，重大不良行为是指未成年人实施的有刑法规定的行为。"
    assert mark_law_titles(stem) == stem
    assert mark_law_titles("依照治安管理处罚法规定处理。") == "依照《治安管理处罚法》规定处理。"


def test_half_width_brackets_pair_with_full_width_ones():
    assert (
        filters.unbalanced_marks(
            true_statement("根据《邻里纠纷调处法》，调处员（含兼职调处员)应当遵守纪律。"), None
        )
        is None
    )
    assert filters.unbalanced_marks(
        true_statement("根据《邻里纠纷调处法》，调处员(含兼职调处员应当遵守纪律。"), None
    )
