"""Speeches: local trivia and ambiguous labels are dropped; requirements with a shared
superlative and totals named after their list are asked; catch-all items are not scored."""

from question_bank.generate import generate
from tests.question_bank.generate_helpers import make_document

LOCAL = """# 在便民服务推进会上的讲话
一、关于便民服务
镇委﹝2019﹞3号文件有一条很重要，即便民服务的推进，必须坚持群众评价与干部考核的有机统一。
“便民驿站”是我们镇按照上级要求，在推进“网格化管理”基础上的一个创新。
“两个方向”就是，面向窗口，形成服务提速的传导机制；面向基层，形成以解决难题为目标的服务链传导机制。
希望大家把便民服务认真抓好，作为年初之后抓作风建设的“头号工程”来抓，“头件大事”来抓。
"""

REQUIREMENTS = """# 在群众工作会议上的讲话
一、关于群众工作
做好基层治理，组织、服务、信任三个条件都是不可缺少的。
要做群众的贴心人，就必须走进群众、倾听群众，这样才能发挥党扎根群众的最大优势、防范在工作中疏远群众的最大风险。
"""

CATCH_ALL = """# 示范管理办法
第一条 有下列情形之一的，应当从轻处理：
（一）主动纠正错误的；
（二）如实说明情况的；
（三）积极挽回损失的；
（四）法律、法规规定应当从轻处理的其他情形。
"""


def test_local_document_numbers_self_descriptions_and_exhortations_are_dropped():
    result = generate(make_document(LOCAL))
    stems = [c.stem for c in result.candidates]
    assert not any("号文件" in s for s in stems)
    assert not any("我们镇" in s for s in stems)
    assert not any("来抓" in s for s in stems)
    assert not any(s.startswith("“____”就是，") for s in stems)
    reasons = {d.filter for d in result.dropped}
    assert "local_trivia" in reasons


def test_total_named_after_its_list_is_asked_from_its_own_clause():
    cands = generate(make_document(REQUIREMENTS), types=["fill_in"]).candidates
    totals = [c for c in cands if c.rule == "fill.named_total"]
    assert totals
    assert totals[0].stem == "做好基层治理，____、____、____三个条件都是不可缺少的。"
    assert totals[0].answer == ["组织", "服务", "信任"]


def test_shared_superlative_pair_blanks_both_nouns():
    cands = generate(make_document(REQUIREMENTS), types=["fill_in"]).candidates
    pairs = [c for c in cands if c.answer == ["优势", "风险"]]
    assert pairs
    assert pairs[0].stem.endswith("的最大____、防范在工作中疏远群众的最大____。")


def test_catch_all_items_are_not_scoring_points():
    shorts = generate(make_document(CATCH_ALL), types=["short_answer"]).candidates
    assert shorts
    for cand in shorts:
        assert not any("其他" in p for p in cand.scoring_points)
        assert "其他情形" in cand.answer  # the answer still quotes the whole article
