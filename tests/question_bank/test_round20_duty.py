"""Round 20 (issue 16): a concrete duty ("X应当……") asked as it stands, a "对" 判断
(`true_false.duty`), now on for statutes. A duty true by its wording alone (conformity,
a quality, betterment, a code of conduct), one that adds to the sentence before, one
of everyone at once, and a stem with layout left in it are not asked. Every text is made up.
"""

from __future__ import annotations

from question_bank.generate import duties, generate, registry
from question_bank.generate.kinds import STATUTE
from tests.question_bank.generate_helpers import make_document

DUTIES = """# 示范河道管理条例
第一章 总则
第三十条 河道采砂船舶应当在船体明显位置标明采砂许可证编号。
第三十一条 采砂机具应当符合国家有关技术标准。
第三十二条 河道监测报告应当真实、准确。
第三十三条 巡河员应当具备与其职责相适应的专业知识。
第三十四条 河长办公室应当结合本地实际，组织开展护河宣传活动。
第三十五条 巡河员必须以法律为行为准则，忠于职守，清正廉洁。
第三十六条 巡河员巡查结束后，还应当填写巡查日志。
第三十七条 沿河各村都应当设立护河公示牌。
第三十八条 采砂单位应当遵守本法，按期缴纳采砂管理费。
第三十九条 河道管理站应当[2]设置水位标尺。
第四十条 巡河员执行检查时，河道沿岸单位应当予以协助。
第四十一条 河道养护单位应当对堤防负责，确保堤防安全，保证养护质量符合国家标准。
"""


def _asked() -> list[str]:
    result = generate(make_document(DUTIES), seed=16, rules=["true_false.duty"])
    assert all(c.answer is True for c in result.candidates)
    return [c.stem for c in result.candidates]


def test_a_concrete_duty_is_asked():
    assert _asked() == [
        "根据《示范河道管理条例》，河道采砂船舶应当在船体明显位置标明采砂许可证编号。"
    ]


def test_a_duty_true_by_its_wording_or_leaning_on_other_text_is_not_asked():
    stems = "\n".join(_asked())
    for hollow in (
        "技术标准",  # conformity
        "真实、准确",  # a quality
        "相适应",  # has what its job needs
        "护河宣传活动",  # betterment fitted to local circumstances
        "忠于职守",  # a code of conduct
        "巡查日志",  # "还应当": adds to the sentence before
        "护河公示牌",  # "都应当": everyone at once
        "采砂管理费",  # "本法" left in the stem
        "水位标尺",  # a footnote mark
        "予以协助",  # helping with what is said elsewhere
        "养护质量",  # every clause a promise of safety or conformity
    ):
        assert hollow not in stems, hollow


def test_hollow_act_keeps_a_duty_with_a_concrete_clause():
    assert duties.hollow_act("符合国家有关技术标准")
    assert duties.hollow_act("结合本地实际，组织开展护河宣传活动")
    assert not duties.hollow_act("在船体明显位置标明采砂许可证编号")
    assert not duties.hollow_act("符合国家有关技术标准，并每年报送检测报告")
    assert not duties.hollow_act("按照国家规定缴纳采砂管理费")


def test_the_duty_rule_is_on_for_statutes_only():
    rule = registry.all_rules()["true_false.duty"]
    assert rule.kinds == frozenset({STATUTE})
