"""Issue 14 item 16: schemathesis over the whole OpenAPI schema, in-process (WSGI), as an org
admin and as a cadre, on the scope-matrix world. Every operation gets generated requests
that fit the schema and requests that do not; none may answer with a server error, and every
documented response must match its schema.

Bounded: SCHEMATHESIS_EXAMPLES (default 3) examples per operation, mode and role, no
shrinking, derandomized so CI is repeatable. The figures print at the end (-s to see them).
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests import factories
from tests.backend import scope_world
from tests.backend.test_scope_matrix import DETAIL, SAME_AS

pytestmark = pytest.mark.django_db(transaction=False)

EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "3"))
ROLES = ("county", "cadre_a")
CHECKS = [not_a_server_error, response_schema_conformance]
# The auth endpoints would log the role out or swap its token mid-run.
SKIP = {("POST", "/api/v1/auth/logout"), ("POST", "/api/v1/auth/password")}


def _token(user) -> str:
    client = factories.client_for()
    response = client.post(
        "/api/v1/auth/token",
        {"username": user.username, "password": factories.PASSWORD},
        format="json",
    )
    assert response.status_code == 200, response.content
    return response.json()["token"]


def _real_id(world, role: str, path: str) -> int | None:
    """An id of an object the role may read, for half of the runs of an {id} operation."""
    template = path.removeprefix("/api/v1/")
    _names, readable = DETAIL.get(SAME_AS.get(template, template), ("", {}))
    mine = readable.get(role, "").split()
    return world.id(mine[0]) if mine else None


@contextmanager
def connection_kept():
    """Like Django's test client: the WSGI handler must not close the test's connection."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


def _fuzz(schema, app, world, role: str, token: str, failures: list[str], counts: dict) -> None:
    headers = {"Authorization": f"Token {token}"}
    for result in schema.get_all_operations():
        operation = result.ok()
        if (operation.method.upper(), operation.path) in SKIP:
            continue
        counts["operations"].add(operation.label)
        real_id = _real_id(world, role, operation.path) if "{id}" in operation.path else None
        takes_input = any(
            len(part) for part in (operation.path_parameters, operation.query, operation.body)
        )
        modes = [GenerationMode.POSITIVE] + [GenerationMode.NEGATIVE] * takes_input
        for mode in modes:
            fixed = {"id": real_id} if real_id and mode is GenerationMode.POSITIVE else None
            strategy = operation.as_strategy(generation_mode=mode, path_parameters=fixed)

            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                database=None,
                derandomize=True,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            @given(case=strategy)
            def run(case):
                counts["requests"] += 1
                response = case.call(app=app, headers=headers)
                case.validate_response(response, checks=CHECKS)

            began = time.monotonic()
            try:
                run()
            except Unsatisfiable:
                pass  # no input of this operation can be made invalid
            except (Exception, BaseExceptionGroup) as exc:  # collected: one run reports all
                first = str(exc).strip().splitlines()[:12]
                failures.append(f"[{role} {mode.value}] {operation.label}\n  " + "\n  ".join(first))
            counts["seconds"][operation.label] = (
                counts["seconds"].get(operation.label, 0) + time.monotonic() - began
            )


def test_schemathesis_finds_no_server_error_and_no_schema_violation():
    world = scope_world.build()
    schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
    app = get_wsgi_application()
    tokens = {role: _token(world.users[role]) for role in ROLES}
    failures: list[str] = []
    counts = {"operations": set(), "requests": 0, "seconds": {}}
    started = time.monotonic()
    with connection_kept():
        for role in ROLES:
            _fuzz(schema, app, world, role, tokens[role], failures, counts)
    elapsed = time.monotonic() - started
    print(
        f"schemathesis: {len(counts['operations'])} operations × {len(ROLES)} roles × 2 modes, "
        f"{counts['requests']} requests, {elapsed:.0f} s, {len(failures)} failing runs"
    )
    slowest = sorted(counts["seconds"].items(), key=lambda kv: -kv[1])[:8]
    print("slowest: " + ", ".join(f"{label} {secs:.1f}s" for label, secs in slowest))
    assert not failures, "\n\n".join(failures)
