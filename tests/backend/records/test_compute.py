"""Compute: components trace back to their inputs; recompute is idempotent and targeted."""

from decimal import Decimal

import pytest

from apps.cases.signals import case_final_score_changed
from apps.exams.models import Attempt
from apps.exams.signals import attempts_graded
from apps.records.models import Component, ComponentScore, Record
from apps.records.services.compute import recompute
from apps.records.services.objections import add_adjustment
from tests.backend.records.conftest import component, make_attempt, make_case, make_exam, xlsx_bytes

D = Decimal


def history_count() -> int:
    return Record.history.count() + ComponentScore.history.count()


def import_rows(client, period, rows):
    from django.core.files.uploadedfile import SimpleUploadedFile

    file = SimpleUploadedFile("指标.xlsx", xlsx_bytes(["工号", "单位", "入户走访率", "民调"], rows))
    response = client.post(
        f"/api/v1/periods/{period.pk}/indicators/import", {"file": file}, format="multipart"
    )
    assert response.status_code == 200, response.json()
    return response.json()


@pytest.fixture
def inputs(period, people, county_admin, client_for, django_capture_on_commit_callbacks):
    """a1: exam 60 then 80 (of 100), case 40/50, visits 90, unit poll 95; b1: exam 70, no case.

    Every cadre has every indicator, so no part is 待定 (visits: a2 80, a3 50, b2 60; 乙镇 poll 70).
    """
    attempts = {
        "a1_first": make_attempt(period.exam, people["a1"], "60", minutes_ago=120),
        "a1_second": make_attempt(period.exam, people["a1"], "80", minutes_ago=30),
        "a2": make_attempt(period.exam, people["a2"], "90"),
        "b1": make_attempt(period.exam, people["b1"], "70"),
    }
    case = make_case(period.call, people["a1"], "40")
    with django_capture_on_commit_callbacks(execute=True):
        report = import_rows(
            client_for(county_admin),
            period,
            [
                ["c_a1", "", "90", ""],
                ["c_b1", "", "40", ""],
                ["c_a2", "", "80", ""],
                ["c_a3", "", "50", ""],
                ["c_b2", "", "60", ""],
                ["", "测试县/甲镇", "", "95"],
                ["", "测试县/乙镇", "", "70"],
            ],
        )
    return {"attempts": attempts, "case": case, "import_id": report["import_id"]}


