"""The console's question import: duplicates skipped by content, a foreign layout mapped
column by column, and a missing bank named in words a user knows."""

import io
import json

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from apps.questions.api.question_serializers import BANK_REQUIRED
from apps.questions.models import Question
from question_bank.column_mapping import MISSING_REQUIRED

IMPORT = "/api/v1/questions/import"
HEADER = ["题型", "题干", "选项A", "选项B", "选项C", "答案", "解析"]
ROWS = [
    ["单选", "村务公开栏应张贴补贴名单不少于几天？", "3天", "7天", "15天", "B", "第五条"],
    ["判断", "村民会议每年至少召开一次。", "", "", "", "正确", ""],
    ["填空", "意见箱收到的意见应在____日内反馈。", "", "", "", "15", ""],
]


def _xlsx(header, rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _post(client, data: bytes, query: str = "", **form):
    upload = SimpleUploadedFile("q.xlsx", data)
    return client.post(f"{IMPORT}?{query}", {"file": upload, **form}, format="multipart")


def test_importing_the_same_file_twice_skips_every_row(client_for, county_admin, bank):
    client = client_for(county_admin)
    data = _xlsx(HEADER, ROWS)
    first = _post(client, data, f"bank={bank.pk}").json()
    assert first["created"] == 3 and first["skipped"] == []
    again = _post(client, data, f"bank={bank.pk}").json()
    assert again["created"] == 0 and again["unchanged"] == 3
    assert [s["row"] for s in again["skipped"]] == [2, 3, 4]
    assert {s["question"] for s in again["skipped"]} == set(
        Question.objects.filter(bank=bank).values_list("pk", flat=True)
    )
    assert Question.objects.filter(bank=bank).count() == 3


def test_a_repeated_row_within_one_file_is_skipped(client_for, county_admin, bank):
    data = _xlsx(HEADER, [ROWS[0], ROWS[1], [*ROWS[0][:5], "B", "另一解析"]])
    report = _post(client_for(county_admin), data, f"bank={bank.pk}&dry_run=1").json()
    assert report["created"] == 2
    assert report["skipped"] == [{"row": 4, "same_row": 2}]
    assert not Question.objects.exists()  # a dry run writes nothing


def test_same_stem_with_another_answer_is_not_a_duplicate(client_for, county_admin, bank):
    client = client_for(county_admin)
    _post(client, _xlsx(HEADER, [ROWS[0]]), f"bank={bank.pk}")
    changed = [[*ROWS[0][:5], "C", ""]]
    report = _post(client, _xlsx(HEADER, changed), f"bank={bank.pk}").json()
    assert report["created"] == 1 and report["skipped"] == []


def test_duplicates_can_be_kept_on_request(client_for, county_admin, bank):
    client = client_for(county_admin)
    _post(client, _xlsx(HEADER, ROWS), f"bank={bank.pk}")
    report = _post(client, _xlsx(HEADER, ROWS), f"bank={bank.pk}&skip_duplicates=0").json()
    assert report["created"] == 3 and Question.objects.count() == 6


def test_missing_bank_is_named_in_words(client_for, county_admin):
    response = _post(client_for(county_admin), _xlsx(HEADER, ROWS))
    assert response.status_code == 400
    assert response.json()["errors"]["bank"] == [BANK_REQUIRED]
    assert "题库" in response.json()["detail"]


FOREIGN = ["题目", "类型", "选项", "正确答案", "备注"]
FOREIGN_ROWS = [
    ["村务公开栏应张贴补贴名单不少于几天？", "单选题", "A. 3天 B. 7天 C. 15天", "B", "x"],
    ["村民会议每年至少召开一次。", "判断题", "", "对", ""],
]


def test_unknown_headers_get_a_suggested_mapping_in_the_dry_run(client_for, county_admin, bank):
    report = _post(
        client_for(county_admin), _xlsx(FOREIGN, FOREIGN_ROWS), f"bank={bank.pk}&dry_run=1"
    ).json()
    assert report["needs_mapping"] is True
    assert report["headers"] == FOREIGN
    assert report["suggested_mapping"] == {
        "题目": "题干",
        "类型": "题型",
        "选项": "选项（合并）",
        "正确答案": "答案",
    }
    assert "题干" in report["columns"] and report["created"] == 0


def test_a_mapped_foreign_file_imports(client_for, county_admin, bank):
    mapping = {
        "题目": "题干",
        "类型": "题型",
        "选项": "选项（合并）",
        "正确答案": "答案",
        "备注": "",
    }
    report = _post(
        client_for(county_admin),
        _xlsx(FOREIGN, FOREIGN_ROWS),
        f"bank={bank.pk}",
        mapping=json.dumps(mapping, ensure_ascii=False),
    ).json()
    assert report["created"] == 2, report
    single = Question.objects.get(type="single")
    assert single.options == [
        {"key": "A", "text": "3天"},
        {"key": "B", "text": "7天"},
        {"key": "C", "text": "15天"},
    ]
    assert single.answer == "B"
    assert Question.objects.get(type="true_false").answer is True


def test_an_incomplete_mapping_is_refused_naming_the_column(client_for, county_admin, bank):
    response = _post(
        client_for(county_admin),
        _xlsx(FOREIGN, FOREIGN_ROWS),
        f"bank={bank.pk}&dry_run=1",
        mapping=json.dumps({"题目": "题干"}, ensure_ascii=False),
    )
    assert response.status_code == 400
    assert MISSING_REQUIRED.format(target="答案") in response.json()["errors"]["mapping"]
    assert not Question.objects.exists()


def test_an_unknown_layout_without_dry_run_is_refused(client_for, county_admin, bank):
    response = _post(client_for(county_admin), _xlsx(FOREIGN, FOREIGN_ROWS), f"bank={bank.pk}")
    assert response.status_code == 400 and response.json()["errors"]["file"]
    assert not Question.objects.exists()


def test_import_into_another_townships_bank_is_refused(client_for, town_b_admin, town_a_bank):
    response = _post(client_for(town_b_admin), _xlsx(HEADER, ROWS), f"bank={town_a_bank.pk}")
    assert response.status_code == 404 and not Question.objects.exists()
