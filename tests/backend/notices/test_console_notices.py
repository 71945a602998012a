"""What the console's 通知公告 page relies on: status and keyword filters, the audience in
words, withdrawing and the reach count (an exam's notice: tests/backend/exams/test_exam_notice)."""

import datetime as dt

import pytest
from django.utils import timezone

from apps.common.scoping import SCOPE_HEADER
from apps.notices import services
from apps.notices.selectors import notices_for_reader
from tests import factories

pytestmark = pytest.mark.django_db


def _list(client, query=""):
    res = client.get(f"/api/v1/notices/{query}")
    assert res.status_code == 200, res.content.decode()
    return res.json()["results"]


def _mine(user, client_for):
    return [n["title"] for n in client_for(user).get("/api/v1/notices/mine").json()["results"]]


@pytest.fixture
def three_states(county_admin):
    now = timezone.now()
    make = services.create_notice
    make(county_admin, title="旧的通知", body="学习安排", published_at=now - dt.timedelta(days=3),
         expires_at=now - dt.timedelta(days=1))  # fmt: skip
    make(county_admin, title="明天的通知", body="考试安排", published_at=now + dt.timedelta(days=1))
    make(county_admin, title="正在公告", body="考试安排", expires_at=now + dt.timedelta(days=1))


def test_the_list_filters_by_status_and_keyword(three_states, county_admin, client_for):
    client = client_for(county_admin)
    assert {n["title"]: n["status"] for n in _list(client)} == {
        "旧的通知": "expired",
        "明天的通知": "scheduled",
        "正在公告": "live",
    }
    assert [n["title"] for n in _list(client, "?status=live")] == ["正在公告"]
    assert [n["title"] for n in _list(client, "?status=scheduled")] == ["明天的通知"]
    assert [n["title"] for n in _list(client, "?status=expired")] == ["旧的通知"]
    # The keyword looks in the title and the body.
    assert {n["title"] for n in _list(client, "?search=考试")} == {"明天的通知", "正在公告"}
    assert [n["title"] for n in _list(client, "?search=旧的&status=expired")] == ["旧的通知"]
    res = client.get("/api/v1/notices/?status=gone")
    assert res.status_code == 400 and "status" in res.json()["errors"]


def test_the_audience_is_summed_up_in_words(tree, town_a_admin, client_for):
    named = factories.make_user(tree.village_a2)
    client = client_for(town_a_admin)
    body = {"title": "点名", "body": "正文"}
    client.post("/api/v1/notices/", body, format="json")
    client.post(
        "/api/v1/notices/",
        {
            **body,
            "title": "一村干部",
            "audience_units": [tree.village_a1.id],
            "include_subunits": False,
            "audience_roles": ["cadre"],
            "audience_users": [named.id],
        },
        format="json",
    )
    summaries = {n["title"]: n["audience_summary"] for n in _list(client)}
    assert summaries == {
        "点名": "甲镇（发布单位，含下级单位）；不限角色",
        "一村干部": "一村（仅本单位）；干部；指定人员 1 人",
    }


def test_withdrawing_ends_a_live_notice_for_its_readers(tree, cadre, town_a_admin, client_for):
    client = client_for(town_a_admin)
    notice_id = client.post(
        "/api/v1/notices/", {"title": "停水通知", "body": "明天停水"}, format="json"
    ).json()["id"]
    assert _mine(cadre, client_for) == ["停水通知"]
    res = client.post(f"/api/v1/notices/{notice_id}/withdraw")
    assert res.status_code == 200 and res.json()["status"] == "expired"
    assert _mine(cadre, client_for) == []
    # Still in the admin's list, as 已截止; a second withdrawal is a conflict.
    assert [n["status"] for n in _list(client)] == ["expired"]
    again = client.post(f"/api/v1/notices/{notice_id}/withdraw")
    assert again.status_code == 409 and again.json()["detail"] == services.ONLY_LIVE_WITHDRAWN


def test_a_scheduled_notice_is_not_withdrawn_but_can_be_deleted(county_admin, client_for):
    later = timezone.now() + dt.timedelta(days=1)
    notice = services.create_notice(county_admin, title="预告", body="内容", published_at=later)
    client = client_for(county_admin)
    assert client.post(f"/api/v1/notices/{notice.id}/withdraw").status_code == 409
    notice.refresh_from_db()
    assert notice.expires_at is None and notice.published_at == later
    assert client.delete(f"/api/v1/notices/{notice.id}").status_code == 204


def test_another_townships_admin_cannot_withdraw_nor_edit(
    tree, cadre, town_a_admin, town_b_admin, client_for
):
    notice = services.create_notice(town_a_admin, title="甲镇通知", body="内容")
    other = client_for(town_b_admin)
    assert other.post(f"/api/v1/notices/{notice.id}/withdraw").status_code == 404
    res = other.patch(f"/api/v1/notices/{notice.id}", {"expires_at": None}, format="json")
    assert res.status_code == 404
    assert _mine(cadre, client_for) == ["甲镇通知"]


