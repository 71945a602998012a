"""多选 (issue 16 §7): only an explicit list under its own label, wrong options from sibling
lists of the same kind in the same document, four options or more, and a named total
answered by exactly the items the document gives for that name."""

from question_bank.generate import generate
from tests.question_bank.generate_helpers import make_document

TOTALS = """# 关于基层治理的讲话
一、关于工作标准
我们要抓好“三个率”，即入户走访率、问题解决率和群众满意率。
同时要盯住“两个率”，即党员参与率和政策知晓率。
还要用好“三本账”，即民情账、项目账和资金账。
"""

ARTICLES = """# 集市管理办法
第一条 摊位登记簿应当载明下列事项：
（一）摊主姓名；
（二）摊位编号；
（三）经营品种；
（四）经营期限。
第二条 集市管理处的年度报告应当载明下列事项：
（一）摊位总数；
（二）投诉处理情况；
（三）卫生检查结果；
（四）收费标准执行情况。
第三条 申请摊位，应当符合下列条件：
（一）依法取得经营资格；
（二）有与经营规模相适应的设备。
"""

WRONG_LABEL = """# 关于作风建设的讲话
一、关于作风
干部要牢记“四个必须”，坚持常下基层、常听民声、常办实事、常思己过。
"""


def _multiples(text: str, seeds=range(6)):
    return [
        c
        for seed in seeds
        for c in generate(make_document(text), types=["multiple"], seed=seed).candidates
    ]


def test_a_named_total_is_asked_whole_against_the_members_of_other_totals():
    found = [c for c in _multiples(TOTALS) if "三个率" in c.stem]
    assert found
    for cand in found:
        assert cand.stem == "“三个率”包括____。"
        right = {cand.option_text(k) for k in cand.answer}
        wrong = {o.text for o in cand.options} - right
        assert right == {"入户走访率", "问题解决率", "群众满意率"}  # every member
        # Members of the other total that read alike (…率), never the 账 of a third one.
        assert wrong and wrong <= {"党员参与率", "政策知晓率"}
        assert len(cand.options) >= 4
        assert any("校验" in r for r in cand.quality.reasons)


def test_an_article_list_takes_wrong_options_from_a_list_of_the_same_kind():
    found = [c for c in _multiples(ARTICLES) if c.rule == "multiple.article_items"]
    assert found
    own = {
        "摊位登记簿": {"摊主姓名", "摊位编号", "经营品种", "经营期限"},
        "年度报告": {"摊位总数", "投诉处理情况", "卫生检查结果", "收费标准执行情况"},
    }
    for cand in found:
        assert "的事项包括____" in cand.stem
        key = next(k for k in own if k in cand.stem)
        other = set().union(*(v for k, v in own.items() if k != key))
        right = {cand.option_text(k) for k in cand.answer}
        wrong = {o.text for o in cand.options} - right
        assert right <= own[key] and wrong <= other  # never a condition of 第三条
        assert len(cand.options) >= 4


def test_a_list_without_a_sibling_of_its_kind_gives_no_multiple():
    only = ARTICLES.split("第二条")[0]
    assert not [c for c in _multiples(only) if c.rule == "multiple.article_items"]


def test_a_label_separated_from_the_list_is_never_attached_to_it():
    # "四个必须" is not the name of 常下基层、常听民声…: a clause stands between them.
    for seed in range(4):
        for c in generate(make_document(WRONG_LABEL), seed=seed, variants=5).candidates:
            assert "四个必须" not in c.stem or "常下基层" not in str(c.answer), c.stem
