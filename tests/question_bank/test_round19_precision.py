"""Round 19 (issue 16): exhortations, one fact, which "对" a file keeps, unique system blanks.

- "各级人民政府应当采取措施，加强……，提高……，促进……" and "家庭成员之间应当相互关爱，创造
  良好……环境" are exhortations nobody marks false: no type asks them; a duty with a figure,
  a system, a procedure, a condition or a named body is still asked.
- The same figure in two articles for different acts (a contract filed, an objection raised,
  an answer given within "七个工作日") is two facts; the same clause twice is one.
- A speech or notice, which has no certain "错", keeps its concrete "对" before a generic aim,
  and one "对" per so many characters rather than one per file.
- "国家建立____制度" with the whole name blanked is asked only of the law's own system.
Every text is made up.
"""

from __future__ import annotations

import pytest

from question_bank.generate import duties, facts, pipeline, stem_checks
from question_bank.generate.candidate import Candidate, GenerationResult, Source
from question_bank.generate.pipeline import generate
from question_bank.ingest import ingest_bytes
from tests.question_bank.generate_helpers import candidate as _candidate

LAW = "示范果园保护法"


# --- exhortations ----------------------------------------------------------------------------

EXHORTATIONS = [
    "各级人民政府应当采取措施，加强示范果园保护工作，提高果园管护水平，促进果业事业的发展。",
    "家庭成员之间应当相互关爱，创造良好、和睦的家庭环境，增强果园防火意识。",
    "县级以上地方人民政府应当采取有效措施，防止果园撂荒。",
    "各级人民政府应当积极采取措施，改善果农的生产条件。",
    "地方各级人民政府应当加强对示范果园的保护，维护其生态功能。",
    "国家采取措施，保护和改善果园的生态环境，防治病虫害。",
]


@pytest.mark.parametrize("quote", EXHORTATIONS)
@pytest.mark.parametrize("type_", ["fill_in", "single", "true_false"])
def test_an_exhortation_is_refused_for_every_type(quote, type_):
    c = _candidate(f"根据《{LAW}》，{quote}", type_, quote=f"第八条　{quote}")
    assert "笼统" in (stem_checks.slogan_statement(c, None) or "")


def test_a_quoted_exhortation_in_a_speech_is_refused():
    quote = f"《{LAW}》第九条规定：“家庭成员之间应当相互关爱，创造良好的家庭环境。”"
    c = _candidate(f"根据《{LAW}》，家庭成员之间应当相互关爱，创造良好的家庭环境。", quote=quote)
    assert stem_checks.slogan_statement(c, None)


@pytest.mark.parametrize(
    "quote",
    [
        # something checkable beside the aims
        "各级人民政府应当采取措施，加强果农培训，所需经费列入本级预算。",
        "县级以上人民政府应当建立示范果园保护协调制度，加强统筹。",
        "各级人民政府应当采取措施，发展果品加工企业，转移富余的果园劳动力。",
        "各级人民政府应当保障示范果园用地合理需求。",
        # a named body: which body does it is the question
        "县级以上人民政府农业农村主管部门应当加强对果园农药使用的指导。",
        # the testable clause of the same article
        "家庭成员之间应当相互关爱；发现果园起火的，应当立即向当地消防救援机构报告。",
        "示范果园服务站应当在收到申请之日起十日内作出答复。",
        "各级人民政府应当采取措施",
    ],
)
def test_a_duty_with_content_is_not_an_exhortation(quote):
    c = _candidate(f"根据《{LAW}》，{quote}", quote=quote)
    assert stem_checks.slogan_statement(c, None) is None
    assert not duties.hollow_duty(quote)


