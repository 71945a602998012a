"""The demo bank the exams demo builds on, and the review batch `make run` shows."""

import time
from io import StringIO

from apps.accounts import demo as accounts_demo
from apps.questions import demo
from apps.questions.models import OBJECTIVE_TYPES, Bank, Question


def test_demo_loads_a_published_bank_and_a_pending_batch(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
    accounts_demo.load(StringIO())
    started = time.perf_counter()
    demo.load(StringIO())
    print(f"questions demo: {time.perf_counter() - started:.1f}s")
    bank = Bank.objects.get(name=demo.BANK_NAME)
    published = Question.objects.filter(
        bank=bank, status=Question.Status.PUBLISHED, is_current=True
    )
    assert published.count() >= 60
    assert published.filter(type__in=OBJECTIVE_TYPES).count() >= 40
    assert published.filter(type__in=["short_answer", "case_analysis"]).count() >= 3
    assert {q.type for q in published} == {
        "single",
        "multiple",
        "true_false",
        "fill_in",
        "short_answer",
        "case_analysis",
    }
    for question in published:
        assert question.knowledge_points.exists() and question.source_passage is not None
    subjective = published.filter(type="case_analysis").first()
    assert sum(float(p["score"]) for p in subjective.scoring_points) == float(
        subjective.default_points
    )
    pending = Question.objects.filter(
        bank=bank, status=Question.Status.PENDING, generation_batch__isnull=False
    )
    assert pending.count() > 0
