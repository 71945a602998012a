"""Spreadsheet reading and writing shared by every import and export."""

import io

import pytest
from openpyxl import load_workbook

from question_bank import tables


def test_text_that_looks_like_a_formula_is_written_as_text():
    data = tables.write_xlsx(
        [("表", ["题干", "分值"], [['=HYPERLINK("http://x")', 2], ["-5 分", 3]])]
    )
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet["A2"].data_type == "s" and sheet["A2"].value == '=HYPERLINK("http://x")'
    assert sheet["A3"].data_type == "s"
    assert sheet["B2"].value == 2


def test_written_xlsx_reads_back_with_row_numbers():
    data = tables.write_xlsx([("表", ["姓名", "工号"], [["张三", "001"], ["李四", "002"]])])
    table = tables.read_table(data, required_headers=("姓名", "工号"))
    assert [(r.number, r.get("姓名")) for r in table.rows] == [(2, "张三"), (3, "李四")]


def test_title_row_above_the_header_is_tolerated():
    data = "试题数据\n姓名,工号\n王五,9\n".encode()
    table = tables.read_table(data, required_headers=("姓名", "工号"))
    assert table.rows[0].number == 3 and table.rows[0].get("工号") == "9"


def test_row_limit_is_enforced():
    data = ("姓名\n" + "甲\n" * 11).encode()
    with pytest.raises(tables.TableError, match="10 行"):
        tables.read_table(data, max_rows=10)


def test_old_xls_gets_a_clear_message():
    with pytest.raises(tables.TableError) as error:
        tables.read_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    assert str(error.value) == tables.OLD_XLS
