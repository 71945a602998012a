"""A shuffled attempt's result: the letters, the option texts and the explanation agree
with what the cadre saw, and the source quote is not shown twice."""

from decimal import Decimal

import pytest

from apps.exams.models import Attempt, Paper, PaperItem
from question_bank.explanations import quotes_source, remap_letters
from tests.backend.exams.conftest import ABCD, make_exam, make_question, put, start, submit

pytestmark = pytest.mark.django_db
QUOTE = "村务公开每季度至少一次，重大事项随时公开。"
SHOWN = ["D", "C", "B", "A"]  # the question's own B is shown as C


def test_remap_letters_follows_the_attempts_order():
    assert remap_letters("故选B。", SHOWN) == "故选C。"
    assert remap_letters("正确答案：A、C", SHOWN) == "正确答案：D、B"
    assert remap_letters("故选B。", ["A", "B", "C", "D"]) == "故选B。"
    assert remap_letters("ABC 三项工作", SHOWN) == "ABC 三项工作"


def test_an_explanation_that_quotes_the_source_counts_as_quoting_it():
    assert quotes_source(f"原文：“{QUOTE}”故选B。", QUOTE)
    assert not quotes_source("按规定办理。", QUOTE)


def test_shuffled_result_shows_texts_and_an_explanation_in_the_shown_letters(
    client_for, cadre, tree, bank
):
    question = make_question(bank, "single", "B", options=ABCD, source_quote=QUOTE)
    question.explanation = f"原文：“{QUOTE}”故选B。"
    question.save(update_fields=["explanation"])
    paper = Paper.objects.create(title="乱序卷", org_unit=tree.county, mode=Paper.Mode.FIXED)
    PaperItem.objects.create(paper=paper, position=1, question=question, points=Decimal(2))
    exam = make_exam(tree, paper, shuffle_options=True, pass_mark=Decimal(1))
    client = client_for(cadre)
    attempt_id = start(client, exam).json()["id"]
    attempt = Attempt.objects.get(pk=attempt_id)
    attempt.layout[0]["o"] = SHOWN
    attempt.save(update_fields=["layout"])
    put(client, attempt_id, question.pk, "C", 1)
    result = submit(client, attempt_id)["result"]
    item = result["items"][0]
    assert item["correct"] is True and item["answer"] == "C"
    assert item["options"] == [
        {"key": "A", "text": "选项D"},
        {"key": "B", "text": "选项C"},
        {"key": "C", "text": "选项B"},
        {"key": "D", "text": "选项A"},
    ]
    assert "故选C" in item["explanation_html"] and "故选B" not in item["explanation_html"]
    assert item["source"] is None or item["source"]["quote"] == ""
