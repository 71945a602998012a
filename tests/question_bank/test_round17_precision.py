"""Round 17 (issue 16): premises, slogans and wrong drops.

- A later sentence whose condition is only a quantity ("超过三年的，举办者应当重新申报") says
  not what exceeds it: no type asks it (the single choice passed where the fill-in failed).
- A duty whose whole content is a good aim ("各级人民政府应当营造…的社会氛围") is true by its
  wording: no type asks it; a duty with a named system, figure or object is kept.
- "改为" is an amendment's word only when it quotes what it writes in; "不得擅自改为他用" is a
  rule. A true/false shows no blank, so the blank-cut check does not refuse its swapped body.
- "同时规定：“…”" after a sentence quoting a law is a second quotation of that law.
- A county's own practice written like a rule in a notice is not asked as national law.
Every text is made up.
"""

from __future__ import annotations

import pytest

from question_bank.generate import attribution, filters, stem_checks
from question_bank.generate.candidate import BLANK, Candidate, Source
from question_bank.generate.pipeline import generate
from question_bank.ingest import ingest_bytes
from tests.question_bank.generate_helpers import candidate as _candidate

LAW = "示范果园保护法"


def _everything(result) -> list[Candidate]:
    return [c for c in result.candidates] + [d.candidate for d in result.dropped]


STATUTE = f"""中华人民共和国{LAW}
第一章　总　　则
第一条　为了保护示范果园，促进果业发展，制定本法。
第二条　各级人民政府应当营造尊重果农劳动的社会氛围。
第三条　县级以上人民政府应当建立示范果园保护协调制度。
第四条　设立示范果园服务站的，举办者应当向县级人民政府农业农村主管部门申请筹设。筹设期不得超过三年。超过三年的，举办者应当重新申报。
第五条　示范果园服务站应当每年向社会公布病虫害防治情况，公布时间不得少于十五日。
第六条　省、自治区、直辖市人民政府应当制定示范果园认定的具体标准，并向社会公布。
第七条　各级人民政府应当保障示范果园用地合理需求。
"""


@pytest.fixture(scope="module")
def statute():
    document = ingest_bytes(STATUTE.encode("utf-8"), f"{LAW}.txt")
    return document, generate(document, seed=16)


# --- a later sentence that keeps only a quantity as its condition ------------------------


def test_no_type_asks_a_condition_that_is_only_a_quantity(statute):
    _document, result = statute
    asked = [c.stem for c in result.candidates if filters.statement(c).startswith("超过")]
    assert not asked
    # the same span is refused for the same reason whatever the type
    reasons = {
        d.candidate.type: d.reason
        for d in result.dropped
        if filters.statement(d.candidate).startswith("超过") and d.filter == "not_standalone"
    }
    assert all("只有数量" in r for r in reasons.values()), reasons


@pytest.mark.parametrize("type_", ["fill_in", "single", "true_false"])
@pytest.mark.parametrize(
    "statement",
    [
        f"超过{BLANK}年的，举办者应当重新申报。",
        "超过三年的，举办者应当重新申报。",
        f"满{BLANK}个工作日的，视为同意。",
        "不足三个月的，按三个月计算。",
    ],
)
def test_a_bare_quantity_condition_is_refused_for_every_type(statement, type_):
    c = _candidate(f"根据《{LAW}》，{statement}", type_)
    assert "只有数量" in filters.not_standalone(c, None)


@pytest.mark.parametrize(
    "statement",
    [
        f"筹设期超过{BLANK}年的，举办者应当重新申报。",  # says what exceeds
        "未满十四周岁的，不予处罚。",  # an age is a person's
        "超过规定期限的，应当重新申报。",  # no quantity at all
        f"示范果园服务站筹设期不得超过{BLANK}年。",
    ],
)
def test_a_condition_that_names_its_subject_is_not_this_check(statement):
    c = _candidate(f"根据《{LAW}》，{statement}", "single")
    reason = filters.not_standalone(c, None)
    assert reason is None or "只有数量" not in reason


