"""Publishing an exam with a notice: the notice reaches exactly the exam's audience (its
units with or without sub-units, its roles, the people it names), no one else."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.exams.services import lifecycle
from apps.exams.services.exams import in_audience
from apps.notices.models import Notice
from apps.notices.selectors import notices_for_reader
from tests import factories
from tests.backend.exams.conftest import make_exam

pytestmark = pytest.mark.django_db


def _population(tree) -> list:
    people = []
    for unit in (tree.county, tree.town_a, tree.village_a1, tree.village_a2, tree.town_b):
        people.append(factories.make_user(unit))
        people.append(factories.make_user(unit, is_cadre=False, is_reviewer=True))
    return people


def _draft(tree, paper, **audience):
    return make_exam(tree, paper, org_unit=tree.town_a, status="draft", **audience)


@pytest.mark.parametrize("include_subunits", [False, True])
def test_the_notice_reaches_exactly_the_exams_audience(tree, paper, town_a_admin, include_subunits):
    people = _population(tree)
    named = factories.make_user(tree.village_a2, is_cadre=False)
    exam = _draft(
        tree,
        paper,
        audience_units=[tree.town_a],
        include_subunits=include_subunits,
        audience_roles=["cadre"],
    )
    exam.audience_users.set([named])
    lifecycle.publish(exam, town_a_admin, notice=True)
    notice = Notice.objects.get()
    for person in [*people, named]:
        got = notice in notices_for_reader(person)
        assert got == in_audience(exam, person), (person.org_unit.name, person.roles)
    readers = {p.org_unit.name for p in people if notice in notices_for_reader(p)}
    assert readers == ({"甲镇", "一村", "二村"} if include_subunits else {"甲镇"})


def test_an_exam_for_named_people_only_notifies_only_them(tree, paper, town_a_admin):
    people = _population(tree)
    named = factories.make_user(tree.village_a1)
    exam = _draft(tree, paper, audience_units=[])
    exam.audience_users.set([named])
    lifecycle.publish(exam, town_a_admin, notice=True)
    notice = Notice.objects.get()
    assert notice in notices_for_reader(named)
    assert not [p for p in people if notice in notices_for_reader(p)]


def test_an_exam_for_a_role_only_notifies_that_role_of_the_organizing_unit(
    tree, paper, town_a_admin
):
    people = _population(tree)
    exam = _draft(tree, paper, audience_units=[], audience_roles=["reviewer"])
    lifecycle.publish(exam, town_a_admin, notice=True)
    notice = Notice.objects.get()
    for person in people:
        assert (notice in notices_for_reader(person)) == in_audience(exam, person)


def test_an_exams_notice_names_its_exam_stays_editable_and_ends_with_a_cancel(
    tree, paper, town_a_admin, client_for
):
    """The console labels it with its exam; a cancelled exam's notice stops showing."""
    cadre = factories.make_user(tree.village_a1)
    exam = _draft(tree, paper, audience_units=[tree.town_a])
    lifecycle.publish(exam, town_a_admin, notice=True)
    client = client_for(town_a_admin)
    [row] = client.get("/api/v1/notices/").json()["results"]
    assert row["exam"] == exam.pk and row["exam_title"] == exam.title
    res = client.patch(
        f"/api/v1/notices/{row['id']}", {"body": "请提前十分钟登录。"}, format="json"
    )
    assert res.status_code == 200 and res.json()["exam"] == exam.pk
    assert notices_for_reader(cadre).count() == 1

    lifecycle.cancel(exam, town_a_admin, reason="改期")
    assert not notices_for_reader(cadre).exists()
    assert Notice.objects.get().status() == "expired"
    assert lifecycle.NOTICES_WITHDRAWN in exam.logs.get(kind="cancel").detail


def test_a_cancel_also_ends_an_exam_notice_scheduled_for_later(tree, paper, town_a_admin):
    exam = _draft(tree, paper, audience_units=[tree.town_a])
    lifecycle.publish(exam, town_a_admin, notice=True)
    later = timezone.now() + timedelta(days=2)
    Notice.objects.update(published_at=later)
    lifecycle.cancel(exam, town_a_admin, reason="改期")
    notice = Notice.objects.get()
    assert notice.status() == "expired" and notice.published_at <= timezone.now()
    assert notice.expires_at == notice.published_at
