"""多选 (issue 16 §7): only an explicit list under its own label, wrong options from sibling
lists of the same kind in the same document, four options or more, and a named total
answered by exactly the items the document gives for that name."""

from question_bank.generate import generate
from tests.question_bank.generate_helpers import ALL_RULES, make_document

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
        for c in generate(
            make_document(text), rules=ALL_RULES, types=["multiple"], seed=seed
        ).candidates
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
        # The article's own words, the options' place marked after 下列.
        assert cand.stem.endswith("应当载明下列____事项。")
        key = next(k for k in own if k in cand.stem)
        other = set().union(*(v for k, v in own.items() if k != key))
        right = {cand.option_text(k) for k in cand.answer}
        wrong = {o.text for o in cand.options} - right
        assert right <= own[key] and wrong <= other  # never a condition of 第三条
        assert len(cand.options) >= 4


CONDITIONS = """# 集市摊位管理条例
第一条 摊主有下列情形之一的，不予登记：
（一）未取得营业执照的；
（二）拒不提供身份证明的；
（三）被吊销摊位证未满一年的。
第二条 有下列行为之一的，由集市管理处收回摊位；情节严重的，处五百元以下罚款：
（一）出售过期食品的；
（二）占用消防通道摆摊的；
（三）转租摊位牟利的；
（四）损毁公共设施的。
第三条 集市管理处履行下列职责：
（一）维护集市秩序；
（二）收取摊位费用；
（三）调解交易纠纷；
（四）公示收费标准。
第四条 依照本条例第一条规定登记的摊主，享有下列权利：
（一）使用公共设施；
（二）参加摊主大会。
"""


def test_an_article_list_of_conditions_is_asked_in_its_own_words_against_other_conditions():
    found = [
        c for c in _multiples(CONDITIONS, seeds=range(10)) if c.rule == "multiple.article_items"
    ]
    assert found
    conditions = {
        "不予登记": {"未取得营业执照的", "拒不提供身份证明的", "被吊销摊位证未满一年的"},
        "收回摊位": {"出售过期食品的", "占用消防通道摆摊的", "转租摊位牟利的", "损毁公共设施的"},
    }
    stems = {c.stem for c in found}
    assert stems <= {
        "根据《集市摊位管理条例》，摊主有下列____情形之一的，不予登记。",
        # Cut at the semicolon: one consequence, not the article's next sentence.
        "根据《集市摊位管理条例》，有下列____行为之一的，由集市管理处收回摊位。",
    }
    for cand in found:
        key = next(k for k in conditions if k in cand.stem)
        right = {cand.option_text(k) for k in cand.answer}
        wrong = {o.text for o in cand.options} - right
        assert right <= conditions[key]
        # Wrong options are the other article's conditions, never a duty (维护集市秩序).
        assert wrong and wrong <= set().union(*(v for k, v in conditions.items() if k != key))
        assert len(cand.options) >= 4
    # A lead that points at another article ("依照本条例第一条规定") is never a stem.
    assert not [c for c in found if "第一条" in c.stem]


def test_a_list_without_a_sibling_of_its_kind_gives_no_multiple():
    only = ARTICLES.split("第二条")[0]
    assert not [c for c in _multiples(only) if c.rule == "multiple.article_items"]


def test_a_label_separated_from_the_list_is_never_attached_to_it():
    # "四个必须" is not the name of 常下基层、常听民声…: a clause stands between them.
    for seed in range(4):
        for c in generate(
            make_document(WRONG_LABEL), rules=ALL_RULES, seed=seed, variants=5
        ).candidates:
            assert "四个必须" not in c.stem or "常下基层" not in str(c.answer), c.stem
