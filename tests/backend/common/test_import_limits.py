"""Spreadsheet imports refuse oversized files and zip bombs quickly, name the row and the
column of a cell that is too long or holds a NUL, and store names without invisible
characters; nothing too long reaches the database."""

import io
import json
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.accounts.models import OrgUnit, User
from apps.accounts.services import roster
from apps.common.imports import CELL_TOO_LONG
from apps.common.text import NUL_REFUSED
from apps.questions.models import Bank, Question
from apps.questions.services.question_import import TOO_LONG
from question_bank import tables
from question_bank.formats import TEMPLATE_COLUMNS

pytestmark = pytest.mark.django_db

HEADER = ["姓名", "工号", "手机号", "单位", "职务", "角色"]


def roster_xlsx(rows) -> bytes:
    return tables.write_xlsx([("花名册", HEADER, rows)])


def upload_roster(client, data: bytes, name="roster.xlsx"):
    return client.post(
        "/api/v1/users/import", {"file": SimpleUploadedFile(name, data)}, format="multipart"
    )


def test_a_5000_character_name_is_that_rows_error_and_the_rest_imports(county_admin, client_for):
    data = roster_xlsx(
        [
            ["张" * 5000, "L001", "", "测试县/甲镇", "", ""],
            ["李四", "L002", "", "测试县/甲镇", "", ""],
        ]
    )
    report = upload_roster(client_for(county_admin), data).json()
    assert report["errors"] == {"第2行": ["姓名：" + CELL_TOO_LONG.format(length=5000, limit=50)]}
    assert report["created"] == 1
    assert not User.objects.filter(username="L001").exists()


def test_a_unit_name_longer_than_a_unit_may_be_is_refused(county_admin, client_for):
    data = roster_xlsx([["王五", "L003", "", f"测试县/{'镇' * 120}", "", ""]])
    response = client_for(county_admin).post(
        "/api/v1/users/import?create_units=1",
        {"file": SimpleUploadedFile("r.xlsx", data)},
        format="multipart",
    )
    message = roster.UNIT_NAME_TOO_LONG.format(name="镇" * 20)
    assert response.json()["errors"] == {"第2行": [f"单位：{message}"]}
    assert not OrgUnit.objects.filter(name__startswith="镇镇").exists()


def test_nul_and_invisible_characters_in_cells(county_admin, client_for):
    rows = [
        ["\u202e赵\u200b六", "L004", "", "测试县/甲镇", "", ""],
        ["钱\0七", "L005", "", "测试县/甲镇", "", ""],
    ]
    data = ("\n".join(",".join(r) for r in [HEADER, *rows]) + "\n").encode()
    report = upload_roster(client_for(county_admin), data, name="r.csv").json()
    assert report["errors"] == {"第3行": ["姓名：" + NUL_REFUSED]}
    assert User.objects.get(username="L004").real_name == "赵六"


def test_an_oversized_file_is_refused_before_it_is_parsed(county_admin, client_for, settings):
    settings.IMPORT_MAX_BYTES = 4096
    data = roster_xlsx([[f"干部{i}", f"M{i:04d}", "", "测试县/甲镇", "", ""] for i in range(300)])
    response = upload_roster(client_for(county_admin), data)
    assert response.status_code == 400
    assert response.json()["errors"]["file"] == [tables.TOO_LARGE.format(size="4 KB")]


def test_a_zip_bomb_roster_is_refused_at_once(county_admin, client_for, settings):
    settings.IMPORT_MAX_UNPACKED_BYTES = 20 * 1024 * 1024
    out = io.BytesIO()
    base = roster_xlsx([["孙八", "L006", "", "测试县/甲镇", "", ""]])
    with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(out, "w") as bomb:
        for item in source.infolist():
            bomb.writestr(item, source.read(item.filename))
        bomb.writestr("xl/sharedStrings.xml", b"<a/>" * 10_000_000, zipfile.ZIP_DEFLATED)
    started = time.monotonic()
    response = upload_roster(client_for(county_admin), out.getvalue())
    assert time.monotonic() - started < 5
    assert response.status_code == 400
    assert response.json()["errors"]["file"] == [tables.ARCHIVE_TOO_LARGE]
    assert not User.objects.filter(username="L006").exists()


def test_question_texts_over_the_apis_limits_are_row_errors(county_admin, tree, client_for):
    bank = Bank.objects.create(name="导入题库", org_unit=tree.county)
    good = {"题型": "单选", "题干": "题干", "选项A": "甲", "选项B": "乙", "答案": "A"}
    rows = [
        {**good, "解析": "长" * 10001},
        {**good, "知识点": "点" * 101},
        {**good, "选项B": "乙" * 1001},
        good,
    ]
    sheet = [[row.get(column, "") for column in TEMPLATE_COLUMNS] for row in rows]
    data = tables.write_xlsx([("试题", list(TEMPLATE_COLUMNS), sheet)])
    response = client_for(county_admin).post(
        f"/api/v1/questions/import?bank={bank.pk}",
        {"file": SimpleUploadedFile("q.xlsx", data)},
        format="multipart",
    )
    report = response.json()
    assert report["errors"] == {
        "第2行": ["解析：" + TOO_LONG.format(length=10001, limit=10000)],
        "第3行": ["知识点：" + TOO_LONG.format(length=101, limit=100)],
        "第4行": ["选项B：" + TOO_LONG.format(length=1001, limit=1000)],
    }
    assert Question.objects.filter(bank=bank).count() == 1


def test_a_deeply_nested_json_question_file_is_a_400(county_admin, tree, client_for):
    bank = Bank.objects.create(name="导入题库", org_unit=tree.county)
    nested = "[" * 50_000 + "]" * 50_000
    response = client_for(county_admin).post(
        f"/api/v1/questions/import?bank={bank.pk}",
        {"file": SimpleUploadedFile("q.json", nested.encode())},
        format="multipart",
    )
    assert response.status_code == 400
    assert "嵌套" in response.json()["errors"]["file"][0]
    ok = json.dumps({"questions": [{"type": "true_false", "stem": "对吗", "answer": True}]})
    assert (
        client_for(county_admin)
        .post(
            f"/api/v1/questions/import?bank={bank.pk}",
            {"file": SimpleUploadedFile("q.json", ok.encode())},
            format="multipart",
        )
        .status_code
        == 200
    )
