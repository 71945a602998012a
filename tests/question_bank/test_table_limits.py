"""The spreadsheet reader refuses what no spreadsheet program writes, before it costs time
or memory: too many bytes, a zip bomb dressed as xlsx, a cell longer than Excel allows."""

import io
import time
import zipfile

import pytest

from question_bank import tables


def roster_xlsx(rows: int = 3, name: str = "张三") -> bytes:
    return tables.write_xlsx(
        [
            (
                "表",
                ["姓名", "工号"],
                [[name if i == 0 else f"干部{i}", f"{100 + i}"] for i in range(rows)],
            )
        ]
    )


def with_extra_member(xlsx: bytes, name: str, payload: bytes) -> bytes:
    """The same workbook with one more, highly compressible, member in the archive."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr(name, payload, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return out.getvalue()


@pytest.fixture
def no_openpyxl(monkeypatch):
    """Fail the test if the workbook ever reaches openpyxl."""
    import openpyxl

    def refuse(*args, **kwargs):
        raise AssertionError("openpyxl was asked to open a file the reader should refuse")

    monkeypatch.setattr(openpyxl, "load_workbook", refuse)


def test_a_file_over_the_byte_limit_is_refused_before_reading(no_openpyxl):
    with pytest.raises(tables.TableError) as error:
        tables.read_table(roster_xlsx(), max_bytes=2048)
    assert str(error.value) == tables.TOO_LARGE.format(size="2 KB")


def test_a_zip_bomb_is_refused_by_its_declared_sizes(no_openpyxl):
    bomb = with_extra_member(roster_xlsx(), "xl/sharedStrings.xml", b"\0" * 60_000_000)
    assert len(bomb) < 200_000
    started = time.monotonic()
    with pytest.raises(tables.TableError) as error:
        tables.read_table(bomb, max_unpacked_bytes=50_000_000)
    assert time.monotonic() - started < 1
    assert str(error.value) == tables.ARCHIVE_TOO_LARGE


def test_an_unusually_compressed_member_is_refused(no_openpyxl):
    dense = with_extra_member(roster_xlsx(), "xl/worksheets/sheet2.xml", b"<a/>" * 2_000_000)
    with pytest.raises(tables.TableError) as error:
        tables.read_table(dense)
    assert str(error.value) == tables.ARCHIVE_TOO_DENSE


def test_a_cell_longer_than_excel_allows_is_refused_naming_row_and_column():
    # openpyxl cuts xlsx cells at this length itself; a CSV has no such bound.
    data = f"姓名,工号\n{'张' * (tables.MAX_CELL_CHARS + 1)},7\n".encode()
    with pytest.raises(tables.TableError) as error:
        tables.read_table(data, required_headers=("姓名", "工号"))
    assert str(error.value) == tables.CELL_TOO_LONG.format(
        row=2, column="姓名", limit=tables.MAX_CELL_CHARS
    )


def test_an_ordinary_large_roster_passes():
    table = tables.read_table(roster_xlsx(rows=3000), required_headers=("姓名", "工号"))
    assert len(table.rows) == 3000


def test_a_csv_with_nul_after_the_first_block_is_read_and_left_to_the_importer():
    data = ("姓名,工号\n" + "王五,9\n" * 1000 + "赵\0六,10\n").encode()
    table = tables.read_table(data, required_headers=("姓名", "工号"))
    assert table.rows[-1].get("姓名") == "赵\0六"
