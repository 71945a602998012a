"""People from the console: list filters, create, edit, deactivate and reset a password,
each inside the admin's scope and never granting more than the admin holds."""

import pytest

from apps.accounts.models import AdminScope, AuthToken, User
from apps.accounts.services import users
from apps.accounts.services.auth import issue_token
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    assert response.status_code == 200, response.json()
    return [row["real_name"] for row in response.json()["results"]]


def new_person(unit, **extra) -> dict:
    return {
        "username": "N001",
        "real_name": "新同志",
        "mobile": "13700000001",
        "org_unit": unit.pk,
        "position": "网格员",
        **extra,
    }


class TestList:
    def test_filters_by_unit_subtree_role_state_and_search(self, tree, county_admin, client_for):
        make_user(tree.village_a1, real_name="甲一村干部", mobile="13911110001")
        make_user(tree.village_b1, real_name="乙镇评审", is_reviewer=True)
        make_user(tree.village_a2, real_name="停用的人", is_active=False)
        make_user(tree.town_a, real_name="甲镇管理", admin_of=[tree.town_a])
        client = client_for(county_admin)

        in_town_a = names(client.get(f"/api/v1/users/?org_unit={tree.town_a.pk}&page_size=50"))
        assert set(in_town_a) == {"甲一村干部", "停用的人", "甲镇管理"}
        assert names(client.get("/api/v1/users/?role=reviewer")) == ["乙镇评审"]
        assert set(names(client.get("/api/v1/users/?role=org_admin"))) == {"县管理员", "甲镇管理"}
        assert names(client.get("/api/v1/users/?is_active=false")) == ["停用的人"]
        assert names(client.get("/api/v1/users/?search=1391111")) == ["甲一村干部"]

    def test_sorts_by_name_descending(self, tree, county_admin, client_for):
        make_user(tree.village_a1, username="a1", real_name="阿")
        make_user(tree.village_a1, username="a2", real_name="赵")
        rows = names(
            client_for(county_admin).get(
                f"/api/v1/users/?org_unit={tree.village_a1.pk}&ordering=-real_name"
            )
        )
        assert rows == sorted(rows, reverse=True)

    def test_bad_filter_values_are_a_400_naming_the_parameter(self, county_admin, client_for):
        response = client_for(county_admin).get("/api/v1/users/?org_unit=abc&role=boss")
        assert response.status_code == 400
        assert set(response.json()["errors"]) == {"org_unit", "role"}

    def test_rows_show_admin_scopes(self, tree, county_admin, client_for):
        make_user(tree.town_a, real_name="甲镇管理", admin_of=[tree.town_a])
        rows = client_for(county_admin).get("/api/v1/users/?search=甲镇管理").json()["results"]
        assert rows[0]["admin_units"] == [
            {"id": tree.town_a.pk, "name": "甲镇", "full_name": "测试县/甲镇"}
        ]


class TestCreate:
    def test_creates_a_person_who_must_change_the_shown_password(
        self, tree, town_a_admin, client_for
    ):
        response = client_for(town_a_admin).post(
            "/api/v1/users/", new_person(tree.village_a1), format="json"
        )
        body = response.json()
        assert response.status_code == 201, body
        user = User.objects.get(username="N001")
        assert user.must_change_password
        assert user.check_password(body["initial_password"])
        assert body["org_unit_name"] == "测试县/甲镇/一村"
        assert not user.is_staff and not user.is_superuser

    def test_unit_is_required(self, tree, town_a_admin, client_for):
        response = client_for(town_a_admin).post(
            "/api/v1/users/", new_person(tree.village_a1, org_unit=None), format="json"
        )
        assert response.status_code == 400
        assert response.json()["errors"] == {"org_unit": [users.UNIT_REQUIRED]}
        assert not User.objects.filter(username="N001").exists()

    def test_field_errors_name_the_field(self, tree, town_a_admin, client_for):
        make_user(tree.village_a1, username="TAKEN")
        client = client_for(town_a_admin)
        bad_mobile = client.post(
            "/api/v1/users/", new_person(tree.village_a1, mobile="123"), format="json"
        )
        assert bad_mobile.json()["errors"] == {"mobile": [users.BAD_MOBILE]}
        taken = client.post(
            "/api/v1/users/", new_person(tree.village_a1, username="TAKEN"), format="json"
        )
        assert taken.json()["errors"] == {"username": [users.USERNAME_TAKEN]}
        no_name = client.post(
            "/api/v1/users/", new_person(tree.village_a1, real_name=" "), format="json"
        )
        assert no_name.json()["errors"] == {"real_name": [users.REAL_NAME_REQUIRED]}

    def test_township_admin_cannot_create_in_another_township(self, tree, town_a_admin, client_for):
        response = client_for(town_a_admin).post(
            "/api/v1/users/", new_person(tree.village_b1), format="json"
        )
        assert response.status_code == 403
        assert response.json()["errors"] == {"org_unit": [users.UNIT_OUT_OF_SCOPE]}
        assert not User.objects.filter(username="N001").exists()

    def test_admin_may_appoint_an_admin_inside_their_scope_only(
        self, tree, town_a_admin, client_for
    ):
        client = client_for(town_a_admin)
        inside = client.post(
            "/api/v1/users/",
            new_person(tree.village_a1, admin_units=[tree.village_a1.pk]),
            format="json",
        )
        assert inside.status_code == 201, inside.json()
        appointed = User.objects.get(username="N001")
        assert appointed.admin_unit_paths == [tree.village_a1.path]
        assert appointed.is_staff and not appointed.is_superuser

        above = client.post(
            "/api/v1/users/",
            new_person(tree.village_a1, username="N002", mobile="", admin_units=[tree.county.pk]),
            format="json",
        )
        assert above.status_code == 403
        assert above.json()["errors"] == {"admin_units": [users.ADMIN_UNIT_OUT_OF_SCOPE]}
        assert not User.objects.filter(username="N002").exists()

    def test_staff_and_superuser_flags_are_ignored(self, tree, town_a_admin, client_for):
        response = client_for(town_a_admin).post(
            "/api/v1/users/",
            new_person(tree.village_a1, is_superuser=True, is_staff=True),
            format="json",
        )
        assert response.status_code == 201
        user = User.objects.get(username="N001")
        assert not user.is_superuser and not user.is_staff

    def test_cadre_cannot_create_people(self, tree, cadre, client_for):
        response = client_for(cadre).post(
            "/api/v1/users/", new_person(tree.village_a1), format="json"
        )
        assert response.status_code == 403