def test_a_later_concrete_sentence_of_the_article_is_still_asked():
    text = (
        f"中华人民共和国{LAW}\n"
        "第一条　为了保护示范果园，制定本法。\n"
        "第二条　各级人民政府应当采取措施，加强示范果园保护工作，提高果园管护水平。"
        "示范果园服务站应当在收到果农申请之日起十五日内作出答复。\n"
        "第三条　示范果园服务站应当每年向社会公布病虫害防治情况。\n"
        "第四条　省、自治区、直辖市人民政府应当制定示范果园认定的具体标准。\n"
    )
    document = ingest_bytes(text.encode("utf-8"), f"{LAW}.txt")
    result = generate(document, seed=16)
    quotes = [c.source.quote for c in result.candidates]
    assert not [q for q in quotes if "管护水平" in q]
    assert [q for q in quotes if "十五日内" in q]


# --- one fact --------------------------------------------------------------------------------


DEADLINES = f"""中华人民共和国{LAW}
第一条　为了保护示范果园，制定本法。
第五条　示范果园承包合同自签订之日起七个工作日内，发包方应当将合同副本报乡（镇）人民政府备案。
第六条　果农认为服务站的收费使自己的权益受到损害的，可以在知道其权益受到损害之日起七个工作日内，以书面形式向服务站提出异议。
第七条　服务站应当在收到果农的书面异议后七个工作日内作出答复，并以书面形式通知果农。
第八条　果园管理委员会由十八周岁以上的果农组成。
第九条　果园管理委员会会议必须有全体十八周岁以上的果农过半数出席，才能举行。
"""


@pytest.fixture(scope="module")
def deadlines():
    document = ingest_bytes(DEADLINES.encode("utf-8"), f"{LAW}.txt")
    return document, generate(document, seed=16)


def test_one_figure_for_different_acts_is_asked_in_each_article(deadlines):
    _document, result = deadlines
    asked = {
        article
        for c in result.candidates
        for article in ("合同副本", "提出异议", "作出答复")
        if article in c.source.quote
    }
    assert asked == {"合同副本", "提出异议", "作出答复"}
    assert not [d for d in result.dropped if "同一事实：七" in d.reason]


def test_one_figure_counting_the_same_people_is_still_one_fact(deadlines):
    _document, result = deadlines
    both = [c for c in result.candidates if "十八" in c.stem or "18" in c.stem]
    assert len({c.source.quote for c in both}) <= 1
    assert [d for d in result.dropped if "同一事实：十八" in d.reason]


def test_same_fact_needs_most_of_the_clause():
    contract = facts.Fact("7|个工作日", frozenset({"合同", "签订", "副本", "登记"}))
    objection = facts.Fact("7|个工作日", frozenset({"登记", "权益", "损害", "知道", "副本"}))
    again = facts.Fact("7|个工作日", frozenset({"合同", "签订", "副本"}))
    assert not contract.same(objection)  # two words of nine
    assert contract.same(again)
    lone = facts.Fact("2|年", frozenset({"培训"}))
    assert lone.same(facts.Fact("2|年", frozenset({"培训"})))
    assert not lone.same(facts.Fact("2|年", frozenset({"培训", "考核"})))


# --- which "对" a capped file keeps ---------------------------------------------------------


def test_the_cap_keeps_concrete_statements_first():
    slogan = _candidate("根据《示范果园保护法》，各级人民政府应当加强果园保护。")
    slogan.quality.score = 0.9
    concrete = _candidate("根据《示范果园保护法》，服务站应当在十日内作出答复。")
    concrete.quality.score = 0.6
    result = GenerationResult(title="", chars=0)
    kept = pipeline._at_most(
        [slogan, concrete],
        pipeline._is_true,
        1,
        result,
        "true_false_balance",
        "x",
        prefer=pipeline._true_worth,
    )
    assert kept == [concrete]
    assert [d.candidate for d in result.dropped] == [slogan]


