"""Question import (our template, CMMLU, yf-exam, JSON), export and round trips."""

import csv
import io
import json

from django.core.files.uploadedfile import SimpleUploadedFile

from apps.common.imports import STRICT_REFUSED
from apps.questions.models import Bank, KnowledgePoint, Question
from question_bank import format_checks as fc
from question_bank.formats import (
    BAD_DIFFICULTY,
    BAD_POINTS,
    BAD_SCORING_POINT,
    TEMPLATE_COLUMNS,
    UNKNOWN_TYPE,
)
from question_bank.tables import read_table, write_xlsx
from tests.conftest import shared_path

IMPORT = "/api/v1/questions/import"


def _csv(rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(TEMPLATE_COLUMNS))
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8-sig")


def _import(client, bank, data: bytes, name="q.csv", **params):
    query = "&".join(f"{k}={v}" for k, v in {"bank": bank.pk, **params}.items())
    return client.post(
        f"{IMPORT}?{query}", {"file": SimpleUploadedFile(name, data)}, format="multipart"
    )


GOOD = {
    "题型": "单选",
    "题干": "民情台账应在走访后几日内更新？",
    "选项A": "1日",
    "选项B": "3日",
    "答案": "B",
}
BAD_ROWS = [
    ({"题型": "连线", "题干": "x", "答案": "A"}, "题型", UNKNOWN_TYPE.format(value="连线")),
    (
        {"题型": "单选", "题干": "", "选项A": "1", "选项B": "2", "答案": "A"},
        "题干",
        fc.MISSING_STEM,
    ),
    ({**GOOD, "答案": ""}, "答案", fc.MISSING_ANSWER),
    ({**GOOD, "答案": "D"}, "答案", fc.ANSWER_NOT_AN_OPTION.format(key="D")),
    ({**GOOD, "答案": "AB"}, "答案", fc.SINGLE_NEEDS_ONE.format(value="AB")),
    ({**GOOD, "题型": "多选", "答案": "A"}, "答案", fc.MULTIPLE_NEEDS_TWO.format(value=["A"])),
    ({**GOOD, "选项B": ""}, "选项", fc.TOO_FEW_OPTIONS),
    ({**GOOD, "选项B": "", "选项C": "5日"}, "选项B", fc.OPTION_GAP.format(key="B")),
    ({**GOOD, "选项B": "1日"}, "选项B", fc.DUPLICATE_OPTIONS.format(a="A", b="B")),
    (
        {"题型": "判断", "题干": "回访可以省略。", "答案": "也许"},
        "答案",
        fc.BAD_TRUE_FALSE.format(value="也许"),
    ),
    ({"题型": "填空", "题干": "每月走访20户。", "答案": "20"}, "题干", fc.NO_BLANKS),
    (
        {"题型": "填空", "题干": "每月走访____户。", "答案": "20；30"},
        "答案",
        fc.BLANK_COUNT.format(blanks=1, answers=2),
    ),
    ({"题型": "简答", "题干": "简述回访要求。", "答案": ""}, "答案", fc.MISSING_REFERENCE),
    ({**GOOD, "难度": "9"}, "难度", BAD_DIFFICULTY.format(value="9")),
    ({**GOOD, "分值": "-1"}, "分值", BAD_POINTS.format(value="-1")),
    (
        {"题型": "简答", "题干": "简述", "答案": "参考", "评分要点": "没有分值"},
        "评分要点",
        BAD_SCORING_POINT.format(value="没有分值"),
    ),
]


def test_each_error_kind_is_reported_with_its_row_and_valid_rows_are_imported(
    client_for, county_admin, bank
):
    rows = [GOOD, *[row for row, _, _ in BAD_ROWS]]
    response = _import(client_for(county_admin), bank, _csv(rows))
    assert response.status_code == 200, response.json()
    report = response.json()
    assert report["created"] == 1 and report["error_count"] == len(BAD_ROWS)
    found = {(e["row"], e["field"], e["message"]) for e in report["rows"]}
    for index, (_, field, message) in enumerate(BAD_ROWS, start=3):  # header is row 1, GOOD row 2
        assert (index, field, message) in found, (index, field, message, report["rows"])
    assert Question.objects.filter(bank=bank).count() == 1
    assert Question.objects.get(bank=bank).status == Question.Status.DRAFT


def test_strict_mode_imports_nothing_when_a_row_is_bad(client_for, county_admin, bank):
    response = _import(client_for(county_admin), bank, _csv([GOOD, BAD_ROWS[0][0]]), strict=1)
    assert response.status_code == 400
    assert response.json()["detail"] == STRICT_REFUSED.format(count=1)
    assert "第3行" in response.json()["errors"]
    assert not Question.objects.exists()


