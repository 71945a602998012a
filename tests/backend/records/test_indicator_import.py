"""Indicator import: each bad row is named with its number and reason; strict applies nothing."""

from decimal import Decimal

import pytest

from apps.common.imports import STRICT_REFUSED
from apps.records.models import IndicatorValue, Record
from apps.records.services import indicators as imp
from tests.backend.records.conftest import component, xlsx_bytes

HEADERS = ["工号", "姓名", "单位", "入户走访率", "民调"]


def url(period, **query):
    params = "&".join(f"{k}={v}" for k, v in query.items())
    return f"/api/v1/periods/{period.pk}/indicators/import" + (f"?{params}" if params else "")


def upload(client, period, rows, headers=HEADERS, **query):
    from django.core.files.uploadedfile import SimpleUploadedFile

    file = SimpleUploadedFile("指标.xlsx", xlsx_bytes(headers, rows))
    return client.post(url(period, **query), {"file": file}, format="multipart")


BAD_ROWS = [
    ["c_a1", "甲一", "", "95", ""],  # row 2: good
    ["nobody", "无名", "", "80", ""],  # row 3: unknown 工号
    ["", "", "测试县/甲镇/不存在村", "", "90"],  # row 4: unknown unit
    ["c_a2", "甲二", "", "120", ""],  # row 5: out of range
    ["c_a1", "甲一", "", "90", ""],  # row 6: duplicate of row 2
    ["", "", "测试县/乙镇/三村", "", "88%"],  # row 7: good unit row, value with %
]


@pytest.mark.django_db
class TestIndicatorImport:
    def test_each_error_kind_names_its_row_and_good_rows_apply(
        self, period, county_admin, client_for
    ):
        response = upload(client_for(county_admin), period, BAD_ROWS)
        assert response.status_code == 200, response.json()
        body = response.json()
        assert body["errors"] == {
            "第3行": ["工号：" + imp.UNKNOWN_ID.format(value="nobody")],
            "第4行": ["单位：" + imp.UNKNOWN_UNIT.format(value="测试县/甲镇/不存在村")],
            "第5行": ["入户走访率：" + imp.OUT_OF_RANGE.format(value="120", low="0", high="100")],
            "第6行": ["工号：" + imp.DUPLICATE_ROW.format(row=2)],
        }
        assert body["created"] == 2 and body["error_count"] == 4
        visit = IndicatorValue.objects.get(component=component(period, "入户走访率"))
        assert (visit.user.username, visit.value, visit.row_number) == ("c_a1", Decimal("95.00"), 2)
        poll = IndicatorValue.objects.get(component=component(period, "民调"))
        assert (poll.org_unit.name, poll.value, poll.row_number) == ("三村", Decimal("88.00"), 7)

    def test_strict_mode_applies_nothing_when_any_row_is_bad(
        self, period, county_admin, client_for
    ):
        response = upload(client_for(county_admin), period, BAD_ROWS, strict=1)
        assert response.status_code == 400
        assert response.json()["detail"] == STRICT_REFUSED.format(count=4)
        assert "第5行" in response.json()["errors"]
        assert not IndicatorValue.objects.exists()

    def test_dry_run_reports_counts_and_writes_nothing(self, period, county_admin, client_for):
        body = upload(client_for(county_admin), period, BAD_ROWS[:1], dry_run=1).json()
        assert body["created"] == 1 and body["dry_run"] and not body["applied"]
        assert not IndicatorValue.objects.exists() and not Record.objects.exists()

    def test_a_value_in_the_wrong_kind_of_row_and_a_non_number_are_refused(
        self, period, county_admin, client_for
    ):
        rows = [["c_a1", "甲一", "", "九十", "90"]]
        errors = upload(client_for(county_admin), period, rows).json()["errors"]["第2行"]
        assert errors == [
            "入户走访率：" + imp.NOT_A_NUMBER.format(value="九十"),
            "民调：" + imp.WRONG_LEVEL_USER,
        ]

    def test_a_sheet_without_indicator_columns_is_refused(self, period, county_admin, client_for):
        response = upload(
            client_for(county_admin), period, [["c_a1", "1"]], headers=["工号", "得分"]
        )
        assert response.status_code == 400
        assert response.json()["detail"] == imp.NO_INDICATOR_COLUMNS.format(
            names="入户走访率、民调"
        )

    def test_a_cadre_outside_the_period_scope_is_unknown(
        self, period, tree, county_admin, client_for
    ):
        from tests import factories

        outsider_unit = factories.make_unit("外县")
        factories.make_user(outsider_unit, username="c_out")
        body = upload(client_for(county_admin), period, [["c_out", "", "", "80", ""]]).json()
        assert body["errors"] == {"第2行": ["工号：" + imp.UNKNOWN_ID.format(value="c_out")]}

    def test_reimport_updates_values_and_recomputes(
        self, period, county_admin, client_for, django_capture_on_commit_callbacks
    ):
        client = client_for(county_admin)
        with django_capture_on_commit_callbacks(execute=True):
            upload(client, period, [["c_a1", "", "", "50", ""]])
        record = Record.objects.get(period=period, user__username="c_a1")
        assert record.scores.get(component__name="入户走访率").score == Decimal("50.00")
        with django_capture_on_commit_callbacks(execute=True):
            body = upload(client, period, [["c_a1", "", "", "70", ""]]).json()
        assert body["updated"] == 1
        record.refresh_from_db()
        assert record.scores.get(component__name="入户走访率").score == Decimal("70.00")
        value = IndicatorValue.objects.get(user__username="c_a1")
        assert value.history.first().history_user == county_admin

    def test_a_township_admin_cannot_import_into_a_county_period(
        self, period, town_a_admin, client_for
    ):
        response = upload(client_for(town_a_admin), period, BAD_ROWS[:1])
        assert response.status_code == 403


@pytest.mark.django_db
def test_an_open_period_with_imported_values_can_be_deleted(period, county_admin, client_for):
    client = client_for(county_admin)
    upload(client, period, BAD_ROWS[:1])
    assert client.delete(f"/api/v1/periods/{period.pk}/").status_code == 204
    assert not IndicatorValue.objects.exists()


@pytest.mark.django_db
def test_the_filled_template_imports_cleanly(period, people, county_admin, client_for):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import load_workbook

    client = client_for(county_admin)
    response = client.get(f"/api/v1/periods/{period.pk}/indicators/template.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == ["工号", "姓名", "单位", "入户走访率", "民调"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value:
            row[3].value = "88%"
        elif row[2].value == "测试县/甲镇":
            row[4].value = 91
    buffer = io.BytesIO()
    sheet.parent.save(buffer)
    file = SimpleUploadedFile("filled.xlsx", buffer.getvalue())
    body = client.post(url(period), {"file": file}, format="multipart").json()
    assert body["errors"] == {}
    visits = IndicatorValue.objects.filter(component__name="入户走访率")
    assert visits.count() == 5  # every cadre in scope
    assert IndicatorValue.objects.get(component__name="民调").org_unit.name == "甲镇"
