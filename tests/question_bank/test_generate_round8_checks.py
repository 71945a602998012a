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
第三条 河道采砂许可证的有效期不超过三年。
第四条 水行政主管部门应当自受理采砂申请之日起二十日内作出是否许可的决定。
第五条 违反本条例规定擅自采砂的，由水行政主管部门责令停止违法行为，处五万元以下的罚款。
"""

SPEECH = """# 在全镇防火工作会议上的讲话
同志们：
一、提高认识
今年我镇要完成12公里防火道建设，每个村都要确定一名防火员。
按照示范防火法的规定，任何单位和个人都应当无偿为报警提供便利，不得阻拦报警。
每年的11月9日是全国示范防火日，要组织好宣传活动。
二、压实责任
各村要把防火纳入村规民约，每月至少开展一次巡查。
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
    assert result.candidates
    for cand in result.candidates:
        assert "示范防火法" in cand.source.quote or "全国" in cand.source.quote, cand.stem
    assert "12公里" not in " ".join(c.stem for c in result.candidates)


def test_a_speech_without_any_national_source_yields_nothing_by_default():
    text = SPEECH.replace("按照示范防火法的规定，", "").replace(
        "每年的11月9日是全国示范防火日，", ""
    )
    on = [n for n, r in registry.all_rules().items() if r.enabled]
    assert not generate(make_document(text), seed=1).candidates
    # Named, the rules still run (the gate is the default policy for such documents).
    assert generate(make_document(text), seed=1, rules=on).dropped is not None


def test_a_cited_national_rule_becomes_a_true_statement_naming_the_law():
    result = generate(make_document(SPEECH), seed=1, rules=["true_false.national_rule"])
    (cand,) = result.candidates
    assert cand.stem == "根据《示范防火法》，任何单位和个人都应当无偿为报警提供便利，不得阻拦报警。"
    assert cand.answer is True


def test_a_national_day_becomes_a_fill_in_of_its_date():
    result = generate(make_document(SPEECH), seed=1, rules=["fill.national_day"])
    (cand,) = result.candidates
    assert cand.stem == "每年的____是全国示范防火日。"
    assert cand.answer == ["11月9日"]


def test_the_national_rules_leave_a_town_rule_and_a_statute_alone():
    local = SPEECH.replace("按照示范防火法的规定，", "按照镇里的规定，").replace(
        "全国示范防火日", "全镇防火日"
    )
    rules = ["true_false.national_rule", "fill.national_day"]
    assert not generate(make_document(local), seed=1, rules=rules).candidates
    assert not generate(make_document(STATUTE_TEXT), seed=1, rules=rules).candidates


def test_a_bare_law_name_is_written_as_a_title():
    assert mark_law_titles("示范法规定，任何单位不得____。") == "《示范法》规定，任何单位不得____。"
    assert mark_law_titles("按照示范保护法第十条的规定") == "按照《示范保护法》第十条的规定"
    assert mark_law_titles("违反示范管理条例规定的") == "违反《示范管理条例》规定的"
    for text in (
        "依法规定",
        "本法规定，",
        "执法规定",
        "根据《示范法》规定",
        "某镇实施办法规定",
        "对本法第四条规定的个人",
        "依照本条例第九条",
    ):
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
    second = [
        c
        for c in result.candidates
        if "六月三十日" in c.source.quote or "十七周岁" in c.source.quote
    ]
    assert len(second) <= 2


def test_a_local_figure_in_the_stem_keeps_a_question_out_whatever_it_asks():
    text = """# 关于垃圾分类的讲话
一、推行积分
推行“示范积分制”，农户分类正确的每次积1分，积分可兑换日用品。
"""
    on = [n for n, r in registry.all_rules().items() if r.enabled]
    result = generate(make_document(text), seed=1, rules=on)
    assert all("积1分" not in c.stem for c in result.candidates)


MEASURES = """# 示范反制条例
第一条 为了维护示范秩序，制定本条例。
第二条 国家有关部门可以按照各自职责和任务分工，对本条例第三条规定的个人、组织，根据实际情况决定采取下列一种或者几种措施：
（一）不予签发签证；
（二）查封、扣押其在我国境内的动产；
（三）禁止其与我国境内的组织进行交易；
（四）其他必要措施。
第三条 示范组织的高级管理人员适用本条例。
"""


def test_a_one_or_more_measures_list_asks_for_the_measures_and_keeps_whom_they_apply_to():
    result = generate(make_document(MEASURES), seed=1, rules=["short.article_items"])
    (cand,) = result.candidates
    assert "哪一种" not in cand.stem and "哪些措施" in cand.stem
    assert "个人、组织" in cand.stem
    # The catch-all is neither a scoring point nor part of the reference answer.
    assert not any("其他" in p for p in cand.scoring_points)
    assert "其他必要措施" not in cand.answer


def test_a_printed_list_items_wrapped_line_is_joined_back():
    from question_bank.pdf_text import _unwrap

    body = (
        "示范镇推进垃圾分类工作，按照统一部署，逐村落实分类设施配置和日常管理责任，确保取得实效。"
    )
    lines = [
        body,
        body,
        "1. 宣传发动。各村利用广播、宣传栏等方式开展分类知识宣传，做到",
        "家喻户晓。",
        "2. 积分激励。推行示范积分制，农户分类正确的可以在村“示范超市”",
        "兑换生活用品。",
        "3. 督查考核。镇里每季度组织一次检查。",
    ]
    out = _unwrap(lines)
    assert out[2].endswith("做到家喻户晓。")
    assert out[3] == "2. 积分激励。推行示范积分制，农户分类正确的可以在村“示范超市”兑换生活用品。"
    assert out[4].startswith("3. ")


def test_a_cited_rule_stops_where_the_speakers_own_arrangement_starts():
    text = SPEECH.replace("不得阻拦报警。", "不得阻拦报警，各村要在年底前完成消防通道清理。")
    result = generate(make_document(text), seed=1, rules=["true_false.national_rule"])
    (cand,) = result.candidates
    assert cand.stem.endswith("不得阻拦报警。")


def test_a_central_kitchen_or_a_national_system_is_no_national_source():
    from question_bank.generate.filters import NATIONAL_SOURCE_RE

    assert not NATIONAL_SOURCE_RE.search("推行“中央厨房＋配送”模式，每餐补贴3元。")
    assert not NATIONAL_SOURCE_RE.search("记录应当在5日内录入全国示范服务信息系统。")
    assert NATIONAL_SOURCE_RE.search("按照党中央部署，全国统一实行登记制度。")
