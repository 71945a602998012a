"""GET /api/v1/audit-log/: org admins see what people in their subtrees did, superusers
everything, cadres and reviewers nothing; filters, the xlsx export and the catalogue."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from apps.audit import actions, services
from apps.audit.models import AuditEntry
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/api/v1/audit-log/"


def entry(actor, action=actions.ACTIONS[("user-reset-password", "POST")], **fields):
    made = services.record(action, actor=actor, object_id=fields.pop("object_id", ""))
    if fields:
        AuditEntry.objects.filter(pk=made.pk).update(**fields)
    return made


@pytest.fixture
def log(tree, county_admin, town_a_admin, town_b_admin):
    """One entry by each admin, plus a failed login under a name nobody has."""
    entry(county_admin, ip="10.0.0.1")
    entry(town_a_admin, ip="10.0.0.2")
    entry(town_b_admin, ip="10.0.0.3")
    services.record(actions.LOGIN_FAILED, actor_username="nobody", succeeded=False)


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return sorted(row["actor_username"] for row in response.json()["results"])


def test_each_admin_sees_their_subtree_and_a_superuser_everything(
    log, tree, county_admin, town_a_admin, town_b_admin, client_for
):
    listed = client_for(town_a_admin).get(URL, {"action": "user.reset_password"})
    assert names(listed) == [town_a_admin.username]
    # The county admin works in the county's own department, inside the county.
    listed = client_for(county_admin).get(URL, {"action": "user.reset_password"})
    assert names(listed) == sorted(u.username for u in (county_admin, town_a_admin, town_b_admin))
    root = factories.make_user(tree.county, is_superuser=True, is_staff=True)
    assert "nobody" in names(client_for(root).get(URL, {"action": "auth."}))
    assert "nobody" not in names(client_for(county_admin).get(URL, {"action": "auth."}))


def test_cadres_and_reviewers_are_refused(log, cadre, reviewer, client_for):
    for user in (cadre, reviewer):
        response = client_for(user).get(URL)
        assert response.status_code == 403
        assert response.json()["detail"] == "仅组织部管理员可以执行此操作"
        assert client_for(user).get(URL + "export.xlsx").status_code == 403


def test_a_page_shows_who_what_where_and_on_which_object(log, county_admin, cadre, client_for):
    entry(county_admin, object_id=cadre.pk, object_type="user", object_repr=str(cadre))
    body = client_for(county_admin).get(URL, {"object_id": cadre.pk}).json()
    assert body["count"] == 1
    [row] = body["results"]
    assert row["action"] == "user.reset_password" and row["action_label"] == "重置密码"
    assert row["object_type"] == "user" and row["object_type_label"] == "用户"
    assert row["object_repr"] == str(cadre)
    assert row["actor_name"] == "县管理员"
    assert row["actor_unit"]["full_name"] == "测试县/县民政局"
    assert set(row) >= {"at", "ip", "succeeded", "status_code", "method", "path", "detail"}


def test_filters_by_address_person_unit_result_and_dates(
    log, tree, county_admin, town_a_admin, client_for
):
    client = client_for(county_admin)
    assert names(client.get(URL, {"ip": "10.0.0.2"})) == [town_a_admin.username]
    assert names(client.get(URL, {"actor": town_a_admin.pk, "action": "user."})) == [
        town_a_admin.username
    ]
    assert names(client.get(URL, {"unit": tree.town_a.pk, "action": "user."})) == [
        town_a_admin.username
    ]
    assert names(client.get(URL, {"search": "甲镇管理", "action": "user."})) == [
        town_a_admin.username
    ]
    old = entry(county_admin, at=timezone.now() - timedelta(days=10))
    today = timezone.localdate()
    ten_days_ago = (today - timedelta(days=10)).isoformat()
    body = client.get(URL, {"date_from": ten_days_ago, "date_to": ten_days_ago}).json()
    assert [row["id"] for row in body["results"]] == [old.pk]
    assert client.get(URL, {"date_from": today.isoformat()}).json()["count"] == 4
    failed = client.get(URL, {"succeeded": "false"}).json()["results"]
    assert all(not row["succeeded"] for row in failed)


def test_bad_filters_are_refused_in_chinese(log, tree, town_a_admin, client_for):
    client = client_for(town_a_admin)
    for params, field in (
        ({"ip": "10.0.0"}, "ip"),
        ({"date_from": "昨天"}, "date_from"),
        ({"actor": str(2**64)}, "actor"),
        ({"unit": tree.town_b.pk}, "unit"),  # outside the admin's scope
    ):
        response = client.get(URL, params)
        assert response.status_code == 400, (params, response.content)
        assert field in response.json()["errors"], response.json()


def test_the_export_holds_the_filtered_rows_and_is_logged_itself(log, county_admin, client_for):
    client = client_for(county_admin)
    response = client.get(URL + "export.xlsx", {"ip": "10.0.0.2"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="audit-log-')
    rows = list(load_workbook(BytesIO(response.content)).active.values)
    assert rows[0][:3] == ("时间", "工号", "姓名") and len(rows) == 2
    assert rows[1][4] == "10.0.0.2" and rows[1][5] == "重置密码"
    exported = AuditEntry.objects.get(action="audit_log.export")
    assert exported.actor == county_admin and exported.detail["query"] == {"ip": "10.0.0.2"}


def test_typed_text_is_never_a_formula_in_the_export(db, tree, client_for):
    root = factories.make_user(tree.county, is_superuser=True, is_staff=True)
    services.record(actions.LOGIN_FAILED, actor_username="=HYPERLINK(1)", succeeded=False)
    content = client_for(root).get(URL + "export.xlsx", {"action": "auth.login_failed"}).content
    sheet = load_workbook(BytesIO(content)).active
    cell = sheet.cell(row=2, column=2)
    assert cell.value == "=HYPERLINK(1)" and cell.data_type == "s"


def test_the_catalogue_lists_actions_types_and_retention(county_admin, client_for, settings):
    settings.AUDIT_RETENTION_DAYS = 365
    body = client_for(county_admin).get(URL + "catalogue").json()
    codes = {item["code"]: item["label"] for item in body["actions"]}
    assert codes["auth.locked_out"] and codes["period.lock"] == "锁定考核档案"
    assert {"code": "user", "label": "用户"} in body["object_types"]
    assert body["retention_days"] == 365
