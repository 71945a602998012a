"""Periods and their scheme: weights must total exactly 100%, each rule names the bad part."""

from decimal import Decimal

import pytest

from apps.records.models import Period
from apps.records.services.scheme import ADJUST_WEIGHT, CAP_REQUIRED, WEIGHTS_NOT_100
from apps.records.services.scoring import (
    GradeRule,
    aggregate,
    competition_ranks,
    grades,
    map_bands,
    map_linear,
)

D = Decimal
URL = "/api/v1/periods/"


def payload(tree, components):
    return {
        "name": "2026年上半年考核",
        "kind": "half",
        "start_date": "2026-01-01",
        "end_date": "2026-06-30",
        "org_unit": tree.county.pk,
        "components": components,
    }


@pytest.mark.django_db
class TestSchemeValidation:
    def test_weights_not_totalling_100_are_refused_and_nothing_is_saved(
        self, tree, county_admin, client_for
    ):
        components = [
            {"name": "理论考试", "kind": "exam", "weight": "60"},
            {"name": "入户走访率", "kind": "indicator", "weight": "30"},
        ]
        response = client_for(county_admin).post(URL, payload(tree, components), format="json")
        assert response.status_code == 400
        assert WEIGHTS_NOT_100.format(total="90") in response.json()["errors"]["components"]
        assert not Period.objects.exists()

    def test_weights_over_100_are_refused(self, tree, county_admin, client_for):
        components = [
            {"name": "理论考试", "kind": "exam", "weight": "60.5"},
            {"name": "入户走访率", "kind": "indicator", "weight": "40"},
        ]
        response = client_for(county_admin).post(URL, payload(tree, components), format="json")
        assert response.status_code == 400
        assert response.json()["detail"] == WEIGHTS_NOT_100.format(total="100.5")

    def test_bonus_items_carry_no_weight_and_capped_sum_needs_a_cap(
        self, tree, county_admin, client_for
    ):
        components = [
            {"name": "案例", "kind": "case", "weight": "90", "aggregation": "capped_sum"},
            {"name": "加减分", "kind": "adjust", "weight": "10"},
        ]
        body = client_for(county_admin).post(URL, payload(tree, components), format="json").json()
        assert body["errors"]["components.0"] == [CAP_REQUIRED]
        assert body["errors"]["components.1"] == [ADJUST_WEIGHT]

    def test_valid_scheme_is_saved_in_order(self, tree, county_admin, client_for):
        components = [
            {"name": "理论考试", "kind": "exam", "weight": "70"},
            {
                "name": "群众满意率",
                "kind": "indicator",
                "weight": "30",
                "mapping": "bands",
                "bands": [{"min": 90, "points": 100}, {"min": 0, "points": 60}],
            },
            {"name": "加减分", "kind": "adjust", "weight": "0"},
        ]
        response = client_for(county_admin).post(URL, payload(tree, components), format="json")
        assert response.status_code == 201, response.json()
        assert [c["name"] for c in response.json()["components"]] == [
            "理论考试",
            "群众满意率",
            "加减分",
        ]

    def test_editing_the_scheme_revalidates_weights(self, period, county_admin, client_for):
        components = [
            {"id": c.pk, "name": c.name, "kind": c.kind, "weight": "10"}
            for c in period.components.all()
        ]
        response = client_for(county_admin).patch(
            f"{URL}{period.pk}/", {"components": components}, format="json"
        )
        assert response.status_code == 400
        assert period.components.get(name="理论考试").weight == D("40")

    def test_a_township_admin_cannot_create_a_county_period(self, tree, town_a_admin, client_for):
        components = [{"name": "理论考试", "kind": "exam", "weight": "100"}]
        response = client_for(town_a_admin).post(URL, payload(tree, components), format="json")
        assert response.status_code == 400
        assert "org_unit" in response.json()["errors"]