class TestEdit:
    def test_edit_keeps_what_was_not_sent(self, tree, town_a_admin, client_for):
        person = make_user(tree.village_a1, real_name="旧名", mobile="13700000009")
        response = client_for(town_a_admin).patch(
            f"/api/v1/users/{person.pk}/",
            {"real_name": "新名", "org_unit": tree.village_a2.pk, "is_reviewer": True},
            format="json",
        )
        assert response.status_code == 200, response.json()
        person.refresh_from_db()
        assert (person.real_name, person.org_unit, person.mobile) == (
            "新名",
            tree.village_a2,
            "13700000009",
        )
        assert person.is_reviewer

    def test_username_cannot_change(self, tree, town_a_admin, client_for):
        person = make_user(tree.village_a1, username="KEEP")
        response = client_for(town_a_admin).patch(
            f"/api/v1/users/{person.pk}/", {"username": "OTHER"}, format="json"
        )
        assert response.json()["errors"] == {"username": [users.USERNAME_FIXED]}

    def test_township_admin_cannot_edit_a_county_admin_sitting_in_their_township(
        self, tree, town_a_admin, client_for
    ):
        boss = make_user(tree.village_a1, real_name="县里的管理员", admin_of=[tree.county])
        client = client_for(town_a_admin)
        edit = client.patch(f"/api/v1/users/{boss.pk}/", {"real_name": "x"}, format="json")
        assert edit.status_code == 403
        assert edit.json()["detail"] == users.NOT_MANAGEABLE
        reset = client.post(f"/api/v1/users/{boss.pk}/reset-password")
        assert reset.status_code == 403
        deactivate = client.post(f"/api/v1/users/{boss.pk}/deactivate")
        assert deactivate.status_code == 403
        boss.refresh_from_db()
        assert boss.is_active and boss.real_name == "县里的管理员"
        assert boss.check_password(PASSWORD)

    def test_admin_cannot_change_their_own_scopes(self, tree, town_a_admin, client_for):
        response = client_for(town_a_admin).patch(
            f"/api/v1/users/{town_a_admin.pk}/",
            {"admin_units": [tree.town_a.pk, tree.village_a1.pk]},
            format="json",
        )
        assert response.status_code == 403
        assert list(
            AdminScope.objects.filter(user=town_a_admin).values_list("org_unit", flat=True)
        ) == [tree.town_a.pk]

    def test_admin_revokes_an_admin_scope_inside_their_subtree(
        self, tree, town_a_admin, client_for
    ):
        village_admin = make_user(tree.village_a1, admin_of=[tree.village_a1])
        response = client_for(town_a_admin).patch(
            f"/api/v1/users/{village_admin.pk}/", {"admin_units": []}, format="json"
        )
        assert response.status_code == 200, response.json()
        assert response.json()["admin_units"] == []
        assert not AdminScope.objects.filter(user=village_admin).exists()
        village_admin.refresh_from_db()
        assert not village_admin.is_staff


class TestDeactivateAndReset:
    def test_deactivated_person_cannot_log_in_and_loses_tokens(
        self, tree, town_a_admin, client_for
    ):
        person = make_user(tree.village_a1, username="GONE")
        issue_token(person)
        response = client_for(town_a_admin).post(f"/api/v1/users/{person.pk}/deactivate")
        assert response.status_code == 200, response.json()
        assert response.json()["is_active"] is False
        assert not AuthToken.objects.filter(user=person).exists()
        login = client_for().post(
            "/api/v1/auth/login", {"username": "GONE", "password": PASSWORD}, format="json"
        )
        assert login.status_code == 400

        again = client_for(town_a_admin).post(f"/api/v1/users/{person.pk}/activate")
        assert again.json()["is_active"] is True

    def test_admin_cannot_deactivate_themselves(self, town_a_admin, client_for):
        response = client_for(town_a_admin).post(f"/api/v1/users/{town_a_admin.pk}/deactivate")
        assert response.status_code == 403
        assert response.json()["detail"] == users.OWN_ACCOUNT

    def test_reset_gives_a_one_time_password_that_must_be_changed(
        self, tree, town_a_admin, client_for
    ):
        person = make_user(tree.village_a1, username="RESET")
        response = client_for(town_a_admin).post(f"/api/v1/users/{person.pk}/reset-password")
        password = response.json()["initial_password"]
        person.refresh_from_db()
        assert person.check_password(password) and not person.check_password(PASSWORD)
        assert person.must_change_password

    def test_writes_on_people_outside_the_scope_are_404(self, tree, town_a_admin, client_for):
        other = make_user(tree.village_b1)
        client = client_for(town_a_admin)
        for path in ("deactivate", "activate", "reset-password"):
            assert client.post(f"/api/v1/users/{other.pk}/{path}").status_code == 404
        other.refresh_from_db()
        assert other.is_active and other.check_password(PASSWORD)
