"""Writing and submitting: drafts, versions, the close, withdrawal, sanitized Markdown."""

from datetime import timedelta

from django.utils import timezone

from apps.cases import errors
from apps.cases.models import Case, CaseCall, CaseVersion, ReviewAssignment
from apps.cases.services import cases
from tests import factories
from tests.backend.cases.conftest import BODY, open_assignments


def test_draft_autosave_counts_characters_and_keeps_no_version(call, cadre, client_for):
    client = client_for(cadre)
    case_id = client.post(
        "/api/v1/cases/", {"call": call.pk, "title": "初稿"}, format="json"
    ).json()["id"]
    saved = client.patch(f"/api/v1/cases/{case_id}", {"body": "村里 修 水管"}, format="json").json()
    assert saved["char_count"] == 5
    assert saved["status"] == "draft"
    assert not CaseVersion.objects.exists()


def test_each_submit_keeps_a_version(call, cadre, reviewers):
    case = cases.start_case(call, cadre, title="第一稿", body=BODY)
    cases.submit_case(case.pk, cadre)
    cases.withdraw_case(case.pk, cadre)
    cases.save_draft(case.pk, cadre, title="第二稿")
    cases.submit_case(case.pk, cadre)
    versions = list(CaseVersion.objects.filter(case=case).values_list("number", "title"))
    assert versions == [(1, "第一稿"), (2, "第二稿")]


def test_submit_after_close_is_refused_and_changes_nothing(make_call, cadre, client_for):
    call = make_call()
    case = cases.start_case(call, cadre, title="迟到的案例", body=BODY)
    CaseCall.objects.filter(pk=call.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    response = client_for(cadre).post(f"/api/v1/cases/{case.pk}/submit", {}, format="json")
    assert response.status_code == 409
    assert response.json()["detail"] == errors.CALL_NOT_OPEN
    case.refresh_from_db()
    assert (case.status, case.version, case.submitted_at) == ("draft", 0, None)
    assert not CaseVersion.objects.exists()


def test_empty_body_cannot_be_submitted(call, cadre, client_for):
    case = cases.start_case(call, cadre, title="只有标题")
    response = client_for(cadre).post(f"/api/v1/cases/{case.pk}/submit", {}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == {"body": [errors.CASE_BODY_REQUIRED]}
    assert Case.objects.get(pk=case.pk).status == "draft"


def test_cadre_outside_the_audience_cannot_write(make_call, tree, client_for):
    call = make_call(audience_units=[tree.town_b])
    outsider = factories.make_user(tree.village_a1)
    response = client_for(outsider).post(
        "/api/v1/cases/", {"call": call.pk, "title": "x"}, format="json"
    )
    assert response.status_code == 404
    assert not Case.objects.exists()


def test_script_in_markdown_is_stripped_on_render(call, cadre, client_for):
    body = '## 做法\n\n<script>alert("x")</script><img src=x onerror="steal()">[链接](javascript:evil())'
    case = cases.start_case(call, cadre, title="t", body=body)
    html = client_for(cadre).get(f"/api/v1/cases/{case.pk}").json()["body_html"]
    assert "<h2>做法</h2>" in html
    for bad in ("<script", "onerror", "javascript:"):
        assert bad not in html


def test_submitted_case_is_not_editable(call, cadre, reviewers, client_for):
    case = cases.start_case(call, cadre, title="t", body=BODY)
    cases.submit_case(case.pk, cadre)
    response = client_for(cadre).patch(f"/api/v1/cases/{case.pk}", {"body": "改"}, format="json")
    assert response.status_code == 409
    assert response.json()["detail"] == errors.CASE_NOT_EDITABLE
    assert Case.objects.get(pk=case.pk).body == BODY


def test_withdraw_before_review_starts_cancels_assignments(call, cadre, reviewers, client_for):
    case = cases.start_case(call, cadre, title="t", body=BODY)
    cases.submit_case(case.pk, cadre)
    assert len(open_assignments(case)) == 2
    response = client_for(cadre).post(f"/api/v1/cases/{case.pk}/withdraw")
    assert response.status_code == 200
    assert response.json()["status"] == "withdrawn"
    assert open_assignments(case) == []


def test_withdraw_refused_once_a_reviewer_has_claimed(call, cadre, reviewers, client_for):
    case = cases.start_case(call, cadre, title="t", body=BODY)
    cases.submit_case(case.pk, cadre)
    first = open_assignments(case)[0]
    assert client_for(first.reviewer).post(f"/api/v1/reviews/{first.pk}/claim").status_code == 200
    response = client_for(cadre).post(f"/api/v1/cases/{case.pk}/withdraw")
    assert response.status_code == 409
    assert response.json()["detail"] == errors.CASE_NOT_WITHDRAWABLE
    assert Case.objects.get(pk=case.pk).status == "under_review"
    assert ReviewAssignment.objects.filter(case=case, status="cancelled").count() == 0


def test_one_case_per_author_per_call(call, cadre, client_for):
    client = client_for(cadre)
    assert client.post("/api/v1/cases/", {"call": call.pk}, format="json").status_code == 201
    again = client.post("/api/v1/cases/", {"call": call.pk}, format="json")
    assert again.status_code == 409
    assert again.json()["detail"] == errors.CASE_ALREADY_EXISTS
