"""An org admin works only inside their subtree; outside it things do not exist (404)."""

import pytest

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_admin_of_township_a_gets_404_on_a_user_of_township_b(tree, town_a_admin, client_for):
    in_b = make_user(tree.village_b1)
    in_a = make_user(tree.village_a2)
    client = client_for(town_a_admin)
    assert client.get(f"/api/v1/users/{in_b.pk}/").status_code == 404
    assert (
        client.patch(f"/api/v1/users/{in_b.pk}/", {"position": "x"}, format="json").status_code
        == 404
    )
    assert client.get(f"/api/v1/users/{in_a.pk}/").status_code == 200


def test_user_list_holds_only_the_admins_subtree(tree, town_a_admin, client_for):
    make_user(tree.village_a1, real_name="甲镇人")
    make_user(tree.village_b1, real_name="乙镇人")
    names = [
        u["real_name"]
        for u in client_for(town_a_admin).get("/api/v1/users/?page_size=200").json()["results"]
    ]
    assert "甲镇人" in names and "乙镇人" not in names


def test_admin_cannot_move_a_user_out_of_scope(tree, town_a_admin, client_for):
    user = make_user(tree.village_a1)
    response = client_for(town_a_admin).patch(
        f"/api/v1/users/{user.pk}/", {"org_unit": tree.village_b1.pk}, format="json"
    )
    assert response.status_code == 403
    user.refresh_from_db()
    assert user.org_unit == tree.village_a1


def test_cadre_cannot_list_users(cadre, client_for):
    assert client_for(cadre).get("/api/v1/users/").status_code == 403


def test_org_units_are_scoped(tree, town_a_admin, cadre, client_for):
    admin_units = {
        u["full_name"] for u in client_for(town_a_admin).get("/api/v1/org-units/").json()
    }
    assert admin_units == {"测试县/甲镇", "测试县/甲镇/一村", "测试县/甲镇/二村"}
    cadre_units = {u["full_name"] for u in client_for(cadre).get("/api/v1/org-units/").json()}
    assert cadre_units == {"测试县", "测试县/甲镇", "测试县/甲镇/一村"}


def test_subtree_paths_follow_a_moved_unit(tree):
    tree.village_a1.parent = tree.town_b
    tree.village_a1.save()
    tree.village_a1.refresh_from_db()
    assert tree.village_a1.full_name == "测试县/乙镇/一村"
    assert tree.village_a1.is_within(tree.town_b)
    assert set(tree.town_b.descendants().values_list("name", flat=True)) == {"乙镇", "三村", "一村"}
