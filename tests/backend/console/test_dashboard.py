"""工作台: the counts of what needs action, scoped to the admin and to the chosen subtree."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.cases.models import Case
from apps.cases.services import calls, cases, rubrics
from apps.common import scoping
from apps.exams.models import Attempt, SubjectiveGrade
from apps.questions.models import Bank
from apps.records.models import Period
from tests.backend.cases.conftest import CRITERIA
from tests.backend.exams.conftest import make_exam, make_paper, make_question
from tests.factories import make_user

pytestmark = pytest.mark.django_db
URL = "/api/v1/console/dashboard"


@pytest.fixture
def county_work(tree):
    """In 甲镇: 2 draft questions, 1 pending, an open exam with one submitted attempt whose
    short answer waits for grading. In 乙镇: 1 draft and a period in 公示."""
    bank_a = Bank.objects.create(name="甲镇题库", org_unit=tree.town_a)
    bank_b = Bank.objects.create(name="乙镇题库", org_unit=tree.town_b)
    for _ in range(2):
        make_question(bank_a, "true_false", True, status="draft")
    make_question(bank_a, "true_false", True, status="pending")
    make_question(bank_b, "true_false", True, status="draft")
    short = make_question(bank_a, "short_answer", "参考", status="published")
    paper = make_paper(tree, {"short_answer": short})
    exam = make_exam(
        tree, paper, title="甲镇考试", org_unit=tree.town_a, audience_units=[tree.town_a]
    )
    make_user(tree.village_a2)  # in the audience, not started
    taker = make_user(tree.village_a1)
    now = timezone.now()
    attempt = Attempt.objects.create(
        exam=exam,
        user=taker,
        status="submitted",
        started_at=now,
        deadline=now + timedelta(minutes=30),
        submitted_at=now,
        pending_review=True,
    )
    SubjectiveGrade.objects.create(attempt=attempt, question=short, points=8)
    Period.objects.create(
        name="乙镇考核",
        org_unit=tree.town_b,
        start_date=now.date(),
        end_date=now.date(),
        status=Period.Status.PUBLICITY,
        publicity_ends_at=now + timedelta(days=3),
    )
    return exam


def test_county_admin_sees_every_count(county_work, county_admin, client_for):
    body = client_for(county_admin).get(URL).json()
    assert body["counts"] == {
        "questions_draft": 3,
        "questions_pending": 1,
        "exams_open": 1,
        "answers_to_grade": 1,
        "cases_in_arbitration": 0,
        "objections_pending": 0,
        "periods_in_publicity": 1,
    }
    [exam] = body["open_exams"]
    assert (exam["title"], exam["audience"], exam["started"], exam["submitted"]) == (
        "甲镇考试",
        2,
        1,
        1,
    )
    assert [p["name"] for p in body["publicity_periods"]] == ["乙镇考核"]
    assert [u["full_name"] for u in body["scope"]] == ["测试县"]


def test_township_admin_sees_only_their_township(county_work, town_b_admin, client_for):
    counts = client_for(town_b_admin).get(URL).json()["counts"]
    assert (counts["questions_draft"], counts["exams_open"], counts["answers_to_grade"]) == (
        1,
        0,
        0,
    )
    assert counts["periods_in_publicity"] == 1


def test_the_scope_switcher_narrows_the_counts(tree, county_work, client_for):
    both = make_user(tree.town_a, admin_of=[tree.town_a, tree.town_b])
    client = client_for(both)
    assert client.get(URL).json()["counts"]["questions_draft"] == 3
    body = client.get(URL, headers={scoping.SCOPE_HEADER: str(tree.town_b.pk)}).json()
    assert body["counts"]["questions_draft"] == 1
    assert body["counts"]["answers_to_grade"] == 0
    assert [u["full_name"] for u in body["scope"]] == ["测试县/乙镇"]


def test_cases_waiting_for_arbitration_are_counted(tree, county_admin, client_for):
    rubric = rubrics.create_rubric(name="评分标准", criteria=CRITERIA)
    now = timezone.now()
    call = calls.create_call(
        by=county_admin,
        data={
            "title": "案例征集",
            "theme": "基层治理",
            "opens_at": now - timedelta(days=1),
            "closes_at": now + timedelta(days=7),
            "audience_units": [tree.county],
            "rubric": rubric,
        },
    )
    case = cases.start_case(call, make_user(tree.village_a1), title="案例", body="正文")
    Case.objects.filter(pk=case.pk).update(status=Case.Status.ARBITRATION)
    counts = client_for(county_admin).get(URL).json()["counts"]
    assert counts["cases_in_arbitration"] == 1
    # The author's township admin reads the case but cannot decide it (the county organizes
    # the call): nothing for them to act on in the 工作台.
    town_a = make_user(tree.town_a, admin_of=[tree.town_a])
    assert client_for(town_a).get(URL).json()["counts"]["cases_in_arbitration"] == 0


def test_cadres_get_403(cadre, client_for):
    assert client_for(cadre).get(URL).status_code == 403
