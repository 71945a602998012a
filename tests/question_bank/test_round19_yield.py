"""Round 19 (issue 16): statute yield from articles with no figure.

A self-contained prohibition ("X不得……", "禁止……") is asked as it stands, a "对" 判断
(`true_false.prohibition`); one that leans on another sentence, article or condition is not.
Every text is made up.
"""

from __future__ import annotations

from question_bank.generate import generate
from tests.question_bank.generate_helpers import make_document

PROHIBITIONS = """# 示范河道管理条例
第一章 总则
第五条 任何单位和个人不得在河道管理范围内倾倒建筑垃圾。
第六条 禁止在河道堤防上挖掘鱼塘。
第七条 巡河员在巡查中发现的问题，应当如实记录，不得隐瞒不报。
第八条 河道主管部门依法开展检查，有关单位应当予以配合。有关单位和个人不得拒绝、阻挠。
第九条 未经河道主管部门同意，不得在堤顶行驶。
第十条 在争议解决以前，任何一方不得改变河道现状。
第十一条 但是，不得在汛期进行施工。
第十二条 划定河道管理范围，不得违反本条例和其他法律法规的规定。
第十三条 河道采砂不得超过前款规定的范围。
第十四条 法律、行政法规规定不得公开的河道信息除外。
第十五条 原审批机关撤销采砂许可的，持证人不得继续采砂。
第十六条 被检查单位不得拒绝、拖延、谎报。
"""


def _asked():
    result = generate(make_document(PROHIBITIONS), seed=16, rules=["true_false.prohibition"])
    assert all(c.answer is True for c in result.candidates)
    return [c.stem for c in result.candidates]


def test_a_self_contained_prohibition_is_asked_as_it_stands():
    stems = _asked()
    assert "根据《示范河道管理条例》，任何单位和个人不得在河道管理范围内倾倒建筑垃圾。" in stems
    assert "根据《示范河道管理条例》，禁止在河道堤防上挖掘鱼塘。" in stems
    assert any("巡河员在巡查中发现的问题" in s for s in stems)


def test_a_prohibition_that_leans_on_other_text_is_not_asked():
    stems = "\n".join(_asked())
    for leaning in (
        "拒绝、阻挠",  # what is obstructed is in the sentence before
        "拖延、谎报",  # nor in its subject ("被检查单位")
        "在堤顶行驶",  # "未经……同意" names no subject
        "任何一方",  # which parties is said elsewhere
        "汛期",  # "但是，" continues the sentence before
        "其他法律法规的规定",  # obeying the law in general
        "前款",  # another paragraph
        "不得公开",  # an exception to a rule said before ("……除外")
        "继续采砂",  # "原审批机关": which approval is said elsewhere
    ):
        assert leaning not in stems, leaning


DUTIES = """# 示范河道管理条例
第一章 总则
第二十条 河道采砂船舶应当在船体明显位置标明采砂许可证编号。
第二十一条 县级以上人民政府应当加强河道管理工作。
第二十二条 采砂单位应当采取措施，减少对河床的破坏。
第二十三条 采砂单位应当遵守有关法律、法规的规定。
第二十四条 巡河员应当每月巡查一次，并可以委托村民协助巡查。
"""


def test_a_concrete_duty_is_asked_and_a_programme_is_not():
    result = generate(make_document(DUTIES), seed=16, rules=["true_false.duty"])
    stems = [c.stem for c in result.candidates]
    assert stems == ["根据《示范河道管理条例》，河道采砂船舶应当在船体明显位置标明采砂许可证编号。"]
    assert all(c.answer is True for c in result.candidates)
