"""Answer-sheet marks (标记) are kept with the attempt: a reload or a second device sees them."""

import pytest

from apps.exams.services.sheet_marks import MARKS_AFTER_SUBMIT
from tests.backend.exams.conftest import start

pytestmark = pytest.mark.django_db


def test_marks_come_back_with_the_attempt_on_another_device(client_for, cadre, exam, questions):
    phone = client_for(cadre)
    attempt = start(phone, exam).json()
    assert attempt["flagged"] == []
    ids = [q["id"] for q in attempt["questions"]]
    saved = phone.put(
        f"/api/v1/attempts/{attempt['id']}/flags", {"question_ids": [ids[2], ids[0]]}, format="json"
    )
    assert saved.status_code == 200 and saved.json()["question_ids"] == [ids[0], ids[2]]
    tablet = client_for(cadre)
    assert tablet.get(f"/api/v1/attempts/{attempt['id']}").json()["flagged"] == [ids[0], ids[2]]


def test_a_mark_outside_the_attempt_or_after_submit_is_refused(client_for, cadre, exam, questions):
    client = client_for(cadre)
    attempt_id = start(client, exam).json()["id"]
    bad = client.put(
        f"/api/v1/attempts/{attempt_id}/flags", {"question_ids": [999999]}, format="json"
    )
    assert bad.status_code == 400 and "question_ids" in bad.json()["errors"]
    client.post(f"/api/v1/attempts/{attempt_id}/submit")
    late = client.put(f"/api/v1/attempts/{attempt_id}/flags", {"question_ids": []}, format="json")
    assert late.status_code == 409 and late.json()["detail"] == MARKS_AFTER_SUBMIT
