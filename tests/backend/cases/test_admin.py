"""The Django admin pages for cases render in Chinese and respect the admin's subtree."""

from django.contrib.admin.sites import site
from django.test import RequestFactory

from apps.cases.models import Case, ReviewAssignment
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


def test_admin_querysets_are_scoped(call, tree, cadre, reviewers, town_a_admin, town_b_admin):
    submit(cadre, call)
    request = RequestFactory().get("/admin/")
    for model in (Case, ReviewAssignment):
        model_admin = site._registry[model]
        request.user = town_a_admin
        assert model_admin.get_queryset(request).count() >= 1
        request.user = town_b_admin
        assert model_admin.get_queryset(request).count() == 0
