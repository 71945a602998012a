"""`manage.py check --deploy` is clean in the production shape: behind the HTTPS proxy,
with its own secret and host, as docker/compose.yaml runs it."""

import os
import secrets
import subprocess
import sys

from tests.conftest import REPO_ROOT


def test_deploy_check_passes_behind_the_https_proxy(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "BEHIND_HTTPS_PROXY": "1",
        "ALLOWED_HOSTS": "ks.example.gov.cn",
        "CSRF_TRUSTED_ORIGINS": "https://ks.example.gov.cn",
        "VAR_DIR": str(tmp_path / "var"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests' event loop
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output
