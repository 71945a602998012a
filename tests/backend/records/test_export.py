"""The xlsx export opens with openpyxl and matches the on-screen table, one sheet per unit."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from apps.records.services.compute import recompute
from tests.backend.records.conftest import fill_indicators, make_attempt


def _cell(value):
    """The table's JSON (decimals as strings) and the sheet's numbers compared as Decimals."""
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return str(value)


@pytest.mark.django_db
def test_xlsx_matches_the_table(period, people, county_admin, client_for):
    for key, score in {"a1": "90", "a2": "70", "b1": "80"}.items():
        make_attempt(period.exam, people[key], score)
    fill_indicators(period, people)
    recompute(period.pk)
    client = client_for(county_admin)
    table = client.get(f"/api/v1/periods/{period.pk}/table").json()
    response = client.get(f"/api/v1/periods/{period.pk}/records.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    assert workbook.sheetnames == ["一村", "二村", "三村"]
    assert len(table["units"]) == 3
    for sheet, unit in zip(workbook.worksheets, table["units"], strict=True):
        rows = list(sheet.iter_rows(values_only=True))
        assert list(rows[0]) == table["columns"]
        assert [[_cell(v) for v in row] for row in rows[1:]] == [
            [_cell(v) for v in r] for r in unit["rows"]
        ]
    assert table["columns"] == [
        "单位内排名",
        "工号",
        "姓名",
        "单位",
        "理论考试",
        "案例评审",
        "入户走访率",
        "民调",
        "加减分",
        "总分",
        "总排名",
        "等级",
    ]
    first = table["units"][0]["rows"][0]
    assert first[1] == "c_a1" and first[-1] in {"优秀", "合格", "基本合格", "不合格"}


@pytest.mark.django_db
def test_a_township_admin_exports_only_their_units(period, people, town_b_admin, client_for):
    recompute(period.pk)
    response = client_for(town_b_admin).get(f"/api/v1/periods/{period.pk}/records.xlsx")
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    # The township admin is a cadre of 乙镇 too; 甲镇 and its villages never appear.
    assert workbook.sheetnames == ["乙镇", "三村"]


@pytest.mark.django_db
def test_distribution_per_unit_counts_grades_and_bins(period, people, county_admin, client_for):
    for key, score in {"a1": "100", "a2": "50"}.items():
        make_attempt(period.exam, people[key], score)
    fill_indicators(period, people)
    recompute(period.pk)
    body = client_for(county_admin).get(f"/api/v1/periods/{period.pk}/distribution").json()
    village = next(d for d in body if d["unit"]["name"] == "测试县/甲镇/一村")
    # exam 100 → 40 points, exam 50 → 20 points; every other input is missing (0).
    assert (village["count"], village["max"], village["min"], village["mean"]) == (
        2,
        "40.00",
        "20.00",
        "30.00",
    )
    assert [b["count"] for b in village["bins"]] == [2, 0, 0, 0, 0]
    assert {g["label"]: g["count"] for g in village["grades"]}["不合格"] == 2
