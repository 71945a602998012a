"""Stems that stand alone (issue 16 §5), 判断 that are certainly false (§6), one question
per cited span (§9), numbers in both scripts (§10) and the verifier's verdict (§11)."""

from question_bank.generate import generate
from tests.question_bank.generate_helpers import make_document

LAW = """# 集市管理条例
第一条 为了规范集市管理，制定本条例。
第二条 集市管理处应当在开市前三日公告摊位安排。
第三条 违反本条例第二条规定的，由乡镇人民政府责令改正。
第四条 摊主未按规定登记的，由集市管理处责令限期登记；逾期不改正的，处二百元以上五百元以下的罚款。
第五条 依照前款规定处理的摊主，应当在十日内补交材料。
第六条 本条例所称集市，是指经乡镇人民政府批准设立的定期交易场所。
第七条 集市管理处工作人员不得弄虚作假，不得打击报复举报人。
第八条 集市管理处应当每月公布一次收费情况。
"""


def _all(text: str, **options):
    return [
        c
        for seed in range(6)
        for c in generate(make_document(text), seed=seed, **options).candidates
    ]


def test_stems_never_point_elsewhere_or_start_mid_sentence():
    for cand in _all(LAW, variants=5):
        stem = cand.stem
        assert "第二条规定" not in stem and "前款" not in stem, stem
        assert not stem.split("，", 1)[-1].startswith("逾期不改正的"), stem
        assert "本条例所称" not in stem, stem
        assert cand.stem.startswith("根据《集市管理条例》") or "____" in cand.stem


def test_plain_wrongdoing_and_duties_are_never_turned_into_permissions():
    for cand in _all(LAW, types=["true_false"]):
        assert "可以弄虚作假" not in cand.stem and "可以打击报复" not in cand.stem
        if cand.swapped:
            assert cand.swapped["original"] != "应当"


def test_one_question_per_cited_span_unless_more_are_asked():
    for seed in range(3):
        spans = [
            (c.source.start, c.source.end)
            for c in generate(make_document(LAW), seed=seed).candidates
        ]
        assert len(spans) == len(set(spans))
    more = generate(make_document(LAW), variants=3).candidates
    spans = [(c.source.start, c.source.end) for c in more]
    assert len(spans) > len(set(spans))


def test_numeric_fill_ins_accept_digits_and_chinese_numerals():
    fills = [c for c in _all(LAW, types=["fill_in"]) if c.answer in (["三"], ["十"])]
    assert fills
    for cand in fills:
        forms = cand.to_dict()["accepted"][0]
        assert forms == {"三": ["三", "3"], "十": ["十", "10"]}[cand.answer[0]]


def test_every_kept_candidate_carries_the_verifiers_verdict():
    cands = _all(LAW, variants=5)
    assert cands
    assert all(any(r.startswith("校验") for r in c.quality.reasons) for c in cands)


NO_ACTOR = """# 集市摊位条例
第一条 为了规范集市摊位管理，制定本条例。
第二条 集市管理处收到摊位申请后，应当在五日内作出是否登记的决定。
第三条 决定给予登记的，应当自作出决定之日起三日内发放摊位证。
第四条 摊位证有效期为二年。
"""


def test_a_condition_followed_directly_by_a_duty_is_never_a_stem():
    # "决定给予登记的，应当…三日内发放": who decides and who must act is said elsewhere.
    for cand in _all(NO_ACTOR, variants=5):
        assert "决定给予登记的" not in cand.stem, cand.stem
    assert any("五日" in c.stem or c.answer == ["五"] for c in _all(NO_ACTOR, variants=5))


LEVELS = """# 乡村卫生室管理条例
第一条 为了规范乡村卫生室管理，制定本条例。
第二条 国务院农业农村主管部门负责制定乡村卫生室建设标准。
第三条 县级以上地方各级人民政府应当向本级人民代表大会报告乡村卫生室建设情况。
第四条 省、自治区、直辖市人民政府应当向本级人民代表大会报告乡村卫生室建设情况。
第五条 国务院农业农村主管部门负责全国乡村卫生室的监督管理。
第六条 乡镇人民政府应当为乡村卫生室提供用房。
"""


def test_a_level_swap_moves_one_level_down_and_only_where_that_level_is_not_bound_too():
    swaps = [
        c
        for seed in range(8)
        for c in generate(
            make_document(LEVELS), seed=seed, rules=["true_false.swap_level"]
        ).candidates
    ]
    assert swaps
    for cand in swaps:
        assert cand.answer is False
        # Only 第二条: 第四条's duty binds every level (第三条), 第五条 says 全国, and
        # nothing is below a township.
        assert "建设标准" in cand.stem, cand.stem
        assert cand.swapped["replacement"] == "省、自治区、直辖市人民政府农业农村主管部门"