class TestScoring:
    def test_linear_mapping_clamps_to_the_range(self):
        assert map_linear(D("75"), D("50"), D("100")) == D("50.00")
        assert map_linear(D("120"), D("0"), D("100")) == D("100.00")

    def test_bands_take_the_highest_band_reached(self):
        bands = [{"min": 60, "points": 70}, {"min": 90, "points": 100}, {"min": 80, "points": 85}]
        assert [map_bands(D(v), bands) for v in ("95", "80", "79.99", "10")] == [
            D(100),
            D(85),
            D(70),
            D(0),
        ]

    def test_aggregations_over_attempts_oldest_first(self):
        values = [D("60"), D("90"), D("75")]
        assert aggregate(values, "best") == D("90.00")
        assert aggregate(values, "latest") == D("75.00")
        assert aggregate(values, "mean") == D("75.00")
        assert aggregate(values, "capped_sum", D("200")) == D("200.00")
        assert aggregate([], "best") is None

    def test_ties_share_a_rank(self):
        assert competition_ranks([D(90), D(95), D(90), D(70)]) == [2, 1, 2, 4]

    def test_excellent_quota_never_overflows_on_a_tie(self):
        rule = GradeRule(D("20"), None, D("85"), D("60"), D("50"))
        totals = [D(99), D(95), D(95), D(80), D(70), D(65), D(60), D(55), D(50), D(10)]
        result = grades(totals, competition_ranks(totals), rule)
        # 20% of 10 = 2 places; the tie for 2nd would make 3, so only the first is 优秀.
        assert result == [
            "excellent",
            "pass",
            "pass",
            "pass",
            "pass",
            "pass",
            "pass",
            "basic",
            "basic",
            "fail",
        ]

    def test_excellent_cap_and_minimum_apply(self):
        rule = GradeRule(D("50"), 1, D("85"), D("60"), D("50"))
        totals = [D(99), D(90), D(84), D(10)]
        assert grades(totals, competition_ranks(totals), rule)[:2] == ["excellent", "pass"]


@pytest.mark.django_db
def test_editing_the_scheme_of_a_computed_period_recomputes_it(
    period, people, county_admin, client_for, django_capture_on_commit_callbacks
):
    from apps.records.models import Record
    from apps.records.services.compute import recompute
    from tests.backend.records.conftest import fill_indicators, make_attempt

    make_attempt(period.exam, people["a1"], "50")
    fill_indicators(period, people)
    recompute(period.pk)
    assert Record.objects.get(user=people["a1"]).total == D("20.00")
    components = [
        {"id": c.pk, "name": c.name, "kind": c.kind, "weight": str(c.weight)}
        for c in period.components.all()
    ]
    components[0]["weight"], components[1]["weight"] = "60", "0.5"  # 理论考试 60%, 案例评审 0.5%
    components[2]["weight"], components[3]["weight"] = "19.5", "20"
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(county_admin).patch(
            f"{URL}{period.pk}/", {"components": components}, format="json"
        )
    assert response.status_code == 200, response.json()
    assert Record.objects.get(user=people["a1"]).total == D("30.00")


@pytest.mark.django_db
def test_a_new_component_without_kind_is_refused_by_name(period, county_admin, client_for):
    from apps.records.services.scheme import NAME_AND_KIND_REQUIRED

    components = [{"id": c.pk} for c in period.components.all()] + [
        {"name": "新指标", "weight": "0"}
    ]
    response = client_for(county_admin).patch(
        f"{URL}{period.pk}/", {"components": components}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"]["components.5"] == [NAME_AND_KIND_REQUIRED]


@pytest.mark.django_db
def test_an_exam_component_counts_the_exams_it_picks(period, people, county_admin, client_for):
    from apps.records.models import ComponentScore
    from apps.records.services.compute import recompute
    from tests.backend.records.conftest import make_attempt, make_exam

    mock = make_exam(period.org_unit, "季度模拟考试")
    client = client_for(county_admin)
    components = [
        {"id": c.pk, "name": c.name, "kind": c.kind, "weight": str(c.weight)}
        for c in period.components.all()
    ]
    components[0]["exams"] = [mock.pk]  # 理论考试 picks an exam the period does not link
    refused = client.patch(
        f"/api/v1/periods/{period.pk}/", {"components": components}, format="json"
    )
    assert refused.status_code == 400
    assert "季度模拟考试" in refused.json()["errors"]["components.0.exams"][0]

    components[0]["exams"] = [period.exam.pk]
    saved = client.patch(
        f"/api/v1/periods/{period.pk}/",
        {"exams": [period.exam.pk, mock.pk], "components": components},
        format="json",
    )
    assert saved.status_code == 200, saved.json()
    assert saved.json()["components"][0]["exams"] == [period.exam.pk]
    make_attempt(period.exam, people["a1"], "80")
    make_attempt(mock, people["a1"], "20")
    recompute(period.pk)
    exam = ComponentScore.objects.get(record__user=people["a1"], component__kind="exam")
    assert exam.score == D("80.00")  # the mock exam is linked but not picked
    # Nor does the unpicked exam hold up publication while it is open.
    from datetime import timedelta

    from django.utils import timezone

    from apps.records.services.readiness import readiness

    mock.closes_at = timezone.now() + timedelta(days=2)
    mock.save()
    assert not [r for r in readiness(period) if "季度模拟考试" in r.message]
