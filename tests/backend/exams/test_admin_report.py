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
