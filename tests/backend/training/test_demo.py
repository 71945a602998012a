"""The training demo: history for the demo cadres, and a clear skip when the bank is empty."""

import io

import pytest
from django.utils import timezone

from apps.questions.models import Bank, KnowledgePoint
from apps.training import demo, selectors
from apps.training.models import PracticeAnswer, StudyVote, WrongBookEntry
from tests import factories
from tests.backend.training.conftest import make_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_people(tree):
    return [
        factories.make_user(tree.village_a1 if n % 2 else tree.village_b1, username=f"cadre{n:02d}")
        for n in range(1, 9)
    ]


def test_demo_builds_practice_wrong_book_streak_and_votes(demo_people, tree):
    bank = Bank.objects.create(name=demo.DEMO_BANK, org_unit=tree.county)
    kp = KnowledgePoint.objects.create(name="党建", org_unit=tree.county)
    for n in range(12):
        make_question(
            bank,
            ["single", "true_false", "multiple", "fill_in"][n % 4],
            kps=[kp],
            stem=f"演示题{n}",
        )
    out = io.StringIO()
    demo.load(out)
    assert "学习练习" in out.getvalue()
    cadre01 = demo_people[0]
    assert selectors.streak(cadre01, timezone.localdate())["current"] == demo.STREAKS["cadre01"]
    assert PracticeAnswer.objects.filter(session__isnull=False).count() == 6 * len(
        demo.PRACTICE_CADRES
    )
    assert WrongBookEntry.objects.filter(resolved_at__isnull=True).exists()
    assert StudyVote.objects.filter(knowledge_point=kp).count() >= 5
    assert StudyVote.objects.filter(topic__isnull=False).exists()


def test_demo_skips_training_history_with_a_message_when_the_bank_is_empty(demo_people, tree):
    Bank.objects.create(name=demo.DEMO_BANK, org_unit=tree.county)
    out = io.StringIO()
    demo.load(out)
    assert "跳过" in out.getvalue()
    assert not PracticeAnswer.objects.exists()
