"""The study-needs survey: cadres vote or propose; admins see ranked demand in their scope only."""

import pytest

from apps.questions.models import KnowledgePoint
from apps.training.models import StudyTopic, StudyVote
from apps.training.services import study_needs
from tests import factories

pytestmark = pytest.mark.django_db


def _vote(client, **body):
    return client.post("/api/v1/study-needs/votes", body, format="json")


def _propose(client, title, description=""):
    return client.post(
        "/api/v1/study-needs/topics", {"title": title, "description": description}, format="json"
    )


@pytest.fixture
def kps(tree):
    return {
        "低保": KnowledgePoint.objects.create(name="低保政策", org_unit=tree.county),
        "医保": KnowledgePoint.objects.create(name="医保报销", org_unit=tree.county),
        "乙镇": KnowledgePoint.objects.create(name="乙镇特色产业", org_unit=tree.town_b),
        "建议": KnowledgePoint.objects.create(
            name="自动提取的词", org_unit=tree.county, status=KnowledgePoint.Status.SUGGESTED
        ),
    }


def test_cadre_votes_once_per_knowledge_point_and_can_withdraw(cadre, kps, client_for):
    client = client_for(cadre)
    created = _vote(client, knowledge_point=kps["低保"].id)
    assert created.status_code == 201
    again = _vote(client, knowledge_point=kps["低保"].id)
    assert again.status_code == 409 and again.json()["detail"] == study_needs.NEED_ALREADY_VOTED
    options = client.get("/api/v1/study-needs/").json()
    by_name = {kp["name"]: kp["my_vote"] for kp in options["knowledge_points"]}
    assert by_name == {
        "低保政策": created.json()["id"],
        "医保报销": None,
    }  # 乙镇's point is not offered
    assert client.delete(f"/api/v1/study-needs/votes/{created.json()['id']}").status_code == 204
    assert not StudyVote.objects.exists()


def test_a_point_of_another_township_cannot_be_voted(cadre, kps, client_for):
    response = _vote(client_for(cadre), knowledge_point=kps["乙镇"].id)
    assert response.status_code == 404
    assert response.json()["errors"]["knowledge_point"] == [study_needs.NEED_KP_NOT_FOUND]


def test_vote_needs_exactly_one_target(cadre, kps, client_for):
    client = client_for(cadre)
    assert _vote(client).json()["errors"]["knowledge_point"] == [study_needs.NEED_TARGET_REQUIRED]
    topic, _ = study_needs.propose(cadre, title="电商直播")
    both = _vote(client, knowledge_point=kps["低保"].id, topic=topic.id)
    assert both.status_code == 400 and both.json()["detail"] == study_needs.NEED_TARGET_BOTH


def test_proposing_an_existing_topic_in_other_words_adds_a_vote(cadre, tree, client_for):
    neighbour = factories.make_user(tree.village_b1)
    first = _propose(client_for(cadre), "农村电商 直播带货")
    assert first.status_code == 201 and first.json()["created"] is True
    second = _propose(client_for(neighbour), "农村电商，直播带货！")
    assert second.status_code == 200 and second.json()["topic"]["id"] == first.json()["topic"]["id"]
    assert StudyTopic.objects.count() == 1 and StudyVote.objects.count() == 2
    blank = _propose(client_for(cadre), "  ")
    assert blank.status_code == 400 and blank.json()["errors"]["title"] == [
        study_needs.TOPIC_TITLE_REQUIRED
    ]


def test_ranking_orders_by_votes_within_the_admins_scope(
    tree, kps, county_admin, town_a_admin, town_b_admin, client_for
):
    a1 = [factories.make_user(tree.village_a1) for _ in range(3)]
    a2 = factories.make_user(tree.village_a2)
    for user in a1:
        study_needs.vote(user, knowledge_point=kps["低保"].id)
    study_needs.vote(a2, knowledge_point=kps["医保"].id)
    topic, _ = study_needs.propose(a1[0], title="矛盾纠纷调解")
    study_needs.vote(a2, topic=topic.id)

    county = client_for(county_admin).get("/api/v1/study-needs/ranking").json()
    assert [(r["rank"], r["name"], r["votes"]) for r in county] == [
        (1, "低保政策", 3),
        (2, "矛盾纠纷调解", 2),
        (3, "医保报销", 1),
    ]
    assert county[1]["kind"] == "topic" and county[1]["units"] == 2

    town_a = client_for(town_a_admin).get("/api/v1/study-needs/ranking").json()
    assert [r["votes"] for r in town_a] == [3, 2, 1]
    # 乙镇's admin sees no votes cast in 甲镇.
    assert client_for(town_b_admin).get("/api/v1/study-needs/ranking").json() == []

    b_voter = factories.make_user(tree.village_b1)
    study_needs.vote(b_voter, knowledge_point=kps["乙镇"].id)
    town_b = client_for(town_b_admin).get("/api/v1/study-needs/ranking").json()
    assert [(r["name"], r["votes"]) for r in town_b] == [("乙镇特色产业", 1)]


def test_ranking_narrowed_to_a_unit_and_refused_outside_scope(tree, kps, town_a_admin, client_for):
    study_needs.vote(factories.make_user(tree.village_a1), knowledge_point=kps["低保"].id)
    study_needs.vote(factories.make_user(tree.village_a2), knowledge_point=kps["医保"].id)
    client = client_for(town_a_admin)
    narrowed = client.get(f"/api/v1/study-needs/ranking?unit={tree.village_a2.id}").json()
    assert [r["name"] for r in narrowed] == ["医保报销"]
    assert client.get(f"/api/v1/study-needs/ranking?unit={tree.town_b.id}").status_code == 404


def test_cadres_cannot_read_the_ranking(cadre, client_for):
    assert client_for(cadre).get("/api/v1/study-needs/ranking").status_code == 403
