"""The console's exam side: the lifecycle (draft → published → open → closed, and after
opening only extend, extra time, close early, cancel), the two release settings, the
monitor's figures, one-item flags, paper copies and the rule builder's live counts."""

import io
from datetime import timedelta

import openpyxl
import pytest
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from apps.exams.models import Attempt, Exam, ExamLog
from apps.notices.models import Notice
from apps.questions.models import Question
from tests import factories
from tests.backend.exams.conftest import make_exam, put, start

pytestmark = pytest.mark.django_db


def _body(tree, paper, **changes):
    paper.org_unit = tree.town_a  # the township's own paper
    paper.save()
    opens = timezone.now() + timedelta(hours=1)
    return {
        "title": "乡镇考试",
        "org_unit": tree.town_a.pk,
        "paper": paper.pk,
        "opens_at": opens.isoformat(),
        "closes_at": (opens + timedelta(hours=2)).isoformat(),
        "duration_minutes": 10,
        "audience_units": [tree.town_a.pk],
        **changes,
    }


def test_a_draft_is_hidden_until_published_with_a_notice(client_for, town_a_admin, tree, paper):
    admin = client_for(town_a_admin)
    cadre = factories.make_user(tree.village_a1)
    exam_id = admin.post("/api/v1/exams/", _body(tree, paper), format="json").json()["id"]
    mine = client_for(cadre).get("/api/v1/exams/?mine=1").json()["results"]
    assert exam_id not in [e["id"] for e in mine]
    assert client_for(cadre).get(f"/api/v1/exams/{exam_id}").status_code == 404
    res = admin.post(f"/api/v1/exams/{exam_id}/publish", {"notice": True}, format="json")
    assert res.status_code == 200 and res.json()["status"] == "published"
    notice = Notice.objects.get()
    assert "乡镇考试" in notice.title and list(notice.audience_units.all()) == [tree.town_a]
    mine = client_for(cadre).get("/api/v1/exams/?mine=1").json()["results"]
    assert exam_id in [e["id"] for e in mine]
    again = admin.post(f"/api/v1/exams/{exam_id}/publish", {}, format="json")
    assert again.status_code == 409


def test_an_open_exam_takes_only_lifecycle_actions(client_for, town_a_admin, tree, paper):
    exam = make_exam(tree, paper, org_unit=tree.town_a, audience_units=[tree.town_a])
    admin = client_for(town_a_admin)
    res = admin.patch(f"/api/v1/exams/{exam.pk}", {"title": "改名"}, format="json")
    assert res.status_code == 409 and "延长" in res.json()["detail"]
    no_reason = admin.post(f"/api/v1/exams/{exam.pk}/close", {"reason": ""}, format="json")
    assert no_reason.status_code == 400 and "reason" in no_reason.json()["errors"]
    later = exam.closes_at + timedelta(hours=1)
    res = admin.post(
        f"/api/v1/exams/{exam.pk}/extend",
        {"closes_at": later.isoformat(), "reason": "停电顺延"},
        format="json",
    )
    assert res.status_code == 200
    exam.refresh_from_db()
    assert exam.closes_at == later
    res = admin.post(f"/api/v1/exams/{exam.pk}/cancel", {"reason": "改期"}, format="json")
    assert res.json()["state"] == "cancelled"
    kinds = list(ExamLog.objects.filter(exam=exam).values_list("kind", "reason"))
    assert ("extend", "停电顺延") in kinds and ("cancel", "改期") in kinds


