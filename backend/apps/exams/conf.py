"""Settings of the exams app, each with a safe default (settings first, then the environment).

Read at call time so tests and deployments can override them.
"""

import os

from django.conf import settings


def _value(name: str, default):
    return getattr(settings, name, os.environ.get(name, default))


def save_grace_seconds() -> int:
    """EXAM_SAVE_GRACE_SECONDS: saves still in flight are accepted this long after the deadline."""
    return int(_value("EXAM_SAVE_GRACE_SECONDS", 15))


def rule_cache_seconds() -> int:
    """EXAM_RULE_CACHE_SECONDS: how long a rule's candidate ids stay cached for drawing."""
    return int(_value("EXAM_RULE_CACHE_SECONDS", 60))


def low_discrimination() -> float:
    """EXAM_LOW_DISCRIMINATION: discrimination below this flags a question for review."""
    return float(_value("EXAM_LOW_DISCRIMINATION", 0.1))


def item_min_attempts() -> int:
    """EXAM_ITEM_MIN_ATTEMPTS: finished attempts needed before item analysis flags anything."""
    return int(_value("EXAM_ITEM_MIN_ATTEMPTS", 10))
