"""Blind scoring, bounds, the mean, arbitration strictly above the threshold, the revision cycle."""

from decimal import Decimal

import pytest

from apps.cases import errors
from apps.cases.models import Case, CaseScore, ReviewAssignment, ReviewScore
from apps.cases.services import cases, reviews
from apps.cases.signals import case_final_score_changed
from tests import factories
from tests.backend.cases.conftest import open_assignments, score_payload, submit

A = ReviewAssignment


def score(a, total, **kw):
    return reviews.save_review(a.pk, a.reviewer, scores=score_payload(a, total), submit=True, **kw)


def test_reviewer_sees_the_case_blind(call, tree, reviewers, client_for):
    author = factories.make_user(
        tree.village_a1, real_name="欧阳秀兰", mobile="13912345678", position="村支书"
    )
    case = submit(author, call, body="## 做法\n\n入户走访。")
    a = open_assignments(case)[0]
    response = client_for(a.reviewer).get(f"/api/v1/reviews/{a.pk}")
    assert response.status_code == 200
    text = response.content.decode()
    for secret in ("欧阳秀兰", "13912345678", "村支书", "一村", "甲镇", author.username):
        assert secret not in text
    assert "入户走访" in response.json()["case"]["body_html"]
    listed = client_for(a.reviewer).get("/api/v1/reviews/").content.decode()
    assert "欧阳秀兰" not in listed


def test_reviewer_opening_an_unassigned_case_gets_404(call, cadre, reviewers, client_for):
    case = submit(cadre, call)
    assigned = {a.reviewer_id for a in open_assignments(case)}
    outsider = next(r for r in reviewers if r.pk not in assigned)
    a = open_assignments(case)[0]
    client = client_for(outsider)
    assert client.get(f"/api/v1/reviews/{a.pk}").status_code == 404
    assert client.get(f"/api/v1/cases/{case.pk}").status_code == 404
    assert (
        client.post(f"/api/v1/reviews/{a.pk}/submit", {"scores": {}}, format="json").status_code
        == 404
    )


