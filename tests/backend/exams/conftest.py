"""Fixtures for exams: a bank with one question of each type, papers and exams around now."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from apps.exams.models import Attempt, Exam, Paper, PaperItem
from apps.questions.models import Bank, KnowledgePoint, Material, Passage, Question
from tests.backend.exams import live


def make_question(
    bank, qtype, answer, *, options=None, stem="", status="published", **extra
) -> Question:
    return Question.objects.create(
        bank=bank,
        type=qtype,
        stem=stem or f"{qtype} 题干",
        options=options or [],
        answer=answer,
        status=status,
        explanation=f"{qtype} 的解析",
        **extra,
    )


ABCD = [{"key": k, "text": f"选项{k}"} for k in "ABCD"]


@pytest.fixture
def bank(tree):
    return Bank.objects.create(name="测试题库", org_unit=tree.county)


@pytest.fixture
def questions(bank, tree):
    """single (B), multiple (A, C), true_false (true), fill_in (2 blanks), short_answer."""
    material = Material.objects.create(
        title="乡村振兴学习材料", org_unit=tree.county, text="一段文字"
    )
    passage = Passage.objects.create(
        material=material, key="p1", position=1, kind="paragraph", text="一段文字", start=0, end=4
    )
    kp = KnowledgePoint.objects.create(name="基层治理", org_unit=tree.county)
    qs = {
        "single": make_question(
            bank, "single", "B", options=ABCD, source_passage=passage, source_quote="一段文字"
        ),
        "multiple": make_question(bank, "multiple", ["A", "C"], options=ABCD),
        "true_false": make_question(bank, "true_false", True),
        "fill_in": make_question(
            bank, "fill_in", [["乡村振兴", "振兴乡村"], ["ABC"]], stem="____和____"
        ),
        "short_answer": make_question(
            bank, "short_answer", "参考答案", scoring_points=[{"point": "要点一", "score": "4.00"}]
        ),
    }
    for q in qs.values():
        q.knowledge_points.add(kp)
    return qs


POINTS = {"single": 2, "multiple": 4, "true_false": 2, "fill_in": 4, "short_answer": 8}


def make_paper(tree, questions, kinds=None) -> Paper:
    paper = Paper.objects.create(title="测试试卷", org_unit=tree.county, mode=Paper.Mode.FIXED)
    for i, kind in enumerate(kinds or list(questions), start=1):
        PaperItem.objects.create(
            paper=paper,
            position=i,
            question=questions[kind],
            points=Decimal(POINTS[kind]),
            section="",
        )
    return paper


def make_exam(tree, paper, **extra) -> Exam:
    now = timezone.now()
    values = {
        "title": "测试考试",
        "org_unit": tree.county,
        "paper": paper,
        "opens_at": now - timedelta(hours=1),
        "closes_at": now + timedelta(hours=2),
        "duration_minutes": 30,
        "attempts_allowed": 2,
        "pass_mark": Decimal("12"),
        "answer_release": Exam.Release.IMMEDIATE,
    }
    values.update(extra)
    units = values.pop("audience_units", [tree.county])
    exam = Exam.objects.create(**values)
    exam.audience_units.set(units)
    return exam


@pytest.fixture
def paper(tree, questions):
    return make_paper(tree, questions)


@pytest.fixture
def exam(tree, paper):
    return make_exam(tree, paper)


def start(client, exam):
    return client.post(f"/api/v1/exams/{exam.pk}/attempts")


def submit(client, attempt_id) -> dict:
    """Submit as the phone does, then load the attempt as its result page does: the submit's
    own reply is light (status and score), the full result comes with the attempt."""
    reply = client.post(f"/api/v1/attempts/{attempt_id}/submit")
    assert reply.status_code == 200, reply.content
    return client.get(f"/api/v1/attempts/{attempt_id}").json()


def put(client, attempt_id, qid, response, seq):
    return client.put(
        f"/api/v1/attempts/{attempt_id}/answers/{qid}",
        {"response": response, "seq": seq},
        format="json",
    )


@pytest.fixture
def feeds_settled(transactional_db):
    """After the test, and before its data is truncated: every finalized attempt's feed,
    which the live server runs after commit, has finished (else teardown deadlocks with it)."""
    yield
    due = Attempt.objects.filter(status=Attempt.Status.SUBMITTED, feed_applied_at__isnull=True)
    live.wait_for_feeds(list(due.values_list("pk", flat=True)))
