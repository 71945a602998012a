"""公示, objections, lock and unlock: who sees what, and a locked record refuses every change."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from apps.common.errors import Conflict
from apps.records.models import RECORD_LOCKED, ComponentScore, Objection, Period, Record
from apps.records.services import periods
from apps.records.services.compute import recompute
from apps.records.services.objections import NOT_IN_PUBLICITY, OBJECTION_PENDING
from apps.records.services.periods import (
    LOCK_PENDING_OBJECTIONS,
    LOCK_WINDOW_OPEN,
    UNLOCK_SUPERUSER_ONLY,
)
from apps.records.tasks import recompute_period
from tests import factories
from tests.backend.records.conftest import component, fill_indicators, make_attempt

D = Decimal


@pytest.fixture
def published(period, people, county_admin, client_for):
    for key, score in {"a1": "90", "a2": "70", "a3": "60", "b1": "80", "b2": "50"}.items():
        make_attempt(period.exam, people[key], score)
    fill_indicators(period, people)
    recompute(period.pk)
    response = client_for(county_admin).post(
        f"/api/v1/periods/{period.pk}/publish", {"days": 5}, format="json"
    )
    assert response.status_code == 200, response.json()
    period.refresh_from_db()
    return period


def record_of(period, user) -> Record:
    return Record.objects.get(period=period, user=user)


def end_window(period):
    Period.objects.filter(pk=period.pk).update(
        publicity_ends_at=timezone.now() - timedelta(minutes=1)
    )
    period.refresh_from_db()


@pytest.mark.django_db
class TestVisibility:
    def test_a_cadre_sees_nothing_before_publication(self, period, people, client_for):
        recompute(period.pk)
        body = client_for(people["a1"]).get("/api/v1/records/me").json()
        assert body == {"current": None, "history": []}

    def test_during_publicity_a_cadre_sees_the_unit_table_and_own_breakdown(
        self, published, people, client_for
    ):
        body = client_for(people["a1"]).get("/api/v1/records/me").json()
        current = body["current"]
        assert current["username"] == "c_a1"
        assert current["components"][0]["inputs"][0]["type"] == "attempt"
        table = current["unit_table"]
        assert table["columns"][:4] == ["单位内排名", "工号", "姓名", "单位"]
        assert {row[1] for row in table["rows"]} == {"c_a1", "c_a2"}  # only 一村

    def test_a_cadre_never_sees_another_units_breakdown(self, published, people, client_for):
        client = client_for(people["a1"])
        other = record_of(published, people["b1"])
        assert client.get(f"/api/v1/records/{other.pk}/").status_code == 404
        assert client.get(f"/api/v1/records/{other.pk}/history").status_code == 404
        assert client.get(f"/api/v1/records/?period={published.pk}").status_code == 403
        assert client.get(f"/api/v1/periods/{published.pk}/table").status_code == 403
        assert client.get(f"/api/v1/periods/{published.pk}/records.xlsx").status_code == 403
        body = str(client.get("/api/v1/records/me").json())
        assert "c_b1" not in body and "乙一" not in body

    def test_a_township_admin_sees_only_their_township(self, published, town_a_admin, client_for):
        rows = (
            client_for(town_a_admin)
            .get(f"/api/v1/records/?period={published.pk}")
            .json()["results"]
        )
        assert {r["username"] for r in rows} == {"c_a1", "c_a2", "c_a3"}
        dist = client_for(town_a_admin).get(f"/api/v1/periods/{published.pk}/distribution").json()
        assert [d["unit"]["name"] for d in dist] == ["测试县/甲镇/一村", "测试县/甲镇/二村"]


@pytest.mark.django_db
class TestObjections:
    def test_objection_flow_adjust_then_reject(self, published, people, county_admin, client_for):
        cadre = client_for(people["a2"])
        mine = record_of(published, people["a2"])
        exam = component(published, "理论考试")
        url = f"/api/v1/records/{mine.pk}/objections"
        assert cadre.post(url, {"reason": ""}, format="json").status_code == 400
        response = cadre.post(
            url, {"reason": "第二次考试成绩未计入", "component": exam.pk}, format="json"
        )
        assert response.status_code == 201
        again = cadre.post(url, {"reason": "再次提出"}, format="json")
        assert again.status_code == 409 and again.json()["detail"] == OBJECTION_PENDING
        admin = client_for(county_admin)
        pending = admin.get("/api/v1/objections/?status=pending").json()["results"]
        assert [o["id"] for o in pending] == [response.json()["id"]]
        resolved = admin.post(
            f"/api/v1/objections/{pending[0]['id']}/resolve",
            {"action": "adjust", "adjustment": "10", "reply": "核实后补计成绩"},
            format="json",
        )
        assert resolved.status_code == 200, resolved.json()
        mine.refresh_from_db()
        assert mine.scores.get(component=exam).score == D("80.00")
        last = mine.scores.get(component=exam).history.first()
        assert last.history_user == county_admin and "核实后补计成绩" in last.history_change_reason
        second = cadre.post(url, {"reason": "排名有误"}, format="json").json()
        admin.post(
            f"/api/v1/objections/{second['id']}/resolve",
            {"action": "reject", "reply": "排名无误"},
            format="json",
        )
        outcome = cadre.get("/api/v1/records/me").json()["current"]["objections"]
        assert {(o["status"], o["reply"]) for o in outcome} == {
            ("adjusted", "核实后补计成绩"),
            ("rejected", "排名无误"),
        }

    def test_a_cadre_cannot_object_to_someone_elses_record(self, published, people, client_for):
        other = record_of(published, people["a1"])
        response = client_for(people["a2"]).post(
            f"/api/v1/records/{other.pk}/objections", {"reason": "x"}
        )
        assert response.status_code == 404

    def test_objections_close_with_the_window(self, published, people, client_for):
        end_window(published)
        mine = record_of(published, people["a2"])
        response = client_for(people["a2"]).post(
            f"/api/v1/records/{mine.pk}/objections", {"reason": "迟到的异议"}
        )
        assert response.status_code == 409 and response.json()["detail"] == NOT_IN_PUBLICITY


@pytest.mark.django_db
class TestLock:
    def test_lock_waits_for_the_window_and_pending_objections(
        self, published, people, county_admin, client_for
    ):
        admin = client_for(county_admin)
        response = admin.post(f"/api/v1/periods/{published.pk}/lock")
        assert response.status_code == 409
        end = timezone.localtime(published.publicity_ends_at).strftime("%Y-%m-%d %H:%M")
        assert response.json()["detail"] == LOCK_WINDOW_OPEN.format(end=end)
        Objection.objects.create(
            record=record_of(published, people["a1"]), filed_by=people["a1"], reason="x"
        )
        end_window(published)
        response = admin.post(f"/api/v1/periods/{published.pk}/lock")
        assert response.json()["detail"] == LOCK_PENDING_OBJECTIONS.format(count=1)

    def test_a_locked_record_refuses_every_change(
        self, published, people, county_admin, client_for, django_capture_on_commit_callbacks
    ):
        end_window(published)
        admin = client_for(county_admin)
        assert admin.post(f"/api/v1/periods/{published.pk}/lock").status_code == 200
        record = record_of(published, people["a1"])
        snapshot = (record.total, record.grade, record.history.count())
        exam = component(published, "理论考试")
        # API: compute, import, adjust, objection, bonus item
        assert admin.post(f"/api/v1/periods/{published.pk}/compute").status_code == 409
        adjust = admin.post(
            f"/api/v1/records/{record.pk}/adjust",
            {"component": exam.pk, "adjustment": "5", "reason": "补录"},
            format="json",
        )
        assert adjust.status_code == 409 and adjust.json()["detail"] == RECORD_LOCKED
        objection = client_for(people["a1"]).post(
            f"/api/v1/records/{record.pk}/objections", {"reason": "x"}
        )
        assert objection.status_code == 409
        bonus = admin.post(
            f"/api/v1/periods/{published.pk}/adjustments",
            {
                "component": component(published, "加减分").pk,
                "user": people["a1"].pk,
                "points": "3",
                "reason": "表彰",
            },
            format="json",
        )
        assert bonus.status_code == 409
        # A regrade signal and an automatic recompute leave it alone.
        with django_capture_on_commit_callbacks(execute=True):
            recompute_period.delay(published.pk, None, "测试")
        # Direct writes at the model layer are refused too.
        record.total = D("1")
        with pytest.raises(Conflict):
            record.save()
        score = ComponentScore.objects.filter(record=record).first()
        score.adjustment = D("9")
        with pytest.raises(Conflict):
            score.save()
        with pytest.raises(Conflict):
            record_of(published, people["a1"]).delete()
        record.refresh_from_db()
        assert (record.total, record.grade, record.history.count()) == snapshot

    def test_only_a_superuser_unlocks_with_a_reason_and_history_keeps_it(
        self, published, people, county_admin, client_for
    ):
        end_window(published)
        periods.lock_period(actor=county_admin, period=published)
        record = record_of(published, people["a2"])
        url = f"/api/v1/records/{record.pk}/unlock"
        denied = client_for(county_admin).post(url, {"reason": "更正"}, format="json")
        assert denied.status_code == 403 and denied.json()["detail"] == UNLOCK_SUPERUSER_ONLY
        root = factories.make_user(None, is_cadre=False, is_superuser=True, is_staff=True)
        assert client_for(root).post(url, {"reason": ""}, format="json").status_code == 400
        assert (
            client_for(root).post(url, {"reason": "录入错误需更正"}, format="json").status_code
            == 200
        )
        exam = component(published, "理论考试")
        fixed = client_for(county_admin).post(
            f"/api/v1/records/{record.pk}/adjust",
            {"component": exam.pk, "adjustment": "5", "reason": "更正录入"},
            format="json",
        )
        assert fixed.status_code == 200 and fixed.json()["total"] != str(record.total)
        assert (
            client_for(county_admin).post(f"/api/v1/periods/{published.pk}/lock").status_code == 200
        )
        record.refresh_from_db()
        assert record.locked
        history = client_for(county_admin).get(f"/api/v1/records/{record.pk}/history").json()
        reasons = [h["reason"] for h in history]
        assert "解锁：录入错误需更正" in reasons and any("更正录入" in r for r in reasons)
        assert any(h["by"] == root.display_name for h in history)


@pytest.mark.django_db
def test_a_superuser_reopens_a_locked_period_with_a_reason(
    published, people, county_admin, client_for
):
    end_window(published)
    periods.lock_period(actor=county_admin, period=published)
    url = f"/api/v1/periods/{published.pk}/unlock"
    assert client_for(county_admin).post(url, {"reason": "复核"}, format="json").status_code == 403
    root = factories.make_user(None, is_cadre=False, is_superuser=True, is_staff=True)
    response = client_for(root).post(url, {"reason": "上级复核要求更正"}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "publicity"
    record = record_of(published, people["b1"])
    assert not record.locked
    assert record.history.first().history_change_reason == "解锁：上级复核要求更正"
    assert published.history.first().history_user == root
