"""The record's parts in words: what the phone and the console show under each component."""

import pytest

from apps.records.models import Record
from apps.records.services.compute import recompute
from apps.records.services.objections import add_adjustment
from tests.backend.records.conftest import component, fill_indicators, make_attempt, make_case


@pytest.mark.django_db
def test_every_part_reads_as_a_sentence(period, people, county_admin, client_for):
    make_attempt(period.exam, people["a1"], "45", max_score="50")
    make_case(period.call, people["a1"], "40")
    fill_indicators(period, people, "88")
    recompute(period.pk)
    add_adjustment(
        actor=county_admin,
        period=period,
        user=people["a1"],
        component_id=component(period, "加减分").pk,
        points=2,
        reason="抗旱保苗表现突出",
    )
    record = Record.objects.get(period=period, user=people["a1"])
    body = client_for(people["a1"]).get(f"/api/v1/records/{record.pk}/")
    assert body.status_code == 404  # not published yet: the cadre sees nothing
    rows = client_for(county_admin).get(f"/api/v1/records/?period={period.pk}").json()["results"]
    mine = next(r for r in rows if r["username"] == "c_a1")
    lines = {c["name"]: c["lines"] for c in mine["components"]}
    assert lines["理论考试"] == ["考试“年度理论考试”：得 45 分（满分 50），折合 90 分"]
    assert lines["案例评审"][0].startswith("案例“甲一的案例”（典型案例征集）：得 40 分（满分 50）")
    assert lines["入户走访率"] == ["入户走访率：88，按 0–100 线性换算"]
    assert lines["民调"][0].startswith("民调：88（测试县的数值），按分档计分")
    assert lines["加减分"] == ["加 2 分：抗旱保苗表现突出（县管理员录入）"]
    other = next(r for r in rows if r["username"] == "c_a2")
    other_lines = {c["name"]: c["lines"] for c in other["components"]}
    assert other_lines["理论考试"] == ["考试“年度理论考试”：未参加，计 0 分"]
    assert other_lines["案例评审"] == ["未提交案例"]
    assert other_lines["加减分"] == ["无加减分"]
    for part in [*mine["components"], *other["components"]]:
        for line in part["lines"]:
            assert "counted" not in line and "exam：" not in line and "_id" not in line