@pytest.mark.django_db
class TestCompute:
    def test_each_component_traces_back_to_its_inputs(
        self, period, people, inputs, county_admin, client_for
    ):
        response = client_for(county_admin).post(f"/api/v1/periods/{period.pk}/compute")
        assert response.status_code == 200
        record = (
            client_for(county_admin)
            .get(f"/api/v1/records/?period={period.pk}&unit={people['a1'].org_unit_id}")
            .json()["results"][0]
        )
        assert record["username"] == "c_a1"
        parts = {c["name"]: c for c in record["components"]}
        exam = parts["理论考试"]
        assert exam["score"] == "80.00"  # best of the two attempts
        assert [i["attempt_id"] for i in exam["inputs"]] == [
            inputs["attempts"]["a1_first"].pk,
            inputs["attempts"]["a1_second"].pk,
        ]
        case = parts["案例评审"]
        assert case["score"] == "80.00"  # 40 of a 50-point rubric
        assert case["inputs"][0]["case_id"] == inputs["case"].pk
        visits = parts["入户走访率"]["inputs"][0]
        assert (visits["import_id"], visits["row"], visits["value"]) == (
            inputs["import_id"],
            2,
            "90.00",
        )
        poll = parts["民调"]
        assert poll["score"] == "100.00" and poll["inputs"][0]["unit"] == "测试县/甲镇"  # band ≥ 90
        # 80×40% + 80×20% + 90×20% + 100×20% = 32 + 16 + 18 + 20
        assert record["total"] == "86.00"

    def test_a_unit_value_reaches_every_member_and_a_missed_closed_exam_counts_zero(
        self, period, people, inputs
    ):
        recompute(period.pk)
        a3 = Record.objects.get(period=period, user=people["a3"])
        scores = {s.component.name: s for s in a3.scores.select_related("component")}
        assert scores["民调"].score == D("100.00")
        assert scores["理论考试"].score == D("0.00")
        assert scores["理论考试"].inputs[0]["type"] == "exam_missed"
        assert a3.total == D("30.00")  # 50×20% + 100×20%

    def test_excluded_components_rescale_the_weights(self, period, people, inputs):
        Component.objects.filter(period=period, kind="case").update(missing="exclude")
        recompute(period.pk)
        b1 = Record.objects.get(period=period, user=people["b1"])
        # No case → excluded: (70×40 + 40×20 + 70×20[乙镇 poll band ≥ 60]) / 80%
        assert b1.scores.get(component__kind="case").score is None
        assert b1.total == D("62.50")

    def test_recompute_over_unchanged_inputs_writes_nothing(self, period, inputs):
        recompute(period.pk)
        before = history_count()
        result = recompute(period.pk)
        assert result["changed"] == 0
        assert history_count() == before

    def test_recompute_after_a_regrade_changes_exactly_the_affected_records(
        self, period, people, inputs, django_capture_on_commit_callbacks
    ):
        recompute(period.pk)
        before = {r.user_id: r.history.count() for r in Record.objects.filter(period=period)}
        other_exam = make_exam(period.org_unit, "未纳入本周期的考试")
        outside = make_attempt(other_exam, people["a2"], "10")
        attempt = inputs["attempts"]["b1"]
        with django_capture_on_commit_callbacks(execute=True):
            Attempt.objects.filter(pk=attempt.pk).update(score=D("95"))
            attempt.refresh_from_db()
            attempts_graded.send(sender=Attempt, attempts=[attempt])
            attempts_graded.send(
                sender=Attempt, attempts=[outside]
            )  # an exam outside the period: no effect
        after = {r.user_id: r for r in Record.objects.filter(period=period)}
        b1 = after[people["b1"].pk]
        assert b1.scores.get(component__kind="exam").score == D("95.00")
        assert b1.history.first().history_change_reason.startswith("考试成绩变动")
        changed = {uid for uid, r in after.items() if r.history.count() != before[uid]}
        assert changed == {people["b1"].pk}

    def test_a_new_final_case_score_recomputes_its_author(
        self, period, people, inputs, django_capture_on_commit_callbacks
    ):
        recompute(period.pk)
        with django_capture_on_commit_callbacks(execute=True):
            case = make_case(period.call, people["b2"], "50")
            case_final_score_changed.send(sender=type(case), case=case)
        b2 = Record.objects.get(period=period, user=people["b2"])
        assert b2.scores.get(component__kind="case").score == D("100.00")

    def test_bonus_and_penalty_items_add_up_within_the_cap(
        self, period, people, inputs, county_admin
    ):
        recompute(period.pk)
        adjust = component(period, "加减分")
        before = Record.objects.get(period=period, user=people["a2"]).total
        add_adjustment(
            actor=county_admin,
            period=period,
            user=people["a2"],
            component_id=adjust.pk,
            points=D("8"),
            reason="抗洪抢险表现突出",
        )
        add_adjustment(
            actor=county_admin,
            period=period,
            user=people["a2"],
            component_id=adjust.pk,
            points=D("5"),
            reason="信访化解",
        )
        record = Record.objects.get(period=period, user=people["a2"])
        assert record.total == before + D("10")  # capped at 10
        row = record.scores.get(component=adjust)
        assert [i["reason"] for i in row.inputs] == ["抗洪抢险表现突出", "信访化解"]

    def test_ranks_within_unit_and_scope_and_grades(self, period, people, inputs):
        recompute(period.pk)
        records = {
            r.user.username: r for r in Record.objects.filter(period=period).select_related("user")
        }
        assert records["c_a1"].rank_in_scope == 1 and records["c_a1"].rank_in_unit == 1
        assert records["c_a2"].rank_in_unit == 2
        assert records["c_a3"].rank_in_unit == 1  # alone in 二村
        assert records["c_a1"].grade == "excellent"  # 20% of 5 cadres = 1 place, total ≥ 85
        assert {r.grade for r in records.values()} <= {"excellent", "pass", "basic", "fail"}


@pytest.mark.django_db
def test_a_bulk_regrade_is_coalesced_into_one_recompute(
    period, people, monkeypatch, django_capture_on_commit_callbacks
):
    from apps.records import receivers, tasks

    receivers._local.__dict__.pop(
        "pending", None
    )  # nothing left over from other tests in this thread
    calls = []
    monkeypatch.setattr(tasks.recompute_period, "delay", lambda *args: calls.append(args))
    attempts = [make_attempt(period.exam, people[k], "50") for k in ("a1", "a2", "b1")]
    with django_capture_on_commit_callbacks(execute=True):
        for attempt in attempts:
            attempts_graded.send(sender=Attempt, attempts=[attempt])
    assert len(calls) == 1
    period_id, user_ids, reason = calls[0]
    assert period_id == period.pk
    assert user_ids == sorted(people[k].pk for k in ("a1", "a2", "b1"))
    assert reason == f"考试成绩变动（答卷 #{attempts[0].pk}）等 3 项输入变动后自动重算"
