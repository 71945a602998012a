"""Precision guards: candidates that would be ambiguous or wrong are never produced."""

from question_bank.generate import generate
from question_bank.generate.distractors import overlapping_bodies
from tests.question_bank.generate_helpers import ALL_RULES, make_document

ORGANS = """# 示范执法办法
第一条 行政机关应当依法及时作出处理决定。
第二条 公安机关负责维护辖区治安秩序。
第三条 人民法院依法审理行政案件。
第四条 村民委员会协助乡镇人民政府开展工作。
第五条 县级以上人民政府应当加强执法监督。
第六条 国务院统一领导全国的执法工作。
第七条 当事人有下列情形之一的，不予处罚：
（一）主动消除违法后果的；
（二）初次违法且危害轻微的。
第九条 人民检察院依法实行法律监督。
第十条 村民会议讨论决定本村重大事项。
第十一条 本办法第二条“公安机关负责治安秩序。”修改为“公安机关负责维护辖区治安秩序。”
"""

TOPICS = """# 关于改进服务的讲话
第一，要“勤”，就是以勤勉赢得信任。勤勉是干部的本分。
一要常下基层。干部要经常到村里走访。二要常听民声。要把群众意见记在本子上。三要常办实事。每月解决一批具体困难。
第二，要“廉”，就是以清廉树立形象。
一要守住底线。不拿群众一针一线。二要管住小节。小事小节也要讲原则。
"""


def test_generic_administrative_organ_never_gets_executive_distractors():
    assert overlapping_bodies("行政机关", "公安机关")
    assert overlapping_bodies("行政机关", "县级以上人民政府")
    assert overlapping_bodies("县级以上人民政府", "国务院")
    assert not overlapping_bodies("行政机关", "人民法院")
    assert not overlapping_bodies("乡镇人民政府", "村民委员会")
    singles = generate(make_document(ORGANS), types=["single"], rules=["single.body"]).candidates
    generic = [c for c in singles if c.option_text(c.answer) == "行政机关"]
    assert generic
    for cand in generic:
        wrong = {o.text for o in cand.options if o.key != cand.answer}
        assert not wrong & {"公安机关", "县级以上人民政府", "国务院", "乡镇人民政府"}
    swaps = [
        c
        for seed in range(4)
        for c in generate(make_document(ORGANS), types=["true_false"], seed=seed).candidates
        if c.swapped and c.swapped["original"] == "行政机关"
    ]
    # No other generic organ (司法机关, 监察机关) is named here, so 行政机关 is never swapped:
    # 人民法院 or 村民委员会 carrying an administrative duty would be false at a glance.
    assert not swaps


def test_replaced_wording_of_an_amendment_is_never_asked():
    result = generate(make_document(ORGANS))
    for cand in result.candidates:
        assert "负责治安秩序。”修改为" not in cand.stem
        assert not cand.source.quote.startswith("第十一条 本办法第二条“")


def test_short_answer_turns_a_list_lead_into_a_question():
    result = generate(rules=ALL_RULES, document=make_document(ORGANS), types=["short_answer"])
    stems = [c.stem for c in result.candidates]
    assert "根据《示范执法办法》第七条，当事人有哪些情形，不予处罚？" in stems


PRINCIPLES = """# 示范振兴条例
第一条 为了推进村庄建设，制定本条例。
第二条 县级人民政府负责本行政区域内的村庄建设工作。
第三条 推进村庄建设，应当坚持党的领导，统筹规划，分类指导，尊重群众首创精神，遵循下列原则：
（一）坚持农民主体地位，尊重农民意愿，维护农民合法权益，调动农民积极性；
（二）坚持因地制宜，顺应村庄发展规律，突出地方特色和乡土风貌，避免千村一面；
（三）坚持节约集约，合理利用土地资源，防止大拆大建和铺张浪费现象发生。
"""


