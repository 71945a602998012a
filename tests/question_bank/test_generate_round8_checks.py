"""Round eight (issue 16): rules on or off per kind of document, speeches asked only where a
sentence names a national source, bare law names written with 《》, a cap per article, and a
local figure anywhere in a stem. Made-up examples only."""

from question_bank.generate import generate, registry
from question_bank.generate.kinds import OTHER, STATUTE, document_kind, is_statute_title
from question_bank.generate.textutil import mark_law_titles
from tests.question_bank.generate_helpers import make_document

STATUTE_TEXT = """# 示范河道保护条例
第一条 为了保护河道，制定本条例。
第二条 县级以上人民政府水行政主管部门负责本行政区域内的河道管理工作。
第三条 河道管理单位应当每年汛期前对堤防进行一次全面检查。
第四条 在河道管理范围内采砂的，应当在采砂前十五日内向水行政主管部门提出申请。
"""

SPEECH = """# 在全镇河道整治工作会议上的讲话
同志们：
一、提高认识
今年我镇要完成12公里河道清淤，每个村都要确定一名河道管理员。
按照水法的规定，任何单位和个人都有保护水资源的义务。
二、压实责任
各村要把河道整治纳入村规民约，每月至少开展一次巡查。
"""


def test_one_classification_tells_statutes_from_other_documents():
    assert document_kind(make_document(STATUTE_TEXT)) == STATUTE
    assert document_kind(make_document(SPEECH)) == OTHER
    town = STATUTE_TEXT.replace("# 示范河道保护条例", "# 某镇河道保护管理办法")
    assert document_kind(make_document(town)) == OTHER  # a town's 办法 in articles
    assert is_statute_title("中华人民共和国示范河道法")
    assert is_statute_title("村务示范管理办法")  # 村务 names no place
    assert not is_statute_title("某县示范管理办法（试行）")


def test_every_rule_has_one_row_in_the_kind_table():
    assert set(registry.TABLE) == set(registry.all_rules())
    for name, (kinds, why) in registry.TABLE.items():
        assert kinds <= {STATUTE, OTHER} and why, name


def test_number_rules_are_on_for_statutes_and_off_for_other_documents():
    on_statute = {r.name for r in registry.selected(("single", "fill_in"), kind=STATUTE)}
    on_other = {r.name for r in registry.selected(("single", "fill_in"), kind=OTHER)}
    assert "single.number" in on_statute and "fill.law_deadline" in on_statute
    assert "single.number" not in on_other and "fill.number" not in on_other
    result = generate(make_document(STATUTE_TEXT), seed=3)
    assert any(c.rule in ("single.number", "fill.law_deadline") for c in result.candidates)


def test_a_speech_is_asked_only_where_a_sentence_names_a_national_source():
    result = generate(make_document(SPEECH), seed=1)
    for cand in result.candidates:
        assert "水法" in cand.source.quote, cand.stem
    reasons = {d.filter for d in result.dropped}
    assert "12公里" not in " ".join(c.stem for c in result.candidates)
    assert reasons  # the town's own arrangements were proposed and dropped


def test_a_bare_law_name_is_written_as_a_title():
    assert mark_law_titles("示范法规定，任何单位不得____。") == "《示范法》规定，任何单位不得____。"
    assert mark_law_titles("按照示范保护法第十条的规定") == "按照《示范保护法》第十条的规定"
    assert mark_law_titles("违反示范管理条例规定的") == "违反《示范管理条例》规定的"
    for text in ("依法规定", "本法规定，", "执法规定", "根据《示范法》规定", "某镇实施办法规定"):
        assert mark_law_titles(text) == text


def test_at_most_two_questions_from_one_article():
    text = """# 示范兵员登记条例
第一条 为了做好登记工作，制定本条例。
第二条 年满十八周岁的男性公民，应当在当年六月三十日以前进行初次登记；年满十七周岁未满十八周岁的公民可以在十月一日前申请登记；登记机关应当在十五日内办结，逾期未办结的可以延长三十日。
第三条 县级以上人民政府兵役机关负责本行政区域内的登记工作。
第四条 登记机关应当在登记后五日内告知本人。
"""
    result = generate(make_document(text), seed=2, variants=3)
    per_article: dict[str, int] = {}
    for cand in result.candidates:
        key = cand.source.quote[:4]
        per_article[key] = per_article.get(key, 0) + 1
    second = [c for c in result.candidates if "六月三十日" in c.source.quote or "十七周岁" in c.source.quote]
    assert len(second) <= 2


def test_a_local_figure_in_the_stem_keeps_a_question_out_whatever_it_asks():
    text = """# 关于垃圾分类的讲话
一、推行积分
推行“示范积分制”，农户分类正确的每次积1分，积分可兑换日用品。
"""
    on = [n for n, r in registry.all_rules().items() if r.enabled]
    result = generate(make_document(text), seed=1, rules=on)
    assert all("积1分" not in c.stem for c in result.candidates)