@pytest.mark.parametrize("bad", ["20.01", "-1", "abc"])
def test_score_outside_the_bounds_is_refused_and_nothing_stored(
    call, cadre, reviewers, client_for, bad
):
    case = submit(cadre, call)
    a = open_assignments(case)[0]
    payload = score_payload(a, 80)
    first = a.rubric.criteria.first()  # 真实性, 20 points
    payload[str(first.pk)]["score"] = bad
    response = client_for(a.reviewer).post(
        f"/api/v1/reviews/{a.pk}/submit", {"scores": payload}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {
        f"scores.{first.pk}": [errors.SCORE_OUT_OF_RANGE.format(name="真实性", max="20.00")]
    }
    assert not ReviewScore.objects.exists()
    a.refresh_from_db()
    assert a.status == "pending"


def test_submit_needs_every_criterion(call, cadre, reviewers):
    case = submit(cadre, call)
    a = open_assignments(case)[0]
    partial = dict(list(score_payload(a, 80).items())[:2])
    reviews.save_review(a.pk, a.reviewer, scores=partial)  # a draft may be partial
    with pytest.raises(Exception) as caught:
        reviews.save_review(a.pk, a.reviewer, scores={}, submit=True)
    assert caught.value.message.startswith("请为每一项细则打分")
    a.refresh_from_db()
    assert a.status == "draft"


def test_final_score_is_the_mean_and_is_announced(call, cadre, reviewers):
    received = []

    def listener(sender, case, **kwargs):
        received.append((sender, case.pk, case.final_score))

    case_final_score_changed.connect(listener)
    try:
        case = submit(cadre, call)
        first, second = open_assignments(case)
        score(first, "80")
        assert received == []
        score(second, "85.5")
    finally:
        case_final_score_changed.disconnect(listener)
    case.refresh_from_db()
    assert case.status == "finished"
    assert case.final_score == Decimal("82.75")
    assert received == [(Case, case.pk, Decimal("82.75"))]


def test_spread_equal_to_threshold_does_not_trigger_arbitration(call, cadre, reviewers):
    case = submit(cadre, call)
    first, second = open_assignments(case)
    score(first, "70")
    score(second, "85")  # spread 15 == 15% of 100
    case.refresh_from_db()
    assert case.status == "finished"
    assert not case.assignments.filter(kind=A.Kind.ARBITRATION).exists()


def test_spread_just_above_threshold_triggers_arbitration_and_the_rule(call, cadre, reviewers):
    case = submit(cadre, call)
    first, second = open_assignments(case)
    score(first, "70")
    score(second, "85.01")
    case.refresh_from_db()
    assert case.status == "arbitration"
    assert case.final_score is None
    arbiter = case.assignments.get(kind=A.Kind.ARBITRATION)
    assert arbiter.reviewer_id not in {first.reviewer_id, second.reviewer_id}
    score(arbiter, "80")  # closer to 85.01 → (80 + 85.01) / 2
    case.refresh_from_db()
    assert case.status == "finished"
    assert case.final_score == Decimal("82.51")
    assert case.result.method == CaseScore.Method.ARBITRATION


def test_arbitration_tie_uses_the_mean_of_the_equally_close_scores():
    assert reviews.arbitrated_score(Decimal("80"), [Decimal("70"), Decimal("90")]) == Decimal(
        "80.00"
    )


def test_revision_cycle_goes_back_to_the_same_reviewers(call, cadre, reviewers, client_for):
    case = submit(cadre, call)
    first, second = open_assignments(case)
    score(first, "75")
    reviews.save_review(
        second.pk,
        second.reviewer,
        scores={},
        submit=True,
        decision="revise",
        overall_comment="请补充群众反馈",
    )
    case.refresh_from_db()
    assert case.status == "revision"
    author_view = client_for(cadre).get(f"/api/v1/cases/{case.pk}").json()
    assert any(r["overall_comment"] == "请补充群众反馈" for r in author_view["reviews"])

    cases.save_draft(case.pk, cadre, body=case.body + "\n\n群众反馈：满意。")
    cases.submit_case(case.pk, cadre)
    case.refresh_from_db()
    again = open_assignments(case)
    assert case.version == 2
    assert {a.reviewer_id for a in again} == {first.reviewer_id, second.reviewer_id}
    assert {a.round for a in again} == {2}
    detail = client_for(again[0].reviewer).get(f"/api/v1/reviews/{again[0].pk}").json()
    assert "群众反馈" in detail["case"]["body_html"]
    for a in again:
        score(a, "88")
    case.refresh_from_db()
    assert case.final_score == Decimal("88.00")


def test_revision_needs_a_comment(call, cadre, reviewers):
    case = submit(cadre, call)
    a = open_assignments(case)[0]
    with pytest.raises(Exception) as caught:
        reviews.save_review(a.pk, a.reviewer, scores={}, submit=True, decision="revise")
    assert caught.value.message == errors.REVISION_COMMENT_REQUIRED
    assert Case.objects.get(pk=case.pk).status == "under_review"


def test_score_changes_keep_who_when_and_why(call, cadre, reviewers, county_admin, client_for):
    case = submit(cadre, call)
    for a in open_assignments(case):
        score(a, "80")
    response = client_for(county_admin).post(
        f"/api/v1/cases/{case.pk}/score", {"score": "83", "reason": "复核后加分"}, format="json"
    )
    assert response.status_code == 200, response.json()
    history = response.json()["score_history"]
    assert [h["score"] for h in history] == ["80.00", "83.00"]
    assert history[-1]["reason"] == "复核后加分"
    assert history[-1]["changed_by"] == county_admin.display_name
    a = case.assignments.first()
    assert a.scores.first().history.count() == 1