def test_long_principles_are_scored_on_their_heads_and_the_question_is_short():
    cand = generate(
        rules=ALL_RULES, document=make_document(PRINCIPLES), types=["short_answer"]
    ).candidates[0]
    assert cand.stem == "根据《示范振兴条例》第三条，推进村庄建设，遵循哪些原则？"
    assert cand.scoring_points == ["坚持农民主体地位", "坚持因地制宜", "坚持节约集约"]
    assert "避免千村一面" in cand.answer  # the reference answer keeps the full wording


def test_law_name_is_left_out_when_it_would_give_the_answer_away():
    text = (
        "# 村务公开办法\n第一条 为了规范村务公开，制定本办法。\n"
        # (the definition does not spell the term: round nine refuses "公布村级事务" for 村务公开)
        "第二条 本办法所称村务公开，是指村民委员会向村民告知集体收支情况的制度。\n"
        "第三条 乡镇人民政府负责指导村务公开工作。\n"
    )
    result = generate(make_document(text), types=["fill_in"], rules=ALL_RULES)
    definition = next(c for c in result.candidates if c.rule == "fill.definition")
    # Never "本办法所称____" (which law?): issue 16 §5.
    assert definition.stem == "____，是指村民委员会向村民告知集体收支情况的制度。"
    assert all("村务公开办法" not in c.stem for c in result.candidates if "村务公开" in c.answer)


PLAN = """# 示范工作方案
一、重点任务
（一）整治村庄环境。
各村要清理房前屋后杂物。
（二）完善服务设施。
每个村要建好便民服务点。
二、保障措施
（一）加强组织领导。
乡镇要成立工作专班。
（二）落实经费保障。
县财政要安排专项资金。
（三）严格督查考核。
县里每季度开展一次督查。
"""


def test_how_a_speech_or_plan_arranges_its_own_points_is_never_asked():
    # Issue 16 §8: "材料提出了哪几方面的要求" and "根据材料，…包括哪几个方面" test the
    # speech's own arrangement, not knowledge; the facts inside the points still count.
    for text in (TOPICS, PLAN):
        result = generate(make_document(text), variants=5)
        stems = [c.stem for c in result.candidates]
        assert not any("材料提出" in s or s.startswith("根据材料，“") for s in stems), stems
        assert not any(s.startswith(("关于“", "围绕“")) for s in stems), stems


REPORTS = """# 示范报告办法
第一条 县级以上各级人民政府应当向本级人民代表大会常务委员会报告执法情况。乡镇人民政府应当向本级人民代表大会说明辖区内的执法工作。
第二条 国务院统一领导全国的报告工作。
第三条 人民法院依法审理案件。
第四条 人民检察院依法实行法律监督。
第五条 村民委员会协助乡镇人民政府开展工作。
第六条 村民会议讨论决定本村重大事项。
第七条 监察机关办理案件，应当与审判机关、检察机关互相配合。
第八条 人民团体依法开展活动。
第九条 村民小组会议推选村民小组组长。
"""


def test_body_distractors_never_name_a_body_the_passage_already_covers():
    """国务院 is one of the 县级以上各级人民政府 of the same passage, and 人民法院 is the
    审判机关 beside it: either would make the wrong option right."""
    wrong_for = {"乡镇人民政府": set(), "监察机关": set()}
    for seed in range(6):
        for cand in generate(
            make_document(REPORTS),
            types=["single", "true_false"],
            seed=seed,
            variants=3,
            rules=["single.body", "true_false.swap_body"],
        ).candidates:
            answer = cand.answer_texts[0]
            if answer not in wrong_for:
                continue
            if cand.type == "single":
                wrong_for[answer] |= {o.text for o in cand.options if o.key != cand.answer}
            elif cand.swapped:
                wrong_for[answer].add(cand.swapped["replacement"])
    # 乡镇人民政府 beside 县级以上各级人民政府: every other level is covered, and a
    # government among non-governments stands out, so it is not asked at all.
    assert wrong_for["监察机关"]
    assert not wrong_for["乡镇人民政府"] & {"国务院", "县级以上各级人民政府"}
    assert not wrong_for["监察机关"] & {"人民法院", "人民检察院"}