def test_the_cap_keeps_statements_naming_their_law_first():
    unnamed = _candidate("国家对示范果园实行统一登记制度。")
    unnamed.quality.score = 0.9
    named = _candidate("根据《示范果园保护法》，服务站应当在十日内作出答复。")
    named.quality.score = 0.6
    result = GenerationResult(title="", chars=0)
    kept = pipeline._at_most(
        [unnamed, named], pipeline._is_true, 1, result, "b", "x", prefer=pipeline._true_worth
    )
    assert kept == [named]


def test_a_long_notice_keeps_more_than_one_true_statement():
    assert pipeline.CHARS_PER_TRUE <= 800  # a 1,500-character speech keeps two or more


# --- unique system blanks ------------------------------------------------------------------


def _system_law(name: str, sentence: str) -> str:
    return (
        f"中华人民共和国{name}\n"
        "第一条　为了规范有关工作，制定本法。\n"
        f"第二条　{sentence}\n"
        "第三条　县级以上人民政府农业农村主管部门负责本行政区域内的有关工作。\n"
        "第四条　省、自治区、直辖市人民政府应当制定具体办法。\n"
    )


def _system_questions(name: str, sentence: str) -> list[Candidate]:
    text = _system_law(name, sentence)
    document = ingest_bytes(text.encode("utf-8"), f"{name}.txt")
    result = generate(document, seed=16, rules=["fill.system"])
    return result.candidates


def test_a_whole_system_name_off_the_laws_topic_is_not_blanked():
    assert not _system_questions("果园病虫害防治法", "国家建立果树良种登记制度。")


def test_the_laws_own_system_is_blanked():
    found = _system_questions("果树良种法", "国家实行果树良种登记制度。")
    assert found and found[0].answer_texts


# --- a period's end gives the figure away ----------------------------------------------------


def test_a_deadline_whose_end_is_named_in_the_stem_is_refused():
    from question_bank.generate import filters

    stem = f"根据《{LAW}》，果农可以自收到苗木之日起____日内退回；七日后符合条件的，可以要求更换。"
    c = _candidate(stem, "fill_in", quote="x", answer=["七"], answer_texts=["七"])
    assert "泄露" in (filters.stem_gives_away(c, None) or "")
    other = f"根据《{LAW}》，暂住三日以上的，应当在____日以内申报。"
    c = _candidate(other, "fill_in", quote="x", answer=["三"], answer_texts=["三"])
    assert filters.stem_gives_away(c, None) is None


def test_a_period_blank_after_its_start_is_refused_too():
    from question_bank.generate import filters

    stem = f"根据《{LAW}》，果农可以自收到苗木之日起七日内退回；____日后符合条件的，可以要求更换。"
    c = _candidate(stem, "fill_in", quote="x", answer=["七"], answer_texts=["七"])
    assert "泄露" in (filters.stem_gives_away(c, None) or "")
    threshold = f"根据《{LAW}》，培训满____日以上的，发给证书；证书自发给之日起七日内领取。"
    c = _candidate(threshold, "fill_in", quote="x", answer=["七"], answer_texts=["七"])
    assert filters.stem_gives_away(c, None) is None


def test_the_room_per_characters_is_for_statements_naming_their_law():
    named = [
        _candidate(f"根据《{LAW}》，服务站应当在收到申请之日起十日内作出答复。"),
        _candidate(f"根据《{LAW}》，果农每年应当接受一次病虫害防治培训。"),
    ]
    unnamed = _candidate("国家对示范果园实行统一登记制度。")
    for i, c in enumerate([*named, unnamed]):
        c.quality.score = 0.6 + i / 100  # by rank alone the unnamed one would be kept first
        c.source = Source(f"p{i}", 10 * i, 10 * i + 1, "x")  # three paragraphs, three spans
    pool = sorted([*named, unnamed], key=pipeline._rank)
    result = GenerationResult(title="", chars=0)
    kept = pipeline._balanced(pool, None, 1, result, _blank_document(), true_floor=3)
    assert unnamed not in kept and all(c in kept for c in named)


def _blank_document():
    from question_bank.document import Document

    return Document(title="", text="", passages=[])
