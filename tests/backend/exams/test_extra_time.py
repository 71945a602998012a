"""Extra time for one person who has not started yet: the console's grant is kept
(ExtraTime), logged with its reason, shown in the monitor's person row, and added to the
deadline of the attempt the person starts."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.exams.models import Attempt, ExamLog, ExtraTime
from apps.exams.services import answer_store, extra_time, lifecycle
from tests import factories
from tests.backend.exams.conftest import make_exam, start

pytestmark = pytest.mark.django_db


def _grant(client, exam, user, minutes=15, reason="视力障碍，需放大字体"):
    return client.post(
        f"/api/v1/exams/{exam.pk}/extra-time",
        {"user": user.pk, "minutes": minutes, "reason": reason},
        format="json",
    )


def _town_exam(tree, paper, **window):
    """An exam of town A for town A's people."""
    return make_exam(tree, paper, org_unit=tree.town_a, audience_units=[tree.town_a], **window)


def _row(client, exam, user) -> dict:
    people = client.get(f"/api/v1/exams/{exam.pk}/monitor").json()["people"]
    return next(p for p in people if p["user_id"] == user.pk)


def test_a_grant_before_start_is_added_when_the_person_starts(
    client_for, town_a_admin, tree, paper
):
    exam = _town_exam(tree, paper)
    cadre = factories.make_user(tree.village_a1)
    other = factories.make_user(tree.village_a1)
    admin = client_for(town_a_admin)
    assert _grant(admin, exam, cadre, 15).status_code == 200
    assert _grant(admin, exam, cadre, 5, "补发 5 分钟").status_code == 200
    assert ExtraTime.objects.get(exam=exam, user=cadre).minutes == 20
    row = _row(admin, exam, cadre)
    assert (row["state"], row["extra_minutes"]) == ("not_started", 20)
    assert _row(admin, exam, other)["extra_minutes"] == 0
    logs = list(ExamLog.objects.filter(kind="extra_time").order_by("id"))
    assert [log.reason for log in logs] == ["视力障碍，需放大字体", "补发 5 分钟"]
    assert "开始作答时生效" in logs[0].detail and "共延时 20 分钟" in logs[1].detail
    assert logs[0].user == cadre and logs[0].actor == town_a_admin

    shown = client_for(cadre).get(f"/api/v1/exams/{exam.pk}").json()
    assert shown["extra_minutes"] == 20
    assert client_for(other).get(f"/api/v1/exams/{exam.pk}").json()["extra_minutes"] == 0
    mine = Attempt.objects.get(pk=start(client_for(cadre), exam).json()["id"])
    theirs = Attempt.objects.get(pk=start(client_for(other), exam).json()["id"])
    assert mine.deadline - mine.started_at == timedelta(minutes=30 + 20)
    assert theirs.deadline - theirs.started_at == timedelta(minutes=30)
    row = _row(admin, exam, cadre)
    assert row["state"] == "in_progress" and row["extra_minutes"] == 20
    assert row["seconds_left"] > 49 * 60


def test_a_grant_reaches_past_the_windows_end(client_for, town_a_admin, tree, paper):
    now = timezone.now()
    exam = _town_exam(
        tree,
        paper,
        closes_at=now + timedelta(minutes=5),
    )
    cadre = factories.make_user(tree.village_a1)
    assert _grant(client_for(town_a_admin), exam, cadre, 10).status_code == 200
    attempt = Attempt.objects.get(pk=start(client_for(cadre), exam).json()["id"])
    assert attempt.deadline == exam.closes_at + timedelta(minutes=10)


def test_a_grant_can_be_made_before_the_exam_opens(client_for, town_a_admin, tree, paper):
    now = timezone.now()
    exam = _town_exam(
        tree,
        paper,
        opens_at=now + timedelta(hours=1),
        closes_at=now + timedelta(hours=3),
    )
    cadre = factories.make_user(tree.village_a1)
    assert _grant(client_for(town_a_admin), exam, cadre, 30).status_code == 200
    assert ExtraTime.objects.get(exam=exam, user=cadre).minutes == 30


def test_extending_the_window_keeps_the_persons_extra_time(client_for, town_a_admin, tree, paper):
    now = timezone.now()
    exam = _town_exam(
        tree,
        paper,
        closes_at=now + timedelta(minutes=10),
    )
    cadre = factories.make_user(tree.village_a1)
    admin = client_for(town_a_admin)
    assert _grant(admin, exam, cadre, 15).status_code == 200
    attempt = Attempt.objects.get(pk=start(client_for(cadre), exam).json()["id"])
    later = exam.closes_at + timedelta(hours=1)
    lifecycle.extend(exam, town_a_admin, closes_at=later, reason="停电顺延")
    attempt.refresh_from_db()
    assert attempt.deadline == attempt.started_at + timedelta(minutes=30 + 15)


def test_a_grant_nobody_could_use_is_refused_and_stores_nothing(
    client_for, town_a_admin, tree, paper
):
    exam = _town_exam(
        tree,
        paper,
        include_subunits=False,
        attempts_allowed=1,
    )
    admin = client_for(town_a_admin)
    village = factories.make_user(tree.village_a1)  # below the audience unit: not in it
    res = _grant(admin, exam, village)
    assert res.status_code == 400 and "参考范围" in res.json()["errors"]["user"][0]

    done = factories.make_user(tree.town_a)
    attempt = start(client_for(done), exam).json()
    client_for(done).post(f"/api/v1/attempts/{attempt['id']}/submit")
    res = _grant(admin, exam, done)
    assert res.status_code == 400 and "次数已用完" in res.json()["errors"]["user"][0]

    res = _grant(admin, exam, factories.make_user(tree.town_a), reason=" ")
    assert res.status_code == 400 and "reason" in res.json()["errors"]

    outside = factories.make_user(tree.village_b1)
    assert _grant(admin, exam, outside).status_code == 404  # not the admin's person
    assert not ExtraTime.objects.exists()
    assert not ExamLog.objects.filter(kind="extra_time").exists()