# --- slogans ------------------------------------------------------------------------------


def test_no_type_asks_a_slogan(statute):
    _document, result = statute
    assert not [c for c in result.candidates if "社会氛围" in c.source.quote]


@pytest.mark.parametrize(
    "quote",
    [
        "第二条　各级人民政府应当营造尊重果农劳动的社会氛围。",
        "国家倡导勤俭节约的社会风尚。",
        "县级以上人民政府应当积极创造公平竞争环境。",
        "村民委员会应当维护村内良好秩序。",
    ],
)
@pytest.mark.parametrize("type_", ["fill_in", "single", "true_false"])
def test_slogans_are_refused(quote, type_):
    c = _candidate(f"根据《{LAW}》，x", type_, quote=quote)
    assert stem_checks.slogan_statement(c, None)


@pytest.mark.parametrize(
    "quote",
    [
        "第三条　县级以上人民政府应当建立示范果园保护协调制度。",  # a named system
        "各级人民政府应当保障示范果园用地合理需求。",  # a named object
        "示范果园服务站应当每年向社会公布病虫害防治情况，公布时间不得少于十五日。",
        "县级以上人民政府应当为示范果园创造条件，所需经费纳入本级预算。",  # two duties
    ],
)
def test_duties_with_content_are_not_slogans(quote):
    c = _candidate(f"根据《{LAW}》，x", quote=quote)
    assert stem_checks.slogan_statement(c, None) is None


def test_a_short_answer_is_not_judged_a_slogan():
    c = _candidate(f"根据《{LAW}》，x", "short_answer", quote="国家倡导勤俭节约的社会风尚。")
    assert stem_checks.slogan_statement(c, None) is None


# --- wrong drops ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "政府投资建设的果园科普馆，应当常年向公众开放，并不得擅自改为他用。",
        "示范果园用地不得随意改为建设用地。",
    ],
)
def test_a_rule_saying_gai_wei_is_no_amendment(statement):
    c = _candidate(f"根据《{LAW}》，{statement}", quote=statement)
    reason = filters.speech_trivia(c, None)
    assert reason is None or "修改说明" not in reason


@pytest.mark.parametrize(
    "statement",
    [
        "将第四条中的“三年”改为“二年”。",
        "第六条改为：“省级人民政府应当制定标准。”",
        "第五条修改为：示范果园服务站应当公布情况。",
        "在第二条后增加一条。",
    ],
)
def test_an_amendment_is_still_refused(statement):
    c = _candidate(statement, quote=statement)
    assert "修改说明" in filters.speech_trivia(c, None)


def test_a_swapped_body_in_a_true_false_is_not_a_cut_blank(statute):
    _document, result = statute
    cut = [
        d
        for d in result.dropped
        if d.filter == "blank_inside_word"
        and BLANK not in d.candidate.stem
        and (d.candidate.swapped or {}).get("kind") != "number"
    ]
    assert not cut


def _span_candidate(document, type_: str, stem: str, swapped=None) -> Candidate:
    """A candidate whose checked span is "果" alone inside the word "果农" (article 2)."""
    at = document.text.index("果农劳动")
    start = document.text.rfind("\n", 0, at) + 1
    end = document.text.index("。", at) + 1
    return Candidate(
        type=type_,
        stem=stem,
        answer=True if type_ == "true_false" else ["果"],
        explanation="",
        source=Source("p", start, end, document.text[start:end]),
        rule="t",
        checks=[(at, at + 1)],
        swapped=swapped,
    )


def test_blank_cut_check_still_refuses_a_blank_inside_a_word(statute):
    document, _result = statute
    fill = _span_candidate(document, "fill_in", f"根据《{LAW}》，{BLANK}农劳动")
    assert filters.blank_inside_word(fill, document)
    # a true/false with a number swapped may still sit in a fixed word: checked
    number = _span_candidate(document, "true_false", f"根据《{LAW}》，x", {"kind": "number"})
    assert filters.blank_inside_word(number, document)
    # a body or level swapped whole shows no blank: not refused
    level = _span_candidate(document, "true_false", f"根据《{LAW}》，x", {"kind": "level"})
    assert filters.blank_inside_word(level, document) is None


