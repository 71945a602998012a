"""Django serves the console's page at /console/ and for every console route."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def dist(settings, tmp_path):
    (tmp_path / "index.html").write_text("<title>phone</title>", encoding="utf-8")
    (tmp_path / "console.html").write_text("<title>console</title>", encoding="utf-8")
    settings.FRONTEND_DIST = tmp_path
    return tmp_path


@pytest.mark.parametrize("path", ["/console/", "/console/org/users", "/console/login?next=/x"])
def test_console_routes_get_the_console_page(client, dist, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.content == b"<title>console</title>"
    assert response["Cache-Control"] == "no-cache"
    assert "csrftoken" in response.cookies


def test_console_without_slash_redirects(client, dist):
    response = client.get("/console")
    assert response.status_code == 302 and response["Location"] == "/console/"


def test_phone_routes_still_get_the_phone_page(client, dist):
    for path in ("/", "/me", "/consoles"):
        assert client.get(path).content == b"<title>phone</title>"
