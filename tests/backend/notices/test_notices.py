"""Notices: admins publish within their scope; cadres see what is addressed to their unit."""

import datetime as dt
import io

import pytest
from django.utils import timezone

from apps.notices import demo, services
from apps.notices.models import Notice
from tests import factories

pytestmark = pytest.mark.django_db


def _publish(client, **body):
    body.setdefault("body", "请按时参加学习。")
    return client.post("/api/v1/notices/", body, format="json")


def _titles(client):
    res = client.get("/api/v1/notices/mine")
    assert res.status_code == 200
    return [n["title"] for n in res.json()["results"]]


def test_audience_reaches_chosen_units_and_their_sub_units(
    tree, cadre, county_admin, town_a_admin, client_for
):
    county = client_for(county_admin)
    assert _publish(county, title="全县通知").status_code == 201
    assert _publish(county, title="乙镇通知", audience_units=[tree.town_b.id]).status_code == 201
    assert _publish(client_for(town_a_admin), title="甲镇通知").status_code == 201
    second_village = factories.make_user(tree.village_a2)
    res = _publish(county, title="二村通知", audience_units=[tree.village_a2.id])
    assert res.status_code == 201

    # Newest first; 一村's cadre gets the county's and 甲镇's, not 乙镇's nor 二村's.
    assert _titles(client_for(cadre)) == ["甲镇通知", "全县通知"]
    assert _titles(client_for(second_village)) == ["二村通知", "甲镇通知", "全县通知"]
    in_town_b = factories.make_user(tree.village_b1)
    assert _titles(client_for(in_town_b)) == ["乙镇通知", "全县通知"]


def test_only_live_notices_are_shown(tree, cadre, county_admin, client_for):
    now = timezone.now()
    services.create_notice(
        county_admin,
        title="已过期",
        body="旧",
        published_at=now - dt.timedelta(days=3),
        expires_at=now - dt.timedelta(days=1),
    )
    services.create_notice(
        county_admin, title="明天发布", body="新", published_at=now + dt.timedelta(days=1)
    )
    services.create_notice(
        county_admin, title="正在公告", body="现", expires_at=now + dt.timedelta(days=1)
    )
    assert _titles(client_for(cadre)) == ["正在公告"]
    # The admin still manages all three.
    admin_list = client_for(county_admin).get("/api/v1/notices/").json()["results"]
    assert {n["title"]: n["is_live"] for n in admin_list} == {
        "已过期": False,
        "明天发布": False,
        "正在公告": True,
    }


def test_admin_of_another_township_gets_404(tree, town_a_admin, town_b_admin, client_for):
    notice = services.create_notice(town_a_admin, title="甲镇通知", body="内容")
    other = client_for(town_b_admin)
    assert other.get(f"/api/v1/notices/{notice.id}").status_code == 404
    res = other.patch(f"/api/v1/notices/{notice.id}", {"title": "改掉"}, format="json")
    assert res.status_code == 404
    assert res.json()["detail"] == services.NOTICE_NOT_FOUND
    assert other.delete(f"/api/v1/notices/{notice.id}").status_code == 404
    assert other.get("/api/v1/notices/").json()["results"] == []
    notice.refresh_from_db()
    assert notice.title == "甲镇通知"


def test_admin_cannot_address_or_publish_outside_scope(tree, town_a_admin, client_for):
    client = client_for(town_a_admin)
    res = _publish(client, title="越权", audience_units=[tree.village_b1.id])
    assert res.status_code == 400
    assert res.json()["errors"]["audience_units"] == ["第1个接收单位不存在或不在发布单位之下"]
    res = _publish(client, title="越权", org_unit=tree.county.id)
    assert res.json()["errors"]["org_unit"] == [services.UNIT_OUT_OF_SCOPE]
    assert not Notice.objects.exists()


def test_input_errors_name_the_field(county_admin, client_for):
    client = client_for(county_admin)
    now = timezone.now()
    res = _publish(
        client,
        title=" ",
        body="",
        expires_at=(now - dt.timedelta(days=1)).isoformat(),
        published_at=now.isoformat(),
    )
    errors = res.json()["errors"]
    assert res.status_code == 400
    assert errors["title"] == [services.TITLE_REQUIRED]
    assert errors["body"] == [services.BODY_REQUIRED]
    assert errors["expires_at"] == [services.EXPIRY_BEFORE_PUBLISH]


def test_admin_with_two_units_must_choose(tree, client_for):
    admin = factories.make_user(
        tree.department, is_cadre=False, admin_of=[tree.town_a, tree.town_b]
    )
    res = _publish(client_for(admin), title="两镇通知")
    assert res.json()["errors"]["org_unit"] == [services.UNIT_REQUIRED]
    assert _publish(client_for(admin), title="乙镇", org_unit=tree.town_b.id).status_code == 201


