"""Speeches: local trivia and ambiguous labels are dropped; requirements with a shared
superlative and totals named after their list are asked; catch-all items are not scored."""

from question_bank.generate import generate
from tests.question_bank.generate_helpers import ALL_RULES, make_document

LOCAL = """# 在便民服务推进会上的讲话
一、关于便民服务
按照镇委﹝2019﹞3号文件，窗口办件必须坚持群众评价与干部考核的有机统一。
“便民驿站”是我们镇在推进网格化管理的基础上推出的一个创新做法。
“两个方向”就是，对内压缩审批时限，提高办事效率；对外延伸服务触角，让群众少跑腿。
各单位要把窗口服务作为今年改进作风的“头号工程”来抓。
"""

REQUIREMENTS = """# 在群众工作会议上的讲话
一、关于群众工作
做好基层治理，组织、服务、信任三个条件都是不可缺少的。
干部要当好群众的贴心人，必须常到基层、常听民声，才能发挥扎根基层的最大优势、防范脱离实际的最大风险。
"""

DEFINITIONS = """# 在作风建设会议上的讲话
一、关于作风建设
从这个意义上来说，调查研究是做好决策的基础性工作。
“一条底线”就是，要把廉洁自律作为干部履职的前提。
领导干部是推进改革中矛盾的主要方面，抓好了领导干部教育，改革就顺了。
从这个意义上来说，村党组织书记是村级治理的第一责任人。
党委主要负责同志是全面深化改革的第一责任人，抓好了党委主要负责同志，改革就有了主心骨。
"""

CATCH_ALL = """# 示范管理办法
第一条 当事人有下列情形之一的，应当从轻处理：
（一）主动纠正错误的；
（二）如实说明情况的；
（三）积极挽回损失的；
（四）法律、法规规定应当从轻处理的其他情形。
"""


def test_local_document_numbers_self_descriptions_and_exhortations_are_dropped():
    result = generate(make_document(LOCAL), rules=ALL_RULES)
    stems = [c.stem for c in result.candidates]
    assert not any("号文件" in s for s in stems)
    assert not any("我们镇" in s for s in stems)
    assert not any("来抓" in s for s in stems)
    assert not any(s.startswith("“____”就是，") for s in stems)
    reasons = {d.filter for d in result.dropped}
    assert "local_trivia" in reasons


def test_total_named_after_its_list_is_asked_from_its_own_clause():
    cands = generate(
        rules=ALL_RULES, document=make_document(REQUIREMENTS), types=["fill_in"]
    ).candidates
    totals = [c for c in cands if c.rule == "fill.named_total"]
    assert totals
    assert totals[0].stem == "做好基层治理，____、____、____三个条件都是不可缺少的。"
    assert totals[0].answer == ["组织", "服务", "信任"]


def test_an_item_the_lead_names_stays_written():
    text = "# 讲话\n一、关于治理\n推进乡村治理，治理、协商、信任三个条件都缺一不可。\n"
    cands = generate(rules=ALL_RULES, document=make_document(text), types=["fill_in"]).candidates
    totals = [c for c in cands if c.rule == "fill.named_total"]
    assert totals and totals[0].stem == "推进乡村治理，治理、____、____三个条件都缺一不可。"


def test_shared_superlative_pair_blanks_both_nouns():
    cands = generate(make_document(REQUIREMENTS), rules=ALL_RULES, types=["fill_in"]).candidates
    pairs = [c for c in cands if c.answer == ["优势", "风险"]]
    assert pairs
    assert pairs[0].stem.endswith("扎根基层的最大____、防范脱离实际的最大____。")


def test_catch_all_items_are_not_scoring_points():
    shorts = generate(
        rules=ALL_RULES, document=make_document(CATCH_ALL), types=["short_answer"]
    ).candidates
    assert shorts
    for cand in shorts:
        assert not any("其他" in p for p in cand.scoring_points)
        assert "其他情形" in cand.answer  # the answer still quotes the whole article


def test_definitions_with_a_general_predicate_are_not_asked():
    """Round 3 of issue 16: "____是做好决策的基础性工作" fits many answers (a subject blank
    before a short evaluative predicate); the two round-2 expectations are now refusals."""
    cands = generate(make_document(DEFINITIONS), rules=ALL_RULES, types=["fill_in"]).candidates
    answers = [c.answer for c in cands if c.rule == "fill.definition"]
    assert ["调查研究"] not in answers and ["领导干部"] not in answers


def test_definitions_after_a_connective_or_before_a_repeating_clause_are_asked():
    """A role only one holder has pins the blank; the connective is left out, and the
    stem stops before a clause that names the answer again."""
    cands = generate(make_document(DEFINITIONS), rules=ALL_RULES, types=["fill_in"]).candidates
    stems = {c.stem: c.answer for c in cands if c.rule == "fill.definition"}
    assert stems.get("____是村级治理的第一责任人。") == ["村党组织书记"]
    assert stems.get("____是全面深化改革的第一责任人。") == ["党委主要负责同志"]


def test_a_numbered_label_glossed_by_the_speaker_is_not_asked():
    cands = generate(make_document(DEFINITIONS), rules=ALL_RULES, types=["fill_in"]).candidates
    assert not [c for c in cands if c.answer == ["一条底线"]]


def test_a_bare_total_gets_no_multiple_choice():
    cands = generate(make_document(REQUIREMENTS), rules=ALL_RULES, types=["multiple"]).candidates
    assert not [c for c in cands if "三个条件" in c.stem]


PARALLEL = """# 在干部培训班上的讲话
一、关于担当
各级干部一定要增强责任意识，勇于直面困难、善于化解困难、合力战胜困难。
我们办法再多、点子再多、口号再多，不抓落实，群众一定会有意见。
"""


def test_a_parallel_set_phrase_is_asked_by_its_last_item():
    cands = generate(make_document(PARALLEL), rules=ALL_RULES, types=["fill_in"]).candidates
    asked = [c for c in cands if c.answer == ["合力战胜困难"]]
    assert asked
    assert asked[0].stem.endswith("勇于直面困难、善于化解困难、____。")
    # a condition ("…再多，…一定会"), not a requirement: not asked
    assert not [c for c in cands if c.answer == ["口号再多"]]


def test_the_last_of_three_clauses_opening_alike_is_asked():
    text = (
        "# 讲话\n一、关于服务\n"
        "每一个服务窗口都是联系群众的桥梁，每一个服务环节都是检验作风的考场，"
        "每一个服务细节都是展示形象的名片。\n"
    )
    cands = generate(make_document(text), rules=ALL_RULES, types=["fill_in"]).candidates
    asked = [c for c in cands if c.answer == ["展示形象的名片"]]
    assert asked
    assert asked[0].stem.startswith("每一个服务窗口都是联系群众的桥梁，")
    assert asked[0].stem.endswith("每一个服务细节都是____。")
