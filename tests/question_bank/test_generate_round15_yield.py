"""Round fifteen (issue 16), statute yield: certainly false statements the law's own
structure gives (a county-and-above government's own act said of the township; the two
bodies of "A由X…，B由Y…" exchanged), so the true/false balance lets more of a law's "对"
through; and a reserve "错" may take the place of its own span's "对". Every text is made up."""

from question_bank.generate import generate
from question_bank.ingest import ingest_bytes

TITLE = "中华人民共和国示范茶园保护法"
OPENING = "为了保护示范茶园，促进茶农增收，制定本法。"


def _law(*articles: str):
    articles = (OPENING, *articles, "茶园经营者应当遵守本法。")
    numbers = "一二三四五六七八九十"
    body = "\n".join(f"第{numbers[i]}条　{text}" for i, text in enumerate(articles))
    text = f"{TITLE}\n\n第一章　总则\n\n{body}\n"
    return ingest_bytes(text.encode("utf-8"), "示范茶园保护法.txt")


def _stems(document, rule: str) -> list[str]:
    return [c.stem for c in generate(document, seed=16, rules=[rule]).candidates]


# Used by test_generate_registry: both new rules fire on it.
LAW_TEXT = (
    f"{TITLE}\n\n第一条　{OPENING}\n"
    "第二条　县级以上人民政府应当将示范茶园保护纳入本级国民经济和社会发展规划。\n"
    "第三条　茶园保护证由国务院农业农村主管部门规定式样，由省、自治区、直辖市人民政府农业农村主管部门监制。\n"
    "第四条　茶园经营者应当遵守本法。\n"
)


# --- true_false.swap_township -------------------------------------------------------------


def test_a_county_and_above_government_s_own_act_is_said_of_the_township_as_false():
    for duty in (
        "县级以上人民政府应当将示范茶园保护纳入本级国民经济和社会发展规划。",
        "县级以上地方人民政府应当设立示范茶园保护站。",
        "县级以上地方各级人民政府应当指定茶园投诉受理机构。",
    ):
        stems = _stems(_law(duty), "true_false.swap_township")
        assert stems == [f"根据《示范茶园保护法》，乡、镇人民政府{duty[duty.index('应当') :]}"], (
            duty
        )
        candidate = generate(_law(duty), seed=16, rules=["true_false.swap_township"]).candidates[0]
        assert candidate.answer is False and candidate.swapped["replacement"] == "乡、镇人民政府"


def test_no_township_swap_for_what_every_level_may_do_or_a_may():
    for duty in (
        "县级以上人民政府应当加强对示范茶园保护工作的领导。",  # every level leads
        "县级以上人民政府应当采取措施，支持示范茶园建设。",  # any level may take measures
        "县级以上人民政府可以设立示范茶园保护站。",  # a "may"
        "县级以上人民政府农业农村主管部门应当设立示范茶园保护站。",  # a department
        "各级人民政府应当将示范茶园保护纳入国民经济和社会发展规划。",  # every level itself
    ):
        assert _stems(_law(duty), "true_false.swap_township") == [], duty


def test_no_township_swap_where_the_article_gives_the_township_a_part():
    duty = "县级以上人民政府应当设立示范茶园保护站。乡、镇人民政府应当协助做好茶园保护工作。"
    assert _stems(_law(duty), "true_false.swap_township") == []
    # Said of the township as a duty elsewhere in the same words: not certainly false either.
    twice = _law(
        "县级以上人民政府应当设立示范茶园保护站。",
        "设区的市人民政府应当设立示范茶园保护站，具体办法由省级人民政府规定。",
    )
    assert _stems(twice, "true_false.swap_township") == []


def test_a_sentence_that_does_not_open_with_the_government_is_not_swapped():
    duty = "对示范茶园的保护，县级以上人民政府应当设立保护站。"
    assert _stems(_law(duty), "true_false.swap_township") == []


# --- true_false.swap_paired_body ----------------------------------------------------------


def test_two_bodies_given_two_tasks_in_one_sentence_are_exchanged_as_false():
    article = "茶园保护证由国务院农业农村主管部门规定式样，由省、自治区、直辖市人民政府农业农村主管部门监制。"
    result = generate(_law(article), seed=16, rules=["true_false.swap_paired_body"])
    assert [c.stem for c in result.candidates] == [
        "根据《示范茶园保护法》，茶园保护证由省、自治区、直辖市人民政府农业农村主管部门规定式样，"
        "由国务院农业农村主管部门监制。"
    ]
    assert result.candidates[0].answer is False
    ministries = "普通茶证由农业农村部规定式样并监制；出口茶证由商务部规定式样并监制。"
    assert _stems(_law(ministries), "true_false.swap_paired_body") == [
        "根据《示范茶园保护法》，普通茶证由商务部规定式样并监制；出口茶证由农业农村部规定式样并监制。"
    ]


