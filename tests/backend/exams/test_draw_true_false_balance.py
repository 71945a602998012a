"""Round 17 of issue 16: the generator keeps every usable "对" of a law, so a bank may hold
far more "对" than "错"; a drawn paper keeps "对" at most three to one among its true/false
questions, wherever the bank has the "错" for it."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

from apps.exams.models import Paper, PaperRule
from apps.exams.services import papers
from apps.questions.models import Bank, Question

pytestmark = pytest.mark.django_db


def rule_paper(tree, keys: dict, rules: list[tuple[str, int]]) -> Paper:
    """A rule paper over a bank holding `keys` = {(type, answer): how many}."""
    bank = Bank.objects.create(name="判断题库", org_unit=tree.county)
    Question.objects.bulk_create(
        Question(
            bank=bank,
            type=kind,
            stem=f"{kind}{answer}第{i}题",
            options=[{"key": "A", "text": "甲"}, {"key": "B", "text": "乙"}]
            if kind == "single"
            else [],
            answer=answer,
            status="published",
        )
        for (kind, answer), count in keys.items()
        for i in range(count)
    )
    paper = Paper.objects.create(title="抽题卷", org_unit=tree.county, mode=Paper.Mode.RULES)
    for position, (kind, count) in enumerate(rules, start=1):
        PaperRule.objects.create(
            paper=paper, position=position, bank=bank, type=kind, count=count, points=Decimal(1)
        )
    papers.forget()
    return paper


def drawn_keys(paper: Paper) -> Counter:
    ids = [qid for qid, _points, _section in papers.draw(paper)]
    assert len(ids) == len(set(ids))
    rows = Question.objects.filter(id__in=ids).values_list("type", "answer")
    return Counter((kind, answer) for kind, answer in rows if kind == "true_false")


def test_a_true_false_rule_draws_at_most_three_true_per_false(tree):
    paper = rule_paper(
        tree, {("true_false", True): 30, ("true_false", False): 4}, [("true_false", 8)]
    )
    for _ in range(20):
        keys = drawn_keys(paper)
        assert keys[("true_false", True)] + keys[("true_false", False)] == 8
        assert keys[("true_false", True)] <= 6, keys


def test_the_false_ones_a_bank_lacks_leave_the_draw_as_it_is(tree):
    """One "错" in the bank: the paper holds it and seven "对"; a bank of "对" only still draws."""
    paper = rule_paper(
        tree, {("true_false", True): 30, ("true_false", False): 1}, [("true_false", 8)]
    )
    for _ in range(10):
        assert drawn_keys(paper) == Counter({("true_false", True): 7, ("true_false", False): 1})
    only_true = rule_paper(tree, {("true_false", True): 10}, [("true_false", 4)])
    assert drawn_keys(only_true) == Counter({("true_false", True): 4})


def test_a_rule_of_any_type_balances_its_true_false_questions_and_keeps_the_rest(tree):
    paper = rule_paper(
        tree,
        {("true_false", True): 40, ("true_false", False): 10, ("single", "A"): 10},
        [("", 30)],
    )
    for _ in range(10):
        ids = [qid for qid, _p, _s in papers.draw(paper)]
        assert len(ids) == len(set(ids)) == 30
        keys = drawn_keys(paper)
        trues, falses = keys[("true_false", True)], keys[("true_false", False)]
        assert trues <= 3 * falses or falses == 10, keys


def test_a_single_true_is_allowed_and_a_balanced_draw_is_left_random(tree):
    paper = rule_paper(
        tree, {("true_false", True): 5, ("true_false", False): 5}, [("true_false", 1)]
    )
    seen = Counter()
    for _ in range(40):
        seen.update(drawn_keys(paper))
    assert seen[("true_false", True)] > 0 and seen[("true_false", False)] > 0


def test_rules_of_other_types_read_no_true_false_keys(tree):
    paper = rule_paper(tree, {("single", "A"): 6}, [("single", 3)])
    rule = paper.rules.get()
    assert papers.rule_true_false_keys(rule) == (frozenset(), frozenset())
    assert len(papers.draw(paper)) == 3
