"""The Django admin pages for records load in Chinese and stay within the admin's scope."""

import pytest

from apps.records.services.compute import recompute
from tests import factories


@pytest.mark.django_db
def test_admin_pages_load_and_are_scoped(period, people, tree, client):
    recompute(period.pk)
    root = factories.make_user(None, is_cadre=False, is_superuser=True, is_staff=True)
    client.force_login(root)
    for url in [
        "/admin/records/period/",
        f"/admin/records/period/{period.pk}/change/",
        "/admin/records/record/",
        "/admin/records/indicatorvalue/",
        "/admin/records/objection/",
    ]:
        assert client.get(url).status_code == 200, url
    assert "考核档案" in client.get("/admin/records/record/").content.decode()
    town_admin = factories.make_user(tree.town_b, admin_of=[tree.town_b], is_staff=True)
    client.force_login(town_admin)
    from django.contrib.auth.models import Permission

    town_admin.user_permissions.add(*Permission.objects.filter(content_type__app_label="records"))
    page = client.get("/admin/records/record/").content.decode()
    assert "c_b1" in page and "c_a1" not in page
