"""Every staff write lands in the operation log with who, when, where from, what and on
which object; a candidate's own exam writing does not; personal-data downloads do."""

import pytest

from apps.accounts.models import AdminScope, User
from apps.audit.models import ENTRIES_ARE_FINAL, AuditEntry
from tests import factories
from tests.backend.exams.conftest import make_exam, put, start

pytestmark = pytest.mark.django_db


def only_entry(**lookup) -> AuditEntry:
    found = list(AuditEntry.objects.filter(**lookup))
    assert len(found) == 1, [(e.action, e.path) for e in AuditEntry.objects.all()]
    return found[0]


def test_a_password_reset_names_the_admin_the_person_and_the_address(
    county_admin, cadre, client_for
):
    client = client_for(county_admin)
    response = client.post(f"/api/v1/users/{cadre.pk}/reset-password", REMOTE_ADDR="10.20.30.40")
    assert response.status_code == 200
    entry = only_entry(action="user.reset_password")
    assert entry.actor == county_admin and entry.actor_name == "县管理员"
    assert entry.actor_unit == county_admin.org_unit
    assert entry.ip == "10.20.30.40"
    assert (entry.object_type, entry.object_id) == ("user", str(cadre.pk))
    assert entry.object_repr == str(cadre)
    assert entry.succeeded and entry.status_code == 200
    # The new password is in the response, never in the log.
    assert response.json()["initial_password"] not in str(entry.detail)


def test_a_role_change_keeps_the_fields_sent_and_a_history_row(county_admin, cadre, client_for):
    client = client_for(county_admin)
    response = client.patch(
        f"/api/v1/users/{cadre.pk}/", {"is_reviewer": True, "position": "会计"}, format="json"
    )
    assert response.status_code == 200
    entry = only_entry(action="user.update")
    assert entry.detail["fields"] == {"is_reviewer": True, "position": "会计"}
    history = cadre.history.order_by("history_date").last()
    assert history.is_reviewer and history.history_user == county_admin
    assert not hasattr(history, "password")  # the hash never goes into the history


def test_a_refused_write_is_logged_as_refused(town_a_admin, tree, client_for):
    outsider = factories.make_user(tree.village_b1)
    response = client_for(town_a_admin).post(f"/api/v1/users/{outsider.pk}/reset-password")
    assert response.status_code == 404
    entry = only_entry(action="user.reset_password")
    assert not entry.succeeded and entry.status_code == 404
    assert entry.object_repr == ""  # what the admin may not see is not named to them


def test_a_created_object_is_named_by_the_id_the_api_answered(county_admin, tree, client_for):
    response = client_for(county_admin).post(
        "/api/v1/org-units/", {"name": "新村", "parent": tree.town_a.pk}, format="json"
    )
    assert response.status_code == 201
    entry = only_entry(action="org_unit.create")
    assert entry.object_id == str(response.json()["id"])
    assert entry.object_repr == "测试县/甲镇/新村"


def test_a_deleted_object_keeps_its_name(county_admin, tree, client_for):
    from apps.notices.models import Notice

    notice = Notice.objects.create(title="停水通知", body="周三停水", org_unit=tree.county)
    response = client_for(county_admin).delete(f"/api/v1/notices/{notice.pk}")
    assert response.status_code == 204
    assert only_entry(action="notice.delete").object_repr == str(notice)


def test_an_export_of_results_is_logged_but_reading_pages_is_not(
    county_admin, tree, paper, client_for
):
    exam = make_exam(tree, paper)
    client = client_for(county_admin)
    assert client.get(f"/api/v1/exams/{exam.pk}/stats").status_code == 200
    assert client.get("/api/v1/users/").status_code == 200
    assert not AuditEntry.objects.exclude(action="auth.login").exists()
    assert client.get(f"/api/v1/exams/{exam.pk}/results.xlsx").status_code == 200
    entry = only_entry(action="exam.export_results")
    assert (entry.object_type, entry.object_id, entry.method) == ("exam", str(exam.pk), "GET")


def test_roster_downloads_are_logged_as_exports_of_personal_data(county_admin, client_for):
    client = client_for(county_admin)
    assert client.get("/api/v1/users/template.xlsx").status_code == 200
    assert client.get("/api/v1/users/export.xlsx", {"search": "张"}).status_code == 200
    template = only_entry(action="user.export_template")
    export = only_entry(action="user.export")
    assert template.action_label == "下载花名册模板" and template.actor == county_admin
    assert export.action_label == "导出人员名单" and export.detail["query"] == {"search": "张"}


def test_a_candidates_own_answers_are_not_logged_but_a_password_change_is(
    cadre, tree, paper, client_for
):
    exam = make_exam(tree, paper)
    client = client_for(cadre)
    attempt = start(client, exam).json()
    question = attempt["questions"][0]["id"]
    assert put(client, attempt["id"], question, "B", 1).status_code == 200
    assert client.post(f"/api/v1/attempts/{attempt['id']}/submit").status_code == 200
    assert not AuditEntry.objects.exclude(action="auth.login").exists()
    response = client.post(
        "/api/v1/auth/password",
        {"old_password": factories.PASSWORD, "new_password": "Qingshan#2099x"},
        format="json",
    )
    assert response.status_code == 200
    entry = only_entry(action="auth.change_password")
    assert entry.actor == cadre
    assert "Qingshan#2099x" not in str(entry.detail) and factories.PASSWORD not in str(entry.detail)


def test_a_scope_granted_in_the_django_admin_is_logged_with_its_history(tree, client):
    root = factories.make_user(tree.county, is_superuser=True, is_staff=True)
    cadre = factories.make_user(tree.village_a1, real_name="王五")
    client.force_login(root)
    url = f"/admin/accounts/user/{cadre.pk}/change/"
    form = {
        "username": cadre.username,
        "real_name": "王五",
        "org_unit": tree.village_a1.pk,
        "is_cadre": "on",
        "is_active": "on",
        "admin_scopes-TOTAL_FORMS": "1",
        "admin_scopes-INITIAL_FORMS": "0",
        "admin_scopes-0-org_unit": tree.town_a.pk,
        "date_joined_0": "2026-01-01",
        "date_joined_1": "08:00:00",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert AdminScope.objects.filter(user=cadre, org_unit=tree.town_a).exists()
    entry = only_entry(action="admin.change")
    assert (entry.actor, entry.object_type, entry.object_id) == (root, "user", str(cadre.pk))
    assert "管理范围" in entry.detail["change"]
    scope_history = AdminScope.history.get(user_id=cadre.pk)
    assert scope_history.history_type == "+" and scope_history.history_user == root


def test_an_entry_cannot_be_edited(county_admin, cadre, client_for):
    client_for(county_admin).post(f"/api/v1/users/{cadre.pk}/reset-password")
    entry = AuditEntry.objects.get(action="user.reset_password")
    entry.action_label = "改过的"
    with pytest.raises(ValueError, match=ENTRIES_ARE_FINAL):
        entry.save()


def test_a_login_stamp_adds_no_user_history(cadre, client_for):
    before = User.history.filter(id=cadre.pk).count()
    client = client_for()
    client.post(
        "/api/v1/auth/login",
        {"username": cadre.username, "password": factories.PASSWORD},
        format="json",
    )
    assert User.history.filter(id=cadre.pk).count() == before