def test_markdown_is_rendered_and_script_stripped(tree, cadre, county_admin, client_for):
    body = "**请注意**\n\n<script>alert(1)</script><img src=x onerror=alert(2)>[链接](javascript:alert(3))"
    _publish(client_for(county_admin), title="安全", body=body)
    html = client_for(cadre).get("/api/v1/notices/mine").json()["results"][0]["body_html"]
    assert "<strong>请注意</strong>" in html
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html


def test_update_changes_audience_and_delete_removes(tree, cadre, county_admin, client_for):
    client = client_for(county_admin)
    notice_id = _publish(client, title="全县通知").json()["id"]
    res = client.patch(
        f"/api/v1/notices/{notice_id}", {"audience_units": [tree.town_b.id]}, format="json"
    )
    assert res.status_code == 200 and [u["name"] for u in res.json()["audience"]] == ["乙镇"]
    assert _titles(client_for(cadre)) == []
    assert client.delete(f"/api/v1/notices/{notice_id}").status_code == 204
    assert not Notice.objects.exists()


def test_cadres_cannot_manage_notices(cadre, client_for):
    assert _publish(client_for(cadre), title="干部发布").status_code == 403


def test_demo_publishes_two_notices(tree):
    from apps.accounts.models import AdminScope

    admin = factories.make_user(
        tree.department, is_cadre=False, username="admin", admin_of=[tree.county]
    )
    township = factories.make_user(
        tree.town_a, is_cadre=False, username="admin_dh", admin_of=[tree.town_a]
    )
    assert AdminScope.objects.filter(user__in=[admin, township]).count() == 2
    out = io.StringIO()
    demo.load(out)
    assert Notice.objects.count() == 2
    town_cadre = factories.make_user(tree.village_a1)
    from apps.notices.selectors import notices_for_reader

    assert [n.title for n in notices_for_reader(town_cadre)] == [
        demo.TOWNSHIP_NOTICE[0],
        demo.COUNTY_NOTICE[0],
    ]
    assert [n.title for n in notices_for_reader(factories.make_user(tree.village_b1))] == [
        demo.COUNTY_NOTICE[0]
    ]


def test_own_unit_only_roles_and_named_people(tree, county_admin, town_a_admin, client_for):
    """include_subunits off: the chosen units' own people, not those below; roles limit the
    units' people; named people get it whatever their unit or roles."""
    town_cadre = factories.make_user(tree.town_a)
    village_cadre = factories.make_user(tree.village_a1)
    town_reviewer = factories.make_user(tree.town_a, is_cadre=False, is_reviewer=True)
    named = factories.make_user(tree.village_a2, is_cadre=False)
    res = _publish(
        client_for(town_a_admin),
        title="仅本镇干部",
        audience_units=[tree.town_a.id],
        include_subunits=False,
        audience_roles=["cadre"],
        audience_users=[named.id],
    )
    assert res.status_code == 201, res.content.decode()
    body = res.json()
    assert body["include_subunits"] is False and body["audience_roles"] == ["cadre"]
    assert [u["id"] for u in body["audience_users"]] == [named.id]
    assert _titles(client_for(town_cadre)) == ["仅本镇干部"]
    assert _titles(client_for(named)) == ["仅本镇干部"]
    assert _titles(client_for(village_cadre)) == []
    assert _titles(client_for(town_reviewer)) == []

    # With no units chosen, the publishing unit stands for them, also without sub-units.
    _publish(client_for(county_admin), title="仅县本级", include_subunits=False)
    county_staff = factories.make_user(tree.county)
    assert _titles(client_for(county_staff)) == ["仅县本级"]
    assert _titles(client_for(town_cadre)) == ["仅本镇干部"]


def test_named_people_only_reach_no_one_else(tree, cadre, town_a_admin, client_for):
    named = factories.make_user(tree.village_a2)
    _publish(client_for(town_a_admin), title="点名通知", audience_users=[named.id])
    assert _titles(client_for(named)) == ["点名通知"]
    assert _titles(client_for(cadre)) == []


def test_named_people_outside_the_publishing_unit_are_refused(tree, town_a_admin, client_for):
    outsider = factories.make_user(tree.village_b1, real_name="乙镇张三")
    client = client_for(town_a_admin)
    insider = factories.make_user(tree.village_a1)
    res = _publish(client, title="越权点名", audience_users=[insider.id, outsider.id])
    assert res.status_code == 400
    # Where in the list, never whose id it was.
    assert res.json()["errors"]["audience_users"] == [
        "第2位指定人员不存在或不属于发布单位及其下级单位"
    ]
    res = _publish(client, title="错角色", audience_roles=["org_admin"])
    assert res.status_code == 400 and "audience_roles.0" in res.json()["errors"]
    assert not Notice.objects.exists()
