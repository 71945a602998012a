"""Weak spots a reviewer found in drafted questions, each on our own short text:
ambiguous levels, implausible swaps, odd-shaped wrong options, nested quotes,
repeated questions and rambling spoken sentences."""

from question_bank.generate import generate
from question_bank.generate.candidate import Candidate, Source
from question_bank.generate.distractors import overlapping_bodies, same_family
from question_bank.generate.filters import rambling_speech
from question_bank.generate.quality import score
from question_bank.generate.textutil import quoted
from tests.question_bank.generate_helpers import ALL_RULES, make_document

LEVELS = """# 农村道路管理办法
第一条 县级以上地方人民政府应当将农村道路养护资金纳入本级预算。
第二条 各级人民政府应当加强农村道路安全宣传教育。
第三条 村务监督委员会应当对道路养护资金的使用进行监督。
第四条 乡镇人民政府负责组织本行政区域内的道路日常养护。
"""


def test_fill_in_never_asks_for_a_level_of_government():
    """各级 or 县级以上? Blanked, the level is guesswork; a body without one may be asked."""
    fills = [
        c
        for seed in range(4)
        for c in generate(
            rules=ALL_RULES, document=make_document(LEVELS), types=["fill_in"], seed=seed
        ).candidates
        if c.rule == "fill.law_body"
    ]
    answers = {c.answer[0] for c in fills}
    assert answers == {"村务监督委员会"}


DUTIES = """# 集镇环境整治办法
第一条 县级人民政府应当组织编制集镇环境整治规划。
第二条 乡镇人民政府应当建立集镇保洁队伍。
第三条 人民代表大会常务委员会听取集镇环境整治情况的报告。
第四条 人民团体协助开展集镇文明宣传。
第五条 村民委员会应当组织村民清理房前屋后的杂物。
第六条 村民小组应当督促农户落实门前三包。
第七条 村务监督委员会对保洁经费的使用进行监督。
"""


def test_swapped_body_is_one_that_could_carry_the_duty():
    """A government's duty given to a people's congress reads as false at a glance."""
    assert same_family("县级人民政府", "乡镇人民政府")
    assert same_family("村民委员会", "村民小组")
    assert same_family("行政机关", "司法机关")
    assert not same_family("县级以上地方人民政府", "人民代表大会常务委员会")
    assert not same_family("村民委员会", "人民团体")
    swaps = [
        c.swapped
        for seed in range(12)
        for c in generate(
            rules=ALL_RULES, document=make_document(DUTIES), types=["true_false"], seed=seed
        ).candidates
        if c.swapped and c.swapped["kind"] == "body"
    ]
    assert swaps
    for swap in swaps:
        assert same_family(swap["original"], swap["replacement"]), swap


def test_a_generic_organ_covers_the_specific_ones_of_its_family():
    """人民法院 is a 司法机关: "人民法院应当移送…" would be true where the law says 司法机关."""
    assert overlapping_bodies("司法机关", "人民法院")
    assert overlapping_bodies("人民检察院", "司法机关")
    assert not overlapping_bodies("人民法院", "人民检察院")


KINDS = """# 集市管理办法
第一条 集市管理措施的种类：
（一）口头劝导；
（二）书面警示；
（三）暂停摊位；
（四）清退出场；
（五）其他管理措施。
第二条 申请摊位，应当符合下列条件：
（一）依法取得经营资格并具有固定住所；
（二）有与经营规模相适应的摊位设备；
（三）需要冷藏的，应当有冷藏设施。
第三条 摊位登记簿应当载明下列事项：
（一）摊主姓名、住址；
（二）摊位编号；
（三）经营品种和期限。
"""


def test_wrong_options_of_an_article_list_read_like_the_right_ones():
    """Conditions (依法取得…并具有…) and catch-alls (其他…) never pass as kinds of measure."""
    seen = []
    for seed in range(12):
        for c in generate(make_document(KINDS), types=["multiple"], seed=seed).candidates:
            if "集市管理措施" not in c.stem:
                continue
            right = [c.option_text(k) for k in c.answer]
            wrong = [o.text for o in c.options if o.key not in c.answer]
            seen.append(c)
            assert set(right) <= {"口头劝导", "书面警示", "暂停摊位", "清退出场"}
            mean = sum(map(len, right)) / len(right)
            for text in wrong:
                assert "其他" not in text and not text.startswith(("依法", "有", "需要"))
                assert abs(len(text) - mean) <= 3


def test_a_topic_with_its_own_quotes_is_quoted_once_with_inner_single_quotes():
    assert quoted("要织密“安全网”") == "“要织密‘安全网’”"
    assert quoted("“安全网”") == "“安全网”"
    assert quoted("要织密‘安全网’") == "“要织密‘安全网’”"


PARALLEL = """# 社区协会管理办法
第一条 市社区协会的理事不得兼任物业服务企业的负责人。
第二条 区社区协会的理事不得兼任物业服务企业的负责人。
第三条 社区协会每年召开一次会员大会。
"""

LINE = """# 关于改进作风的讲话
坚持群众路线，是做好基层工作的根本方法。
各支部要把践行群众路线作为年度考核的重要内容。
开展调研活动，必须始终贯彻群众路线的要求。
走访中发现的问题，要按照群众路线的方法逐一解决。
"""


def test_near_identical_stems_and_one_answer_are_not_asked_again_and_again():
    """Parallel articles give one 判断, not two; one formula is blanked at most twice."""
    swaps = generate(
        make_document(PARALLEL), types=["true_false"], seed=1, rules=["true_false.swap_modal"]
    ).candidates
    modal = [c for c in swaps if c.rule == "true_false.swap_modal"]
    assert len(modal) == 1
    result = generate(make_document(LINE), types=["fill_in"], rules=ALL_RULES)
    kept = [c for c in result.candidates if c.answer == ["群众路线"]]
    dropped = [d.candidate for d in result.dropped if d.candidate.answer == ["群众路线"]]
    assert len(kept) == 2 and dropped
    assert min(c.quality.score for c in kept) >= max(c.quality.score for c in dropped)


RAMBLING = """# 关于网格服务的讲话
一个方面，要把现在的“纸质台账”变成电子台账；再一个方面，更重要的是要用起来。
网格员要发挥好“信息员”作用，及时收集群众诉求。
"""


def test_a_spoken_one_side_then_another_sentence_is_not_asked():
    result = generate(make_document(RAMBLING))
    assert all("一个方面" not in c.source.quote for c in result.candidates)
    assert any("信息员" in c.source.quote for c in result.candidates)


def test_our_party_and_our_country_are_names_not_the_speaker():
    def reasons(stem: str) -> list[str]:
        cand = Candidate("fill_in", stem, ["x"], "", Source("p", 0, 1, stem), "fill.formula")
        score(cand, 0.6, law=False)
        return cand.quality.reasons

    assert not any("第一人称" in r for r in reasons("____是我们党的生命线和根本工作路线。"))
    assert not any("第一人称" in r for r in reasons("____将长期处于社会主义初级阶段。我国"))
    assert any("第一人称" in r for r in reasons("我们要把____作为根本方法。"))


def test_rambling_filter_names_the_spoken_marker():
    stem = "还有，有的村修了路不管路。"
    cand = Candidate("fill_in", stem, ["x"], "", Source("p", 0, len(stem), stem), "fill.slogan")
    assert rambling_speech(cand, make_document(stem)) == "口语化的罗列而非完整表述：还有"
