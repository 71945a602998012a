"""Document-independent checks for the rejection classes the fifth round of issue 16 aimed
at (the tuning set then being dev and heldout … heldout5): a short answer's question built
from a lead-in without 下列, a number the stem answers itself, a formula blank in too short
a frame, a notice's own framing, wording the law has dropped, a body asked under a law
named after it, and a level swap of oversight every level shares. Every example is made up.
"""

from question_bank.generate import filters, generate, stem_checks
from question_bank.generate.candidate import Candidate, Source
from question_bank.generate.rules_short import _question_from_lead
from tests.question_bank.generate_helpers import make_document


def _fill(stem: str, answer: str, quote: str = "x") -> Candidate:
    return Candidate(
        type="fill_in",
        stem=stem,
        answer=[answer],
        explanation="",
        source=Source("p", 0, len(quote), quote),
        rule="test",
        answer_texts=[answer],
    )


def test_a_lead_in_with_yixia_and_a_noun_asks_which_of_that_noun():
    assert _question_from_lead("第五条 调解工作应当符合以下要求：") == "调解工作应当符合哪些要求？"
    assert _question_from_lead("巡查记录应当载明以下内容：") == "巡查记录应当载明哪些内容？"


def test_a_counted_lead_in_asks_which_n_never_which_ones_n():
    question = _question_from_lead("示范证书的规格分为下列三种：")
    assert question == "示范证书的规格分为哪三种？"


def test_a_lead_in_ending_on_a_verb_without_xialie_is_not_made_into_a_question():
    # "…不得用于包括哪些" is no sentence: leave the list out rather than edit it.
    assert _question_from_lead("示范标志及其图案不得用于：") is None
    # A noun lead-in still asks what it includes.
    assert _question_from_lead("网格员的主要职责：") == "网格员的主要职责包括哪些？"


def test_two_in_the_laws_more_than_one_is_no_number_to_ask():
    stem = "根据《示范条例》，同时悬挂____个以上单位的旗帜时，应当按照规定的次序悬挂。"
    reason = stem_checks.guessable_number(_fill(stem, "两"), None)
    assert reason and "泛指多个" in reason
    stem = "根据《示范条例》，同时悬挂____个以上单位的旗帜时，应当按照规定的次序悬挂。"
    assert stem_checks.guessable_number(_fill(stem, "五"), None) is None


def test_a_count_said_again_and_again_in_the_stem_gives_itself_away():
    stem = "理事会一般每季度召开1次，常务理事会一般每月召开____次，监事会一般每半年召开1次，会长每年至少作1次报告。"
    assert stem_checks.guessable_number(_fill(stem, "1"), None)
    # Once, for the same period in a parallel clause, too.
    stem = "述职会一般每年召开1次，民主测评一般每年开展____次。"
    assert stem_checks.guessable_number(_fill(stem, "1"), None)
    # Once, counting something of another period, is another fact.
    stem = "巡查员每日巡查1次，发现隐患的，应当在____日内报告。"
    assert stem_checks.guessable_number(_fill(stem, "1"), None) is None
    # A different count is no give-away.
    stem = "理事会一般每季度召开1次，常务理事会一般每月召开____次，监事会一般每半年召开1次。"
    assert stem_checks.guessable_number(_fill(stem, "2"), None) is None


def test_a_formula_blank_in_a_short_frame_fits_many_formulas():
    assert stem_checks.unanswerable_blank(_fill("认真落实“____”制度。", "两访一评"), None)
    stem = "村级重大事项决策实行“____”工作法，即村党组织提议、村两委会议商议。"
    assert stem_checks.unanswerable_blank(_fill(stem, "两议一公开"), None) is None


def test_a_notices_own_framing_is_furniture():
    quote = "为切实守护好群众的“菜篮子”，现将有关事项通知如下。"
    cand = _fill("为切实守护好群众的“____”，现将有关事项通知如下。", "菜篮子", quote)
    assert filters.furniture_or_short(cand, None) == "来源是网页杂项"
    quote = "各村要在月底前报送名单，特此通知。"
    assert filters.furniture_or_short(
        _fill("各村要在____前报送名单，特此通知。", "月底", quote), None
    )


