"""Round 18 (issue 16): statute yield and the "错" side.

- A list article whose last item is a catch-all ("法律规定的其他情形") is asked without it, and
  the stem says so; a list without one is asked as before.
- "提前半年", "每半年" are figures like "一年"; "过半数" is not.
- An article that gives each case its own figure gives a certainly false statement: one
  case with the other's figure, the case's condition kept in the stem.
- A stem cut after its premise ("施行后，……") is refused.
Every text is made up.
"""

from __future__ import annotations

from question_bank.generate import generate
from tests.question_bank.generate_helpers import ALL_RULES, make_document

LISTS = """# 示范渔船管理条例
第一章 总则
第六条 渔船船主有下列情形之一的，渔业主管部门不予发放补贴：
（一）擅自改装渔船的；
（二）伪造作业记录的；
（三）法律、行政法规规定的其他情形。
第七条 渔船船主有下列情形之一的，渔业主管部门应当收回捕捞许可证：
（一）渔船灭失的；
（二）连续两年未出海作业的；
（三）转让捕捞许可证的。
"""

FIGURES = """# 示范村级合作条例
第一章 总则
第八条 合作社成员退出合作社的，应当提前半年向理事会提出书面申请。
第九条 合作社成员大会应当有过半数成员出席方可召开。
第十条 合作社成员入社并按时足额缴纳出资满一年不足三年的，退社时向合作社领取盈余分红的期限最长为六个月；入社并按时足额缴纳出资满三年不足五年的，退社时向合作社领取盈余分红的期限最长为十二个月；入社并按时足额缴纳出资五年以上的，退社时向合作社领取盈余分红的期限最长为二十四个月。
第十一条 理事会应当自收到申请之日起十日内作出答复。
第十二条 必要时，省级人民政府可以发布临时办法。施行后，除紧急事项外，省级人民政府应当及时提请本级人民代表大会常务委员会制定地方性法规。
"""


def _stems(text, rules=None):
    result = generate(make_document(text), seed=16, rules=rules or ALL_RULES)
    return result


def test_a_dropped_catch_all_is_named_in_the_stem():
    result = _stems(LISTS, ["short.article_items"])
    asked = {c.stem: c for c in result.candidates}
    with_catch_all = [s for s in asked if "不予发放补贴" in s]
    assert with_catch_all and with_catch_all[0].endswith(
        "（兜底项“法律、行政法规规定的其他情形”除外）"
    )
    assert asked[with_catch_all[0]].scoring_points == ["擅自改装渔船的", "伪造作业记录的"]
    closed = [s for s in asked if "收回捕捞许可证" in s]
    assert closed and "兜底项" not in closed[0]


def test_half_a_year_is_a_figure_and_a_majority_is_not():
    result = _stems(FIGURES, ["fill.law_deadline", "fill.law_number", "single.number"])
    answers = {(c.rule, str(c.answer)) for c in result.candidates}
    answers |= {(d.candidate.rule, str(d.candidate.answer)) for d in result.dropped}
    assert any("半" in a for _, a in answers)
    assert not any(
        "过" in c.stem and "半数" not in c.stem for c in result.candidates
    )  # 过半数 stays whole


def test_a_case_is_stated_with_its_sibling_figure():
    from question_bank.generate import rules_choice
    from question_bank.generate.context import build_context
    from question_bank.generate.textutil import split_sentences

    document = make_document(FIGURES)
    ctx = build_context(document, 16, None)
    made = [
        c for s in split_sentences(document) for c in rules_choice.swapped_sibling_figure(ctx, s)
    ]
    stems = [c.stem for c in made]
    assert any("满一年不足三年的" in s and "最长为十二个月" in s for s in stems)
    # The sibling nearest in value: six months' case takes twelve, not twenty-four.
    assert not any("满一年不足三年的" in s and "二十四个月" in s for s in stems)
    assert all(c.answer is False for c in made)
    # A deadline with no other case in its article has no sibling to take.
    assert not any("十日内作出答复" in s for s in stems)


