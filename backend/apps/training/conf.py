"""Training settings with safe defaults, read at call time so tests and deployments can
override them (Django settings first, then the environment)."""

import os

from django.conf import settings


def _int(name: str, default: int) -> int:
    return int(getattr(settings, name, os.environ.get(name, default)))


def practice_default_size() -> int:
    """TRAINING_PRACTICE_DEFAULT_SIZE: questions in a practice session unless asked otherwise."""
    return _int("TRAINING_PRACTICE_DEFAULT_SIZE", 10)


def practice_max_size() -> int:
    """TRAINING_PRACTICE_MAX_SIZE: the most questions one practice session may hold."""
    return _int("TRAINING_PRACTICE_MAX_SIZE", 50)


def wrong_book_exit_streak() -> int:
    """TRAINING_WRONG_BOOK_EXIT_STREAK: right answers in a row that take a question out."""
    return _int("TRAINING_WRONG_BOOK_EXIT_STREAK", 2)


def daily_quiz_size() -> int:
    """TRAINING_DAILY_QUIZ_SIZE: questions in each day's 每日一练."""
    return _int("TRAINING_DAILY_QUIZ_SIZE", 5)


def daily_review_max() -> int:
    """TRAINING_DAILY_REVIEW_MAX: places of the daily quiz that due reviews may take."""
    return _int("TRAINING_DAILY_REVIEW_MAX", 3)


def leitner_intervals() -> tuple[int, ...]:
    """TRAINING_LEITNER_INTERVALS: days to wait in boxes 1..N, e.g. "1,2,4,8,16"."""
    value = getattr(
        settings,
        "TRAINING_LEITNER_INTERVALS",
        os.environ.get("TRAINING_LEITNER_INTERVALS", "1,2,4,8,16"),
    )
    if isinstance(value, str):
        value = [part for part in value.split(",") if part.strip()]
    return tuple(int(days) for days in value)
