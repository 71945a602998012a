"""Knowledge points: a tree, suggestions from headings and keywords, confirmation."""

from apps.questions.models import KnowledgePoint
from apps.questions.services import knowledge, materials
from tests.backend.questions.conftest import SAMPLE_TEXT

URL = "/api/v1/knowledge-points/"


def test_suggestions_come_from_headings_and_keywords_and_need_confirming(
    client_for, county_admin, cadre, tree
):
    material = materials.create_from_text(
        actor=county_admin, title="规则", text=SAMPLE_TEXT, org_unit=tree.county
    )
    client = client_for(county_admin)
    suggested = client.post(f"/api/v1/materials/{material.pk}/suggest-knowledge-points").json()
    names = {kp["name"] for kp in suggested}
    assert {"入户走访", "问题办理时限", "满意度回访"} <= names
    assert all(kp["status"] == "suggested" for kp in suggested)
    visit = KnowledgePoint.objects.get(name="入户走访")
    assert visit.passages.filter(text__contains="每月至少入户走访20户").exists()
    assert len(names) > 3  # keywords beyond the headings
    assert client_for(cadre).get(URL).json() == []  # unconfirmed points are not shown to cadres
    assert client.post(f"{URL}{visit.pk}/confirm").json()["status"] == "confirmed"
    assert [kp["name"] for kp in client_for(cadre).get(URL).json()] == ["入户走访"]


def test_tree_and_name_rules(client_for, county_admin, tree):
    client = client_for(county_admin)
    parent = client.post(
        URL, {"name": "民情台账", "org_unit": tree.county.pk}, format="json"
    ).json()
    child = client.post(
        URL, {"name": "台账检查", "parent": parent["id"], "org_unit": tree.county.pk}, format="json"
    )
    assert child.status_code == 201
    clash = client.post(URL, {"name": "民情台账", "org_unit": tree.county.pk}, format="json")
    assert clash.status_code == 400 and clash.json()["detail"] == knowledge.NAME_TAKEN.format(
        name="民情台账"
    )
    cycle = client.patch(f"{URL}{parent['id']}/", {"parent": child.json()["id"]}, format="json")
    assert cycle.status_code == 400 and cycle.json()["detail"] == knowledge.PARENT_CYCLE
    nested = client.get(URL, {"tree": 1}).json()
    assert nested[0]["name"] == "民情台账" and nested[0]["children"][0]["name"] == "台账检查"


def test_other_township_admin_cannot_touch_a_knowledge_point(
    client_for, town_a_admin, town_b_admin, tree
):
    kp = (
        client_for(town_a_admin)
        .post(URL, {"name": "甲镇要点", "org_unit": tree.town_a.pk}, format="json")
        .json()
    )
    assert (
        client_for(town_b_admin)
        .patch(f"{URL}{kp['id']}/", {"name": "改"}, format="json")
        .status_code
        == 404
    )
    denied = client_for(town_b_admin).post(
        URL, {"name": "越权", "org_unit": tree.town_a.pk}, format="json"
    )
    assert denied.status_code == 404
