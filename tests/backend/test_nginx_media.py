"""docker/nginx.conf for real: uploaded files pass Django's permission check, then nginx
sends them from the volume (X-Accel-Redirect); the volume itself is never public.

Runs Debian's nginx and the web entrypoint (gunicorn) on this machine; skips without
nginx unless REQUIRE_NGINX=1 (CI), where a missing nginx is a failure.
"""

import http.cookiejar
import io
import json
import os
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from PIL import Image

from tests.backend.test_production_shape import ENTRYPOINT, entrypoint_env, free_port, wait_for
from tests.conftest import REPO_ROOT

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
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


def nginx_config(tmp_path: Path, listen: int, web_port: int) -> Path:
    """docker/nginx.conf inside a minimal main config, pointed at this machine's paths."""
    site = (REPO_ROOT / "docker" / "nginx.conf").read_text(encoding="utf-8")
    for old, new in (
        ("server web:8000;", f"server 127.0.0.1:{web_port};"),
        ("listen 80;", f"listen 127.0.0.1:{listen};"),
        ("/srv/static/", f"{tmp_path / 'static'}/"),
        ("/srv/media/", f"{tmp_path / 'media'}/"),
    ):
        assert old in site, f"docker/nginx.conf 缺少 {old}"
        site = site.replace(old, new)
    temp = tmp_path / "nginx-temp"
    temp.mkdir()
    main = f"""
{"user root;" if os.geteuid() == 0 else ""}
daemon off;
pid {tmp_path / "nginx.pid"};
error_log {tmp_path / "nginx-error.log"} warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    {site}
}}
"""
    path = tmp_path / "nginx.conf"
    path.write_text(main, encoding="utf-8")
    return path


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


@pytest.fixture
def stack(tmp_path):
    if NGINX is None:
        if os.environ.get("REQUIRE_NGINX") == "1":
            pytest.fail("REQUIRE_NGINX=1 但未找到 nginx（apt-get install nginx）")
        pytest.skip("未安装 nginx，跳过 nginx 配置测试")
    media = tmp_path / "media"
    png = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 120, 200)).save(png, "PNG")
    for name, data in ((IMAGE_NAME, png.getvalue()), (MATERIAL_NAME, "<p>规则</p>".encode())):
        (media / name).parent.mkdir(parents=True, exist_ok=True)
        (media / name).write_bytes(data)

    web_port, nginx_port = free_port(), free_port()
    env = entrypoint_env(
        tmp_path,
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        PORT=str(web_port),
        WEB_CONCURRENCY="1",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(media),
        MEDIA_ACCEL_REDIRECT="/protected-media/",
    )
    web = subprocess.Popen(["sh", str(ENTRYPOINT), "web"], cwd=REPO_ROOT, env=env)
    nginx = None
    try:
        assert wait_for(f"http://127.0.0.1:{web_port}/api/v1/auth/csrf", 60) == 204
        seeded = subprocess.run(
            ["sh", str(ENTRYPOINT), "manage", "shell", "-c", SEED],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert seeded.returncode == 0, seeded.stderr
        config = nginx_config(tmp_path, nginx_port, web_port)
        nginx = subprocess.Popen([NGINX, "-c", str(config), "-e", str(tmp_path / "e.log")])
        assert wait_for(f"http://127.0.0.1:{nginx_port}/api/v1/auth/csrf", 20) == 204
        yield f"http://127.0.0.1:{nginx_port}", media
    finally:
        for process in (nginx, web):
            if process is not None:
                process.terminate()
                process.wait(timeout=20)


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
