"""Round thirteen (issue 16), statute yield: more certainly false statements, so the
true/false balance lets more of a law's "对" through, and list articles asked as 简答
where the only obstacle was a catch-all item. Every text is made up."""

from question_bank.generate import generate
from question_bank.generate.lists import CATCH_ALL_RE
from question_bank.ingest import ingest_bytes

TITLE = "中华人民共和国示范果园管理法"


def _law(*articles: str):
    # A law has at least three articles: the last one asks nothing.
    articles = (*articles, "果园经营者应当遵守本法。")
    numbers = "一二三四五六七八九"
    body = "\n".join(f"第{numbers[i]}条　{text}" for i, text in enumerate(articles))
    text = f"{TITLE}\n\n第一章　总则\n\n{body}\n"
    return ingest_bytes(text.encode("utf-8"), "示范果园管理法.txt")


def _stems(document, rule: str) -> list[str]:
    return [c.stem for c in generate(document, seed=16, rules=[rule]).candidates]


OPENING = "为了规范示范果园管理，促进果农增收，制定本法。"


def test_rules_left_to_the_state_council_are_said_of_a_province_as_false():
    document = _law(OPENING, "示范果园的评定办法，由国务院制定。")
    stems = _stems(document, "true_false.swap_level")
    assert stems == [
        "根据《示范果园管理法》，示范果园的评定办法，由省、自治区、直辖市人民政府制定。"
    ]


def test_no_province_swap_where_the_law_lets_a_province_make_rules():
    document = _law(
        OPENING,
        "示范果园的评定办法，由国务院制定。",
        "省、自治区、直辖市人民政府可以根据本法制定实施细则。",
    )
    assert not any("评定办法" in s for s in _stems(document, "true_false.swap_level"))


def test_a_county_department_s_own_act_is_said_of_the_city_s_department_as_false():
    document = _law(
        OPENING,
        "县级人民政府农业农村主管部门应当自受理申请之日起十五日内作出审批决定。",
    )
    stems = _stems(document, "true_false.swap_level")
    assert any(
        s.startswith("根据《示范果园管理法》，设区的市级人民政府农业农村主管部门应当")
        for s in stems
    )


def test_a_county_department_as_the_offender_of_a_liability_clause_is_not_swapped():
    document = _law(
        OPENING,
        "县级人民政府农业农村主管部门未在规定期限内作出审批决定的，由本级人民政府责令改正。",
    )
    assert _stems(document, "true_false.swap_level") == []


def test_a_county_department_s_oversight_is_not_swapped_upward():
    document = _law(OPENING, "县级人民政府农业农村主管部门负责本行政区域内示范果园的监督检查。")
    assert _stems(document, "true_false.swap_level") == []


def _swapped_value(document) -> list[tuple[str, str]]:
    return [
        (c.swapped["original"], c.swapped["replacement"])
        for c in generate(document, seed=16, rules=["true_false.swap_law_figure"]).candidates
    ]


VALUES = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "八": 8, "九": 9, "十": 10}


def _value(text: str) -> int:
    return VALUES[text[0]]


def test_a_required_length_of_service_is_swapped_to_a_longer_one():
    document = _law(
        OPENING,
        "申请设立示范果园的，负责人应当在果树栽培岗位工作满三年。",
        "示范果园的评定结果有效期为五年。",
    )
    pairs = [p for p in _swapped_value(document) if p[0] == "三年"]
    assert pairs and all(_value(new) > 3 for _old, new in pairs), pairs


def test_a_notice_period_is_swapped_to_a_longer_one():
    document = _law(
        OPENING,
        "果园经营者退出示范果园的，应当在年度评定的三个月前向县级人民政府农业农村主管部门提出书面申请。",
        "示范果园的评定结果有效期为五年。",
    )
    pairs = [p for p in _swapped_value(document) if p[0] == "三个月"]
    assert pairs and all(_value(new) > 3 for _old, new in pairs), pairs


def test_an_item_naming_others_of_its_kind_is_no_catch_all():
    assert not CATCH_ALL_RE.search("县农业技术推广站、植保站和其他农业技术服务机构")
    assert CATCH_ALL_RE.search("滥用职权、玩忽职守、徇私舞弊的其他行为")
    assert CATCH_ALL_RE.search("其他有关机构")
    assert CATCH_ALL_RE.search("法律、法规规定的其他情形")
    assert CATCH_ALL_RE.search("章程规定的其他职权")


DUTIES = [
    "制定果园发展规划",
    "推广优良品种",
    "组织技术培训",
    "指导病虫害防治",
    "开展质量检测",
    "建立生产档案",
    "组织产品展销",
    "调解经营纠纷",
]


def test_eight_items_and_a_catch_all_are_asked_with_eight_points():
    items = [*DUTIES, "章程规定的其他职责"]
    listed = "".join(f"\n（{'一二三四五六七八九十'[i]}）{t}；" for i, t in enumerate(items))
    document = _law(OPENING, f"示范果园理事会履行下列职责：{listed.rstrip('；')}。")
    found = generate(document, seed=16, rules=["short.article_items"]).candidates
    assert len(found) == 1
    assert (
        found[0].stem
        == "根据《示范果园管理法》第二条，示范果园理事会履行哪些职责？（兜底项“章程规定的其他职责”除外）"
    )
    assert found[0].scoring_points == DUTIES


def test_nine_points_are_too_many_for_a_short_answer():
    items = [*DUTIES, "处理成员投诉", "章程规定的其他职责"]
    listed = "".join(f"\n（{'一二三四五六七八九十'[i]}）{t}；" for i, t in enumerate(items))
    document = _law(OPENING, f"示范果园理事会履行下列职责：{listed.rstrip('；')}。")
    assert generate(document, seed=16, rules=["short.article_items"]).candidates == []


def test_one_or_more_kinds_of_business_are_asked_as_which():
    document = _law(
        OPENING,
        "示范果园以果农为主要服务对象，开展以下一种或者多种业务：\n（一）苗木的繁育、供应；"
        "\n（二）果品的采摘、分级、贮藏；\n（三）果园机械的租赁。",
    )
    stems = _stems(document, "short.article_items")
    assert stems == ["根据《示范果园管理法》第二条，示范果园以果农为主要服务对象，开展哪些业务？"]


def test_an_item_in_the_middle_naming_other_matters_is_a_point():
    items = [
        "修改章程",
        "决定果园改造、品种更新和经营活动中的其他重大事项",
        "批准年度工作报告",
        "章程规定的其他职权",
    ]
    listed = "".join(f"\n（{'一二三四'[i]}）{t}；" for i, t in enumerate(items))
    document = _law(OPENING, f"示范果园成员大会行使下列职权：{listed.rstrip('；')}。")
    found = generate(document, seed=16, rules=["short.article_items"]).candidates
    assert [c.scoring_points for c in found] == [items[:3]]


def test_no_upward_swap_where_the_law_gives_the_city_level_a_part():
    document = _law(
        OPENING,
        "县级人民政府农业农村主管部门应当自受理申请之日起十五日内作出审批决定。",
        "审批结果由设区的市级人民政府农业农村主管部门汇总后公布。",
    )
    assert not any("审批决定" in s for s in _stems(document, "true_false.swap_level"))