def test_wording_the_law_has_dropped_is_never_asked():
    stem = "根据《示范条例》，登记机关发现反革命分子的，应当提请司法机关处理。"
    cand = Candidate(
        type="true_false",
        stem=stem,
        answer=True,
        explanation="",
        source=Source("p", 0, 1, "x"),
        rule="test",
        answer_texts=["司法机关"],
    )
    assert filters.obsolete_wording(cand, None) == "已废止的提法：反革命"
    cand.stem = "根据《示范条例》，登记机关发现犯罪分子的，应当提请司法机关处理。"
    assert filters.obsolete_wording(cand, None) is None


NAMED_AFTER_BODY = """# 示范居民议事会组织法
第一条 为了规范居民议事会的工作，制定本法。
第二条 居民议事会应当开展邻里互助的志愿服务活动，可以兴办有关的公益事业。
第三条 街道办事处应当支持居民议事会的工作，每年至少听取两次工作汇报。
"""


def test_a_body_is_not_asked_under_the_law_named_after_it():
    result = generate(make_document(NAMED_AFTER_BODY), seed=1, rules=["single.body"])
    stems = [c.stem for c in result.candidates]
    assert not any("____应当开展邻里互助" in s for s in stems), stems
    assert not any(c.answer_texts == ["居民议事会"] for c in result.candidates), stems


SHARED_OVERSIGHT = """# 示范节约条例
第一条 为了制止浪费，制定本条例。
第二条 国务院商务主管部门应当加强对餐饮服务经营者节约情况的监督，督促其落实节约措施。
第三条 示范标识的式样由国务院商务主管部门规定。
第四条 国务院商务主管部门负责编制全国节约工作规划，报国务院批准后实施。
"""


def test_a_level_swap_of_oversight_every_level_shares_is_not_made():
    result = generate(make_document(SHARED_OVERSIGHT), seed=3, rules=["true_false.swap_level"])
    swapped = [c.stem for c in result.candidates]
    assert not any("加强对餐饮服务经营者" in s for s in swapped), swapped
    # A power given to one level is still swapped.
    assert any("式样由省、自治区、直辖市人民政府商务主管部门规定" in s for s in swapped), swapped


def test_a_lead_in_of_alternative_conditions_is_not_asked_as_if_all_were_needed():
    assert _question_from_lead("申请人符合下列条件之一的，可以申请示范证书：") is None


def test_a_penalty_lead_in_keeps_its_first_consequence_and_drops_the_preamble():
    lead = (
        "第九条 巡查员在巡查中，违反本办法规定，有下列行为之一的，由乡镇人民政府责令改正，"
        "给予警告；逾期不改正的，暂停其巡查工作；情节严重的，予以解聘："
    )
    assert _question_from_lead(lead) == (
        "巡查员在巡查中，有哪些行为，由乡镇人民政府责令改正，给予警告？"
    )


def test_a_bound_after_a_number_is_never_taken_for_the_list():
    lead = (
        "第七条 有下列行为之一的，由县级人民政府责令改正，可以并处一万元以下的罚款；"
        "构成犯罪的，依法追究刑事责任："
    )
    assert _question_from_lead(lead) == (
        "有哪些行为，由县级人民政府责令改正，可以并处一万元以下的罚款？"
    )


def test_a_long_duty_opening_with_an_administrative_verb_gives_its_head_clause():
    from question_bank.generate.choices import option_form

    item = "指导村务监督委员会制定、完善监督制度，落实监督措施，指导监督人员队伍建设"
    assert option_form(item) == "指导村务监督委员会制定、完善监督制度"
    # A long noun phrase is still no option.
    assert option_form("县级以上地方人民政府设立的各类公共文化设施和公共体育设施的管理单位") is None
