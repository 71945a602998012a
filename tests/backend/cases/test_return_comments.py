"""A case returned for revision: the author reads every reviewer's comments on the returned
version, numbered 评审意见1/2, and nothing that tells who wrote them."""

import pytest

from apps.cases.services import cases, reviews
from tests.backend.cases.conftest import open_assignments, score_payload, submit

pytestmark = pytest.mark.django_db


def _return(assignment, overall="请补充群众反馈", note="缺少回访情况"):
    payload = score_payload(assignment, 60, note)
    reviews.save_review(
        assignment.pk,
        assignment.reviewer,
        scores=payload,
        submit=True,
        decision="revise",
        overall_comment=overall,
    )


def test_author_sees_numbered_comments_without_reviewer_identity(
    call, cadre, reviewers, client_for
):
    case = submit(cadre, call)
    first, second = open_assignments(case)
    reviews.save_review(
        first.pk,
        first.reviewer,
        scores=score_payload(first, 80, "论述充分"),
        submit=True,
        overall_comment="结构清楚",
    )
    _return(second)
    response = client_for(cadre).get(f"/api/v1/cases/{case.pk}")
    data = response.json()
    assert data["status"] == "revision"
    comments = data["return_comments"]
    assert [c["label"] for c in comments] == ["评审意见1", "评审意见2"]
    assert [c["overall_comment"] for c in comments] == ["结构清楚", "请补充群众反馈"]
    assert [c["asked_revision"] for c in comments] == [False, True]
    assert {n["comment"] for n in comments[1]["criterion_comments"]} == {"缺少回访情况"}
    assert all(n["criterion_name"] for n in comments[1]["criterion_comments"])
    text = response.content.decode()
    for reviewer in reviewers:
        assert reviewer.real_name not in text
        assert reviewer.username not in text
    assert not {"reviewer", "reviewer_name", "reviewer_id", "id"} & set(comments[0])


def test_unsubmitted_drafts_stay_hidden_and_comments_clear_on_resubmit(
    call, cadre, reviewers, client_for
):
    case = submit(cadre, call)
    first, second = open_assignments(case)
    reviews.save_review(
        first.pk, first.reviewer, scores=score_payload(first, 70, "草稿里的意见"), submit=False
    )
    _return(second)
    client = client_for(cadre)
    comments = client.get(f"/api/v1/cases/{case.pk}").json()["return_comments"]
    assert [c["overall_comment"] for c in comments] == ["请补充群众反馈"]
    assert "草稿里的意见" not in str(comments)

    cases.save_draft(case.pk, cadre, body=case.body + "\n\n回访：群众满意。")
    cases.submit_case(case.pk, cadre)
    assert client.get(f"/api/v1/cases/{case.pk}").json()["return_comments"] == []


def test_another_cadre_cannot_read_the_comments(call, cadre, reviewers, tree, client_for):
    from tests import factories

    case = submit(cadre, call)
    _return(open_assignments(case)[0])
    neighbour = factories.make_user(tree.village_a2)
    assert client_for(neighbour).get(f"/api/v1/cases/{case.pk}").status_code == 404
