"""The rule registry (issue 16): every rule is one registered object, every name a
candidate carries is registered (the pipeline refuses any other), every registered rule
is exercised by a test (run alone over the fixtures below, it must fire), and a rule
switched off is off by default but can still be run by name."""

import pytest

from question_bank.errors import GenerationOptionError
from question_bank.generate import generate, registry
from question_bank.generate.registry import Rule, RuleNameError
from question_bank.ingest import ingest_bytes
from tests.question_bank import (
    generate_helpers,
    test_generate_choice,
    test_generate_law_duty,
    test_generate_named_points,
    test_generate_precision,
    test_generate_review,
    test_generate_round7_checks,
    test_generate_round8_checks,
    test_generate_round9_other,
    test_generate_round10_other,
    test_generate_round10_statute,
    test_generate_round13_speech,
    test_generate_round15_yield,
    test_generate_round16_soft,
    test_generate_speech_knowledge,
    test_generate_standalone,
    test_generate_statute_yield,
    test_round17_precision,
    test_round17_yield,
    test_round18_yield,
)
from tests.question_bank.generate_helpers import make_document

FIXTURES = [
    generate_helpers.SPEECH,
    generate_helpers.LAW,
    test_generate_choice.TOTALS,
    test_generate_choice.ARTICLES,
    test_generate_named_points.SPEECH,
    test_generate_precision.PRINCIPLES,
    test_generate_review.LINE,
    test_generate_review.DUTIES,
    test_generate_speech_knowledge.PARALLEL,
    test_generate_standalone.LAW,
    test_generate_law_duty.RULES,
    test_generate_statute_yield.PRINCIPLES,
    test_generate_round7_checks.NATIONAL_FIGURES,
    test_generate_round8_checks.SPEECH,
    test_generate_round10_statute.SYSTEMS,
    test_generate_round10_statute.LISTS,
    test_generate_round10_statute.DAYS_AND_CLASSES,
    test_generate_round9_other.SPEECH + test_generate_round9_other.QA,
    test_generate_round10_other.GRAIN,
    test_generate_round10_other.HANDOUT,
    test_generate_round13_speech.LAW,
    test_generate_round15_yield.LAW_TEXT,
    test_generate_round16_soft.DUTIES,
    test_round17_yield.SYSTEMS,
    "# " + test_round17_precision.RIGHTS_LAW,
    "# 示范讲话\n一、要求\n防火工作实行地方各级人民政府行政首长负责制，统一指挥。\n",
    "# 示范条例\n第一条 村民委员会不得擅自增设收费项目。\n第二条 村民会议每年至少召开一次。\n"
    "第三条 集市管理处应当公布收费标准。\n",
    test_round18_yield.FIGURES,
]


def test_every_rule_is_registered_once_with_a_type_and_a_base_score():
    rules = registry.all_rules()
    assert len(rules) >= 20
    for name, rule in rules.items():
        assert isinstance(rule, Rule) and rule.name == name
        assert rule.type in (*generate_helpers_types(), registry.ANY_TYPE)
        assert 0.4 <= rule.base <= 0.9
    assert set(registry.OFF) <= set(rules)  # the off table names only real rules


def generate_helpers_types():
    from question_bank.generate import QUESTION_TYPES

    return QUESTION_TYPES


@pytest.mark.parametrize("name", [n for n in registry.all_rules() if n != "llm"])
def test_every_registered_rule_fires_on_a_test_fixture(name):
    """Run alone over the fixtures, each rule proposes something and names it right
    (the pipeline raises RuleNameError for a candidate under another name)."""
    found = [
        c
        for text in FIXTURES
        for seed in range(3)
        for c in generate(make_document(text), seed=seed, rules=[name], variants=5).candidates
    ]
    assert found, f"{name}: no fixture exercises this rule"
    assert {c.rule for c in found} == {name}


def test_rules_are_switched_off_by_name_and_can_still_be_run():
    rules = registry.all_rules()
    off = next(n for n in registry.OFF if rules[n].type in ("true_false", "fill_in"))
    assert off not in {r.name for r in registry.selected(("true_false", "fill_in"))}
    assert off in {r.name for r in registry.selected(("true_false", "fill_in"), [off])}
    with pytest.raises(GenerationOptionError, match="未知出题规则"):
        generate(make_document(generate_helpers.LAW), rules=["fill.nonexistent"])


def test_a_rule_proposing_under_another_name_is_a_programming_error(monkeypatch):
    rule = registry.all_rules()["fill.definition"]

    def wrong(ctx, sentence):
        for cand in rule.propose(ctx, sentence):
            cand.rule = "fill.slogan"
            yield cand

    monkeypatch.setitem(
        registry._RULES, "fill.definition", Rule(rule.name, rule.type, rule.base, wrong, True)
    )
    with pytest.raises(RuleNameError):
        generate(make_document(generate_helpers.SPEECH), rules=["fill.definition"])


def test_every_registered_rule_is_named_in_a_test_of_its_behaviour():
    """Besides firing on a fixture above, each rule name is spelled out in some test file
    other than this one (a test of what the rule does, not only that it runs)."""
    from pathlib import Path

    here = Path(__file__)
    text = "".join(
        p.read_text("utf-8") for p in here.parent.glob("test_*.py") if p.name != here.name
    )
    missing = [n for n in registry.all_rules() if n != "llm" and f'"{n}"' not in text]
    assert not missing, f"no test names these rules: {missing}"


# The broad range (宽松出题): a county's own rules are asked, naming the document; a speech's
# own arrangements are not, whatever the range.
COUNTY_RULES = (
    "# 松溪县便民服务大厅工作规则\n\n一、办理时限\n\n"
    "一般事项应当在3个工作日内办结，复杂事项最长不超过10个工作日。\n\n"
    "二、首问负责\n\n窗口工作人员实行首问负责制，不得推诿群众。\n"
)
COUNTY_SPEECH = (
    "在全县便民服务工作会议上的讲话\n\n同志们：\n\n今年我们要把便民服务抓紧抓实。"
    "一般事项应当在3个工作日内办结，复杂事项最长不超过10个工作日。各乡镇要在6月底前完成大厅改造。\n"
)


def test_broad_range_asks_a_county_rules_own_figures_naming_the_rules():
    document = ingest_bytes(COUNTY_RULES.encode(), "rules.txt")
    assert generate(document).candidates == []  # strict: no national source, no question
    broad = generate(document, rules=registry.broad_rules(), local_figures=True).candidates
    assert broad and all(c.stem.startswith("根据《松溪县便民服务大厅工作规则》，") for c in broad)


def test_broad_range_leaves_a_speech_s_own_arrangements_alone():
    document = ingest_bytes(COUNTY_SPEECH.encode(), "speech.txt")
    assert generate(document, rules=registry.broad_rules(), local_figures=True).candidates == []


def test_broad_range_leaves_out_the_rules_judged_mostly_wrong():
    broad = set(registry.broad_rules())
    assert broad.isdisjoint(registry.NOT_EVEN_BROAD)
    assert broad | registry.NOT_EVEN_BROAD == set(registry.all_rules())