def test_dry_run_counts_without_storing(client_for, county_admin, bank):
    rows = [GOOD, {**GOOD, "题干": "走访情况何时记入台账？", "知识点": "民情台账"}]
    report = _import(client_for(county_admin), bank, _csv(rows), dry_run=1).json()
    assert report["created"] == 2 and report["dry_run"] is True and report["applied"] is False
    assert not Question.objects.exists() and not KnowledgePoint.objects.exists()


def test_import_into_a_bank_outside_scope_is_404(client_for, town_b_admin, town_a_bank):
    assert _import(client_for(town_b_admin), town_a_bank, _csv([GOOD])).status_code == 404


def test_downloaded_template_imports_cleanly(client_for, county_admin, bank):
    client = client_for(county_admin)
    template = client.get("/api/v1/questions/template.xlsx")
    assert template.status_code == 200
    report = _import(client, bank, template.content, name="t.xlsx").json()
    assert report["error_count"] == 0 and report["created"] == 5
    assert {q.type for q in Question.objects.all()} == {
        "single",
        "multiple",
        "true_false",
        "fill_in",
        "short_answer",
    }
    fill = Question.objects.get(type="fill_in")
    assert fill.answer == [["5", "五"], ["15", "十五"]]


def test_cmmlu_csv_imports_as_single_choice(client_for, county_admin, bank):
    data = shared_path("data", "questions", "cmmlu", "test", "college_law.csv").read_bytes()
    expected = len(read_table(data).rows)
    report = _import(client_for(county_admin), bank, data, publish=1).json()
    assert report["created"] == expected and report["error_count"] == 0
    question = Question.objects.filter(bank=bank).order_by("id").first()
    assert question.type == "single" and len(question.options) == 4 and question.answer in "ABCD"
    assert question.status == Question.Status.PUBLISHED


def _yf_rows():
    header = [
        "题目序号",
        "题目类型",
        "题目内容",
        "整体解析",
        "题目图片",
        "题目视频",
        "所属题库",
        "是否正确项",
        "选项内容",
        "选项解析",
        "选项图片",
    ]
    rows = [
        [
            "正式导入，请删除此说明行",
            "只能填写1、2、3、4",
            "问题内容",
            "整个问题的解析",
            "",
            "",
            "",
            "只能填写0或1",
            "候选答案1",
            "",
            "",
        ],
        ["1", "2", "入户走访时应当做到哪些？", "走访要求", "", "", "1", "1", "记录诉求", "", ""],
        ["1", "0", "", "", "", "", "", "0", "代替群众签字", "", ""],
        ["1", "0", "", "", "", "", "", "1", "当场登记", "", ""],
        ["2", "3", "满意度回访应在办结后进行。", "", "", "", "1", "1", "正确", "", ""],
        ["2", "0", "", "", "", "", "", "0", "错误", "", ""],
        ["3", "1", "单选却有两个正确项", "", "", "", "1", "1", "甲", "", ""],
        ["3", "0", "", "", "", "", "", "1", "乙", "", ""],
    ]
    return write_xlsx([("试题数据", header, rows)])


def test_yf_exam_layout_imports_groups_of_option_rows(client_for, county_admin, bank):
    shared_path("data", "templates", "yf-exam", "FORMAT.md")  # the layout we follow
    # yf-exam puts a title row above the header; rebuild that shape
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(_yf_rows()))
    workbook.active.insert_rows(1)
    workbook.active["A1"] = "试题数据"
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = _import(client_for(county_admin), bank, buffer.getvalue(), name="yf.xlsx").json()
    assert report["created"] == 2, report
    assert [(e["row"], e["message"]) for e in report["rows"]] == [
        (9, fc.SINGLE_NEEDS_ONE.format(value=["A", "B"]))
    ]
    multi = Question.objects.get(type="multiple")
    assert multi.answer == ["A", "C"] and [o["text"] for o in multi.options] == [
        "记录诉求",
        "代替群众签字",
        "当场登记",
    ]
    assert Question.objects.get(type="true_false").answer is True


def _content(items):
    drop = {"id", "lineage", "version", "status"}
    return [{k: v for k, v in item.items() if k not in drop} for item in items]