# --- "同时规定：“…”" -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "同时规定：“果园经营者不得使用国家明令禁止的农药。”",
        "还规定：“果园经营者不得使用国家明令禁止的农药。”",
        "另外规定：“果园经营者应当建立用药记录。”",
    ],
)
def test_a_second_quotation_is_a_citation(text):
    cited = attribution.law_cited(text)
    assert cited and cited[0] is None and text[cited[1] :].startswith("果园经营者")


@pytest.mark.parametrize(
    "text",
    [
        "同时规定，每户交两百元。",  # no quotation: the speaker's words
        "规定：“每户交两百元。”",  # no word tying it to the law before
        "同时要做好果园巡查。",
    ],
)
def test_other_openers_are_no_citation(text):
    assert attribution.law_cited(text) is None


SPEECH = f"""副镇长在全镇果园保护推进会上的讲话
同志们：
一、学好法律。《中华人民共和国{LAW}》第九条规定：“示范果园服务站应当为果农提供病虫害防治技术服务。”同时规定：“果园经营者不得使用国家明令禁止的农药。”
二、抓好落实。今年全镇新建示范果园五个，每个补助三万元。各村要在本月底前上报名单。
"""


def test_a_speech_asks_the_second_quotation_as_the_law(tmp_path):
    document = ingest_bytes(SPEECH.encode("utf-8"), "speech_orchards.txt")
    result = generate(document, seed=16)
    stems = [c.stem for c in _everything(result)]
    assert f"根据《{LAW}》，果园经营者不得使用国家明令禁止的农药。" in stems, (
        stems,
        [(d.filter, d.reason, d.candidate.stem) for d in result.dropped],
    )
    assert not any("同时规定" in s for s in stems)
    kept = [c.stem for c in result.candidates]
    assert not any("三万元" in s or "五个" in s or "本月底" in s for s in kept)


# --- a county's practice written like a rule ---------------------------------------------

NOTICE = f"""关于开展示范果园病虫害联防联治的通知
各乡镇人民政府：
为贯彻《中华人民共和国{LAW}》，现将有关事项通知如下。
一、《中华人民共和国{LAW}》第九条规定：“示范果园服务站应当为果农提供病虫害防治技术服务。”
二、按照县里规定，示范果园每季度至少开展两次统防统治，每次用药后三日内报乡镇农业站备案。
三、果园经营者应当在每年三月底前向县农业农村局报送用药计划。
四、每个示范果园应当配备不少于两名植保员。
县农业农村局
2026年2月10日
"""


def test_a_countys_practice_is_not_asked_as_national_law():
    document = ingest_bytes(NOTICE.encode("utf-8"), "orchard_pest_notice.txt")
    result = generate(document, seed=16)
    kept = [c.stem for c in result.candidates]
    as_law = [s for s in kept if s.startswith(f"根据《{LAW}》")]
    local = ("每季度", "两次", "三日内", "三月底", "两名", "植保员", "用药计划")
    assert not [s for s in as_law if any(word in s for word in local)], as_law
    assert any("病虫害防治技术服务" in s for s in [c.stem for c in _everything(result)])


# --- a leaflet's labels under a law's name ---------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        f"│小贴士：检查人员每次入户都会{BLANK}人以上同行。",
        f"出品：某县果业中心印数：2000册使用说明：每周{BLANK}页。",
        f"匹配：{BLANK}%（三）果园经营者应当建立用药记录。",
    ],
)
def test_layout_labels_are_not_law(statement):
    c = _candidate(f"根据《{LAW}》，{statement}", "single")
    assert filters.not_law_text(c, None)


@pytest.mark.parametrize(
    "statement",
    [
        "果园经营者应当在农药包装上标注使用说明和注意事项。",  # no colon: the law's own words
        "示范果园服务站应当提供病虫害防治技术服务。",
    ],
)
def test_law_words_like_labels_pass(statement):
    c = _candidate(f"根据《{LAW}》，{statement}")
    assert filters.not_law_text(c, None) is None


