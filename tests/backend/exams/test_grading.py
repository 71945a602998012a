"""Scoring each question type and policy (pure functions, no database)."""

from decimal import Decimal

import pytest

from apps.exams.services.grading import normalize_blank, score_item, split_points

P = Decimal("4.00")


@pytest.mark.parametrize(
    ("response", "order", "score", "correct"),
    [
        ("B", None, P, True),
        ("A", None, 0, False),
        (None, None, 0, False),
        ("A", ["B", "A", "C", "D"], P, True),
    ],
)
def test_single_choice_maps_displayed_letters_back(response, order, score, correct):
    result = score_item("single", "B", response, P, order)
    assert (result.score, result.correct) == (score, correct)


def test_true_false_needs_a_boolean():
    assert score_item("true_false", True, True, P).score == P
    assert score_item("true_false", True, "true", P).score == 0
    assert score_item("true_false", False, False, P).correct is True


@pytest.mark.parametrize(
    ("response", "partial", "score"),
    [
        (["A", "C"], False, P),
        (["C", "A"], True, P),
        (["A"], False, 0),
        (["A"], True, Decimal("2.00")),
        (["A", "B"], True, 0),
        (["A", "B", "C"], True, 0),
        ([], True, 0),
    ],
)
def test_multiple_all_or_nothing_or_half_for_correct_subset(response, partial, score):
    assert score_item("multiple", ["A", "C"], response, P, None, partial).score == score


def test_multiple_with_shuffled_options():
    order = ["C", "D", "A", "B"]  # displayed A = own C, displayed C = own A
    assert score_item("multiple", ["A", "C"], ["A", "C"], P, order).correct is True
    assert score_item("multiple", ["A", "C"], ["B", "D"], P, order).score == 0


def test_fill_in_per_blank_with_width_space_punctuation_and_synonyms():
    key = [["乡村振兴", "振兴乡村"], ["ABC"]]
    assert score_item("fill_in", key, ["乡村 振兴。", "ａｂｃ"], P).score == P
    partial = score_item("fill_in", key, ["振兴乡村", "abd"], P)
    assert (partial.score, partial.correct) == (Decimal("2.00"), False)
    assert score_item("fill_in", key, ["", ""], P).score == 0


def test_fill_in_points_split_exactly():
    assert split_points(Decimal("1.00"), 3) == [Decimal("0.33"), Decimal("0.33"), Decimal("0.34")]
    key = [["a"], ["b"], ["c"]]
    assert score_item("fill_in", key, ["a", "b", "c"], Decimal("1.00")).score == Decimal("1.00")


def test_normalize_blank_folds_full_width_and_drops_punctuation():
    assert normalize_blank("（Ａ Ｂ）、c！") == "abc"


def test_subjective_waits_for_reviewer():
    result = score_item("short_answer", "参考", "我的回答", P)
    assert result.correct is None and result.score == 0