def test_json_round_trip_is_lossless(client_for, county_admin, bank, tree, all_types):
    client = client_for(county_admin)
    first = client.get(f"/api/v1/questions/export?format=json&bank={bank.pk}")
    assert first.status_code == 200
    other = Bank.objects.create(name="副本题库", org_unit=tree.county)
    report = _import(client, other, first.content, name="q.json").json()
    assert report["created"] == len(all_types) and report["error_count"] == 0
    second = client.get(f"/api/v1/questions/export?format=json&bank={other.pk}")
    original, copy = json.loads(first.content)["questions"], json.loads(second.content)["questions"]
    assert sorted(map(json.dumps, _content(original))) == sorted(map(json.dumps, _content(copy)))
    assert {q["type"] for q in copy} == {
        "single",
        "multiple",
        "true_false",
        "fill_in",
        "short_answer",
        "case_analysis",
    }


def test_xlsx_and_csv_exports_reimport_to_the_same_content(
    client_for, county_admin, bank, tree, all_types
):
    client = client_for(county_admin)
    for fmt in ("xlsx", "csv"):
        exported = client.get(f"/api/v1/questions/export?format={fmt}&bank={bank.pk}").content
        other = Bank.objects.create(name=f"{fmt}副本", org_unit=tree.county)
        result = _import(client, other, exported, name=f"q.{fmt}").json()
        assert result.get("error_count") == 0, result
        again = client.get(f"/api/v1/questions/export?format=json&bank={other.pk}").json()[
            "questions"
        ]
        original = client.get(f"/api/v1/questions/export?format=json&bank={bank.pk}").json()[
            "questions"
        ]
        strip = [{k: v for k, v in q.items() if k != "source_quote"} for q in _content(original)]
        assert sorted(map(json.dumps, strip)) == sorted(
            map(
                json.dumps,
                [{k: v for k, v in q.items() if k != "source_quote"} for q in _content(again)],
            )
        )


def test_near_duplicates_are_flagged_on_import(client_for, county_admin, bank, make_question):
    existing = make_question(bank, stem="驻村干部每月至少入户走访多少户？")
    rows = [
        {
            **GOOD,
            "题干": "驻村干部每月至少要入户走访多少户？",
            "选项A": "10户",
            "选项B": "20户",
            "选项C": "30户",
            "选项D": "40户",
        },
        {**GOOD, "题干": "问题办结后几日内开展满意度回访？", "选项A": "3日", "选项B": "7日"},
        {**GOOD, "题干": "问题办结后几日内开展满意度回访?", "选项A": "3日", "选项B": "7日"},
    ]
    report = _import(client_for(county_admin), bank, _csv(rows), skip_duplicates=0).json()
    flagged = {d["row"]: d for d in report["duplicates"]}
    assert flagged[2]["similar_question"]["id"] == existing.pk and 0.8 <= flagged[2]["score"] < 1
    assert flagged[4]["similar_row"] == 3 and flagged[4]["score"] == 1.0
    assert 3 not in flagged
    assert report["created"] == 3  # flagged, not refused
    assert report["skipped"] == []


def test_bank_may_be_given_as_a_form_field(client_for, county_admin, bank):
    response = client_for(county_admin).post(
        IMPORT,
        {"file": SimpleUploadedFile("q.csv", _csv([GOOD])), "bank": bank.pk},
        format="multipart",
    )
    assert response.status_code == 200 and response.json()["created"] == 1


def test_unknown_layout_and_broken_json_are_refused(client_for, county_admin, bank):
    from apps.questions.services.question_import import BAD_JSON, UNKNOWN_LAYOUT

    client = client_for(county_admin)
    unknown = _import(client, bank, "姓名,工号\n张三,1\n".encode(), name="x.csv")
    assert unknown.status_code == 400 and unknown.json()["detail"] == UNKNOWN_LAYOUT
    broken = _import(client, bank, b'{"questions": [', name="x.json")
    assert broken.status_code == 400 and broken.json()["detail"].startswith(BAD_JSON.split("：")[0])
    assert not Question.objects.exists()


def test_json_rows_are_checked_one_by_one(client_for, county_admin, bank):
    from question_bank.format_exchange import NOT_AN_OBJECT

    items = [
        {"type": "true_false", "stem": "回访可以省略。", "answer": False},
        {"type": "essay", "stem": "x", "answer": "y"},
        "不是对象",
    ]
    report = _import(
        client_for(county_admin), bank, json.dumps(items).encode(), name="q.json"
    ).json()
    assert report["created"] == 1
    assert [(e["row"], e["message"]) for e in report["rows"]] == [
        (2, UNKNOWN_TYPE.format(value="essay")),
        (3, NOT_AN_OBJECT),
    ]