def test_extra_time_moves_one_attempts_deadline(client_for, town_a_admin, tree, paper):
    exam = make_exam(tree, paper, org_unit=tree.town_a, audience_units=[tree.town_a])
    cadre = factories.make_user(tree.village_a1)
    other = factories.make_user(tree.village_a1)
    attempt = start(client_for(cadre), exam).json()
    other_attempt = start(client_for(other), exam).json()
    before = Attempt.objects.get(pk=attempt["id"]).deadline
    admin = client_for(town_a_admin)
    res = admin.post(
        f"/api/v1/exams/{exam.pk}/extra-time",
        {"user": cadre.pk, "minutes": 15, "reason": "手机没电，借用他人手机"},
        format="json",
    )
    assert res.status_code == 200
    moved = client_for(cadre).get(f"/api/v1/attempts/{attempt['id']}").json()
    assert moved["deadline"] != attempt["deadline"]
    assert Attempt.objects.get(pk=attempt["id"]).deadline == before + timedelta(minutes=15)
    qid = attempt["questions"][0]["id"]
    saved = put(client_for(cadre), attempt["id"], qid, None, 1).json()
    moved = parse_datetime(saved["deadline"]) - (before + timedelta(minutes=15))
    assert abs(moved) < timedelta(milliseconds=1)  # the reply carries the new deadline
    other_row = Attempt.objects.get(pk=other_attempt["id"])
    assert other_row.deadline < before + timedelta(minutes=1)  # only that person's
    log = ExamLog.objects.get(kind="extra_time")
    assert log.user == cadre and log.actor == town_a_admin and "15 分钟" in log.detail


def test_closing_early_hands_in_attempts(client_for, town_a_admin, tree, paper, questions):
    exam = make_exam(tree, paper, org_unit=tree.town_a, audience_units=[tree.town_a])
    cadre = factories.make_user(tree.village_a1)
    attempt = start(client_for(cadre), exam).json()
    put(client_for(cadre), attempt["id"], questions["true_false"].pk, True, 1)
    res = client_for(town_a_admin).post(
        f"/api/v1/exams/{exam.pk}/close", {"reason": "考场秩序问题"}, format="json"
    )
    assert res.status_code == 200 and res.json()["state"] == "closed"
    row = Attempt.objects.get(pk=attempt["id"])
    assert row.status == "submitted" and row.submit_reason == "deadline"


@pytest.mark.parametrize(
    ("score_release", "answer_release", "score_shown", "answers_shown"),
    [
        ("immediate", "never", True, False),
        ("after_close", "immediate", False, False),
        ("never", "never", False, False),
        ("immediate", "immediate", True, True),
    ],
)
def test_the_two_release_settings(
    client_for, tree, paper, score_release, answer_release, score_shown, answers_shown
):
    exam = make_exam(tree, paper, score_release=score_release, answer_release=answer_release)
    cadre = factories.make_user(tree.village_a1)
    card = client_for(cadre).get(f"/api/v1/exams/{exam.pk}").json()
    labels = dict(Exam.Release.choices)
    assert card["score_release_label"] == labels[score_release]
    assert card["answer_release_label"] == labels[answer_release]
    attempt = start(client_for(cadre), exam).json()
    reply = client_for(cadre).post(f"/api/v1/attempts/{attempt['id']}/submit").json()
    assert reply["score_visible"] is score_shown
    assert (reply["score"] is not None) is score_shown
    result = client_for(cadre).get(f"/api/v1/attempts/{attempt['id']}").json()["result"]
    assert result["score_visible"] is score_shown
    assert (result["score"] is not None) is score_shown
    assert bool(result["items"]) is answers_shown


def test_the_monitor_figures_reconcile(client_for, county_admin, tree, paper, questions):
    exam = make_exam(tree, paper, audience_units=[tree.town_a])
    sitting, done, idle = (factories.make_user(tree.village_a1) for _ in range(3))
    attempt = start(client_for(sitting), exam).json()
    for seq, kind in enumerate(["single", "true_false", "multiple"], start=1):
        response = {"single": "B", "true_false": True, "multiple": ["A", "C"]}[kind]
        put(client_for(sitting), attempt["id"], questions[kind].pk, response, seq)
    finished = start(client_for(done), exam).json()
    client_for(done).post(f"/api/v1/attempts/{finished['id']}/submit")
    body = client_for(county_admin).get(f"/api/v1/exams/{exam.pk}/monitor").json()
    totals = body["totals"]
    people = {p["user_id"]: p for p in body["people"]}
    assert people[sitting.pk]["state"] == "in_progress" and people[sitting.pk]["answered"] == 3
    assert people[sitting.pk]["total"] == 5 and people[sitting.pk]["seconds_left"] > 0
    assert people[done.pk]["state"] == "submitted"
    handed_in = totals["submitted"] + totals["auto_submitted"]
    assert totals["graded"] + totals["waiting_grading"] == handed_in == 1
    assert totals["waiting_grading"] == 1  # the short answer waits for a reviewer
    everyone = totals["not_started"] + totals["in_progress"] + handed_in
    assert everyone == totals["audience"] + totals["outside_audience"]
    assert "应考" in body["audience_rule"]
    sheet = client_for(county_admin).get(f"/api/v1/exams/{exam.pk}/not-started.xlsx")
    assert sheet.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(sheet.content))
    names = [row[2] for row in book.active.iter_rows(min_row=2, values_only=True)]
    assert names == [idle.display_name]