def test_no_grant_once_the_exam_has_closed(client_for, town_a_admin, tree, paper):
    exam = _town_exam(tree, paper)
    admin = client_for(town_a_admin)
    assert admin.post(f"/api/v1/exams/{exam.pk}/close", {"reason": "结束"}).status_code == 200
    res = _grant(admin, exam, factories.make_user(tree.village_a1))
    assert res.status_code == 409 and "延时" in res.json()["detail"]
    assert not ExtraTime.objects.exists()


def test_two_catch_ups_of_one_attempt_count_the_grant_once(client_for, tree, paper):
    """A grant the start did not see when it wrote the attempt, caught up twice (the start's
    own catch-up running with a stale copy after another mover): 15 minutes, not 30."""
    exam = _town_exam(tree, paper)
    cadre = factories.make_user(tree.village_a1)
    attempt_id = start(client_for(cadre), exam).json()["id"]
    stale = Attempt.objects.get(pk=attempt_id)
    ExtraTime.objects.create(exam=exam, user=cadre, minutes=15)
    extra_time.catch_up(Attempt.objects.get(pk=attempt_id))
    extra_time.catch_up(stale)
    attempt = Attempt.objects.get(pk=attempt_id)
    assert attempt.deadline - attempt.started_at == timedelta(minutes=45)
    assert attempt.extra_minutes == 15
    # The save path's cached deadline follows the row, so no save is refused early.
    assert answer_store.get_meta(attempt_id)["d"] == attempt.deadline.timestamp()


def test_a_grant_while_answering_adds_only_its_own_minutes(client_for, town_a_admin, tree, paper):
    exam = _town_exam(tree, paper)
    cadre = factories.make_user(tree.village_a1)
    lifecycle.extra_time(exam, town_a_admin, user=cadre, minutes=10, reason="视力障碍")
    attempt = Attempt.objects.get(pk=start(client_for(cadre), exam).json()["id"])
    assert (attempt.deadline - attempt.started_at, attempt.extra_minutes) == (
        timedelta(minutes=40),
        10,
    )
    lifecycle.extra_time(exam, town_a_admin, user=cadre, minutes=5, reason="补发")
    attempt.refresh_from_db()
    assert (attempt.deadline - attempt.started_at, attempt.extra_minutes) == (
        timedelta(minutes=45),
        15,
    )
    assert answer_store.get_meta(attempt.pk)["d"] == attempt.deadline.timestamp()


def test_answers_after_the_close_wait_for_whoever_still_answers_on_extra_time(
    client_for, town_a_admin, tree, paper, questions
):
    """The window closes while one cadre still has 10 minutes of extra time: a neighbour who
    finished must not see the keys ("after the exam") and pass them on until that attempt
    is in too."""
    now = timezone.now()
    exam = _town_exam(
        tree, paper, closes_at=now + timedelta(minutes=5), answer_release="after_close"
    )
    slow, quick = factories.make_user(tree.village_a1), factories.make_user(tree.village_a1)
    assert _grant(client_for(town_a_admin), exam, slow, 10).status_code == 200
    running = start(client_for(slow), exam).json()["id"]
    done = start(client_for(quick), exam).json()["id"]
    client_for(quick).post(f"/api/v1/attempts/{done}/submit")
    # The window has closed; the slow cadre's deadline is still ten minutes off.
    type(exam).objects.filter(pk=exam.pk).update(closes_at=now - timedelta(minutes=1))
    Attempt.objects.filter(pk=running).update(deadline=now + timedelta(minutes=9))

    early = client_for(quick).get(f"/api/v1/attempts/{done}").json()["result"]

    assert early["answers_visible"] is False and early["items"] == []
    client_for(slow).post(f"/api/v1/attempts/{running}/submit")
    late = client_for(quick).get(f"/api/v1/attempts/{done}").json()["result"]
    assert late["answers_visible"] is True and late["items"]


def test_a_mock_result_shows_no_key_while_its_cadre_answers_on_extra_time(
    client_for, town_a_admin, tree, paper, questions
):
    """The formal exam's window has closed, so it holds its pool no more, but the cadre is
    still answering it on extra time: their mock result drawing the same questions keeps
    every key back until they hand in."""
    now = timezone.now()
    formal = _town_exam(tree, paper, closes_at=now + timedelta(minutes=5))
    mock = _town_exam(tree, paper, kind="mock", answer_release="immediate")
    cadre = factories.make_user(tree.village_a1)
    practised = start(client_for(cadre), mock).json()["id"]
    client_for(cadre).post(f"/api/v1/attempts/{practised}/submit")
    assert _grant(client_for(town_a_admin), formal, cadre, 10).status_code == 200
    running = start(client_for(cadre), formal).json()["id"]
    type(formal).objects.filter(pk=formal.pk).update(closes_at=now - timedelta(minutes=1))

    during = client_for(cadre).get(f"/api/v1/attempts/{practised}").json()["result"]["items"]

    assert during and all(i["answer"] is None and i["key_held"] for i in during)
    client_for(cadre).post(f"/api/v1/attempts/{running}/submit")
    after = client_for(cadre).get(f"/api/v1/attempts/{practised}").json()["result"]["items"]
    assert any(i["answer"] is not None for i in after)
