"""The console's scope switcher: `X-Admin-Scope` narrows every scoped read and write of an
admin with several subtrees, and can never widen what they hold."""

import pytest
from rest_framework.test import APIClient

from apps.accounts.services.auth import issue_token
from apps.common import scoping
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_town_admin(tree):
    return make_user(tree.town_a, real_name="两镇管理员", admin_of=[tree.town_a, tree.town_b])


def people(client, **headers) -> set[str]:
    response = client.get("/api/v1/users/?page_size=200", headers=headers)
    assert response.status_code == 200, response.json()
    return {row["real_name"] for row in response.json()["results"]}


def test_the_header_narrows_lists_to_the_chosen_subtree(tree, two_town_admin, client_for):
    make_user(tree.village_a1, real_name="甲镇人")
    make_user(tree.village_b1, real_name="乙镇人")
    client = client_for(two_town_admin)
    assert {"甲镇人", "乙镇人"} <= people(client)
    assert "乙镇人" not in people(client, **{scoping.SCOPE_HEADER: str(tree.town_a.pk)})
    assert people(client, **{scoping.SCOPE_HEADER: str(tree.town_b.pk)}) == {"乙镇人"}
    units = client.get("/api/v1/org-units/", headers={scoping.SCOPE_HEADER: str(tree.town_b.pk)})
    assert {u["full_name"] for u in units.json()} == {"测试县/乙镇", "测试县/乙镇/三村"}


def test_the_header_narrows_writes_too(tree, two_town_admin, client_for):
    person = make_user(tree.village_b1, real_name="乙镇人")
    narrowed = {scoping.SCOPE_HEADER: str(tree.town_a.pk)}
    response = client_for(two_town_admin).post(
        f"/api/v1/users/{person.pk}/deactivate", headers=narrowed
    )
    assert response.status_code == 404
    person.refresh_from_db()
    assert person.is_active


def test_a_unit_inside_the_scope_may_be_chosen(tree, two_town_admin, client_for):
    make_user(tree.village_a1, real_name="一村人")
    make_user(tree.village_a2, real_name="二村人")
    chosen = people(client_for(two_town_admin), **{scoping.SCOPE_HEADER: str(tree.village_a2.pk)})
    assert chosen == {"二村人"}


def test_a_unit_outside_the_scope_is_refused_not_widened(tree, town_a_admin, client_for):
    response = client_for(town_a_admin).get(
        "/api/v1/users/", headers={scoping.SCOPE_HEADER: str(tree.county.pk)}
    )
    assert response.status_code == 403
    assert response.json()["code"] == scoping.SCOPE_INVALID_CODE
    assert response.json()["detail"] == scoping.SCOPE_OUTSIDE


def test_garbage_and_unknown_units_are_refused(tree, town_a_admin, client_for):
    client = client_for(town_a_admin)
    for value in ("abc", "999999"):
        response = client.get("/api/v1/users/", headers={scoping.SCOPE_HEADER: value})
        assert response.status_code == 403
        assert response.json()["code"] == scoping.SCOPE_INVALID_CODE


def test_token_clients_are_narrowed_as_well(tree, two_town_admin):
    make_user(tree.village_b1, real_name="乙镇人")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {issue_token(two_town_admin)[1]}")
    assert people(client, **{scoping.SCOPE_HEADER: str(tree.town_a.pk)}) >= {"两镇管理员"}
    assert "乙镇人" not in people(client, **{scoping.SCOPE_HEADER: str(tree.town_a.pk)})


def test_superusers_are_told_they_always_see_everything(tree, client_for):
    root = make_user(tree.county, is_superuser=True)
    response = client_for(root).get(
        "/api/v1/users/", headers={scoping.SCOPE_HEADER: str(tree.town_a.pk)}
    )
    assert response.status_code == 403
    assert response.json()["detail"] == scoping.SCOPE_SUPERUSER
