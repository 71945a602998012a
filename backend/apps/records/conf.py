"""Settings of the records app, each with a safe default (override in settings or the environment)."""

import os

from django.conf import settings


def publicity_days() -> int:
    """Default length of the 公示 window when publish names no end."""
    return int(
        getattr(settings, "RECORDS_PUBLICITY_DAYS", os.environ.get("RECORDS_PUBLICITY_DAYS", 7))
    )


def import_max_rows() -> int:
    """Row cap of one indicator sheet."""
    return int(
        getattr(
            settings, "RECORDS_IMPORT_MAX_ROWS", os.environ.get("RECORDS_IMPORT_MAX_ROWS", 20_000)
        )
    )
