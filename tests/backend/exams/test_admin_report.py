"""The exam monitor in the Django admin: progress, statistics and item analysis on one
page, limited to the admin's scope, refreshing itself while the exam is open."""

import pytest

from apps.exams.models import Attempt
from tests import factories
from tests.backend.exams.conftest import make_exam
from tests.backend.exams.test_admin_endpoints import _sit

pytestmark = pytest.mark.django_db


def report_url(exam) -> str:
    return f"/admin/exams/exam/{exam.pk}/report/"


def test_the_monitor_shows_progress_stats_and_items(
    client, client_for, county_admin, tree, paper, questions
):
    exam = make_exam(tree, paper, audience_units=[tree.town_a])
    for user, answer in zip(
        [factories.make_user(tree.village_a1) for _ in range(4)], "BBAA", strict=True
    ):
        _sit(client_for, user, exam, questions, answer)
    factories.make_user(tree.village_a2, real_name="未参加者")
    Attempt.objects.update(pending_review=False)
    county_admin.is_staff = True
    county_admin.save()
    client.force_login(county_admin)

    listing = client.get("/admin/exams/exam/").content.decode()
    assert report_url(exam) in listing
    page = client.get(report_url(exam)).content.decode()
    assert "未开始 <strong>1</strong>" in page and "已交卷 <strong>4</strong>" in page
    assert "未参加者" in page and "测试县/甲镇/二村" in page
    assert "参考 4 / 5 人（参考率 80%）" in page and "平均分 2.00" in page
    assert questions["single"].stem[:10] in page and "单选" in page
    assert "50%" in page  # the single-choice question: half got it right
    assert 'http-equiv="refresh"' in page  # open now, so it refreshes itself
    assert f"/api/v1/exams/{exam.pk}/results.xlsx" in page


def test_another_townships_admin_gets_404(client, tree, paper):
    exam = make_exam(tree, paper, org_unit=tree.town_a, audience_units=[tree.town_a])
    outsider = factories.make_user(tree.town_b, admin_of=[tree.town_b], is_staff=True)
    client.force_login(outsider)
    assert client.get(report_url(exam)).status_code == 404
    insider = factories.make_user(tree.town_a, admin_of=[tree.town_a], is_staff=True)
    client.force_login(insider)
    page = client.get(report_url(exam)).content.decode()
    assert "还没有已交卷的答卷" in page


def test_a_closed_exam_does_not_refresh(client, tree, paper, county_admin):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    exam = make_exam(
        tree, paper, opens_at=now - timedelta(days=2), closes_at=now - timedelta(days=1)
    )
    county_admin.is_staff = True
    county_admin.save()
    client.force_login(county_admin)
    page = client.get(report_url(exam)).content.decode()
    assert "已结束" in page and 'http-equiv="refresh"' not in page


def test_a_township_admin_follows_the_county_exam_for_their_own_people(
    client, client_for, tree, paper, questions
):
    """A county exam for the whole county: each township's admin sees its progress, its
    statistics and its results sheet, with their own people only, and cannot act on it."""
    from io import BytesIO

    from openpyxl import load_workbook

    exam = make_exam(tree, paper, audience_units=[tree.county])
    a_person = factories.make_user(tree.village_a1, real_name="甲镇考生")
    b_person = factories.make_user(tree.village_b1, real_name="乙镇考生")
    for person in (a_person, b_person):
        _sit(client_for, person, exam, questions, "B")
    town_a_admin = factories.make_user(tree.town_a, admin_of=[tree.town_a])
    api = client_for(town_a_admin)

    progress = api.get(f"/api/v1/exams/{exam.pk}/progress").json()
    assert {row["unit"]["full_name"] for row in progress["units"]} <= {
        "测试县/甲镇/一村",
        "测试县/甲镇/二村",
        "测试县/甲镇",
    }
    assert progress["totals"]["submitted"] == 1
    sheet = load_workbook(BytesIO(api.get(f"/api/v1/exams/{exam.pk}/results.xlsx").content))
    names = [row[1].value for row in sheet.worksheets[0].iter_rows(min_row=2)]
    assert names == [a_person.display_name]
    # Reading is not owning: flagging the county's questions stays with the county.
    assert api.post(f"/api/v1/exams/{exam.pk}/items/flag").status_code == 404

    client.force_login(town_a_admin)
    assert report_url(exam) in client.get("/admin/exams/exam/").content.decode()
    page = client.get(report_url(exam)).content.decode()
    assert "已交卷 <strong>1</strong>" in page
    assert "乙镇" not in page  # neither the other township's units nor its people


def test_an_exam_for_another_township_stays_hidden(client, client_for, tree, paper):
    exam = make_exam(tree, paper, org_unit=tree.county, audience_units=[tree.town_b])
    town_a_admin = factories.make_user(tree.town_a, admin_of=[tree.town_a])
    assert client_for(town_a_admin).get(f"/api/v1/exams/{exam.pk}/progress").status_code == 404
    client.force_login(town_a_admin)
    assert client.get(report_url(exam)).status_code == 404
    assert report_url(exam) not in client.get("/admin/exams/exam/").content.decode()


def test_granting_change_rights_still_leaves_a_followed_exam_read_only(client, tree, paper):
    from django.contrib.auth.models import Permission

    exam = make_exam(tree, paper, audience_units=[tree.county])
    own = make_exam(tree, paper, org_unit=tree.town_a, audience_units=[tree.town_a])
    town_a_admin = factories.make_user(tree.town_a, admin_of=[tree.town_a])
    town_a_admin.user_permissions.add(Permission.objects.get(codename="change_exam"))
    client.force_login(town_a_admin)
    followed = client.get(f"/admin/exams/exam/{exam.pk}/change/").content.decode()
    assert 'name="title"' not in followed  # shown read-only
    assert 'name="title"' in client.get(f"/admin/exams/exam/{own.pk}/change/").content.decode()
