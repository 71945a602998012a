"""Round seventeen (issue 16): statutes without numbers. A statute's usable "对" are no
longer dropped per file (a drawn paper balances them: apps.exams.services.papers), and a
closed list of the systems a body must set up is asked as a short answer
(short.system_items). Made-up laws only, with near misses that must ask nothing."""

from question_bank.generate import generate, kinds
from tests.question_bank.generate_helpers import make_document

STATEMENTS = """# 中华人民共和国乡村邮路法
第一条 为了保障乡村邮路畅通，制定本法。
第二条 县级以上人民政府邮政管理部门负责本行政区域内乡村邮路的监督管理工作。
第三条 乡、镇人民政府应当协助做好乡村邮路站点的设置工作。
第四条 村民委员会应当为乡村邮路站点提供必要的场所。
第五条 县级以上人民政府交通运输主管部门应当将乡村邮路纳入农村公路养护计划。
第六条 国务院邮政管理部门负责全国乡村邮路的统一规划。
第七条 省、自治区、直辖市人民政府应当制定乡村邮路站点的建设标准。
"""


def _trues(result) -> list[str]:
    return [c.stem for c in result.candidates if c.type == "true_false" and c.answer is True]


def test_a_statutes_true_statements_are_all_kept_without_a_false_one():
    document = make_document(STATEMENTS)
    assert kinds.document_kind(document) == kinds.STATUTE
    result = generate(document, seed=16, rules=["true_false.true"])
    trues = _trues(result)
    assert len(trues) >= 3, trues  # the per-file cap kept one (max(3 × 0 "错", 1))
    assert not [d for d in result.dropped if d.filter == "true_false_balance"]
    assert all(s.startswith("根据《乡村邮路法》") for s in trues)


def test_every_other_cap_still_holds_for_the_kept_true_statements():
    """One article asked at most twice, one span once: keeping the "对" adds no repeat."""
    text = STATEMENTS.replace(
        "第四条 村民委员会应当为乡村邮路站点提供必要的场所。",
        "第四条 村民委员会应当为乡村邮路站点提供必要的场所。村民委员会应当协助投递员核实收件人。"
        "村民委员会应当向村民宣传乡村邮路的服务项目。",
    )
    result = generate(make_document(text), seed=16, rules=["true_false.true"])
    fourth = [s for s in _trues(result) if "村民委员会" in s]
    assert len(fourth) <= 2
    assert len(set(_trues(result))) == len(_trues(result))


def test_a_speech_still_keeps_one_true_and_asks_the_rest_otherwise():
    speech = (
        "# 在全镇乡村邮路工作会议上的讲话\n同志们：\n"
        "《乡村邮路法》规定，乡、镇人民政府应当协助做好乡村邮路站点的设置工作。\n"
        "《乡村邮路法》还明确，村民委员会应当为乡村邮路站点提供必要的场所。\n"
        "《乡村邮路法》规定，县级以上人民政府交通运输主管部门应当将乡村邮路纳入农村公路养护计划。\n"
    )
    document = make_document(speech)
    assert kinds.document_kind(document) == kinds.OTHER
    result = generate(document, seed=16)
    assert len(_trues(result)) <= 1  # no "错" on a speech: only the paper could balance


SYSTEMS = """# 中华人民共和国乡村书屋促进法
第一条 为了促进乡村书屋发展，制定本法。
第二条 乡村书屋应当建立图书借阅、读者登记、资产管理和设备维护制度。
第三条 县级以上人民政府文化主管部门应当依法建立健全书屋评估、书目推荐和志愿服务制度。
第四条 国家实行书屋登记、年度报告、信息公示制度。
第五条 乡村书屋应当建立借阅、登记等制度。
第六条 乡村书屋应当建立图书借阅制度和读者登记制度。
第七条 乡村书屋应当建立健全科学合理的图书采购、配送和更新的长效机制。
第八条 乡村书屋应当建立借阅和登记制度。
第九条 前款规定的书屋应当建立图书借阅、读者登记和资产管理制度。
第十条 对乡村书屋应当建立巡查、抽查和通报制度。
第十一条 乡村书屋应当建立符合本地实际和读者需要的借阅、登记、资产管理制度。
第十二条 乡村书屋应当建立书目信息收集、整理、发布制度。
第十三条 乡村书屋应当建立借阅、登记、盘点制度。
"""


def _systems(text: str) -> dict:
    found = generate(make_document(text), seed=16, rules=["short.system_items"]).candidates
    return {c.stem: c for c in found}


def test_a_closed_list_of_systems_is_asked_with_every_item_a_point():
    found = _systems(SYSTEMS)
    second = found["根据《乡村书屋促进法》第二条，乡村书屋应当建立哪些制度？"]
    assert second.scoring_points == ["图书借阅", "读者登记", "资产管理", "设备维护"]
    third = found[
        "根据《乡村书屋促进法》第三条，县级以上人民政府文化主管部门应当依法建立健全哪些制度？"
    ]
    assert third.scoring_points == ["书屋评估", "书目推荐", "志愿服务"]
    fourth = found["根据《乡村书屋促进法》第四条，国家实行哪些制度？"]
    assert fourth.scoring_points == ["书屋登记", "年度报告", "信息公示"]


def test_open_split_two_item_pointing_or_qualified_lists_are_not_asked():
    stems = " ".join(_systems(SYSTEMS))
    for article in ("第五条", "第六条", "第七条", "第八条", "第九条", "第十条", "第十一条"):
        assert article not in stems, article
    # the steps of one system, not several systems
    for article in ("第十二条", "第十三条"):
        assert article not in stems, article
