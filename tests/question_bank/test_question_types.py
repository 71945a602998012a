"""The question type registry: every type's label, key check, response shape, blanks and
scoring, and the one normaliser fill-in answers are compared with."""

from decimal import Decimal

import pytest

from question_bank import question_types as qt
from question_bank.answer_text import normalize_blank, numerals_to_digits

P = Decimal("2.00")
OPTIONS = [{"key": k, "text": t} for k, t in zip("ABCD", ["甲", "乙", "丙", "丁"], strict=True)]

# One well-formed question of every type: (stem, options, key, a right response, a wrong one)
EXAMPLES = {
    "single": ("题干", OPTIONS, "B", "B", "C"),
    "multiple": ("题干", OPTIONS, ["A", "C"], ["A", "C"], ["A"]),
    "true_false": ("题干", [], True, True, False),
    "fill_in": ("每月走访____户，共____年。", [], [["二十"], ["三"]], ["20", "3"], ["2", "3"]),
    "short_answer": ("简述要求。", [], "参考答案", "我的回答", None),
    "case_analysis": ("分析案例。", [], "参考答案", "我的分析", None),
}


def test_the_registry_holds_exactly_the_six_types_with_chinese_labels():
    assert qt.LABELS == {
        "single": "单选",
        "multiple": "多选",
        "true_false": "判断",
        "fill_in": "填空",
        "short_answer": "简答",
        "case_analysis": "案例分析",
    }
    assert {"short_answer", "case_analysis"} == qt.SUBJECTIVE
    assert qt.default_points("short_answer") == Decimal("10.00")
    assert qt.default_points("single") == Decimal("2.00")


@pytest.mark.parametrize("code", qt.CODES)
def test_every_type_through_key_check_shape_blanks_and_scoring(code):
    stem, options, key, right, wrong = EXAMPLES[code]
    kind = qt.get(code)
    assert qt.check_question(code, stem, options, key) == []
    blanks = kind.blank_count(stem, key)
    assert blanks == (2 if code == "fill_in" else 0)
    assert kind.response_problem(right, len(options), blanks) is None
    # the key reads back from its spreadsheet text
    assert kind.key_from_text(kind.key_to_text(key)) == key
    if kind.subjective:
        assert qt.score(code, key, right, P) == qt.ItemScore(Decimal("0.00"), None)
        return
    assert qt.score(code, key, right, P) == qt.ItemScore(P, True)
    assert qt.score(code, key, wrong, P).correct is False
    assert qt.score(code, key, None, P) == qt.ItemScore(Decimal("0.00"), False)
    # the sample responses demo data and tests use are well-formed and score as named
    sample_right = kind.right_response(key)
    sample_wrong = kind.wrong_response(key, len(options))
    assert kind.response_problem(sample_right, len(options), blanks) is None
    assert kind.response_problem(sample_wrong, len(options), blanks) is None
    assert qt.score(code, key, sample_right, P).score == P
    assert qt.score(code, key, sample_wrong, P).score == 0


@pytest.mark.parametrize(
    ("code", "response"),
    [
        ("single", ["B"]),
        ("single", "E"),
        ("multiple", ["A", "A"]),
        ("multiple", [["A"]]),
        ("true_false", "true"),
        ("fill_in", ["a", "b", "c"]),
        ("short_answer", 5),
    ],
)
def test_a_response_of_the_wrong_shape_is_refused(code, response):
    stem, options, key, *_ = EXAMPLES[code]
    kind = qt.get(code)
    assert kind.response_problem(response, len(options), kind.blank_count(stem, key))


def test_partial_credit_multiple_and_per_blank_fill_in():
    assert qt.score("multiple", ["A", "C"], ["A"], P, partial=True).score == Decimal("1.00")
    assert qt.score("multiple", ["A", "C"], ["A", "B"], P, partial=True).score == 0
    half = qt.score("fill_in", [["二十"], ["三"]], ["20", "4"], P)
    assert half == qt.ItemScore(Decimal("1.00"), False)


def test_shuffled_letters_are_mapped_back_before_comparing():
    order = ["C", "A", "B", "D"]  # displayed A shows the question's own C
    assert qt.score("single", "C", "A", P, order).correct is True
    assert qt.get("single").display_key("C", order) == "A"
    assert qt.get("multiple").display_key(["A", "C"], order) == ["A", "B"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("十五", "15"),
        ("二百", "200"),
        ("一百二十", "120"),
        ("两", "2"),
        ("百分之十", "10%"),
        ("百分之十", "１０％"),
        (" 15 ", "十五"),
        ("１５", "15"),
        ("三万五千", "35000"),
        ("二〇二五年", "2025年"),
        ("十五个工作日", "15个工作日"),
        ("三点五", "3.5"),
        ("一百零五", "105"),
    ],
)
def test_numbers_written_either_way_compare_equal(a, b):
    assert normalize_blank(a) == normalize_blank(b)


@pytest.mark.parametrize(("a", "b"), [("十五", "5"), ("3.5", "35"), ("一百", "10")])
def test_different_numbers_stay_different(a, b):
    assert normalize_blank(a) != normalize_blank(b)


def test_words_that_only_look_like_units_are_left_alone():
    assert numerals_to_digits("千万不要") == "千万不要"
    assert numerals_to_digits("百姓") == "百姓"


def test_fifteen_scores_on_a_chinese_numeral_blank_and_back():
    assert qt.score("fill_in", [["十五"]], ["15"], P).correct is True
    assert qt.score("fill_in", [["15"]], ["十五"], P).correct is True


def test_duplicates_are_spotted_whatever_order_or_numeral_the_key_uses():
    from question_bank.similarity import content_key

    stem = "一般诉求____个工作日内答复。"
    assert content_key("fill_in", stem, [], [["五", "5"]]) == content_key(
        "fill_in", stem, [], ["5"]
    )
    assert content_key("multiple", "题", OPTIONS, ["C", "A"]) == content_key(
        "multiple", "题", OPTIONS, ["A", "C"]
    )
