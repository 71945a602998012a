"""Org admins: papers with rule checks, exams, progress/stats/items/xlsx, regrade, scope."""

from datetime import timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from django.utils import timezone

from apps.exams.models import Attempt, Paper, RegradeRun, ScoreChange
from apps.exams.services import regrade
from apps.questions.models import Bank, Question, QuestionReview
from tests import factories
from tests.backend.exams.conftest import make_exam, make_paper, make_question, put, start

pytestmark = pytest.mark.django_db


def test_rule_paper_names_the_rule_that_falls_short(
    client_for, county_admin, tree, bank, questions
):
    client = client_for(county_admin)
    body = {
        "title": "规则卷",
        "mode": "rules",
        "org_unit": tree.county.pk,
        "rules": [
            {"bank": bank.pk, "type": "single", "count": 1, "points": "2"},
            {"bank": bank.pk, "type": "multiple", "count": 3, "points": "4", "section": "多选"},
        ],
    }
    res = client.post("/api/v1/papers/", body, format="json")
    assert res.status_code == 400
    assert res.json()["errors"]["rules.1"] == [
        "第2条规则（题库「测试题库」，题型多选）只有 1 道已发布试题，不足 3 道"
    ]
    assert not Paper.objects.exists()
    body["rules"][1]["count"] = 1
    res = client.post("/api/v1/papers/", body, format="json")
    assert res.status_code == 201
    preview = client.get(f"/api/v1/papers/{res.json()['id']}/preview").json()
    assert preview["question_count"] == 2 and preview["total_points"] == "6.00"


def test_fixed_paper_refuses_unpublished_question(client_for, county_admin, tree, bank, questions):
    draft = make_question(bank, "single", "A", options=[{"key": "A", "text": "x"}], status="draft")
    body = {
        "title": "固定卷",
        "mode": "fixed",
        "org_unit": tree.county.pk,
        "items": [
            {"question_id": questions["single"].pk, "points": "2"},
            {"question_id": draft.pk, "points": "2"},
        ],
    }
    res = client_for(county_admin).post("/api/v1/papers/", body, format="json")
    assert res.status_code == 400 and "items.1" in res.json()["errors"]


def test_paper_locked_once_started(client_for, county_admin, cadre, tree, exam, questions):
    start(client_for(cadre), exam)
    body = {
        "title": "改",
        "mode": "fixed",
        "org_unit": tree.county.pk,
        "items": [{"question_id": questions["single"].pk, "points": "2"}],
    }
    res = client_for(county_admin).put(f"/api/v1/papers/{exam.paper_id}", body, format="json")
    assert res.status_code == 409 and res.json()["code"] == "paper_in_use"


def test_admin_creates_exam_and_window_order_checked(client_for, county_admin, tree, paper):
    client = client_for(county_admin)
    opens = timezone.now() + timedelta(days=3)
    body = {
        "title": "新考试",
        "org_unit": tree.county.pk,
        "paper": paper.pk,
        "opens_at": opens.isoformat(),
        "closes_at": (opens - timedelta(hours=1)).isoformat(),
        "duration_minutes": 60,
        "audience_units": [tree.town_a.pk],
    }
    res = client.post("/api/v1/exams/", body, format="json")
    assert res.status_code == 400 and "closes_at" in res.json()["errors"]
    body["closes_at"] = (opens + timedelta(hours=2)).isoformat()
    res = client.post("/api/v1/exams/", body, format="json")
    assert res.status_code == 201 and res.json()["state"] == "draft"
    res = client.post(f"/api/v1/exams/{res.json()['id']}/publish", {}, format="json")
    assert res.status_code == 200 and res.json()["state"] == "upcoming"


def test_admin_of_another_township_gets_404(client_for, town_b_admin, town_a_admin, tree, paper):
    exam = make_exam(tree, paper, org_unit=tree.town_a, audience_units=[tree.town_a])
    other = client_for(town_b_admin)
    for suffix in ("progress", "stats", "items", "results.xlsx"):
        assert other.get(f"/api/v1/exams/{exam.pk}/{suffix}").status_code == 404
    assert other.get(f"/api/v1/exams/{exam.pk}").status_code == 404
    assert client_for(town_a_admin).get(f"/api/v1/exams/{exam.pk}/progress").status_code == 200


