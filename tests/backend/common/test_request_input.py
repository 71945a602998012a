"""Hostile request bodies and query strings get a Chinese 400/413, never a 500 or Django's
English HTML page: deep JSON, oversized bodies, NUL anywhere, invisible characters."""

import json

import pytest
from django.test import Client

from apps.common.api import parsers
from apps.common.text import NUL_REFUSED
from tests.backend.error_body import DEEP, assert_chinese_error

pytestmark = pytest.mark.django_db


def test_deeply_nested_json_is_a_400_even_anonymously(db):
    response = Client().post("/api/v1/auth/token", DEEP, content_type="application/json")
    assert_chinese_error(response, 400)
    assert response.json()["detail"] == parsers.TOO_DEEP.format(limit=parsers.MAX_JSON_DEPTH)


def test_moderately_deep_json_over_the_limit_is_a_400(cadre, client_for):
    body = {"username": "x", "password": "y", "extra": json.loads("[" * 40 + "]" * 40)}
    response = client_for().post("/api/v1/auth/token", body, format="json")
    assert_chinese_error(response, 400)
    assert response.json()["detail"] == parsers.TOO_DEEP.format(limit=parsers.MAX_JSON_DEPTH)


def test_a_body_over_the_limit_gets_the_chinese_json_error(cadre, client_for, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2048
    big = {"username": "x" * 4000, "password": "y"}
    response = client_for().post("/api/v1/auth/login", big, format="json")
    assert_chinese_error(response, 413)
    form = client_for(cadre).post(
        "/api/v1/users/import", {"note": "x" * 4000, "file": b""}, format="multipart"
    )
    assert form.status_code in (403, 413)  # a cadre may not import; either way no HTML 400
    assert form["Content-Type"].startswith("application/json")


def test_too_many_form_fields_gets_the_chinese_json_error(county_admin, client_for, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    fields = {f"f{i}": "x" for i in range(50)}
    response = client_for(county_admin).post("/api/v1/users/import", fields, format="multipart")
    assert_chinese_error(response, 400)


def test_bad_host_on_the_api_gets_a_chinese_json_error(db):
    response = Client(HTTP_HOST="evil.example").get("/api/v1/auth/me")
    assert_chinese_error(response, 400)


def test_nul_in_a_json_body_is_refused_naming_the_field(db):
    response = Client().post(
        "/api/v1/auth/login",
        '{"username": "ab\\u0000c", "password": "x"}',
        content_type="application/json",
    )
    assert_chinese_error(response, 400, "username")
    assert response.json()["errors"]["username"] == [NUL_REFUSED]


def test_nul_in_a_query_string_is_refused_naming_the_parameter(county_admin, client_for):
    response = client_for(county_admin).get("/api/v1/users/?search=%E5%BC%A0%00")
    assert_chinese_error(response, 400, "search")
    admin_page = Client()
    admin_page.force_login(county_admin)
    refused = admin_page.get("/admin/accounts/user/?q=%00")
    assert refused.status_code == 400
    assert "空字符" in refused.content.decode()


def test_nul_in_form_and_multipart_fields_is_refused(county_admin, client_for):
    form = client_for().post(
        "/api/v1/auth/login",
        "username=a%00b&password=x",
        content_type="application/x-www-form-urlencoded",
    )
    assert_chinese_error(form, 400, "username")
    assert form.json()["errors"]["username"] == [NUL_REFUSED]
    multipart = client_for(county_admin).post(
        "/api/v1/users/import", {"bad\x00name": "x"}, format="multipart"
    )
    assert_chinese_error(multipart, 400, "bad\\0name")
    assert multipart.json()["detail"] == NUL_REFUSED


def test_an_unknown_api_path_is_a_chinese_json_404(db):
    response = Client().get("/api/v1/no-such-thing/")
    assert_chinese_error(response, 404)


def test_an_unexpected_failure_on_the_api_is_a_chinese_json_500(cadre, monkeypatch):
    from apps.accounts.api.views_auth import MeView

    def broken(self, request):
        raise RuntimeError("boom")

    monkeypatch.setattr(MeView, "get", broken)
    browser = Client(raise_request_exception=False)
    browser.force_login(cadre)
    assert_chinese_error(browser.get("/api/v1/auth/me"), 500)
