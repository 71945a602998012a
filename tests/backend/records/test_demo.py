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
def test_demo_period_is_computed_and_in_publicity_even_without_exam_and_call():
    out = io.StringIO()
    accounts_demo.load(out)
    demo.load(out)
    period = Period.objects.get(name=demo.PERIOD_NAME)
    assert period.status == Period.Status.PUBLICITY
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
