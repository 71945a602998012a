"""The Chinese admin pages of the bank open and search without errors."""

import pytest

from tests import factories


@pytest.mark.parametrize(
    "model", ["material", "knowledgepoint", "bank", "question", "generationbatch", "questionreview"]
)
def test_admin_changelists_open(db, client, model, all_types):
    root = factories.make_user(is_superuser=True, is_staff=True, is_cadre=False)
    client.force_login(root)
    response = client.get(f"/admin/questions/{model}/", {"q": "走访"})
    assert response.status_code == 200


def test_question_admin_change_page_shows_review_log(db, client, all_types):
    root = factories.make_user(is_superuser=True, is_staff=True, is_cadre=False)
    client.force_login(root)
    response = client.get(f"/admin/questions/question/{all_types[0].pk}/change/")
    assert response.status_code == 200
    assert "审核记录" in response.content.decode()
