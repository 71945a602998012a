"""The whole flow through the API: write, submit, two reviewers score, the author reads the result."""

from apps.cases.models import Case
from tests.backend.cases.conftest import BODY, open_assignments, score_payload


def test_case_goes_from_draft_to_final_score(call, cadre, reviewers, client_for):
    author = client_for(cadre)
    made = author.post(
        "/api/v1/cases/", {"call": call.pk, "title": "饮水纠纷", "body": BODY}, format="json"
    )
    assert made.status_code == 201, made.json()
    case_id = made.json()["id"]
    assert author.post(f"/api/v1/cases/{case_id}/submit", {}, format="json").status_code == 200
    case = Case.objects.get(pk=case_id)
    assigned = open_assignments(case)
    assert len(assigned) == 2
    for a, total in zip(assigned, [80, 86], strict=True):
        r = client_for(a.reviewer).post(
            f"/api/v1/reviews/{a.pk}/submit",
            {"scores": score_payload(a, total), "overall_comment": "好"},
            format="json",
        )
        assert r.status_code == 200, r.json()
    detail = author.get(f"/api/v1/cases/{case_id}").json()
    assert detail["status"] == "finished"
    assert detail["final_score"] == "83.00"
    assert len(detail["reviews"]) == 2
