"""Listeners for other apps' signals; connected in TrainingConfig.ready()."""

import logging

from apps.training.services import exam_feed

logger = logging.getLogger(__name__)


def on_attempt_graded(sender, attempt, **kwargs) -> None:
    """Wrong answers of a graded attempt go to the cadre's wrong-question book.

    A failure here must not undo the exam's own grading, so it is logged, not raised.
    """
    try:
        exam_feed.ingest_attempt(attempt)
    except Exception:
        logger.exception("错题本未能收录答卷 %s 的结果", attempt.pk)
