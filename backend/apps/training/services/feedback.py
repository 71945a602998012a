"""Grade one training answer with the exams app's rules and build the feedback a cadre sees.

Grading itself lives in apps.exams.services.grading; training only adapts its result.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from apps.exams.services import grading
from apps.questions.models import Question
from apps.questions.services.rendering import render_question_text
from question_bank import question_types
from question_bank.explanations import quotes_source


@dataclass(frozen=True)
class Grade:
    is_correct: bool
    score: Decimal
    max_score: Decimal


def grade(question: Question, response) -> Grade:
    """Training shows options in their own order and scores multiple choice all-or-nothing."""
    points = grading.q2(question.default_points)
    item = grading.score_item(question.type, question.answer, response, points)
    return Grade(is_correct=bool(item.correct), score=item.score, max_score=points)


def display_answer(question: Question):
    """The key in the response's own shape; fill-in shows each blank's first accepted text."""
    return question_types.get(question.type).display_key(question.answer)


def feedback(question: Question, response, result: Grade) -> dict:
    """What the cadre sees right after answering: verdict, key, explanation and source."""
    passage = question.source_passage
    return {
        "question_id": question.pk,
        "is_correct": result.is_correct,
        "score": result.score,
        "max_score": result.max_score,
        "response": response,
        "correct_answer": display_answer(question),
        "accepted_answers": question.answer
        if question_types.get(question.type).has_blanks
        else None,
        "explanation": question.explanation,
        "explanation_html": question.explanation_html or render_question_text(question.explanation),
        "source": {
            "quote": ""
            if quotes_source(question.explanation, question.source_quote)
            else question.source_quote,
            "passage_id": passage.key if passage else None,
            "material_id": passage.material_id if passage else None,
        },
        "key_held": False,
    }


def without_key(shown: dict) -> dict:
    """The verdict without the key, for a question whose key an exam now holds."""
    return {
        **shown,
        "correct_answer": None,
        "accepted_answers": None,
        "explanation": "",
        "explanation_html": "",
        "source": {"quote": "", "passage_id": None, "material_id": None},
        "key_held": True,
    }


def feedback_for_answer(answer, hide_key: bool = False) -> dict:
    """Feedback rebuilt from a stored PracticeAnswer (for reopening a session or quiz);
    `hide_key` when the key is held now (an exam opened since, or one is being sat)."""
    question = answer.question
    result = Grade(
        is_correct=answer.is_correct,
        score=answer.score,
        max_score=grading.q2(question.default_points),
    )
    shown = feedback(question, answer.response, result)
    return without_key(shown) if hide_key else shown
