"""A Content-Security-Policy of our own origin only on every page, no-store on the API,
and the API documentation only for signed-in staff, served without the Internet."""

import re

import pytest
from django.conf import settings
from django.test import Client

from apps.common.api.docs import DOCS_STAFF_ONLY
from tests.factories import make_user

pytestmark = pytest.mark.django_db

PAGES = ["/", "/console/", "/exams/3", "/admin/login/", "/api/v1/auth/csrf", "/sw.js"]


def policy_of(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in header.split(";")) if part
    }


@pytest.mark.parametrize("path", PAGES)
def test_every_page_allows_only_our_own_origin(path):
    response = Client().get(path)
    assert response.status_code in (200, 204), (path, response.status_code)
    policy = policy_of(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]  # no inline script, no eval
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    sources = " ".join(" ".join(v) for v in policy.values())
    assert not re.search(r"https?:|//|\*", sources), sources  # no remote origin anywhere


def test_api_responses_are_never_stored_by_caches(cadre, client_for):
    client = client_for(cadre)
    for response in (
        client.get("/api/v1/auth/me"),
        client.get("/api/v1/org-units/"),
        Client().post(
            "/api/v1/auth/token",
            {"username": "x", "password": "y"},
            content_type="application/json",
        ),
    ):
        assert "no-store" in response["Cache-Control"], response.request["PATH_INFO"]
    # The app shell stays revalidated (not no-store): the service worker keeps it offline.
    assert Client().get("/")["Cache-Control"] == "no-cache"


def test_api_docs_and_schema_only_for_signed_in_staff(cadre, county_admin, client_for):
    anonymous = Client()
    docs = anonymous.get("/api/docs/")
    assert docs.status_code == 302 and docs["Location"].startswith("/admin/login/?next=/api/docs/")
    schema = anonymous.get("/api/schema/")
    assert schema.status_code in (401, 403) and schema.json()["detail"]

    cadre_browser = Client()
    cadre_browser.force_login(cadre)
    refused = cadre_browser.get("/api/docs/")
    assert refused.status_code == 403 and DOCS_STAFF_ONLY in refused.content.decode()
    assert cadre_browser.get("/api/schema/").status_code == 403
    token_script = client_for(cadre)
    assert token_script.get("/api/schema/").status_code == 403

    staff = Client()
    staff.force_login(county_admin)
    page = staff.get("/api/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    # Swagger UI from our own static files: nothing from a CDN, no inline script.
    assert "swagger-ui-bundle.js" in html and settings.STATIC_URL in html
    assert not re.search(r"""(src|href)=["']https?://""", html)
    assert "<script>" not in html.replace(" ", "")
    assert staff.get("/api/schema/").status_code == 200


def test_staff_flag_alone_is_not_enough_for_a_deactivated_user(tree):
    gone = make_user(tree.county, is_staff=True, is_active=False)
    browser = Client()
    browser.force_login(gone)
    assert browser.get("/api/schema/").status_code in (401, 403)
