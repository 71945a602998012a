"""The unit tree from the console: add, rename and move units inside the admin's scope."""

import pytest
from django.core.exceptions import ValidationError

from apps.accounts.models import OrgUnit
from apps.accounts.services import units
from tests.factories import make_unit

pytestmark = pytest.mark.django_db


def patch(client, unit, **data):
    return client.patch(f"/api/v1/org-units/{unit.pk}/", data, format="json")


def test_moving_a_unit_under_its_own_descendant_is_refused_with_a_field_error(
    tree, county_admin, client_for
):
    hamlet = make_unit("一组", tree.village_a1)
    response = patch(client_for(county_admin), tree.town_a, parent=hamlet.pk)
    body = response.json()
    assert response.status_code == 400, body
    assert body["errors"]["parent"] == [units.MOVE_INTO_OWN_SUBTREE]
    tree.town_a.refresh_from_db()
    assert tree.town_a.parent == tree.county
    assert tree.town_a.full_name == "测试县/甲镇"


def test_moving_a_unit_under_itself_is_refused(tree, county_admin, client_for):
    response = patch(client_for(county_admin), tree.town_a, parent=tree.town_a.pk)
    assert response.status_code == 400
    assert response.json()["errors"]["parent"] == [units.MOVE_INTO_OWN_SUBTREE]


def test_the_model_refuses_a_cycle_instead_of_recursing(tree):
    """Saved from anywhere (the Django admin, a script), a cycle is a validation error."""
    tree.town_a.parent = tree.village_a1
    with pytest.raises(ValidationError) as raised:
        tree.town_a.save()
    assert raised.value.message_dict == {"parent": [units.MOVE_INTO_OWN_SUBTREE]}


def test_admin_moves_a_village_to_another_township_and_its_subtree_follows(
    tree, county_admin, client_for
):
    hamlet = make_unit("一组", tree.village_a1)
    response = patch(client_for(county_admin), tree.village_a1, parent=tree.town_b.pk)
    assert response.status_code == 200, response.json()
    assert response.json()["full_name"] == "测试县/乙镇/一村"
    hamlet.refresh_from_db()
    assert hamlet.full_name == "测试县/乙镇/一村/一组"
    assert hamlet.is_within(tree.town_b)


def test_admin_renames_a_unit_and_descendants_full_names_follow(tree, county_admin, client_for):
    response = patch(client_for(county_admin), tree.town_a, name="甲镇（新）")
    assert response.status_code == 200, response.json()
    tree.village_a1.refresh_from_db()
    assert tree.village_a1.full_name == "测试县/甲镇（新）/一村"


def test_rename_to_a_sibling_name_is_a_field_error(tree, county_admin, client_for):
    response = patch(client_for(county_admin), tree.town_a, name="乙镇")
    assert response.status_code == 400
    assert response.json()["errors"]["name"] == [units.NAME_TAKEN]


def test_township_admin_cannot_move_a_unit_into_another_township(tree, town_a_admin, client_for):
    response = patch(client_for(town_a_admin), tree.village_a1, parent=tree.town_b.pk)
    assert response.status_code == 400
    assert response.json()["errors"]["parent"] == [units.PARENT_OUT_OF_SCOPE]
    tree.village_a1.refresh_from_db()
    assert tree.village_a1.parent == tree.town_a


def test_township_admin_cannot_touch_a_unit_of_another_township(tree, town_a_admin, client_for):
    response = patch(client_for(town_a_admin), tree.village_b1, name="改名")
    assert response.status_code == 404
    tree.village_b1.refresh_from_db()
    assert tree.village_b1.name == "三村"


def test_township_admin_cannot_rename_or_move_their_own_top_unit(tree, town_a_admin, client_for):
    response = patch(client_for(town_a_admin), tree.town_a, name="自封镇")
    assert response.status_code == 403
    assert response.json()["detail"] == units.SCOPE_ROOT_LOCKED
    tree.town_a.refresh_from_db()
    assert tree.town_a.name == "甲镇"


def test_township_admin_adds_a_unit_inside_their_township_only(tree, town_a_admin, client_for):
    client = client_for(town_a_admin)
    made = client.post("/api/v1/org-units/", {"name": "三组", "parent": tree.village_a1.pk})
    assert made.status_code == 201, made.json()
    assert made.json()["full_name"] == "测试县/甲镇/一村/三组"
    refused = client.post("/api/v1/org-units/", {"name": "四组", "parent": tree.village_b1.pk})
    assert refused.status_code == 400
    assert refused.json()["errors"]["parent"] == [units.PARENT_OUT_OF_SCOPE]
    top = client.post("/api/v1/org-units/", {"name": "新县"})
    assert top.status_code == 400
    assert top.json()["errors"]["parent"] == [units.PARENT_REQUIRED]
    assert not OrgUnit.objects.filter(name__in=["四组", "新县"]).exists()


def test_cadre_cannot_add_or_change_units(tree, cadre, client_for):
    client = client_for(cadre)
    assert (
        client.post("/api/v1/org-units/", {"name": "x", "parent": tree.town_a.pk}).status_code
        == 403
    )
    assert patch(client, tree.village_a1, name="x").status_code == 403


def test_unit_list_counts_members_and_children(tree, county_admin, client_for):
    from tests.factories import make_user

    make_user(tree.village_a1)
    make_user(tree.village_a1)
    rows = {u["full_name"]: u for u in client_for(county_admin).get("/api/v1/org-units/").json()}
    assert rows["测试县/甲镇/一村"]["member_count"] == 2
    assert rows["测试县/甲镇"]["children_count"] == 2
