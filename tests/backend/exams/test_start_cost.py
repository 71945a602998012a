"""Issue 18: the start rush stays cheap. A start costs the paper's size, never the bank's:
the same queries whether the bank holds 40 or 400 questions, and once a process has seen
the paper and its questions, no question row is read at all."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from apps.accounts.services.auth import issue_token
from apps.exams.models import Attempt, Paper, PaperRule
from apps.exams.services import papers
from apps.questions.models import Bank, Question
from tests import factories
from tests.backend.exams.conftest import ABCD, make_exam

pytestmark = pytest.mark.django_db

KINDS = {"single": ("B", ABCD), "true_false": (True, []), "fill_in": ([["答案"]], [])}


def rule_exam(tree, size: int, rules: list[tuple[str, int]]):
    """A rule paper over a bank of `size` questions of each kind in KINDS."""
    bank = Bank.objects.create(name=f"题库{size}", org_unit=tree.county)
    Question.objects.bulk_create(
        Question(
            bank=bank,
            type=kind,
            stem=f"{kind}第{i}题" + ("____" if kind == "fill_in" else ""),
            options=options,
            answer=answer,
            status="published",
        )
        for kind, (answer, options) in KINDS.items()
        for i in range(size)
    )
    paper = Paper.objects.create(title="抽题卷", org_unit=tree.county, mode=Paper.Mode.RULES)
    for position, (kind, count) in enumerate(rules, start=1):
        PaperRule.objects.create(
            paper=paper, position=position, bank=bank, type=kind, count=count, points=Decimal(1)
        )
    return make_exam(tree, paper)


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {issue_token(user)[1]}")
    return client


def start_queries(tree, exam) -> list[str]:
    client = token_client(factories.make_user(tree.village_a1))
    with CaptureQueriesContext(connection) as ctx:
        reply = client.post(f"/api/v1/exams/{exam.pk}/attempts")
    assert reply.status_code == 201, reply.content
    assert len(reply.json()["questions"]) == 12
    return [q["sql"] for q in ctx.captured_queries]


def forget_process_copies():
    from apps.exams.services import presentation

    papers.forget()
    presentation.forget()


def test_queries_per_start_do_not_grow_with_the_bank(tree):
    from apps.exams.services.presentation import shown_questions

    counts = {}
    for size in (40, 400):
        exam = rule_exam(tree, size, [("single", 6), ("true_false", 4), ("fill_in", 2)])
        forget_process_copies()
        cold = start_queries(tree, exam)  # this process has not seen the paper yet
        # A worker some way into a rush has seen every question of the pool: then a start
        # reads no question row at all.
        shown_questions(
            Question.objects.filter(bank__name=f"题库{size}").values_list("id", flat=True)
        )
        warm = [start_queries(tree, exam) for _ in range(3)]
        for queries in warm:
            assert not [sql for sql in queries if "questions_question" in sql], queries
        counts[size] = (len(cold), [len(w) for w in warm])
    assert counts[40] == counts[400], counts
    assert len(set(counts[400][1])) == 1, counts  # every warm start alike


def test_a_start_freezes_what_the_phone_is_shown(tree):
    """The looks kept per process are those of the database: a start's questions equal
    the same attempt's questions read afresh by another process (copies forgotten)."""
    exam = rule_exam(tree, 20, [("single", 6), ("true_false", 4), ("fill_in", 2)])
    client = token_client(factories.make_user(tree.village_a1))
    started = client.post(f"/api/v1/exams/{exam.pk}/attempts").json()
    forget_process_copies()
    again = client.get(f"/api/v1/attempts/{started['id']}").json()
    assert started["questions"] == again["questions"]
    fill_in = next(q for q in started["questions"] if q["type"] == "fill_in")
    assert fill_in["blanks"] == 1 and fill_in["options"] == []
    single = next(q for q in started["questions"] if q["type"] == "single")
    assert [o["key"] for o in single["options"]] == ["A", "B", "C", "D"]
    attempt = Attempt.objects.get(pk=started["id"])
    assert len(attempt.layout) == 12 and attempt.max_score == 12


def test_rules_sharing_a_bank_never_draw_a_question_twice(tree):
    """Two rules over the same 12 single-choice questions: 8 then 4 takes every one once;
    asking for one more is refused in Chinese, naming why."""
    exam = rule_exam(tree, 12, [("single", 8), ("single", 4)])
    for _ in range(5):
        drawn = [qid for qid, _, _ in papers.draw(exam.paper)]
        assert len(drawn) == len(set(drawn)) == 12
    short = rule_exam(tree, 12, [("single", 8), ("single", 5)])
    reply = token_client(factories.make_user(tree.village_a1)).post(
        f"/api/v1/exams/{short.pk}/attempts"
    )
    assert reply.status_code == 409
    assert reply.json()["detail"] == papers.DRAW_SHORT