def test_flagging_one_item_sends_it_back_to_review(client_for, county_admin, tree, paper):
    exam = make_exam(tree, paper)
    cadre = factories.make_user(tree.village_a1)
    attempt = start(client_for(cadre), exam).json()
    client_for(cadre).post(f"/api/v1/attempts/{attempt['id']}/submit")
    qid = attempt["questions"][0]["id"]
    admin = client_for(county_admin)
    res = admin.post(
        f"/api/v1/exams/{exam.pk}/items/{qid}/flag", {"reason": "选项表述有歧义"}, format="json"
    )
    assert res.status_code == 200 and Question.objects.get(pk=qid).status == "pending"
    again = admin.post(f"/api/v1/exams/{exam.pk}/items/{qid}/flag", {"reason": "x"}, format="json")
    assert again.status_code == 409


def test_paper_copy_and_rule_availability(client_for, county_admin, tree, paper, bank, questions):
    admin = client_for(county_admin)
    exam = make_exam(tree, paper)
    start(client_for(factories.make_user(tree.village_a1)), exam)
    read = admin.get(f"/api/v1/papers/{paper.pk}").json()
    assert read["in_use"] is True and read["question_count"] == 5
    copy = admin.post(f"/api/v1/papers/{paper.pk}/copy").json()
    assert copy["in_use"] is False and copy["title"].endswith("（副本）")
    assert [i["question_id"] for i in copy["items"]] == [i["question_id"] for i in read["items"]]
    rules = [
        {"bank": bank.pk, "type": "single", "count": 1, "points": "2"},
        {"bank": bank.pk, "type": "single", "count": 3, "points": "2"},
    ]
    rows = admin.post("/api/v1/papers/availability", {"rules": rules}, format="json").json()
    assert [(r["available"], r["shortfall"]) for r in rows] == [(1, 0), (1, 2)]


def test_the_head_count_stays_inside_the_admins_subtree(client_for, town_a_admin, tree):
    factories.make_user(tree.village_a1)
    factories.make_user(tree.village_a2)
    factories.make_user(tree.village_a1, is_cadre=False, is_reviewer=True)
    admin = client_for(town_a_admin)
    body = {"org_unit": tree.town_a.pk, "audience_units": [tree.town_a.pk]}
    everyone = admin.post("/api/v1/exams/audience-count", body, format="json").json()
    cadres = admin.post(
        "/api/v1/exams/audience-count", {**body, "audience_roles": ["cadre"]}, format="json"
    ).json()
    assert everyone["count"] == cadres["count"] + 1  # the reviewer who is no cadre
    outside = {"org_unit": tree.town_a.pk, "audience_units": [tree.town_b.pk]}
    res = admin.post("/api/v1/exams/audience-count", outside, format="json")
    assert res.status_code == 400 and "audience_units.0" in res.json()["errors"]


