"""The roster's spreadsheets: the template (text columns, dropdowns, only the admin's
units), the one-time password sheet and the people export."""

import io

import pytest
from openpyxl import load_workbook

from apps.accounts.services import users
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def workbook(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content))


def test_template_keeps_ids_as_text_and_offers_roles_and_only_the_admins_units(
    tree, town_a_admin, client_for
):
    book = workbook(client_for(town_a_admin).get("/api/v1/users/template.xlsx"))
    sheet = book["花名册"]
    assert [c.value for c in sheet[1]] == ["姓名", "工号", "手机号", "单位", "职务", "角色"]
    assert sheet["B2"].number_format == "@" and sheet["C500"].number_format == "@"
    assert sheet.max_row == 2001 and sheet["A2"].value is None  # no example row to import
    example = list(book["填写说明"].values)[-1]
    assert example[:4] == ("王建国", "0012001", "13800000000", "测试县/甲镇")
    formulas = {v.formula1 for v in sheet.data_validations.dataValidation}
    assert '"干部,评审员,干部、评审员,组织部管理员"' in formulas
    assert "'单位列表'!$A$2:$A$4" in formulas
    units = [row[0].value for row in book["单位列表"].iter_rows(min_row=2)]
    assert units == ["测试县/甲镇", "测试县/甲镇/一村", "测试县/甲镇/二村"]


def test_template_is_for_admins_only(cadre, client_for):
    assert client_for(cadre).get("/api/v1/users/template.xlsx").status_code == 403


def test_password_sheet_lists_what_was_shown_and_is_never_cached(tree, town_a_admin, client_for):
    make_user(tree.village_a1, username="P001", real_name="甲")
    response = client_for(town_a_admin).post(
        "/api/v1/users/passwords.xlsx",
        {"rows": [{"username": "P001", "real_name": "甲", "password": "Abc123xyz789"}]},
        format="json",
    )
    assert response["Cache-Control"] == "no-store"
    rows = list(workbook(response).active.values)
    assert rows == [("工号", "姓名", "初始密码"), ("P001", "甲", "Abc123xyz789")]


def test_password_sheet_refuses_people_outside_the_scope(tree, town_a_admin, client_for):
    make_user(tree.village_b1, username="B001")
    response = client_for(town_a_admin).post(
        "/api/v1/users/passwords.xlsx",
        {"rows": [{"username": "B001", "real_name": "乙", "password": "x"}]},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"]["rows"] == [
        users.PASSWORD_SHEET_UNKNOWN.format(usernames="B001")
    ]


def test_export_follows_the_lists_filters(tree, town_a_admin, client_for):
    make_user(tree.village_a1, username="0099", real_name="一村人", mobile="13900000099")
    make_user(tree.village_a2, username="0098", real_name="二村人")
    make_user(tree.village_b1, username="0097", real_name="乙镇人")
    response = client_for(town_a_admin).get(
        f"/api/v1/users/export.xlsx?org_unit={tree.village_a1.pk}"
    )
    rows = list(workbook(response).active.values)
    assert rows[0][:6] == ("姓名", "工号", "手机号", "单位", "职务", "角色")
    assert [row[:4] for row in rows[1:]] == [("一村人", "0099", "13900000099", "测试县/甲镇/一村")]


def test_a_filled_in_template_imports_with_leading_zeros_kept(tree, town_a_admin, client_for):
    client = client_for(town_a_admin)
    book = workbook(client.get("/api/v1/users/template.xlsx"))
    sheet = book["花名册"]
    for column, value in zip(
        "ABCDEF",
        ["新人", "000123", "13812345678", "测试县/甲镇/一村", "", "干部、评审员"],
        strict=True,
    ):
        sheet[f"{column}2"] = value
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = "roster.xlsx"
    response = client.post("/api/v1/users/import", {"file": buffer}, format="multipart")
    body = response.json()
    assert (body["created"], body["error_count"]) == (1, 0), body
    assert body["initial_passwords"][0]["工号"] == "000123"
