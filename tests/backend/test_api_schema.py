"""The OpenAPI schema builds, validates and carries no generator warnings."""

import io

import pytest
import yaml
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_openapi_schema_builds_without_warnings(capsys):
    out = io.StringIO()
    call_command("spectacular", "--validate", "--fail-on-warn", stdout=out)
    assert "openapi: 3" in out.getvalue()
    assert "/api/v1/auth/login" in out.getvalue()


def test_swagger_ui_is_served(client, county_admin):
    client.force_login(county_admin)
    response = client.get("/api/docs/")
    assert response.status_code == 200
    assert b"swagger" in response.content.lower()


def test_errors_use_the_common_body(client_for, cadre):
    response = client_for(cadre).post("/api/v1/auth/password", {}, format="json")
    body = response.json()
    assert response.status_code == 400
    assert set(body) == {"detail", "errors", "code"}
    assert body["errors"]["old_password"] == ["该字段是必填项。"]


def test_rubric_schema_carries_the_revise_permission():
    """schema.d.ts types the console's rubric editor from this: `permissions.can_revise`."""
    out = io.StringIO()
    call_command("spectacular", stdout=out)
    schemas = yaml.safe_load(out.getvalue())["components"]["schemas"]
    rubric = schemas["Rubric"]
    assert "permissions" in rubric["required"]
    permissions = schemas["RubricPermissions"]
    assert set(permissions["properties"]) == {"can_revise", "hint"}
    # A call's nested rubric has no permissions of its own: the call's are what count there.
    assert "permissions" not in schemas["CaseRubric"]["properties"]
