"""Roster import: every kind of bad row is reported by number, strict mode writes nothing,
and importing the same file twice changes nothing."""

import io

import pytest
from openpyxl import Workbook

from apps.accounts.models import AdminScope, OrgUnit, User
from apps.accounts.services import roster
from apps.common.imports import STRICT_REFUSED
from question_bank import tables
from tests.factories import make_user

pytestmark = pytest.mark.django_db
HEADER = ["姓名", "工号", "手机号", "单位", "职务", "角色"]


def xlsx(rows, header=HEADER) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows, encoding="utf-8") -> bytes:
    lines = [",".join(HEADER)] + [",".join(row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def upload(client, data: bytes, name="roster.xlsx", **query):
    qs = "&".join(f"{k}={v}" for k, v in query.items())
    file = io.BytesIO(data)
    file.name = name
    return client.post(f"/api/v1/users/import?{qs}", {"file": file}, format="multipart")


GOOD_ROWS = [
    ["赵一", "Q001", "13800000001", "测试县/甲镇/一村", "网格员", "干部"],
    ["钱二", "Q002", "13800000002", "测试县/甲镇/二村", "村主任", "干部、评审员"],
    ["孙三", "Q003", "", "测试县/乙镇", "组织委员", "组织部管理员"],
]


def test_xlsx_import_creates_users_with_initial_passwords_once(county_admin, client_for):
    response = upload(client_for(county_admin), xlsx(GOOD_ROWS))
    body = response.json()
    assert response.status_code == 200, body
    assert (body["created"], body["updated"], body["error_count"]) == (3, 0, 0)
    passwords = {p["工号"]: p["初始密码"] for p in body["initial_passwords"]}
    assert set(passwords) == {"Q001", "Q002", "Q003"}

    qian = User.objects.get(username="Q002")
    assert qian.is_reviewer and qian.is_cadre and qian.must_change_password
    assert qian.org_unit.full_name == "测试县/甲镇/二村"
    assert qian.check_password(passwords["Q002"])
    assert AdminScope.objects.filter(
        user__username="Q003", org_unit__full_name="测试县/乙镇"
    ).exists()


def test_reimporting_the_same_file_changes_nothing(county_admin, client_for):
    client = client_for(county_admin)
    upload(client, xlsx(GOOD_ROWS))
    before = list(User.objects.order_by("pk").values())
    body = upload(client, xlsx(GOOD_ROWS)).json()
    assert (body["created"], body["updated"], body["unchanged"]) == (0, 0, 3)
    assert body["initial_passwords"] == []
    assert list(User.objects.order_by("pk").values()) == before


def test_each_bad_row_is_reported_with_its_number_and_reason(county_admin, tree, client_for):
    make_user(tree.village_a1, username="OLD1", mobile="13911112222")
    rows = [
        ["好人", "G001", "13800000011", "测试县/甲镇/一村", "", "干部"],  # row 2: fine
        ["无工号", "", "13800000012", "测试县/甲镇/一村", "", ""],  # row 3
        ["重号甲", "G003", "13800000013", "测试县/甲镇/一村", "", ""],  # row 4
        ["重号乙", "G004", "13800000013", "测试县/甲镇/一村", "", ""],  # row 5: mobile dup in file
        ["撞号", "G005", "13911112222", "测试县/甲镇/一村", "", ""],  # row 6: mobile of OLD1
        ["错角色", "G006", "", "测试县/甲镇/一村", "", "村长"],  # row 7
        ["无单位", "G007", "", "测试县/丙镇/五村", "", ""],  # row 8
        ["坏手机", "G008", "1380000", "测试县/甲镇/一村", "", ""],  # row 9
        ["", "G009", "", "测试县/甲镇/一村", "", ""],  # row 10: no name
        ["重工号", "G001", "", "测试县/甲镇/一村", "", ""],  # row 11: 工号 dup in file
    ]
    body = upload(client_for(county_admin), xlsx(rows)).json()
    errors = body["errors"]
    assert errors["第3行"] == ["工号：" + roster.MISSING_ID]
    assert errors["第5行"] == ["手机号：" + roster.DUPLICATE_MOBILE_IN_FILE.format(row=4)]
    assert errors["第6行"] == [
        "手机号：" + roster.DUPLICATE_MOBILE_EXISTING.format(username="OLD1")
    ]
    assert "未知角色：村长" in errors["第7行"][0]
    assert "单位不存在：测试县/丙镇/五村" in errors["第8行"][0]
    assert "手机号格式不正确" in errors["第9行"][0]
    assert errors["第10行"] == ["姓名：" + roster.MISSING_NAME]
    assert errors["第11行"] == ["工号：" + roster.DUPLICATE_ID_IN_FILE.format(row=2)]
    assert set(errors) == {"第3行", "第5行", "第6行", "第7行", "第8行", "第9行", "第10行", "第11行"}
    # Valid rows were applied: rows 2 and 4.
    assert body["created"] == 2
    assert set(
        User.objects.filter(username__startswith="G").values_list("username", flat=True)
    ) == {"G001", "G003"}


def test_strict_mode_applies_nothing_when_any_row_is_bad(county_admin, client_for):
    rows = [*GOOD_ROWS, ["坏手机", "Q009", "12", "测试县/甲镇/一村", "", ""]]
    response = upload(client_for(county_admin), xlsx(rows), strict=1)
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == STRICT_REFUSED.format(count=1)
    assert list(body["errors"]) == ["第5行"]
    assert not User.objects.filter(username__startswith="Q").exists()


def test_dry_run_reports_exact_counts_without_writing(county_admin, client_for):
    body = upload(client_for(county_admin), xlsx(GOOD_ROWS), dry_run=1, create_units=1).json()
    assert (body["created"], body["dry_run"], body["applied"]) == (3, True, False)
    assert "initial_passwords" not in body
    assert not User.objects.filter(username__startswith="Q").exists()


def test_gbk_csv_is_read(county_admin, client_for):
    data = csv_bytes(
        [["李四", "C100", "13800000100", "测试县/甲镇/一村", "驻村干部", "干部"]], "gbk"
    )
    body = upload(client_for(county_admin), data, name="名单.csv").json()
    assert body["created"] == 1
    assert User.objects.get(username="C100").real_name == "李四"


def test_utf8_bom_csv_with_create_units_builds_the_missing_path(county_admin, client_for):
    data = csv_bytes([["周五", "C200", "", "测试县/丙镇/新村", "", ""]], "utf-8-sig")
    body = upload(client_for(county_admin), data, name="x.csv", create_units=1).json()
    assert body["created"] == 1, body
    unit = OrgUnit.objects.get(full_name="测试县/丙镇/新村")
    assert unit.parent.kind == OrgUnit.Kind.TOWNSHIP and unit.kind == OrgUnit.Kind.VILLAGE


def test_empty_file_and_non_spreadsheet_are_refused(county_admin, client_for):
    client = client_for(county_admin)
    empty = upload(client, b"", name="empty.xlsx")
    assert empty.status_code == 400
    assert empty.json()["errors"]["file"]
    png = upload(client, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, name="photo.xlsx")
    assert png.status_code == 400 and png.json()["detail"] == tables.NOT_A_TABLE
    fake_zip = upload(client, b"PK\x03\x04garbage", name="r.xlsx")
    assert fake_zip.status_code == 400 and fake_zip.json()["detail"] == tables.NOT_A_TABLE
    header_only = upload(client, csv_bytes([]), name="r.csv")
    assert header_only.status_code == 400 and header_only.json()["detail"] == tables.NO_DATA_ROWS
    wrong_columns = upload(client, "名字,编号\n张三,1\n".encode(), name="r.csv")
    assert "缺少必需的列" in wrong_columns.json()["detail"]
    assert User.objects.count() == 1


def test_township_admin_cannot_import_into_another_township(town_a_admin, tree, client_for):
    rows = [["越界", "X001", "", "测试县/乙镇/三村", "", ""]]
    body = upload(client_for(town_a_admin), xlsx(rows)).json()
    assert body["errors"]["第2行"] == [
        "单位：" + roster.UNIT_OUT_OF_SCOPE.format(path="测试县/乙镇/三村")
    ]
    assert not User.objects.filter(username="X001").exists()
    # Nor create new units outside the subtree, nor take over a user of township B.
    make_user(tree.village_b1, username="B001")
    rows = [
        ["接管", "B001", "", "测试县/甲镇/一村", "", ""],
        ["新建", "X002", "", "测试县/乙镇/新村", "", ""],
    ]
    body = upload(client_for(town_a_admin), xlsx(rows), create_units=1).json()
    assert body["errors"]["第2行"] == ["工号：" + roster.USER_OUT_OF_SCOPE]
    assert "无权向该单位导入" in body["errors"]["第3行"][0]
    assert not OrgUnit.objects.filter(name="新村").exists()


def test_cadre_cannot_import(cadre, client_for):
    assert upload(client_for(cadre), xlsx(GOOD_ROWS)).status_code == 403


def test_a_taken_mobile_names_its_holder_only_inside_the_importers_scope(
    tree, town_a_admin, client_for
):
    """Probe 17: a township admin could look up who, in another township, holds a mobile
    number (the error named the holder's 工号); now only within their own scope."""
    make_user(tree.village_b1, username="YIZHEN1", mobile="13911113333")
    make_user(tree.village_a2, username="JIAZHEN1", mobile="13911114444")
    rows = [
        ["撞乙镇", "G101", "13911113333", "测试县/甲镇/一村", "", ""],  # row 2
        ["撞本镇", "G102", "13911114444", "测试县/甲镇/一村", "", ""],  # row 3
    ]
    errors = upload(client_for(town_a_admin), xlsx(rows), dry_run=1).json()["errors"]
    assert errors["第2行"] == ["手机号：" + roster.DUPLICATE_MOBILE_ELSEWHERE]
    assert "YIZHEN1" not in str(errors)
    assert errors["第3行"] == [
        "手机号：" + roster.DUPLICATE_MOBILE_EXISTING.format(username="JIAZHEN1")
    ]