def test_score_sheet_and_grading_progress(client_for, county_admin, tree, paper, questions):
    import docx

    exam = make_exam(tree, paper, audience_units=[tree.town_a])
    done = factories.make_user(tree.village_a1, real_name="交卷者")
    factories.make_user(tree.village_a2, real_name="缺考者")
    attempt = start(client_for(done), exam).json()
    client_for(done).post(f"/api/v1/attempts/{attempt['id']}/submit")
    admin = client_for(county_admin)
    res = admin.get(f"/api/v1/exams/{exam.pk}/score-sheet.docx")
    assert res.status_code == 200
    document = docx.Document(io.BytesIO(res.content))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "交卷者" in cells and "待评分" in cells  # the short answer waits for a reviewer
    assert "缺考者" in cells and "未参加" in cells
    assert len(document.tables) == 2  # one page per unit (一村, 二村)
    one_unit = admin.get(f"/api/v1/exams/{exam.pk}/score-sheet.docx?unit={tree.village_a2.pk}")
    assert len(docx.Document(io.BytesIO(one_unit.content)).tables) == 1
    bad = admin.get(f"/api/v1/exams/{exam.pk}/score-sheet.docx?unit=x")
    assert bad.status_code == 400 and "unit" in bad.json()["errors"]
    progress = admin.get(f"/api/v1/exams/{exam.pk}/grading").json()
    assert (progress["total"], progress["graded"], progress["waiting"]) == (1, 0, 1)
    assert progress["questions"][0]["question_id"] == questions["short_answer"].pk


def test_a_township_admin_follows_the_countys_exam_read_only(client_for, town_a_admin, tree, paper):
    county_exam = make_exam(tree, paper, audience_units=[tree.county])
    own = make_exam(tree, paper, org_unit=tree.town_a, audience_units=[tree.town_a])
    admin = client_for(town_a_admin)
    listed = {e["id"]: e["can_manage"] for e in admin.get("/api/v1/exams/").json()["results"]}
    assert listed == {county_exam.pk: False, own.pk: True}
    assert admin.get(f"/api/v1/exams/{county_exam.pk}").json()["can_manage"] is False
    assert admin.get(f"/api/v1/exams/{county_exam.pk}/monitor").status_code == 200
    res = admin.post(f"/api/v1/exams/{county_exam.pk}/close", {"reason": "x"}, format="json")
    assert res.status_code == 404
    res = admin.patch(f"/api/v1/exams/{county_exam.pk}", {"title": "改"}, format="json")
    assert res.status_code == 404


@pytest.mark.parametrize("subunits", [True, False])
def test_the_subtree_toggle_decides_who_sits(
    client_for, county_admin, town_a_admin, tree, paper, subunits
):
    """With 含下级单位 off a village cadre under the audience township is left out everywhere
    the audience counts: the start, the head count, the monitor's 应考 and the held keys."""
    from apps.exams import held_keys

    exam = make_exam(tree, paper, audience_units=[tree.town_a], include_subunits=subunits)
    village = factories.make_user(tree.village_a1)
    township = factories.make_user(tree.town_a)
    assert bool(held_keys.held_for(village)) is subunits
    assert held_keys.held_for(township)

    body = client_for(county_admin).get(f"/api/v1/exams/{exam.pk}/monitor").json()
    idle = {p["user_id"] for p in body["people"] if p["state"] == "not_started"}
    assert (village.pk in idle) is subunits and township.pk in idle
    assert ("不含下级单位" in body["audience_rule"]) is not subunits

    count = {"org_unit": tree.town_a.pk, "audience_units": [tree.town_a.pk]}
    on, off = (
        client_for(town_a_admin)
        .post("/api/v1/exams/audience-count", {**count, "include_subunits": flag}, format="json")
        .json()
        for flag in (True, False)
    )
    assert on["count"] == off["count"] + 1  # the village cadre
    assert off["by_unit"][0]["count"] == off["count"]

    assert start(client_for(village), exam).status_code == (201 if subunits else 403)
    assert start(client_for(township), exam).status_code == 201


def test_the_subtree_toggle_is_saved_and_read(client_for, town_a_admin, tree, paper):
    admin = client_for(town_a_admin)
    res = admin.post("/api/v1/exams/", _body(tree, paper, include_subunits=False), format="json")
    assert res.status_code == 201 and res.json()["include_subunits"] is False
    assert "（不含下级单位，只算本单位人员）" in res.json()["audience_summary"]
    assert Exam.objects.get(pk=res.json()["id"]).include_subunits is False
    default = admin.post("/api/v1/exams/", _body(tree, paper), format="json").json()
    assert default["include_subunits"] is True
