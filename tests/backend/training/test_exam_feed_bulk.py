"""Released exam verdicts are applied to the book and the Leitner cards in a few statements
per cadre (a close rush feeds thousands of attempts); the outcome is exactly what applying
them one at a time gives."""

import datetime as dt
import random

import pytest
from django.utils import timezone

from apps.training.models import ExamResult, ReviewCard, WrongBookEntry
from apps.training.services import exam_feed
from tests import factories

pytestmark = pytest.mark.django_db


def _results(user, verdicts, start, first_attempt):
    rows = []
    for i, (question, correct) in enumerate(verdicts):
        rows.append(
            ExamResult.objects.create(
                user=user,
                attempt_id=first_attempt + i,
                exam_id=1,
                question=question,
                lineage=question.lineage,
                is_correct=correct,
                response=None if correct else "A",
                answered_at=start + dt.timedelta(days=i // 3, minutes=i),
                graded_at=start,
            )
        )
    return rows


def _state(user):
    entries = {
        e.lineage: (e.wrong_count, e.right_streak, e.resolved_at, e.last_wrong_at, e.question_id)
        for e in WrongBookEntry.objects.filter(user=user)
    }
    cards = {
        c.lineage: (c.box, c.due_on, c.last_reviewed_on, c.question_id)
        for c in ReviewCard.objects.filter(user=user)
    }
    return entries, cards


def test_applying_many_verdicts_at_once_equals_one_at_a_time(tree, content):
    rng = random.Random(7)
    questions = content.questions[:4]
    verdicts = [(rng.choice(questions), rng.random() < 0.5) for _ in range(30)]
    start = timezone.now() - dt.timedelta(days=12)
    one, many = factories.make_user(tree.village_a1), factories.make_user(tree.village_a1)
    now = timezone.now()
    for result in _results(one, verdicts, start, 1000):
        exam_feed._apply(result, now)
    exam_feed._apply_many(_results(many, verdicts, start, 5000), now)
    assert _state(one) == _state(many)
    assert _state(many)[0], "some verdicts were wrong: the book is not empty"


def test_applying_the_verdicts_of_many_cadres_together_keeps_each_cadre_apart(tree, content):
    rng = random.Random(11)
    questions = content.questions[:4]
    start = timezone.now() - dt.timedelta(days=12)
    now = timezone.now()
    people = [factories.make_user(tree.village_a1) for _ in range(3)]
    alone = [factories.make_user(tree.village_a1) for _ in range(3)]
    together = []
    for n, (person, single) in enumerate(zip(people, alone, strict=True)):
        verdicts = [(rng.choice(questions), rng.random() < 0.5) for _ in range(12)]
        exam_feed._apply_many(_results(single, verdicts, start, 100 * n), now)
        together += _results(person, verdicts, start, 1000 + 100 * n)
    together.sort(key=lambda r: (r.user_id, r.answered_at))
    exam_feed._apply_many(together, now)
    for person, single in zip(people, alone, strict=True):
        assert _state(person) == _state(single)