# --- a form's "依据：X法第N条 …" and a law's "各单位" ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"依据：{LAW}第九条 示范果园服务站应当提供病虫害防治技术服务。",
        f"依据：《{LAW}》第九条　示范果园服务站应当提供病虫害防治技术服务。",
    ],
)
def test_a_forms_basis_line_cites_the_law(text):
    cited = attribution.law_cited(text)
    assert cited == (LAW, text.index("示范果园服务站"))


@pytest.mark.parametrize(
    "text",
    [
        "依据：镇里的安排 每户交两百元。",  # no law
        "依据：本办法第三条 每户交两百元。",  # the place's own rule
        f"依据{LAW}第九条办理。",  # no colon, no article text after it
    ],
)
def test_other_basis_lines_cite_no_law(text):
    assert attribution.law_cited(text) is None


def test_a_laws_every_unit_is_no_local_mark():
    assert attribution.local_clause("各单位可以委托代理记账机构代理记账") is None
    assert attribution.local_clause("各单位要在月底前上报台账")


RECORD = f"""示范果园安全检查记录表
检查依据：“依据”栏引用的是法律原文；“镇定要求”栏是本镇标准，不是法律规定。
一、病虫害防治
　依据：{LAW}第九条　示范果园服务站应当在病虫害发生后三日内向果农发布防治信息。
　镇定要求：每个果园每月至少巡查2次。
"""


def test_a_record_asks_the_law_it_quotes_and_not_the_towns_rule():
    document = ingest_bytes(RECORD.encode("utf-8"), "orchard_check_record.txt")
    result = generate(document, seed=16)
    stems = [c.stem for c in _everything(result)]
    assert any(s.startswith(f"根据《{LAW}》，示范果园服务站应当在病虫害发生后") for s in stems), [
        (d.filter, d.reason, d.candidate.stem) for d in result.dropped
    ]
    kept = [c.stem for c in result.candidates]
    assert not any("巡查" in s for s in kept)


# --- 多选: one person's rights against their duties ----------------------------------------

RIGHTS_LAW = f"""中华人民共和国{LAW}
第一章　果农
第十条　果农享有下列权利：
（一）参加果树栽培技术培训；
（二）获得病虫害防治技术指导；
（三）依法流转果园经营权；
（四）法律、法规规定的其他权利。
第十一条　果农应当履行下列义务：
（一）遵守农药安全使用规定；
（二）保护果园周边生态环境；
（三）如实登记果品产地信息；
（四）法律、法规规定的其他义务。
第十二条　示范果园服务站享有下列权利：
（一）收取技术服务费用；
（二）使用示范果园标识；
（三）申请专项补助资金。
"""


def test_rights_are_asked_against_the_same_persons_duties():
    document = ingest_bytes(RIGHTS_LAW.encode("utf-8"), f"{LAW}.txt")
    result = generate(document, seed=16, rules=["multiple.rights_duties"])
    stems = {c.stem: c for c in result.candidates}
    rights = stems.get(f"根据《{LAW}》，果农享有下列哪些权利？")
    duties = stems.get(f"根据《{LAW}》，果农应当履行下列哪些义务？")
    assert rights and duties, [(d.filter, d.reason, d.candidate.stem) for d in result.dropped]
    right_items = {"参加果树栽培技术培训", "获得病虫害防治技术指导", "依法流转果园经营权"}
    duty_items = {"遵守农药安全使用规定", "保护果园周边生态环境", "如实登记果品产地信息"}
    for cand, mine, other in ((rights, right_items, duty_items), (duties, duty_items, right_items)):
        texts = {o.text for o in cand.options}
        assert len(texts) >= 4
        assert texts <= mine | other  # never another person's list, never a catch-all
        assert {o.text for o in cand.options if o.key in cand.answer} <= mine
        assert texts & other
    # the service station has rights only: no sibling list, no question
    assert not [s for s in stems if "服务站" in s]
