"""docker/nginx for real: uploaded files pass Django's permission check, then nginx
sends them from the volume (X-Accel-Redirect); the volume itself is never public. With
TLS on, port 80 redirects to SITE_URL and HTTPS responses carry HSTS.

Runs Debian's nginx and the web entrypoint (gunicorn) on this machine; skips without
nginx unless REQUIRE_NGINX=1 (CI), where a missing nginx is a failure.
"""

import http.cookiejar
import io
import json
import ssl
import subprocess
import urllib.error
import urllib.request
from urllib.parse import quote

import pytest
from PIL import Image

from tests.backend.stack import (
    free_port,
    nginx_site,
    require_nginx,
    run_role,
    start_nginx,
    stop,
    wait_for,
)

PASSWORD = "Nginx@2026"
IMAGE_NAME = "question-images/2026/11/村务公开栏.png"
MATERIAL_NAME = "materials/2026/11/规则.html"

SEED = f"""
from apps.accounts.models import OrgUnit, User
from apps.questions.models import Bank, Material, QuestionImage
county = OrgUnit.objects.create(name="县", kind=OrgUnit.Kind.COUNTY)
User.objects.create_user(username="viewer", password="{PASSWORD}", real_name="看图人",
                         org_unit=county, must_change_password=False)
bank = Bank.objects.create(name="题库", org_unit=county)
QuestionImage.objects.create(bank=bank, image="{IMAGE_NAME}")
Material.objects.create(title="规则", org_unit=county, file="{MATERIAL_NAME}",
                        status=Material.Status.READY)
"""


class Browser:
    """Cookies and the CSRF header, as the app's own client sends them."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str):
        try:
            return self.opener.open(self.base + path, timeout=10)
        except urllib.error.HTTPError as error:
            return error

    def log_in(self, username: str, password: str) -> int:
        self.get("/api/v1/auth/csrf")
        token = next(c.value for c in self.jar if c.name == "csrftoken")
        request = urllib.request.Request(
            self.base + "/api/v1/auth/login",
            data=json.dumps({"username": username, "password": password}).encode(),
            headers={"Content-Type": "application/json", "X-CSRFToken": token},
            method="POST",
        )
        return self.opener.open(request, timeout=10).status


@pytest.fixture(scope="module")
def stack(sqlite_web, tmp_path_factory):
    """The shared web role with the files and people of SEED, behind docker/nginx."""
    require_nginx()
    media = sqlite_web.root / "media"
    png = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 120, 200)).save(png, "PNG")
    for name, data in ((IMAGE_NAME, png.getvalue()), (MATERIAL_NAME, "<p>规则</p>".encode())):
        (media / name).parent.mkdir(parents=True, exist_ok=True)
        (media / name).write_bytes(data)
    run_role("manage", sqlite_web.env, "shell", "-c", SEED)
    nginx_port = free_port()
    config = nginx_site(
        tmp_path_factory.mktemp("nginx"),
        f"127.0.0.1:{nginx_port}",
        [sqlite_web.port],
        static=sqlite_web.root / "static",
        media=media,
    )
    nginx = start_nginx(config)
    try:
        assert wait_for(f"http://127.0.0.1:{nginx_port}/api/v1/auth/csrf", 20) == 204
        yield f"http://127.0.0.1:{nginx_port}", media
    finally:
        stop(nginx)


def test_nginx_sends_a_stored_file_only_after_django_allows_it(stack):
    base, media = stack
    visitor = Browser(base)
    assert visitor.get(f"/media/{quote(IMAGE_NAME)}").status == 404
    # The volume's internal location is not reachable from outside.
    assert visitor.get(f"/protected-media/{quote(IMAGE_NAME)}").status == 404

    cadre = Browser(base)
    assert cadre.log_in("viewer", PASSWORD) == 200
    image = cadre.get(f"/media/{quote(IMAGE_NAME)}")
    assert image.status == 200
    assert image.read() == (media / IMAGE_NAME).read_bytes()
    assert image.headers["Content-Type"] == "image/png"
    assert image.headers["Cache-Control"].startswith("private")

    page = cadre.get(f"/media/{quote(MATERIAL_NAME)}")
    assert page.status == 200
    assert page.headers["Content-Disposition"].startswith("attachment")
    assert page.read() == "<p>规则</p>".encode()
    assert cadre.get("/media/question-images/2026/11/none.png").status == 404


def test_with_tls_port_80_redirects_to_the_site_and_https_sends_hsts(tmp_path, sqlite_web):
    require_nginx()
    certs = tmp_path / "certs"
    certs.mkdir()
    made = subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=ks.county.test",
            "-keyout", str(certs / "privkey.pem"), "-out", str(certs / "fullchain.pem"),
        ],
        capture_output=True,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    http_port, https_port = free_port(), free_port()
    site_url = f"https://ks.county.test:{https_port}"
    config = nginx_site(
        tmp_path,
        f"127.0.0.1:{http_port}",
        [sqlite_web.port],
        static=sqlite_web.root / "static",
        media=sqlite_web.root / "media",
        site="https",
        site_url=site_url,
        https_listen=f"127.0.0.1:{https_port}",
        cert_dir=certs,
    )
    nginx = start_nginx(config)
    try:
        wait_for(f"http://127.0.0.1:{http_port}/healthz", 20)

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        plain = urllib.request.build_opener(NoRedirect)
        with pytest.raises(urllib.error.HTTPError) as redirect:
            plain.open(f"http://127.0.0.1:{http_port}/login?next=/exams", timeout=5)
        assert redirect.value.code == 301
        assert redirect.value.headers["Location"] == f"{site_url}/login?next=/exams"

        context = ssl.create_default_context(cafile=str(certs / "fullchain.pem"))
        context.check_hostname = False
        secure = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context))
        for path in ("/api/v1/auth/csrf", "/static/rest_framework/css/default.css"):
            response = secure.open(f"https://127.0.0.1:{https_port}{path}", timeout=5)
            assert response.status in (200, 204)
            assert response.headers.get_all("Strict-Transport-Security") == ["max-age=31536000"]
        # Plain HTTP never announces HSTS.
        assert (
            "Strict-Transport-Security"
            not in plain.open(f"http://127.0.0.1:{http_port}/healthz", timeout=5).headers
        )
    finally:
        stop(nginx)
