"""Settings of the question bank, read from Django settings with safe defaults."""

from django.conf import settings


def material_max_bytes() -> int:
    return int(getattr(settings, "MAX_UPLOAD_BYTES", 20 * 1024 * 1024))


def image_max_bytes() -> int:
    return int(getattr(settings, "QUESTION_IMAGE_MAX_BYTES", 5 * 1024 * 1024))


def image_max_side() -> int:
    return int(getattr(settings, "QUESTION_IMAGE_MAX_SIDE", 2048))


def duplicate_threshold() -> float:
    """Shingle similarity (0–1) from which two questions are flagged as near-duplicates."""
    return float(getattr(settings, "QUESTION_DUPLICATE_THRESHOLD", 0.8))


def import_max_rows() -> int:
    return int(getattr(settings, "QUESTION_IMPORT_MAX_ROWS", 20_000))