def _sit(client_for, user, exam, questions, single):
    client = client_for(user)
    attempt_id = start(client, exam).json()["id"]
    put(client, attempt_id, questions["single"].pk, single, 1)
    put(client, attempt_id, questions["true_false"].pk, single == "B", 2)
    client.post(f"/api/v1/attempts/{attempt_id}/submit")
    return attempt_id


def test_progress_stats_items_and_xlsx(client_for, county_admin, tree, paper, questions):
    exam = make_exam(tree, paper, audience_units=[tree.town_a])
    people = [factories.make_user(tree.village_a1) for _ in range(4)]
    waiting = factories.make_user(tree.village_a2, real_name="未参加者")
    for user, answer in zip(people, "BBAA", strict=True):
        _sit(client_for, user, exam, questions, answer)
    Attempt.objects.update(pending_review=False)  # treat short answers as graded 0 for stats
    client = client_for(county_admin)
    progress = client.get(f"/api/v1/exams/{exam.pk}/progress").json()
    assert progress["totals"] == {"not_started": 1, "in_progress": 0, "submitted": 4}
    assert any(waiting.real_name in row["not_started_names"] for row in progress["units"])
    stats = client.get(f"/api/v1/exams/{exam.pk}/stats").json()
    assert stats["participants"] == 4 and stats["audience"] == 5 and stats["mean"] == "2.00"
    items = {
        i["question_id"]: i for i in client.get(f"/api/v1/exams/{exam.pk}/items").json()["items"]
    }
    single = items[questions["single"].pk]
    assert (
        single["facility"] == 0.5
        and single["discrimination"] == 1.0
        and single["choices"] == {"B": 2, "A": 2}
    )
    assert single["mean_seconds"] is not None
    res = client.get(f"/api/v1/exams/{exam.pk}/results.xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(res.content)).worksheets[0]
    assert sheet.cell(1, 1).value == "工号" and sheet.max_row == 5


def test_low_discrimination_flagged_back_to_review(
    client_for, county_admin, tree, paper, questions, settings
):
    settings.EXAM_ITEM_MIN_ATTEMPTS = 4
    exam = make_exam(tree, paper, audience_units=[tree.town_a])
    # Strong people get the single-choice question wrong, weak people get it right: negative discrimination.
    for single, tf in (("A", True), ("A", True), ("B", False), ("B", False)):
        client = client_for(factories.make_user(tree.village_a1))
        attempt_id = start(client, exam).json()["id"]
        put(client, attempt_id, questions["single"].pk, single, 1)
        put(client, attempt_id, questions["true_false"].pk, tf, 2)
        put(client, attempt_id, questions["fill_in"].pk, ["乡村振兴", "abc"] if tf else [], 3)
        client.post(f"/api/v1/attempts/{attempt_id}/submit")
    res = client_for(county_admin).post(f"/api/v1/exams/{exam.pk}/items/flag")
    assert questions["single"].pk in res.json()["flagged"]
    questions["single"].refresh_from_db()
    assert questions["single"].status == "pending"
    assert QuestionReview.objects.filter(
        question=questions["single"], reason="low_discrimination"
    ).exists()


def test_regrade_after_key_correction_reports_changes_and_keeps_history(
    client_for, county_admin, tree, exam, questions
):
    right = _sit(client_for, factories.make_user(tree.village_a1), exam, questions, "B")
    wrong = _sit(client_for, factories.make_user(tree.village_a1), exam, questions, "C")
    client = client_for(county_admin)
    bad = client.post(
        "/api/v1/regrades/",
        {"question_id": questions["single"].pk, "answer": "C", "reason": ""},
        format="json",
    )
    assert bad.status_code == 400 and "reason" in bad.json()["errors"]
    res = client.post(
        "/api/v1/regrades/",
        {"question_id": questions["single"].pk, "answer": "C", "reason": "原答案有误"},
        format="json",
    )
    assert res.status_code == 201
    assert res.json()["attempts_rescored"] == 2 and res.json()["scores_changed"] == 2
    assert Attempt.objects.get(pk=right).score == Decimal(
        "2.00"
    )  # lost the single, kept true/false
    assert Attempt.objects.get(pk=wrong).score == Decimal("2.00")  # gained the single
    change = ScoreChange.objects.filter(attempt_id=right, kind="regrade").get()
    assert (
        change.actor == county_admin
        and "原答案有误" in change.reason
        and change.old_score == Decimal("4.00")
    )
    assert Question.objects.get(pk=questions["single"].pk).answer == "C"
    again = client.post(
        "/api/v1/regrades/",
        {"question_id": questions["single"].pk, "answer": "C", "reason": "重复"},
        format="json",
    )
    assert again.json()["scores_changed"] == 0


def test_regrade_refuses_bad_key(client_for, county_admin, questions):
    res = client_for(county_admin).post(
        "/api/v1/regrades/",
        {"question_id": questions["single"].pk, "answer": "Z", "reason": "x"},
        format="json",
    )
    assert res.status_code == 400 and "answer" in res.json()["errors"]


def test_a_township_cannot_rescore_the_countys_exam_by_correcting_its_own_question(
    client_for, county_admin, tree, questions
):
    """甲镇's question sits in the county's exam, which 乙镇's cadre took: correcting its key
    would change 乙镇's scores, so only the county (the exam's organizer) may."""
    town_bank = Bank.objects.create(name="甲镇题库", org_unit=tree.town_a)
    Question.objects.filter(pk=questions["single"].pk).update(bank=town_bank)
    exam = make_exam(tree, make_paper(tree, questions, ["single", "true_false"]))
    taken = _sit(client_for, factories.make_user(tree.village_b1), exam, questions, "C")
    before = Attempt.objects.get(pk=taken).score
    town_admin = factories.make_user(tree.town_a, is_cadre=False, admin_of=[tree.town_a])
    body = {"question_id": questions["single"].pk, "answer": "C", "reason": "本镇认为答案有误"}

    refused = client_for(town_admin).post("/api/v1/regrades/", body, format="json")

    assert refused.status_code == 403, refused.content.decode()
    assert refused.json()["detail"] == regrade.USED_OUTSIDE_SCOPE
    assert Question.objects.get(pk=questions["single"].pk).answer == "B"
    assert Attempt.objects.get(pk=taken).score == before
    assert not RegradeRun.objects.exists()
    done = client_for(county_admin).post("/api/v1/regrades/", body, format="json")
    assert done.status_code == 201 and done.json()["scores_changed"] == 1


def test_a_townships_exam_never_sends_the_countys_questions_back_to_review(
    client_for, tree, paper, questions, settings
):
    """甲镇's own exam draws the county's questions: its item analysis may flag only 甲镇's
    questions, or a township could unpublish the county's bank (and the county's exams)."""
    settings.EXAM_ITEM_MIN_ATTEMPTS = 4
    Paper.objects.filter(pk=paper.pk).update(org_unit=tree.town_a)
    exam = make_exam(tree, paper, org_unit=tree.town_a, audience_units=[tree.town_a])
    for single, tf in (("A", True), ("A", True), ("B", False), ("B", False)):
        client = client_for(factories.make_user(tree.village_a1))
        attempt_id = start(client, exam).json()["id"]
        put(client, attempt_id, questions["single"].pk, single, 1)
        put(client, attempt_id, questions["true_false"].pk, tf, 2)
        client.post(f"/api/v1/attempts/{attempt_id}/submit")
    town_admin = factories.make_user(tree.town_a, is_cadre=False, admin_of=[tree.town_a])

    res = client_for(town_admin).post(f"/api/v1/exams/{exam.pk}/items/flag")

    assert res.status_code == 200 and res.json()["flagged"] == []
    assert Question.objects.get(pk=questions["single"].pk).status == "published"
