"""What each role sees: the author's result without reviewer identities, admin scope,
the library with the author's naming choice, and the statistics."""

from apps.cases import errors
from apps.cases.api.views_library import ANONYMOUS
from apps.cases.services import results, reviews
from tests import factories
from tests.backend.cases.conftest import open_assignments, score_payload, submit


def finish(case, totals=("80", "84")):
    for a, total in zip(open_assignments(case), totals, strict=True):
        reviews.save_review(
            a.pk,
            a.reviewer,
            scores=score_payload(a, total, "论述充分"),
            submit=True,
            overall_comment="值得推广",
        )
    case.refresh_from_db()
    return case


def test_author_sees_score_and_comments_but_no_reviewer(call, cadre, reviewers, client_for):
    case = finish(submit(cadre, call))
    client = client_for(cadre)
    response = client.get(f"/api/v1/cases/{case.pk}")
    data = response.json()
    assert data["final_score"] == "82.00"
    assert [r["overall_comment"] for r in data["reviews"]] == ["值得推广", "值得推广"]
    assert data["reviews"][0]["scores"][0]["comment"] == "论述充分"
    text = response.content.decode()
    for r in reviewers:
        assert r.real_name not in text and r.username not in text
    assert "reviewer" not in data["reviews"][0]
    asked = client.get(f"/api/v1/cases/{case.pk}/reviewers")
    assert asked.status_code == 403
    assert asked.json()["detail"] == errors.CASE_REVIEWERS_HIDDEN


def test_author_sees_no_review_before_it_is_finished(call, cadre, reviewers, client_for):
    case = submit(cadre, call)
    first = open_assignments(case)[0]
    reviews.save_review(first.pk, first.reviewer, scores=score_payload(first, 90), submit=True)
    assert client_for(cadre).get(f"/api/v1/cases/{case.pk}").json()["reviews"] == []


def test_admin_scope(
    call, tree, cadre, reviewers, county_admin, town_a_admin, town_b_admin, client_for
):
    case = finish(submit(cadre, call))
    names = {
        r["reviewer_name"]
        for r in client_for(county_admin).get(f"/api/v1/cases/{case.pk}/reviewers").json()
    }
    assert names == {r.real_name for r in reviewers[:2]}
    assert (
        client_for(town_a_admin).get(f"/api/v1/cases/{case.pk}").json()["author"]["name"]
        == cadre.real_name
    )
    assert client_for(town_b_admin).get(f"/api/v1/cases/{case.pk}").status_code == 404
    assert client_for(town_b_admin).get("/api/v1/cases/").json()["count"] == 0
    assert (
        client_for(town_b_admin)
        .post(f"/api/v1/cases/{case.pk}/publish", {}, format="json")
        .status_code
        == 404
    )
    other = factories.make_user(tree.village_a2)
    assert client_for(other).get(f"/api/v1/cases/{case.pk}").status_code == 404


def test_publish_to_library_search_and_anonymity(
    call, tree, cadre, reviewers, county_admin, client_for
):
    named = finish(submit(cadre, call, title="调解水费纠纷"))
    hidden_author = factories.make_user(tree.village_b1, real_name="隐名作者")
    hidden = finish(
        submit(
            hidden_author,
            call,
            title="医保代办",
            body="帮老人办理医保缴费。",
            show_author_name=False,
        )
    )
    draft_only = factories.make_user(tree.village_a2)
    submit(draft_only, call, title="未发布")
    admin = client_for(county_admin)
    assert admin.post(f"/api/v1/cases/{named.pk}/publish", {}, format="json").status_code == 200
    assert admin.post(f"/api/v1/cases/{hidden.pk}/publish", {}, format="json").status_code == 200

    reader = client_for(factories.make_user(tree.village_a2))
    listed = reader.get("/api/v1/case-library/").json()["results"]
    assert {c["title"] for c in listed} == {"调解水费纠纷", "医保代办"}
    by_title = {c["title"]: c for c in listed}
    assert by_title["调解水费纠纷"]["author_name"] == cadre.real_name
    assert by_title["医保代办"]["author_name"] == ANONYMOUS
    assert "隐名作者" not in reader.get(f"/api/v1/case-library/{hidden.pk}").content.decode()
    assert [
        c["title"] for c in reader.get("/api/v1/case-library/?search=老人 医保").json()["results"]
    ] == ["医保代办"]
    assert reader.get("/api/v1/case-library/?theme=基层").json()["count"] == 2
    assert reader.get("/api/v1/case-library/?theme=产业").json()["count"] == 0


def test_unfinished_case_cannot_be_published(call, cadre, reviewers, county_admin, client_for):
    case = submit(cadre, call)
    response = client_for(county_admin).post(f"/api/v1/cases/{case.pk}/publish", {}, format="json")
    assert response.status_code == 409
    assert response.json()["detail"] == errors.CASE_NOT_FINISHED


def test_library_is_limited_to_the_audience(make_call, tree, reviewers, county_admin, client_for):
    call = make_call(audience_units=[tree.town_a])
    case = finish(submit(factories.make_user(tree.village_a1), call))
    results.publish(case.pk)
    assert (
        client_for(factories.make_user(tree.village_a2))
        .get("/api/v1/case-library/")
        .json()["count"]
        == 1
    )
    assert (
        client_for(factories.make_user(tree.village_b1))
        .get("/api/v1/case-library/")
        .json()["count"]
        == 0
    )


def test_statistics_show_who_has_not_written(
    call, tree, cadre, reviewers, county_admin, client_for
):
    silent = factories.make_user(tree.village_a1, real_name="未交者")
    finish(submit(cadre, call), totals=("60", "90"))  # goes to arbitration
    stats = client_for(county_admin).get(f"/api/v1/case-calls/{call.pk}/stats").json()
    village = next(u for u in stats["units"] if u["unit"] == tree.village_a1.pk)
    assert (village["audience"], village["submitted"]) == (2, 1)
    assert [m["name"] for m in village["missing"]] == [silent.real_name]
    assert stats["by_status"]["arbitration"] == 1
    assert stats["agreement"]["arbitrations"] == 1
    assert stats["agreement"]["cases_compared"] == 1
    assert stats["agreement"]["within_threshold"] == 0
    workload = {r["name"]: r for r in stats["reviewers"]}
    assert workload["评审丙"]["open"] == 1
    assert workload["评审甲"]["submitted"] == 1


def test_cadre_cannot_read_statistics(call, cadre, client_for):
    assert client_for(cadre).get(f"/api/v1/case-calls/{call.pk}/stats").status_code == 403


def test_cadre_lists_only_their_own_cases(call, tree, cadre, reviewers, client_for):
    submit(cadre, call, title="我的案例")
    submit(factories.make_user(tree.village_a1), call, title="同村别人的案例")
    listed = client_for(cadre).get("/api/v1/cases/").json()["results"]
    assert [c["title"] for c in listed] == ["我的案例"]