def test_an_edit_addressing_outside_the_scope_changes_nothing(tree, town_a_admin, client_for):
    outsider = factories.make_user(tree.village_b1, real_name="乙镇李四")
    notice = services.create_notice(town_a_admin, title="甲镇通知", body="内容")
    client = client_for(town_a_admin)
    res = client.patch(
        f"/api/v1/notices/{notice.id}",
        {"title": "改了标题", "audience_units": [tree.town_b.id]},
        format="json",
    )
    assert res.status_code == 400
    assert res.json()["errors"]["audience_units"] == ["第1个接收单位不存在或不在发布单位之下"]
    res = client.patch(
        f"/api/v1/notices/{notice.id}",
        {"title": "改了标题", "audience_users": [outsider.id]},
        format="json",
    )
    # The refusal says where in the list, never whose id it was.
    assert res.status_code == 400
    assert res.json()["errors"]["audience_users"] == [
        "第1位指定人员不存在或不属于发布单位及其下级单位"
    ]
    res = client.patch(f"/api/v1/notices/{notice.id}", {"audience_users": ["张三"]}, format="json")
    assert res.status_code == 400 and "audience_users.0" in res.json()["errors"]
    notice.refresh_from_db()
    assert notice.title == "甲镇通知"
    assert not notice.audience_units.exists() and not notice.audience_users.exists()


AUDIENCES = [
    {},
    {"include_subunits": False},
    {"audience_roles": ["reviewer"]},
    {"audience_units": ["village_a1", "village_a2"], "audience_roles": ["cadre"]},
    {"audience_units": ["town_a"], "include_subunits": False, "audience_users": ["named"]},
    {"audience_users": ["named"]},
]


@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_reach_count_is_who_then_reads_it(tree, town_a_admin, client_for, audience):
    people = []
    for unit in (tree.county, tree.town_a, tree.village_a1, tree.village_a2, tree.town_b):
        people.append(factories.make_user(unit))
        people.append(factories.make_user(unit, is_cadre=False, is_reviewer=True))
    named = factories.make_user(tree.village_a2, is_cadre=False)
    people.append(named)
    left = factories.make_user(tree.village_a1)
    left.is_active = False
    left.save()
    body = {
        **audience,
        "audience_units": [getattr(tree, u).id for u in audience.get("audience_units", [])],
        "audience_users": [named.id for _ in audience.get("audience_users", [])],
    }
    client = client_for(town_a_admin)
    res = client.post("/api/v1/notices/reach", body, format="json")
    assert res.status_code == 200, res.content.decode()
    notice = services.create_notice(town_a_admin, title="核对", body="正文", **body)
    readers = [p for p in [*people, town_a_admin] if notice in notices_for_reader(p)]
    assert res.json()["count"] == len(readers) > 0


def test_the_reach_of_another_township_is_refused(tree, town_a_admin, client_for):
    client = client_for(town_a_admin)
    res = client.post("/api/v1/notices/reach", {"audience_units": [tree.town_b.id]}, format="json")
    assert res.status_code == 400 and "audience_units" in res.json()["errors"]
    res = client.post("/api/v1/notices/reach", {"org_unit": tree.county.id}, format="json")
    assert res.json()["errors"]["org_unit"] == [services.UNIT_OUT_OF_SCOPE]


def test_the_preview_renders_as_readers_see_it(county_admin, client_for):
    body = "**请注意**\n\n<script>alert(1)</script>"
    res = client_for(county_admin).post("/api/v1/notices/preview", {"body": body}, format="json")
    assert res.status_code == 200
    assert "<strong>请注意</strong>" in res.json()["body_html"]
    assert "<script" not in res.json()["body_html"]


def test_the_scope_switcher_narrows_notices_and_their_writes(tree, cadre, client_for):
    """An admin of two townships, narrowed to 乙镇 by the console's switcher, publishes for
    乙镇 without choosing a unit and can neither see, withdraw nor address 甲镇."""
    admin = factories.make_user(tree.town_a, is_cadre=False, admin_of=[tree.town_a, tree.town_b])
    town_a_notice = services.create_notice(
        admin, title="甲镇通知", body="内容", org_unit=tree.town_a.id
    )
    client = client_for(admin)
    town_b = {SCOPE_HEADER: str(tree.town_b.pk)}
    assert client.get("/api/v1/notices/", headers=town_b).json()["results"] == []
    res = client.post(f"/api/v1/notices/{town_a_notice.id}/withdraw", headers=town_b)
    assert res.status_code == 404
    res = client.post(
        "/api/v1/notices/reach",
        {"audience_units": [tree.village_a1.id]},
        format="json",
        headers=town_b,
    )
    assert res.status_code == 400 and "audience_units" in res.json()["errors"]
    res = client.post(
        "/api/v1/notices/", {"title": "乙镇通知", "body": "内容"}, format="json", headers=town_b
    )
    assert res.status_code == 201 and res.json()["org_unit"] == tree.town_b.id
    assert _mine(cadre, client_for) == ["甲镇通知"]
