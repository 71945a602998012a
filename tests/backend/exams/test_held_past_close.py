"""An exam's hold on its pool's keys lasts while anyone still answers it on extra time past
its close: closes_at + the longest grant (+ the save grace), from whoever has an attempt
running. Before, the hold ended at closes_at, and a cadre on extra time could read the keys
of the questions in front of them in a grading task of another exam on the same bank, in
practice, or correct them as an admin."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from apps.exams import held_keys
from apps.exams.models import Attempt, Exam, Paper, PaperItem, PaperRule, SubjectiveGrade
from apps.questions.services.questions import HELD_FROM_ACTOR
from tests import factories
from tests.backend.exams.conftest import make_exam, put, start

pytestmark = pytest.mark.django_db

GRACE = timedelta(seconds=15)


def _grant(client, exam, user, minutes):
    reply = client.post(
        f"/api/v1/exams/{exam.pk}/extra-time",
        {"user": user.pk, "minutes": minutes, "reason": "视力障碍"},
        format="json",
    )
    assert reply.status_code == 200, reply.content
    return reply


def _close(exam, minutes_ago=1):
    """The window ends (as closing it through the console would: the row is saved)."""
    now = timezone.now()
    Exam.objects.filter(pk=exam.pk).update(
        closes_at=now - timedelta(minutes=minutes_ago), updated_at=now
    )


def _rules_exam(tree, bank, **extra) -> Exam:
    """A town A exam drawing two questions from the whole bank (so it holds the bank)."""
    paper = Paper.objects.create(title="规则卷", org_unit=tree.county, mode=Paper.Mode.RULES)
    PaperRule.objects.create(paper=paper, position=1, bank=bank, type="single", count=1, points=2)
    return make_exam(
        tree, paper, org_unit=tree.town_a, audience_units=[tree.town_a], attempts_allowed=1, **extra
    )


@pytest.fixture
def other_exam_task(tree, questions):
    """A closed exam of town B whose short answer (from the same bank) waits for grading."""
    paper = Paper.objects.create(title="乙镇卷", org_unit=tree.town_b)
    PaperItem.objects.create(paper=paper, position=1, question=questions["short_answer"], points=8)
    now = timezone.now()
    old = make_exam(
        tree,
        paper,
        title="乙镇考试",
        org_unit=tree.town_b,
        audience_units=[tree.town_b],
        opens_at=now - timedelta(days=3),
        closes_at=now - timedelta(days=2),
    )
    author = factories.make_user(tree.village_b1)
    attempt = Attempt.objects.create(
        exam=old,
        user=author,
        status="submitted",
        started_at=old.opens_at,
        deadline=old.closes_at,
        submitted_at=old.opens_at,
        layout=[{"q": questions["short_answer"].pk, "p": "8.00", "o": [], "s": ""}],
    )
    return old, SubjectiveGrade.objects.create(
        attempt=attempt, question=questions["short_answer"], points=8
    )


def test_a_grading_task_of_another_exam_stays_held_while_its_grader_answers_on_extra_time(
    tree, client_for, town_a_admin, bank, questions, other_exam_task
):
    """A reviewer in town A is still answering town A's exam ten minutes past its close; the
    town B exam they grade asks the same bank's short answer: its scoring points stay back
    until they hand in."""
    old, task = other_exam_task
    grader = factories.make_user(tree.village_a1, is_reviewer=True)
    old.graders.add(grader)
    exam = _rules_exam(tree, bank, closes_at=timezone.now() + timedelta(minutes=5))
    client = client_for(grader)
    assert client.get("/api/v1/grading-tasks/").json()["count"] == 0  # open: held
    _grant(client_for(town_a_admin), exam, grader, 20)
    running = start(client, exam).json()["id"]
    _close(exam)

    assert client.get("/api/v1/grading-tasks/").json()["count"] == 0
    assert client.get(f"/api/v1/grading-tasks/{task.pk}").status_code == 404

    assert client.post(f"/api/v1/attempts/{running}/submit").status_code == 200
    assert client.get("/api/v1/grading-tasks/").json()["count"] == 1
    shown = client.get(f"/api/v1/grading-tasks/{task.pk}")
    assert shown.status_code == 200


def test_practice_keeps_the_bank_back_only_from_whoever_still_answers(
    tree, client_for, town_a_admin, bank, questions
):
    exam = _rules_exam(tree, bank, closes_at=timezone.now() + timedelta(minutes=5))
    slow, absent = factories.make_user(tree.village_a1), factories.make_user(tree.village_a1)
    _grant(client_for(town_a_admin), exam, slow, 30)
    running = start(client_for(slow), exam).json()["id"]
    _close(exam)

    refused = client_for(slow).post("/api/v1/practice/", {"bank": bank.pk}, format="json")
    assert refused.status_code == 400
    # Someone who never started cannot start now: nothing is held from them.
    opened = client_for(absent).post("/api/v1/practice/", {"bank": bank.pk}, format="json")
    assert opened.status_code == 201, opened.json()

    client_for(slow).post(f"/api/v1/attempts/{running}/submit")
    again = client_for(slow).post("/api/v1/practice/", {"bank": bank.pk}, format="json")
    assert again.status_code == 201, again.json()


def test_the_hold_ends_at_the_close_plus_the_longest_grant_and_the_grace(
    tree, client_for, town_a_admin, bank, questions
):
    exam = _rules_exam(tree, bank, closes_at=timezone.now() + timedelta(minutes=5))
    cadre = factories.make_user(tree.village_a1)
    _grant(client_for(town_a_admin), exam, cadre, 10)
    _grant(client_for(town_a_admin), exam, factories.make_user(tree.village_a1), 5)
    exam.refresh_from_db()
    assert exam.longest_grant == timedelta(minutes=10)
    attempt = Attempt.objects.get(pk=start(client_for(cadre), exam).json()["id"])
    _close(exam, minutes_ago=0)
    exam.refresh_from_db()
    end = exam.closes_at + timedelta(minutes=10) + GRACE

    # Not yet finalized at its deadline: still held through the grace, not a moment longer.
    assert held_keys.held_for(cadre, now=end - timedelta(seconds=1)).bank_ids == {bank.pk}
    assert not held_keys.held_for(cadre, now=end + timedelta(seconds=1))
    # An attempt whose own deadline (plus the grace) passed holds nothing, even while
    # someone else's longer grant keeps the exam holding.
    Attempt.objects.filter(pk=attempt.pk).update(deadline=exam.closes_at)
    assert not held_keys.held_for(cadre, now=exam.closes_at + GRACE + timedelta(seconds=1))


def test_a_township_admin_on_extra_time_cannot_correct_the_county_exams_bank(
    tree, client_for, county_admin, bank, questions
):
    """check_not_held_from: the admin still answering the county exam may not edit its pool."""
    paper = Paper.objects.create(title="县卷", org_unit=tree.county, mode=Paper.Mode.RULES)
    PaperRule.objects.create(paper=paper, position=1, bank=bank, type="single", count=1, points=2)
    exam = make_exam(
        tree, paper, attempts_allowed=1, closes_at=timezone.now() + timedelta(minutes=5)
    )
    admin = factories.make_user(tree.town_a, admin_of=[tree.town_a])
    bank.org_unit = tree.town_a
    bank.save()
    _grant(client_for(county_admin), exam, admin, 15)
    running = start(client_for(admin), exam).json()["id"]
    _close(exam)
    question = questions["single"]

    edit = client_for(admin).patch(
        f"/api/v1/questions/{question.pk}/", {"explanation": "改过的解析"}, format="json"
    )
    assert edit.status_code == 409 and edit.json()["detail"] == HELD_FROM_ACTOR

    client_for(admin).post(f"/api/v1/attempts/{running}/submit")
    edit = client_for(admin).patch(
        f"/api/v1/questions/{question.pk}/", {"explanation": "改过的解析"}, format="json"
    )
    assert edit.status_code == 200, edit.json()


def test_without_a_grant_the_hold_still_ends_at_the_close(tree, client_for, bank, questions):
    exam = _rules_exam(tree, bank)
    cadre = factories.make_user(tree.village_a1)
    running = start(client_for(cadre), exam).json()["id"]
    assert client_for(cadre).post("/api/v1/practice/", {"bank": bank.pk}).status_code == 400
    Attempt.objects.filter(pk=running).update(deadline=timezone.now() - timedelta(minutes=2))
    _close(exam, minutes_ago=2)
    opened = client_for(cadre).post("/api/v1/practice/", {"bank": bank.pk}, format="json")
    assert opened.status_code == 201, opened.json()


def test_a_grant_longer_than_a_day_still_holds(tree, client_for, bank, questions):
    """Grants add up (600 minutes at a time): the query that finds holding exams by their
    close alone looks back one day, and finds longer grants by their size."""
    now = timezone.now()
    exam = _rules_exam(tree, bank, opens_at=now - timedelta(hours=30))
    cadre = factories.make_user(tree.village_a1)
    running = start(client_for(cadre), exam).json()["id"]
    Exam.objects.filter(pk=exam.pk).update(
        closes_at=now - timedelta(hours=26), longest_grant=timedelta(hours=30), updated_at=now
    )
    Attempt.objects.filter(pk=running).update(deadline=now + timedelta(hours=3))
    assert held_keys.held_for(cadre).bank_ids == {bank.pk}
    assert not held_keys.held_for(cadre, now=now + timedelta(hours=5))


def test_the_answer_save_path_never_asks_for_held_keys(tree, client_for, exam, questions):
    """The hold costs the hot path nothing: saving answers (one or a batch) never computes
    whose keys are held."""
    cadre = factories.make_user(tree.village_a1)
    client = client_for(cadre)
    attempt_id = start(client, exam).json()["id"]
    qid = questions["single"].pk
    with mock.patch.object(held_keys, "_fingerprint", side_effect=AssertionError) as asked:
        for seq in range(1, 4):
            assert put(client, attempt_id, qid, "B", seq).status_code == 200
        batch = client.post(
            f"/api/v1/attempts/{attempt_id}/answers/batch",
            {"answers": [{"question_id": qid, "response": "A", "seq": 9}]},
            format="json",
        )
        assert batch.status_code == 200, batch.content
    assert asked.call_count == 0
