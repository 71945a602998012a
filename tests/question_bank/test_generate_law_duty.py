"""The duty an 应当 clause imposes (填空) and a 不得 prohibition made permissive (判断).

The articles are our own; each rule must fire on a short, self-contained clause
and stay silent when the clause is a list, generic, continued, or excepted.
"""

import pytest

from question_bank.generate import generate, registry
from question_bank.generate.context import build_context
from question_bank.generate.rules_law import duty_object, prohibition
from tests.question_bank.generate_helpers import make_document

RULES = """# 社区事务管理办法
第一章 总则
第一条 为了规范社区事务管理，制定本办法。
第二条 社区服务站开展收费服务应当接受居民监督。
第三条 社区居民委员会和社区监督小组应当建立居民议事档案。
第四条 召开居民会议时，应当设立意见登记处。
第五条 物业服务企业的工作人员不得兼任业主委员会委员。
第六条 未在公示栏张贴的通知，不得作为收取费用的依据。
第七条 社区居民委员会应当对辖区内的出租房屋、流动人口进行登记。
第八条 街道办事处应当采取措施支持社区服务。
第九条 居民小组组长中，应当有青年成员，较大的小区应当有楼栋代表。
第十条 收费公示材料应当载明收费项目，收费标准和投诉电话。
第十一条 任何单位不得挪用社区公共收益。
第十二条 每个楼栋推选的代表不得超过三人。
第十三条 受委托的服务机构不得再委托其他机构提供服务。
第十四条 物业服务企业可以提出改进建议，但是不得代替业主作出决定。
第十五条 居民委员会召集居民会议；不得临时更改会议议程。
"""

SPEECH = """# 关于社区服务的讲话
社区工作人员应当建立居民联系档案。
物业服务企业的工作人员不得兼任业主委员会委员。
"""


@pytest.fixture(scope="module")
def result():
    # Every registered rule, the modal swap too although it is off by default.
    return generate(make_document(RULES), rules=list(registry.all_rules()))


def sentence_with(needle: str):
    ctx = build_context(make_document(RULES), 0, None)
    return next(s for s in ctx.sentences if needle in s.text)


def proposed(result, rule: str, needle: str):
    """Candidates of one rule citing the article, whether kept or dropped by a filter."""
    every = result.candidates + [d.candidate for d in result.dropped]
    return [c for c in every if c.rule == rule and needle in c.source.quote]


@pytest.mark.parametrize(
    ("article", "answer", "stem"),
    [
        (
            "第二条",
            "居民监督",
            "根据《社区事务管理办法》，社区服务站开展收费服务应当接受____。",
        ),
        (
            "第三条",
            "居民议事档案",
            "根据《社区事务管理办法》，社区居民委员会和社区监督小组应当建立____。",
        ),
        ("第四条", "意见登记处", "根据《社区事务管理办法》，召开居民会议时，应当设立____。"),
    ],
)
def test_duty_fill_blanks_the_object_of_a_short_duty_clause(result, article, answer, stem):
    found = [
        c for c in result.candidates if c.rule == "fill.law_duty" and article in c.source.quote
    ]
    assert len(found) == 1, [c.stem for c in result.candidates]
    cand = found[0]
    assert cand.answer == [answer] and cand.stem == stem
    assert answer in cand.source.quote
    assert (
        cand.explanation
        == f"《社区事务管理办法》{article}规定：“{stem.split('，', 1)[1].replace('____', answer)}”"
    )


@pytest.mark.parametrize(
    "article",
    [
        "第七条",  # a list of things to register
        "第八条",  # a generic duty (采取措施)
        "第九条",  # two duties in one sentence
        "第十条",  # the object goes on after the comma
    ],
)
def test_duty_fill_stays_silent_on_ambiguous_clauses(result, article):
    assert duty_object(sentence_with(article)) is None
    assert not proposed(result, "fill.law_duty", article)


@pytest.mark.parametrize(
    ("article", "stem"),
    [
        ("第五条", "根据《社区事务管理办法》，物业服务企业的工作人员可以兼任业主委员会委员。"),
        ("第六条", "根据《社区事务管理办法》，未在公示栏张贴的通知，可以作为收取费用的依据。"),
    ],
)
def test_prohibition_made_permissive_is_a_false_statement(result, article, stem):
    found = [
        c
        for c in result.candidates
        if c.rule == "true_false.swap_modal" and article in c.source.quote
    ]
    assert len(found) == 1, [c.stem for c in result.candidates]
    cand = found[0]
    assert cand.stem == stem and cand.answer is False
    assert cand.swapped == {"kind": "modal", "original": "不得", "replacement": "可以"}
    assert cand.stem.replace("可以", "不得") in f"根据《社区事务管理办法》，{cand.source.quote[4:]}"


@pytest.mark.parametrize(
    "article",
    [
        "第十一条",  # 任何单位 … 挪用: nobody would believe it allowed
        "第十二条",  # a numeric limit is asked as a number, not as a modal
        "第十三条",  # "其他机构": other than whom is said elsewhere
        "第十四条",  # an exception (但是) and a 可以 already in the sentence
        "第十五条",  # no subject after the semicolon
    ],
)
def test_prohibition_swap_stays_silent_when_the_false_version_is_unclear(result, article):
    assert prohibition(sentence_with(article)) is None
    assert not proposed(result, "true_false.swap_modal", article)


def test_law_rules_never_fire_on_a_speech():
    rules = {c.rule for c in generate(make_document(SPEECH)).candidates}
    assert not rules & {"fill.law_duty", "true_false.swap_modal"}
