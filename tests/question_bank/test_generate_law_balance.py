"""Law articles: a government answer gets only governments as wrong options, 判断 are not
mostly "对", and a plain duty may be turned into a discretion to make a false one."""

from question_bank.generate import generate
from question_bank.generate.distractors import family
from tests.question_bank.generate_helpers import make_document

GOVERNMENTS = """# 示范乡村建设办法
第一条 乡镇人民政府应当组织开展本辖区的防汛演练。
第二条 县级以上人民政府应当加强农村道路养护。
第三条 各级人民政府应当支持发展乡村特色产业。
第四条 村民委员会协助做好道路养护宣传。
第五条 人民团体参与乡村文化建设。
第六条 乡镇党委领导本乡镇的乡村建设工作。
"""

DUTIES = """# 示范乡村发展办法
第一条 各级人民政府应当加强乡村公共文化设施建设，丰富农民文化生活。
第二条 地方各级人民政府应当完善农村养老服务体系，提高服务水平。
第三条 县级以上人民政府应当建立农产品质量追溯制度，保障食品安全。
第四条 各级人民政府应当组织开展农村人居环境整治，改善村容村貌。
第五条 县级以上地方人民政府应当支持农村电商发展，拓宽农产品销售渠道。
第六条 各级人民政府应当加强农业技术推广，提高农民科学种田水平。
第七条 地方各级人民政府应当推进农村饮水安全工程建设，保障群众饮水安全。
第八条 县级以上人民政府应当健全农村金融服务体系，加大信贷支持。
"""


def test_government_answers_get_only_governments_as_wrong_options():
    singles = generate(
        make_document(GOVERNMENTS), types=["single"], rules=["single.body"]
    ).candidates
    governments = [c for c in singles if family(c.option_text(c.answer)) == "government"]
    assert governments
    for cand in governments:
        wrong = [o.text for o in cand.options if o.key != cand.answer]
        assert all(family(w) == "government" for w in wrong), wrong
    township = [c for c in governments if c.option_text(c.answer) == "乡镇人民政府"]
    assert township  # one level named: the other levels are wrong
    # 县级以上 or 各级 governments include every level: no level can be a wrong option.
    assert not [c for c in singles if "以上" in c.option_text(c.answer)]


def test_a_statute_keeps_its_true_statements_for_the_paper_to_balance():
    """Round 17: the share of "对" is balanced where a paper is drawn
    (tests/backend/exams/test_draw_true_false_balance.py), not by dropping usable "对"."""
    for seed in range(4):
        result = generate(make_document(DUTIES), types=["true_false"], seed=seed)
        answers = [c.answer for c in result.candidates]
        assert answers.count(True) > 3 * max(1, answers.count(False))
        assert not [d for d in result.dropped if d.filter == "true_false_balance"]


def test_a_duty_is_never_restated_as_a_discretion():
    # Issue 16 §6: "应当" made "可以" and marked false is not defensible (a duty does not
    # contradict a permission), so no 判断 is built that way.
    for seed in range(4):
        for c in generate(make_document(DUTIES), types=["true_false"], seed=seed).candidates:
            if c.swapped:
                assert c.swapped["original"] != "应当", c.stem
