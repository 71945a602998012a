"""The Django admin pages for cases render in Chinese and respect the admin's subtree."""

from django.contrib.admin.sites import site
from django.test import RequestFactory

from apps.cases.models import Case, CaseScore, ReviewAssignment
from tests import factories
from tests.backend.cases.conftest import submit


def test_admin_pages_render(call, cadre, reviewers, client_for):
    submit(cadre, call)
    root = factories.make_user(None, is_superuser=True, is_staff=True)
    client = client_for(root)
    for path in (
        "cases/case/",
        "cases/casecall/",
        "cases/reviewassignment/",
        "cases/rubric/",
        "cases/casescore/",
    ):
        response = client.get(f"/admin/{path}")
        assert response.status_code == 200, path
    assert "案例征集" in client.get("/admin/cases/casecall/").content.decode()


def test_admin_querysets_are_scoped(
    call, tree, cadre, reviewers, town_a_admin, town_b_admin, county_admin
):
    case = submit(cadre, call)
    request = RequestFactory().get("/admin/")
    cases, assignments = site._registry[Case], site._registry[ReviewAssignment]
    request.user = town_a_admin
    assert list(cases.get_queryset(request)) == [case]
    # Blind review: who reviews a county call's cases is the county's to know, not 甲镇's.
    assert assignments.get_queryset(request).count() == 0
    request.user = town_b_admin
    assert cases.get_queryset(request).count() == 0
    assert assignments.get_queryset(request).count() == 0
    request.user = county_admin
    assert assignments.get_queryset(request).count() == 2


def test_the_score_history_is_the_organizers(
    call, cadre, reviewers, town_a_admin, county_admin, client_for
):
    """A score computed when the last review came in is recorded as changed by that reviewer."""
    case = submit(cadre, call)
    CaseScore.objects.create(case=case, score="80.00", method=CaseScore.Method.MEAN)
    score = CaseScore.objects.get(case=case)
    town_a_admin.is_staff = county_admin.is_staff = True
    town_a_admin.save(update_fields=["is_staff"])
    county_admin.save(update_fields=["is_staff"])
    path = f"/admin/cases/casescore/{score.pk}/history/"
    assert client_for(town_a_admin).get(path).status_code == 403
    assert client_for(county_admin).get(path).status_code == 200
