"""Statute yield from structure every law has (issue 16, round four): bodies named by their
functional department ("县级人民政府卫生行政主管部门", "国务院侨务部门") are recognised,
and a department named by its domain alone covers every level of it; a principle named
by its label ("遵循公开、公平、公正的原则") is asked term by term. Every example is made
up."""

from question_bank.generate import generate
from question_bank.generate.distractors import covers
from question_bank.generate.elements import BODY_RE
from question_bank.generate.option_checks import _kind
from tests.question_bank.generate_helpers import make_document

CLINICS = """# 示范诊所管理条例
第一条 为了规范诊所管理，制定本条例。
第二条 县级人民政府卫生行政主管部门负责诊所执业登记工作。
第三条 诊所执业证书格式由国务院卫生行政主管部门规定。
第四条 省、自治区、直辖市人民政府卫生行政主管部门应当制定诊所基本用药目录。
第五条 设区的市级人民政府卫生行政主管部门负责诊所人员的培训工作。
第六条 扰乱诊所秩序，构成违反治安管理行为的，由公安机关依法予以处罚。
第七条 华侨捐建诊所的，县级以上人民政府侨务部门可以协助办理有关手续。
"""


def test_functional_departments_are_bodies():
    for name in (
        "县级人民政府卫生行政主管部门",
        "国务院卫生行政部门",
        "县级以上人民政府侨务部门",
        "国务院应急管理部门",
        "国务院交通主管部门",
    ):
        assert BODY_RE.fullmatch(name), name


def test_a_department_is_asked_among_the_other_levels_of_its_domain():
    result = generate(make_document(CLINICS), seed=1, rules=["single.body"])
    asked = {c.stem: c for c in result.candidates}
    cand = asked["根据《示范诊所管理条例》，____负责诊所执业登记工作。"]
    assert cand.option_text(cand.answer) == "县级人民政府卫生行政主管部门"
    wrong = {o.text for o in cand.options} - {"县级人民政府卫生行政主管部门"}
    assert len(wrong) == 3
    assert len([w for w in wrong if w.endswith("人民政府卫生行政主管部门")]) >= 2
    assert not [w for w in wrong if "以上" in w or "各级" in w]  # those cover the answer


def test_a_domain_named_alone_covers_every_level_of_it():
    assert covers("卫生主管部门", "国务院卫生行政部门")
    assert covers("公安机关", "国务院公安部门")
    assert not covers("民政部门", "国务院卫生行政部门")


def test_an_act_ending_like_a_name_is_not_a_body():
    assert _kind("参与医学经验交流，参加专业学术团体") == "text"
    assert _kind("村民委员会") == "body"


PRINCIPLES = """# 示范捐赠管理办法
第一条 为了规范捐赠管理，制定本办法。
第二条 受赠单位应当按照合法、安全、有效的原则，管理和使用捐赠财产。
第三条 捐赠管理工作坚持自愿无偿、公开透明的方针。
第四条 受赠单位应当按照“先登记、后使用”的原则办理手续。
第五条 受赠单位遵循勤俭节约的原则。
"""


def test_a_principle_named_by_its_label_is_asked_term_by_term():
    result = generate(make_document(PRINCIPLES), seed=1, rules=["fill.principle"])
    asked = {c.stem: c.answer for c in result.candidates}
    assert asked == {
        "根据《示范捐赠管理办法》，受赠单位应当按照____、____、____的原则，管理和使用捐赠财产。": [
            "合法",
            "安全",
            "有效",
        ],
        "根据《示范捐赠管理办法》，捐赠管理工作坚持____、____的方针。": ["自愿无偿", "公开透明"],
    }  # a quoted slogan (fill.slogan asks it) and a single term are not lists
    assert all(any("校验" in r for r in c.quality.reasons) for c in result.candidates)
