"""Settings of the case flow, each overridable in Django settings or the environment."""

import os
from datetime import timedelta

from django.conf import settings


def _int(name: str, default: int) -> int:
    return int(getattr(settings, name, os.environ.get(name, default)))


def image_max_bytes() -> int:
    return _int("CASE_IMAGE_MAX_MB", 10) * 1024 * 1024


def image_max_side() -> int:
    return _int("CASE_IMAGE_MAX_SIDE", 2048)


def image_thumb_side() -> int:
    return _int("CASE_IMAGE_THUMB_SIDE", 320)


def images_per_case() -> int:
    return _int("CASE_IMAGES_PER_CASE", 20)


def body_max_chars() -> int:
    return _int("CASE_BODY_MAX_CHARS", 30000)


def review_lease() -> timedelta:
    return timedelta(minutes=_int("CASE_REVIEW_LEASE_MINUTES", 30))
