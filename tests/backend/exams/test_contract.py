"""Every payload of taking an exam matches its typed schema component (apps.exams.api.contract):
the same fields, nothing more and nothing missing, and values of the declared types."""

import jsonschema
import pytest
from rest_framework import serializers

from apps.exams.api import contract as c
from tests.backend.exams.conftest import make_exam, put, start

pytestmark = pytest.mark.django_db


def conforms(serializer_class, payload, where="") -> None:
    """Fields equal the component's, recursively, and the values validate."""
    fields = serializer_class().fields
    assert set(payload) == set(fields), (where, set(payload) ^ set(fields))
    for name, field in fields.items():
        value = payload[name]
        if value is None:
            assert field.allow_null, (where, name)
            continue
        if isinstance(field, serializers.ListSerializer):
            for i, item in enumerate(value):
                conforms(type(field.child), item, f"{where}.{name}.{i}")
        elif isinstance(field, serializers.Serializer):
            conforms(type(field), value, f"{where}.{name}")
        elif isinstance(field, serializers.DictField):
            for key, item in value.items():
                conforms(type(field.child), item, f"{where}.{name}.{key}")
    checked = serializer_class(data=payload)
    assert checked.is_valid(), (where, checked.errors)


def test_start_save_batch_event_and_submit_match_the_schema(
    client_for, cadre, tree, paper, questions
):
    exam = make_exam(tree, paper, focus_loss_limit=3)
    client = client_for(cadre)
    started = start(client, exam)
    conforms(c.AttemptSerializer, started.json(), "start")
    attempt_id = started.json()["id"]
    ack = put(client, attempt_id, questions["single"].pk, "B", 1).json()
    conforms(c.AnswerAckSerializer, ack, "put")
    refused = put(client, attempt_id, questions["single"].pk, "C", 1).json()
    conforms(c.AnswerAckSerializer, refused, "put refused")
    batch = client.post(
        f"/api/v1/attempts/{attempt_id}/answers/batch",
        {
            "answers": [
                {"question_id": questions["fill_in"].pk, "response": ["乡村振兴", "ABC"], "seq": 2},
                {"question_id": questions["multiple"].pk, "response": ["A", "C"], "seq": 3},
                {"question_id": questions["short_answer"].pk, "response": "要点一", "seq": 4},
            ]
        },
        format="json",
    ).json()
    conforms(c.BatchSaveReplySerializer, batch, "batch")
    event = client.post(
        f"/api/v1/attempts/{attempt_id}/events", {"kind": "focus_loss"}, format="json"
    ).json()
    conforms(c.AttemptEventReplySerializer, event, "event")
    conforms(c.AttemptSerializer, client.get(f"/api/v1/attempts/{attempt_id}").json(), "get")
    reply = client.post(f"/api/v1/attempts/{attempt_id}/submit").json()
    conforms(c.SubmitReplySerializer, reply, "submit")
    done = client.get(f"/api/v1/attempts/{attempt_id}").json()
    assert done["result"]["items"], "immediate policy: the items are shown"
    conforms(c.AttemptSerializer, done, "result")
    # Every shown key fits the published JSON schema: a fill-in key is, per blank, the list of
    # accepted answers (a response's shape would refuse it)
    key_schema = _openapi_schema()["components"]["schemas"]["ResultItem"]["properties"]["answer"]
    for item in done["result"]["items"]:
        if item["answer"] is not None:
            jsonschema.validate(item["answer"], _plain(key_schema))
    fill_in = next(i for i in done["result"]["items"] if i["type"] == "fill_in")
    assert all(isinstance(group, list) for group in fill_in["answer"])


def _openapi_schema() -> dict:
    from drf_spectacular.generators import SchemaGenerator

    return SchemaGenerator().get_schema(request=None, public=True)


def _plain(schema: dict) -> dict:
    """An OpenAPI 3.0 property schema as plain JSON Schema (no nullable or descriptions)."""
    return {k: v for k, v in schema.items() if k not in ("nullable", "description", "readOnly")}
