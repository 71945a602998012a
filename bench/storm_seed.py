"""Seeding helpers for bench/exam_storm.py and bench/exam_grading.py (run inside Django)."""

from __future__ import annotations

import random
import secrets
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from apps.accounts.models import AuthToken, OrgUnit, User
from apps.exams.models import Exam, Paper, PaperItem, PaperRule
from apps.questions.models import Bank, Question

TYPES = [("single", 40), ("multiple", 20), ("true_false", 20), ("fill_in", 20)]
ABCD = [{"key": k, "text": f"选项{k}"} for k in "ABCD"]


def unit(tag: str) -> OrgUnit:
    county = OrgUnit(name=f"压测县{tag}", kind=OrgUnit.Kind.COUNTY)
    county.save()
    town = OrgUnit(name="压测镇", parent=county, kind=OrgUnit.Kind.TOWNSHIP)
    town.save()
    return town


def cadres(town: OrgUnit, tag: str, count: int) -> list[tuple[int, str]]:
    """[(user id, token key)]."""
    password = make_password(secrets.token_hex(8))
    users = User.objects.bulk_create(
        User(username=f"b{tag}_{i:05d}", real_name=f"压测干部{i}", org_unit=town, password=password)
        for i in range(count)
    )
    built = [AuthToken.build(u, timedelta(days=1)) for u in users]
    AuthToken.objects.bulk_create(token for token, _ in built)
    return [(token.user_id, key) for token, key in built]


def bank(town: OrgUnit, tag: str, size: int) -> Bank:
    bank = Bank.objects.create(name=f"压测题库{tag}", org_unit=town)
    rows, per_type = [], size // 4
    for qtype, _ in TYPES:
        for i in range(per_type):
            rows.append(
                Question(
                    bank=bank,
                    type=qtype,
                    stem=f"压测{qtype}第{i}题：基层治理中应当如何处理？"
                    + ("____" if qtype == "fill_in" else ""),
                    options=ABCD if qtype in ("single", "multiple") else [],
                    answer={
                        "single": "B",
                        "multiple": ["A", "C"],
                        "true_false": True,
                        "fill_in": [["答案"]],
                    }[qtype],
                    status="published",
                    difficulty=random.randint(1, 5),
                )
            )
    Question.objects.bulk_create(rows, batch_size=2000)
    return bank


def rule_paper(town: OrgUnit, bank: Bank) -> Paper:
    paper = Paper.objects.create(title="压测规则卷", mode=Paper.Mode.RULES, org_unit=town)
    for i, (qtype, count) in enumerate(TYPES, start=1):
        PaperRule.objects.create(
            paper=paper, position=i, bank=bank, type=qtype, count=count, points=Decimal("1")
        )
    return paper


def fixed_paper(town: OrgUnit, bank: Bank, count: int) -> Paper:
    paper = Paper.objects.create(title="压测固定卷", mode=Paper.Mode.FIXED, org_unit=town)
    ids = Question.objects.filter(bank=bank, type="single").values_list("id", flat=True)[:count]
    PaperItem.objects.bulk_create(
        PaperItem(paper=paper, position=i, question_id=q, points=Decimal("1"))
        for i, q in enumerate(ids, 1)
    )
    return paper


def exam(town: OrgUnit, paper: Paper, title: str) -> Exam:
    now = timezone.now()
    exam = Exam.objects.create(
        title=title,
        org_unit=town,
        paper=paper,
        opens_at=now - timedelta(minutes=5),
        closes_at=now + timedelta(hours=3),
        duration_minutes=120,
        attempts_allowed=1000,
    )
    exam.audience_units.set([town])
    return exam
