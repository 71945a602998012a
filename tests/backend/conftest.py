"""Fixtures shared by the backend tests of the production shape."""

import pytest

from tests.backend.stack import migrated_sqlite_web


@pytest.fixture(scope="session")
def sqlite_web(tmp_path_factory):
    """One migrated gunicorn web role on SQLite for the whole session (migrating takes
    most of the time, so the production-shape and nginx tests share it)."""
    with migrated_sqlite_web(tmp_path_factory.mktemp("web")) as web:
        yield web