def test_a_stem_cut_after_its_premise_is_refused():
    result = _stems(FIGURES)
    kept = [c.stem for c in result.candidates]
    assert not any("施行后" in s for s in kept)
    reasons = {d.filter for d in result.dropped if "施行后" in d.candidate.stem}
    assert reasons <= {"opens_after_unnamed_act", "duplicate", "true_false_balance"}


def test_a_stem_opening_on_time_words_is_not_refused():
    from question_bank.generate.candidate import Candidate, Source
    from question_bank.generate.stem_checks import opens_after_unnamed_act

    def candidate(stem):
        return Candidate(
            type="true_false",
            stem=stem,
            answer=True,
            explanation="",
            source=Source("p1", 0, 1, ""),
            rule="true_false.true",
        )

    document = make_document(FIGURES)
    assert opens_after_unnamed_act(
        candidate("根据《示范村级合作条例》，施行后，省级人民政府应当及时提请。"), document
    )
    assert not opens_after_unnamed_act(
        candidate("根据《示范村级合作条例》，今后，合作社应当公开账目。"), document
    )
    assert not opens_after_unnamed_act(
        candidate("根据《示范村级合作条例》，理事会成立后，应当公开账目。"), document
    )


def test_the_sibling_swap_is_proposed_by_its_rule():
    found = [
        c
        for seed in range(4)
        for c in generate(
            make_document(FIGURES), seed=seed, rules=["true_false.swap_sibling_figure"]
        ).candidates
    ]
    assert found and all(c.answer is False for c in found)
    assert all(c.swapped["original"] != c.swapped["replacement"] for c in found)


THRESHOLD = """# 示范林地流转条例
第一章 总则
第五条 林地经营权流转期限为五年以上的，当事人可以向登记机构申请林地经营权登记。
第六条 登记机构应当自受理申请之日起二十日内办结登记。
第七条 林地经营权流转合同到期后续签的，续签期限一般为十年。
"""


def test_a_threshold_in_a_condition_gives_no_false_statement_but_a_deadline_still_does():
    swaps = {}
    for seed in range(8):
        for c in generate(
            make_document(THRESHOLD), seed=seed, rules=["true_false.swap_law_figure"]
        ).candidates:
            swaps[c.swapped["original"]] = c.swapped["replacement"]
    # "六年以上的，可以申请" still holds of a law that says 五年以上: never a certain "错".
    assert "五年" not in swaps
    assert "二十日" in swaps


DUTIES = """# 示范乡村教师保障条例
第一章 总则
第九条 为保障乡村教师完成教育教学任务，乡镇人民政府和学校应当履行下列职责：
（一）提供符合安全标准的教学用房和设施；
（二）提供必需的图书、资料和教学用品；
（三）支持乡村教师制止欺凌学生的行为或者其他侵害学生合法权益的行为。
"""


def test_an_item_that_names_its_own_kind_of_act_after_huozhe_qita_is_a_point_not_the_catch_all():
    [short] = [
        c
        for c in generate(make_document(DUTIES), seed=16, rules=["short.article_items"]).candidates
    ]
    assert "兜底项" not in short.stem
    assert len(short.scoring_points) == 3
    assert "制止欺凌学生的行为" in short.answer


BROKEN = """# 示范升旗条例
第一章 总则
第五条 下列场所或者机构所在地，应当每日升挂旗帜：
（一）县城中心广场、县人民政府大院门口的升旗台；
（二）县委，县人民代表大会常务委员会，县人民政府，县政治协商会议，县监察委员会，县人民法院；
"""


def test_two_long_items_are_not_asked_as_a_whole_list():
    found = generate(make_document(BROKEN), seed=16, rules=["short.article_items"]).candidates
    assert not found


QUALIFIED = """# 示范农机报废条例
第一章 总则
第十条 符合下列情形之一的农机具，可以申请报废补贴：
（一）使用年限已满十年的；
（二）主要部件严重损坏的；
（三）耗能严重超过标准的。
"""


def test_a_lead_that_qualifies_a_noun_keeps_its_de_in_the_question():
    [short] = generate(make_document(QUALIFIED), seed=16, rules=["short.article_items"]).candidates
    assert "符合哪些情形的农机具" in short.stem, short.stem
