"""Document-independent checks for the rejection classes issue 16's fourth held-out part
found (round four): a question-and-answer page's "答：", a one-character answer shown
later in the stem, a body of the speaker's own town, a formula used as a modifier or an
adverb, a blank the stem's own wording fills another way, a catch-all item, and a list's
lead-in taken for site furniture. Every example is made up."""

from question_bank.generate import filters, formulas, generate, lists, stem_checks
from question_bank.generate.candidate import Candidate, Source
from question_bank.generate.textutil import Sentence, split_sentences
from tests.question_bank.generate_helpers import ALL_RULES, make_document


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


QA_PAGE = """# 普法问答｜孩子多大能自己签合同
问题一：多大的孩子能自己签合同？
答：民法典规定，十八周岁以上的自然人为成年人，可以独立实施民事法律行为。
问题二：借钱不还多久要起诉？
答：民法典规定，向人民法院请求保护民事权利的诉讼时效期间为三年。
"""


def test_an_answer_marker_on_a_question_and_answer_page_never_opens_a_stem():
    result = generate(make_document(QA_PAGE), seed=1, rules=ALL_RULES)
    stems = [c.stem for c in result.candidates]
    assert any("周岁以上的自然人为成年人" in s for s in stems), stems
    assert not any(s.startswith(("答", "根据")) and "答：" in s for s in stems), stems
    assert not any("答：" in s for s in stems), stems


def test_a_one_character_number_shown_later_for_the_same_noun_gives_the_answer_away():
    stem = "____周岁以上的未成年人为限制民事行为能力人，不满八周岁的未成年人为无民事行为能力人。"
    assert filters.stem_gives_away(_fill(stem, "八"), None) == "题干泄露答案：八周岁"
    # The other script counts too.
    stem = "____周岁以上的未成年人为限制民事行为能力人，不满8周岁的未成年人为无民事行为能力人。"
    assert filters.stem_gives_away(_fill(stem, "八"), None) == "题干泄露答案：8周岁"
    # The same number counting something else is another fact: no give-away.
    stem = "公民在外地暂住三日以上的，由本人在____日以内向户口登记机关申报暂住登记。"
    assert filters.stem_gives_away(_fill(stem, "三"), None) is None


def test_a_body_of_the_speakers_own_town_is_local():
    def local(stem):
        return stem_checks.local_scope(_fill(stem, "两"), make_document("# 讲话\n占位。\n"))

    assert local("镇交管站要会同派出所在赶集日开展集中整治，每月不少于____次。")
    assert local("乡卫生院每季度至少开展____次义诊。")
    assert local("乡镇人民政府应当每年至少组织____次培训。") is None
    assert local("乡、民族乡、镇的人民政府每年至少组织____次检查。") is None


def _sentence(text: str) -> Sentence:
    doc = make_document(f"# 示范文件\n{text}\n")
    return next(s for s in split_sentences(doc) if text[:6] in s.text)


def test_a_formula_is_asked_only_where_it_stands_as_a_whole_term():
    def found(text):
        el = formulas.find(_sentence(text))
        return el.text if el else None

    # A modifier of the noun after it, an adverb before a verb, one of a list of other words.
    assert found("服务机构应当建立健全内部民主管理和服务管理制度。") is None
    assert found("理事会民主选举产生会长和副会长，任期五年。") is None
    assert found("镇里成立由书记任组长的耕地保护工作领导小组。") is None
    assert found("建立党委领导、政府负责、民主协商、社会协同的治理体制。") is None
    # A whole term: before 的, as an object before a stop, a subject, one of joined formulas.
    assert found("国家机构实行民主集中制的原则。") == "民主集中制"
    assert found("要大力培育和践行社会主义核心价值观，弘扬优秀传统文化。") == "社会主义核心价值观"
    assert found("永久基本农田重点用于粮食生产。") == "永久基本农田"
    assert found("村民委员会实行民主选举、民主决策、民主管理、民主监督。") == "民主选举"


def test_a_blank_the_stem_fills_another_way_is_refused():
    stem = "根据《示范条例》，未满十六周岁仍在接受义务教育的，应当保障他们依法接受____。"
    reason = stem_checks.another_object_in_stem(_fill(stem, "义务教育所需费用"), None)
    assert reason == "题干中的“接受义务教育”说明空位填“义务教育”也通"
    stem = "根据《示范条例》，户口登记机关应当设立____。"
    assert stem_checks.another_object_in_stem(_fill(stem, "户口登记簿"), None) is None


def test_a_catch_all_item_is_recognised_by_its_own_kind():
    for item in (
        "保护申请人人身安全的其他措施",
        "有其他滥用职权、玩忽职守行为的",
        "其他合法收入",
        "法律、法规规定的其他情形",
    ):
        assert lists.CATCH_ALL_RE.search(item), item
    for item in ("禁止被申请人实施家庭暴力", "责令被申请人迁出申请人住所", "会员缴纳的会费"):
        assert not lists.CATCH_ALL_RE.search(item), item


SOURCES = """# 示范协会条例
第一条 为了规范示范协会的活动，制定本条例。
第二条 示范协会是从事公益服务的社会团体。
第三条 示范协会应当每年向社会公布财产收支情况。
第四条 示范协会在各地设立的分会应当接受所在地人民政府的监督。
第五条 示范协会财产的主要来源：
（一）会员缴纳的会费；
（二）社会捐赠的款物；
（三）人民政府的拨款；
（四）其他合法收入。
"""


def test_a_list_lead_in_naming_sources_is_not_site_furniture():
    result = generate(make_document(SOURCES), seed=1, rules=["short.article_items"])
    (cand,) = result.candidates
    assert (
        cand.stem
        == "根据《示范协会条例》第五条，示范协会财产的主要来源包括哪些？（兜底项“其他合法收入”除外）"
    )
    assert cand.scoring_points == ["会员缴纳的会费", "社会捐赠的款物", "人民政府的拨款"]
    furniture = _fill("来源：示范网 责任编辑：张三", "示范网", "来源：示范网 责任编辑：张三")
    assert filters.furniture_or_short(furniture, None) == "来源是网页杂项"


TWICE = """# 示范供养条例
第一条 为了规范供养工作，制定本条例。
第二条 乡镇人民政府应当保障未满16周岁或者已满16周岁仍在校就读的供养对象就学。
第三条 供养对象每年接受一次体检，体检费用由乡镇人民政府承担，每人不超过200元。
"""


def test_a_number_said_twice_in_a_sentence_is_never_swapped():
    swapped = [
        c.swapped["original"]
        for seed in range(8)  # the seeded coin asks for a swap in about half the runs
        for c in generate(
            make_document(TWICE), seed=seed, rules=["true_false.swap_number"]
        ).candidates
    ]
    assert "16" not in swapped  # "未满18周岁或者已满16周岁" would contradict itself
    assert "200" in swapped  # a number said once is swapped as before
