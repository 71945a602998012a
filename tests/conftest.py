"""Fixtures shared by every test: an org tree, users of each role, logged-in clients."""

import os
import shutil
from pathlib import Path

import pytest

from tests import factories

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = Path(os.environ.get("SHARED_DIR", REPO_ROOT.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when that folder is absent."""
    path = SHARED_DIR.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"共享资料目录不存在：{path}（该测试需要 ../shared 中的真实材料）")
    return path


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.BACKUP_DIR = tmp_path / "backups"  # a periodic sweep never writes into var/


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    from apps.exams import held_keys
    from apps.exams.services import papers, presentation

    cache.clear()
    held_keys.forget()
    papers.forget()
    presentation.forget()
    yield


@pytest.fixture
def tree(db):
    return factories.make_tree()


@pytest.fixture
def cadre(tree):
    return factories.make_user(tree.village_a1, real_name="张三")


@pytest.fixture
def reviewer(tree):
    return factories.make_user(
        tree.department, is_cadre=False, is_reviewer=True, real_name="评审甲"
    )


@pytest.fixture
def county_admin(tree):
    return factories.make_user(
        tree.department, is_cadre=False, admin_of=[tree.county], real_name="县管理员"
    )


@pytest.fixture
def town_a_admin(tree):
    return factories.make_user(tree.town_a, admin_of=[tree.town_a], real_name="甲镇管理员")


@pytest.fixture
def town_b_admin(tree):
    return factories.make_user(tree.town_b, admin_of=[tree.town_b], real_name="乙镇管理员")


@pytest.fixture
def client_for():
    return factories.client_for


def chromium_path() -> str | None:
    return shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )


@pytest.fixture
def fast_passwords(settings, monkeypatch):
    """For tests that log in dozens of times (lockout, tokens, password rules): users made
    here get an MD5 hash, since PBKDF2 per login would dominate and hashing is not under
    test. The shared PBKDF2 hash is made first, so other tests keep it."""
    from django.contrib.auth.hashers import make_password

    factories._password_hash()
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        *settings.PASSWORD_HASHERS,
    ]
    monkeypatch.setattr(factories, "_PASSWORD_HASH", make_password(factories.PASSWORD))
