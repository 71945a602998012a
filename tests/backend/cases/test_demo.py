"""The demo loads on top of the accounts demo and shows every state the issue asks for."""

import io

from apps.accounts import demo as accounts_demo
from apps.cases import demo
from apps.cases.models import Case, CaseCall


def test_demo_has_an_open_call_finished_arbitrated_and_published_cases(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    accounts_demo.load(io.StringIO())
    demo.load(io.StringIO())
    call = CaseCall.objects.get(title="2026年度典型群众工作案例征集")
    assert call.is_open
    assert [c.name for c in call.rubric.criteria.all()] == [
        "真实性",
        "典型性",
        "实效性",
        "启示性",
        "文字表达",
    ]
    statuses = sorted(Case.objects.values_list("status", flat=True))
    assert statuses == [
        "arbitration",
        "draft",
        "finished",
        "finished",
        "revision",
        "under_review",
    ]
    assert Case.objects.filter(published_at__isnull=False, is_excellent=True).count() == 2
    arbitration = Case.objects.get(status="arbitration")
    assert arbitration.assignments.filter(kind="arbitration", status="pending").count() == 1
