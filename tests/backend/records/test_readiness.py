"""The readiness check: a part that is not known yet is 待定 (never 0), and publish is refused,
naming each reason, unless an admin writes down why it must go public anyway."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from apps.exams.models import Attempt, SubjectiveGrade
from apps.records.models import ComponentScore, Period, Record
from apps.records.services import readiness
from apps.records.services.compute import recompute
from tests.backend.records.conftest import fill_indicators, make_attempt, make_case

D = Decimal


def reopen(obj, hours=3):
    obj.closes_at = timezone.now() + timedelta(hours=hours)
    obj.save()


def part(period, user, kind) -> ComponentScore:
    return ComponentScore.objects.get(
        record__period=period, record__user=user, component__kind=kind
    )


@pytest.mark.django_db
class TestPending:
    def test_an_open_exam_leaves_its_part_pending_not_zero(
        self, period, people, client_for, county_admin
    ):
        reopen(period.exam)
        make_case(period.call, people["a1"], "40")
        fill_indicators(period, people, "90")
        client = client_for(county_admin)
        body = client.post(f"/api/v1/periods/{period.pk}/compute").json()
        assert body["ready"] is False
        assert [r["code"] for r in body["reasons"]] == ["exam_open"]

        exam = part(period, people["a1"], "exam")
        assert (exam.score, exam.status) == (None, ComponentScore.Status.PENDING)
        record = Record.objects.get(period=period, user=people["a1"])
        assert record.total is None and record.grade == "" and record.rank_in_scope is None

        table = client.get(f"/api/v1/periods/{period.pk}/table").json()
        columns = table["columns"]
        row = next(r for u in table["units"] for r in u["rows"] if r[1] == "c_a1")
        assert row[columns.index("理论考试")] == "待定"
        assert row[columns.index("案例评审")] == "80.00"  # the known part still shows
        assert row[columns.index("总分")] == "待定" and row[columns.index("等级")] == "待定"
        listed = client.get(f"/api/v1/records/?period={period.pk}").json()["results"]
        mine = next(r for r in listed if r["username"] == "c_a1")
        exam_part = next(c for c in mine["components"] if c["kind"] == "exam")
        assert exam_part["score"] is None and exam_part["status_display"] == "待定"
        assert "尚未结束" in exam_part["lines"][0]
        assert mine["grade_display"] == "待定" and mine["is_final"] is False

    def test_answers_waiting_for_grading_leave_the_part_pending(self, period, people):
        attempt = make_attempt(period.exam, people["a1"], "50")
        Attempt.objects.filter(pk=attempt.pk).update(pending_review=True)
        recompute(period.pk)
        assert part(period, people["a1"], "exam").status == ComponentScore.Status.PENDING
        # a2 never sat the closed exam: 缺考, counted 0 as the scheme says.
        missed = part(period, people["a2"], "exam")
        assert (missed.score, missed.status) == (D("0.00"), ComponentScore.Status.FINAL)

    def test_a_case_in_review_or_an_open_call_leaves_the_part_pending(self, period, people):
        case = make_case(period.call, people["a1"], "40")
        case.status = case.Status.ARBITRATION
        case.save()
        recompute(period.pk)
        assert part(period, people["a1"], "case").status == ComponentScore.Status.PENDING
        assert part(period, people["a2"], "case").status == ComponentScore.Status.FINAL
        reopen(period.call)
        recompute(period.pk)
        assert part(period, people["a2"], "case").status == ComponentScore.Status.PENDING

    def test_a_missing_indicator_value_is_pending(self, period, people):
        recompute(period.pk)
        visits = ComponentScore.objects.get(record__user=people["a1"], component__name="入户走访率")
        assert (visits.score, visits.status) == (None, ComponentScore.Status.PENDING)


@pytest.mark.django_db
class TestPublish:
    def test_publish_without_an_override_is_refused_naming_each_reason(
        self, period, people, county_admin, client_for
    ):
        reopen(period.exam)
        reopen(period.call, hours=48)
        attempt = make_attempt(period.exam, people["b1"], "50")
        SubjectiveGrade.objects.create(attempt=attempt, question=_any_question(), points=D("10"))
        recompute(period.pk)
        response = client_for(county_admin).post(
            f"/api/v1/periods/{period.pk}/publish", {"days": 5}, format="json"
        )
        assert response.status_code == 409
        body = response.json()
        assert body["code"] == "not_ready"
        reasons = body["errors"]["readiness"]
        assert any("年度理论考试" in r and "尚未结束" in r for r in reasons)
        assert any("典型案例征集" in r and "尚未截止" in r for r in reasons)
        assert any("入户走访率" in r and "5 名干部" in r for r in reasons)
        assert any("民调" in r for r in reasons)
        for reason in reasons:
            assert reason in body["detail"]
        period.refresh_from_db()
        assert period.status == Period.Status.OPEN

    def test_grading_backlog_is_named_once_the_exam_closed(self, period, people):
        attempt = make_attempt(period.exam, people["b1"], "50")
        SubjectiveGrade.objects.create(attempt=attempt, question=_any_question(), points=D("10"))
        messages = [r.message for r in readiness.readiness(period)]
        assert "考试“年度理论考试”还有 1 道主观题答案待评分" in messages

    def test_publish_with_a_written_reason_is_kept_and_shown_under_publicity(
        self, period, people, county_admin, client_for
    ):
        reopen(period.exam)
        recompute(period.pk)
        client = client_for(county_admin)
        response = client.post(
            f"/api/v1/periods/{period.pk}/publish",
            {"days": 5, "override_reason": "县委要求月底前公示，考试成绩待考试结束后补算"},
            format="json",
        )
        assert response.status_code == 200, response.json()
        body = response.json()
        assert body["override_reason"].startswith("县委要求")
        assert any("尚未结束" in b for b in body["override_blockers"])
        assert body["override_by_name"] == "县管理员"
        period.refresh_from_db()
        assert period.history.first().history_change_reason.startswith("未就绪仍发布公示")
        mine = client_for(people["a1"]).get("/api/v1/records/me").json()["current"]
        assert mine["override_reason"].startswith("县委要求")
        assert mine["total"] is None and mine["grade_display"] == "待定"
        sheet = client.get(f"/api/v1/periods/{period.pk}/records.xlsx")
        rows = list(
            load_workbook(io.BytesIO(sheet.content), read_only=True)
            .worksheets[0]
            .iter_rows(values_only=True)
        )
        assert "待定" in rows[1] and rows[-1][0].startswith(
            "注：本表在部分成绩尚未最终确定时提前公示"
        )

    def test_a_ready_period_publishes_without_a_reason(
        self, period, people, county_admin, client_for
    ):
        fill_indicators(period, people, "80")
        recompute(period.pk)
        assert readiness.report(period) == {"ready": True, "reasons": []}
        response = client_for(county_admin).post(
            f"/api/v1/periods/{period.pk}/publish", {"days": 5}, format="json"
        )
        assert response.status_code == 200
        assert response.json()["override_reason"] == ""

    def test_readiness_is_read_by_the_period_admins(self, period, county_admin, client_for):
        response = client_for(county_admin).get(f"/api/v1/periods/{period.pk}/readiness")
        assert response.status_code == 200
        assert "not_computed" in [r["code"] for r in response.json()["reasons"]]


@pytest.mark.django_db
class TestOwnership:
    def test_the_template_lists_only_the_requesters_people(
        self, period, people, town_a_admin, client_for
    ):
        response = client_for(town_a_admin).get(
            f"/api/v1/periods/{period.pk}/indicators/template.xlsx"
        )
        assert response.status_code == 200
        sheet = load_workbook(io.BytesIO(response.content), read_only=True).worksheets[0]
        ids = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]}
        assert {"c_a1", "c_a2", "c_a3"} <= ids
        assert not ids & {"c_b1", "c_b2"}

    def test_a_township_admin_can_neither_decide_nor_adjust_on_the_countys_period(
        self, period, people, town_a_admin, county_admin, client_for
    ):
        from apps.records.models import Objection
        from apps.records.services import periods

        fill_indicators(period, {**people, "town": town_a_admin})  # the admin is a cadre too
        recompute(period.pk)
        periods.publish_period(actor=county_admin, period=period, days=5)
        record = Record.objects.get(period=period, user=people["a1"])
        objection = Objection.objects.create(
            record=record, filed_by=people["a1"], reason="分数有误"
        )
        town = client_for(town_a_admin)
        refused = town.post(
            f"/api/v1/objections/{objection.pk}/resolve",
            {"action": "reject", "reply": "维持原分"},
            format="json",
        )
        assert refused.status_code == 403
        adjust = town.post(
            f"/api/v1/records/{record.pk}/adjust",
            {
                "component": period.components.get(kind="adjust").pk,
                "adjustment": "5",
                "reason": "补录",
            },
            format="json",
        )
        assert adjust.status_code == 403
        objection.refresh_from_db()
        assert objection.status == Objection.Status.PENDING
        decided = client_for(county_admin).post(
            f"/api/v1/objections/{objection.pk}/resolve",
            {"action": "reject", "reply": "经核实，分数无误"},
            format="json",
        )
        assert decided.status_code == 200


def _any_question():
    from apps.accounts.models import OrgUnit
    from apps.questions.models import Bank, Question

    bank = Bank.objects.create(name="测试题库", org_unit=OrgUnit.objects.order_by("pk").first())
    return Question.objects.create(
        bank=bank, type="short_answer", stem="简述群众工作方法", answer="", status="published"
    )
