"""An org admin can work in the Django admin as soon as they are appointed to a subtree:
they see what is in it, write only where the admin cannot step around a service rule,
and never touch privileges."""

import pytest

from apps.accounts.models import AdminScope, OrgUnit, User
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def town_admin(tree):
    return factories.make_user(tree.town_a, admin_of=[tree.town_a], is_staff=True)


def test_an_appointed_admin_sees_the_admin_index_with_their_models(client, town_admin):
    client.force_login(town_admin)
    page = client.get("/admin/").content.decode()
    for model in ("用户", "考试", "题库", "案例", "考核档案", "通知公告"):
        assert model in page, model
    assert "/admin/auth/group/" not in page and "/admin/axes/" not in page


def test_a_staff_member_without_a_scope_gets_nothing(client, tree):
    clerk = factories.make_user(tree.town_a, is_staff=True)
    client.force_login(clerk)
    assert client.get("/admin/accounts/user/").status_code == 403
    assert client.get("/admin/exams/exam/").status_code == 403


def test_lists_stay_inside_the_subtree_and_hide_superusers(client, tree, town_admin):
    factories.make_user(tree.village_a1, real_name="甲镇干部")
    factories.make_user(tree.village_b1, real_name="乙镇干部")
    factories.make_user(tree.village_a2, real_name="甲镇的超级用户", is_superuser=True)
    client.force_login(town_admin)
    page = client.get("/admin/accounts/user/").content.decode()
    assert "甲镇干部" in page
    assert "乙镇干部" not in page and "甲镇的超级用户" not in page


def test_history_and_scores_are_read_only(client, tree, town_admin):
    client.force_login(town_admin)
    assert client.get("/admin/exams/attempt/").status_code == 200
    assert client.get("/admin/exams/exam/add/").status_code == 403
    assert client.get("/admin/records/record/").status_code == 200
    assert client.get("/admin/accounts/adminscope/").status_code == 404  # not registered
    assert client.get("/admin/notices/notice/add/").status_code == 200


def test_an_org_admin_cannot_grant_privileges_or_scopes(client, tree, town_admin):
    cadre = factories.make_user(tree.village_a1, real_name="王五")
    client.force_login(town_admin)
    url = f"/admin/accounts/user/{cadre.pk}/change/"
    page = client.get(url).content.decode()
    assert 'name="is_superuser"' not in page and 'name="is_staff"' not in page
    assert "adminscope" not in page.lower()  # the scope inline is not offered
    form = {
        "username": cadre.username,
        "real_name": "王五（改）",
        "org_unit": tree.village_a1.pk,
        "is_cadre": "on",
        "is_active": "on",
        "is_superuser": "on",
        "is_staff": "on",
        "adminscope_set-TOTAL_FORMS": "1",
        "adminscope_set-INITIAL_FORMS": "0",
        "adminscope_set-0-org_unit": tree.county.pk,
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    cadre.refresh_from_db()
    assert cadre.real_name == "王五（改）"
    assert not cadre.is_superuser and not cadre.is_staff
    assert not AdminScope.objects.filter(user=cadre).exists()


def test_a_user_cannot_be_moved_outside_the_subtree(client, tree, town_admin):
    cadre = factories.make_user(tree.village_a1)
    client.force_login(town_admin)
    response = client.post(
        f"/admin/accounts/user/{cadre.pk}/change/",
        {"username": cadre.username, "real_name": "x", "org_unit": tree.village_b1.pk},
    )
    assert response.status_code == 200  # the form comes back with an error
    cadre.refresh_from_db()
    assert cadre.org_unit == tree.village_a1


def test_units_are_added_inside_the_subtree_and_never_moved(client, tree, town_admin):
    client.force_login(town_admin)
    base = {"kind": OrgUnit.Kind.VILLAGE, "sort_order": 0}
    orphan = client.post("/admin/accounts/orgunit/add/", {**base, "name": "无上级村"})
    assert orphan.status_code == 200 and not OrgUnit.objects.filter(name="无上级村").exists()
    elsewhere = client.post(
        "/admin/accounts/orgunit/add/", {**base, "name": "越界村", "parent": tree.town_b.pk}
    )
    assert elsewhere.status_code == 200 and not OrgUnit.objects.filter(name="越界村").exists()
    added = client.post(
        "/admin/accounts/orgunit/add/", {**base, "name": "新村", "parent": tree.town_a.pk}
    )
    assert added.status_code == 302
    assert OrgUnit.objects.get(name="新村").parent == tree.town_a
    page = client.get(f"/admin/accounts/orgunit/{tree.village_a1.pk}/change/").content.decode()
    assert 'name="parent"' not in page
    assert User.objects.filter(pk=town_admin.pk, is_superuser=False).exists()


def test_every_admin_list_an_org_admin_may_view_opens(client, town_admin):
    from django.contrib import admin

    client.force_login(town_admin)
    opened = []
    for model in admin.site._registry:
        meta = model._meta
        if not town_admin.has_perm(f"{meta.app_label}.view_{meta.model_name}"):
            continue
        url = f"/admin/{meta.app_label}/{meta.model_name}/"
        assert client.get(url).status_code == 200, url
        assert client.get(url, {"q": "甲"}).status_code == 200, url
        opened.append(url)
    assert len(opened) >= 25


def test_appointing_a_scope_is_all_it_takes_to_open_the_admin(client, tree):
    clerk = factories.make_user(tree.town_b)
    assert not clerk.is_staff
    AdminScope.objects.create(user=clerk, org_unit=tree.town_b)
    clerk.refresh_from_db()
    assert clerk.is_staff
    client.force_login(clerk)
    assert client.get("/admin/accounts/user/").status_code == 200


def test_an_org_admin_cannot_take_over_an_admin_above_them(client, tree, town_admin):
    """The county's admin lives in 甲镇: 甲镇's admin sees them in the list but can neither
    set their password nor edit them (the API refuses the same), nor edit their own top unit."""
    boss = factories.make_user(tree.village_a1, admin_of=[tree.county], real_name="县管理员")
    boss.set_password("Old-pass-123!")
    boss.save()
    client.force_login(town_admin)
    page = client.get(f"/admin/accounts/user/{boss.pk}/password/")
    taken = client.post(
        f"/admin/accounts/user/{boss.pk}/password/",
        {"password1": "Hijack-pass-987!", "password2": "Hijack-pass-987!"},
    )
    edited = client.post(
        f"/admin/accounts/user/{boss.pk}/change/",
        {"username": boss.username, "real_name": "改名", "org_unit": tree.village_a1.pk},
    )
    assert (page.status_code, taken.status_code, edited.status_code) == (403, 403, 403)
    boss.refresh_from_db()
    assert boss.check_password("Old-pass-123!") and boss.real_name == "县管理员"

    top = client.post(
        f"/admin/accounts/orgunit/{tree.town_a.pk}/change/",
        {"name": "改名镇", "kind": tree.town_a.kind, "sort_order": 0},
    )
    assert top.status_code == 403
    assert OrgUnit.objects.get(pk=tree.town_a.pk).name == tree.town_a.name