def test_alternative_or_joint_bodies_are_not_exchanged():
    for article in (
        # alternatives: either may act, so the exchange may be true
        "茶园保护标准可以由省级人民政府制定，也可以由设区的市级人民政府制定。",
        "茶园保护规划由县级人民政府农业农村主管部门编制，或者由县级人民政府林业主管部门编制。",
        # together: no division of tasks
        "茶园保护规划由农业农村主管部门会同林业主管部门编制，由本级人民政府批准。",
        # one body only
        "茶园保护证由国务院农业农村主管部门规定式样并监制。",
        # one of several bodies: the exchange would cut a list
        "茶园保护证由农业农村主管部门、林业主管部门规定式样，由本级人民政府监制。",
    ):
        assert _stems(_law(article), "true_false.swap_paired_body") == [], article


# --- balance: the new "错" let the law's "对" through -------------------------------------

DUTIES = (
    "国务院农业农村主管部门负责全国示范茶园的保护工作。",
    "茶叶行业协会应当加强行业自律，引导会员依法经营。",
    "教育行政部门应当将茶文化教育纳入学校教育内容。",
    "各级人民政府应当组织开展示范茶园保护的宣传教育。",
    "村民委员会应当协助乡、镇人民政府做好示范茶园保护工作。",
)


def test_a_township_swap_lets_waiting_true_statements_through():
    swap = "县级以上人民政府应当将示范茶园保护纳入本级国民经济和社会发展规划。"
    with_swap = generate(_law(swap, *DUTIES), seed=16)
    without = generate(_law(swap, *DUTIES), seed=16, rules=_default_but("true_false.swap_township"))

    def counts(result):
        tf = [c for c in result.candidates if c.type == "true_false"]
        return sum(c.answer is True for c in tf), sum(c.answer is False for c in tf)

    true_without, false_without = counts(without)
    true_with, false_with = counts(with_swap)
    # Round 17: a statute keeps every "对" (a drawn paper balances them); the "错" the swap
    # makes is still asked, in the place of its own span's "对".
    assert false_without == 0 and true_without >= 2
    assert false_with == 1 and true_with + false_with == true_without
    assert any(c.rule == "true_false.swap_township" for c in with_swap.candidates)


def _default_but(name: str) -> list[str]:
    from question_bank.generate import registry
    from question_bank.generate.kinds import STATUTE

    return [r.name for r in registry.selected(("true_false",), None, STATUTE) if r.name != name]


def test_a_reserve_false_may_take_the_place_of_its_own_span_s_true():
    """The only swappable sentence is itself asked as "对": its "错" takes that place (the
    fact is still asked), and the other "对" waiting for a "错" come through."""
    from question_bank.generate import pipeline

    swap = "县级以上人民政府应当将示范茶园保护纳入本级国民经济和社会发展规划。"
    result = generate(_law(swap, *DUTIES), seed=16)
    spans = [(c.source.start, c.source.end) for c in result.candidates]
    assert len(spans) == len(set(spans))  # still one question per span
    swapped = next(c for c in result.candidates if c.rule == "true_false.swap_township")
    assert not any(
        c.answer is True
        and (c.source.start, c.source.end) == (swapped.source.start, swapped.source.end)
        for c in result.candidates
    )
    truth = next(c for c in result.candidates if c.type == "true_false" and c.answer is True)
    assert pipeline._holds_span(truth)


# --- "具体办法由……制定": the subject is in the sentence before --------------------------------


def test_a_statement_of_specific_rules_without_its_subject_is_not_asked():
    for article in (
        "茶园保护证的发放，实行属地管理。具体办法由国务院农业农村主管部门制定。",
        "示范茶园分为国家级和省级。具体划分标准由国务院农业农村主管部门规定。",
    ):
        document = _law(article)
        for rule in ("true_false.true", "true_false.swap_level"):
            assert not any("具体" in s for s in _stems(document, rule)), (rule, article)
    # With its subject the sentence is asked as before.
    named = _law("示范茶园的评定办法，由国务院制定。")
    assert _stems(named, "true_false.swap_level")
