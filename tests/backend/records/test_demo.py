"""The demo period loads over the demo county, with or without the demo exam and case call."""

import io

import pytest

from apps.accounts import demo as accounts_demo
from apps.records import demo
from apps.records.models import Period, Record
from tests.backend.records.conftest import make_attempt, make_call, make_exam


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    """The accounts demo hashes ~60 passwords; PBKDF2 would dominate this test's time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.mark.django_db
def test_demo_periods_are_computed_and_in_publicity_even_without_exam_and_call():
    out = io.StringIO()
    accounts_demo.load(out)
    demo.load(out)
    period = Period.objects.get(name=demo.PERIOD_NAME)
    assert period.status == Period.Status.PUBLICITY
    assert Period.objects.get(name=demo.HALF_NAME).status == Period.Status.PUBLICITY
    assert not Record.objects.filter(total__isnull=True).exists()
    assert "未找到演示正式考试" in out.getvalue() and "未找到演示案例征集" in out.getvalue()
    assert sum(c.weight for c in period.components.all()) == 100
    record = Record.objects.get(period=period, user__username="cadre01")
    kinds = {s.component.name: s.inputs for s in record.scores.select_related("component")}
    assert kinds["入户走访率"][0]["type"] == "indicator" and kinds["民调"][0]["unit"].endswith(
        "桃源村"
    )
    assert Record.objects.filter(period=period, user__username__startswith="cadre").count() == 50


@pytest.mark.django_db
def test_demo_period_uses_the_demo_exam_and_case_call():
    from apps.accounts.models import OrgUnit, User

    out = io.StringIO()
    accounts_demo.load(out)
    county = OrgUnit.objects.get(name=accounts_demo.COUNTY)
    exam = make_exam(county, demo.EXAM_TITLE)
    make_call(county, demo.CALL_TITLE)
    make_attempt(exam, User.objects.get(username="cadre05"), "88")
    demo.load(out)
    period = Period.objects.get(name=demo.PERIOD_NAME)
    assert list(period.exams.all()) == [exam]
    record = Record.objects.get(period=period, user__username="cadre05")
    assert record.scores.get(component__kind="exam").score == 88
    # The exam and the call have closed: nothing is 待定, so the year goes into 公示.
    assert period.status == Period.Status.PUBLICITY


@pytest.mark.django_db
def test_a_demo_period_whose_exam_is_open_waits_and_shows_no_zero():
    """The demo's formal exam is still open: its period is computed as a preview, not published,
    and no cadre's 理论考试 reads 0."""
    from datetime import timedelta

    from django.utils import timezone

    from apps.accounts.models import OrgUnit
    from apps.records.models import ComponentScore

    out = io.StringIO()
    accounts_demo.load(out)
    county = OrgUnit.objects.get(name=accounts_demo.COUNTY)
    exam = make_exam(county, demo.EXAM_TITLE)
    exam.closes_at = timezone.now() + timedelta(days=3)
    exam.save()
    demo.load(out)
    period = Period.objects.get(name=demo.PERIOD_NAME)
    assert period.status == Period.Status.OPEN
    assert "尚不能公示" in out.getvalue() and demo.EXAM_TITLE in out.getvalue()
    parts = ComponentScore.objects.filter(record__period=period, component__kind="exam")
    assert parts.exists()
    assert set(parts.values_list("status", flat=True)) == {ComponentScore.Status.PENDING}
    assert not parts.filter(score=0).exists()
