"""Listeners for other apps' signals; connected in TrainingConfig.ready()."""

from apps.training.services import exam_feed


def on_attempt_graded(sender, attempt, **kwargs) -> None:
    """Wrong answers of a graded attempt go to the cadre's wrong-question book.

    This runs after the grade is committed (apps.exams.services.graded_feed), so a failure
    cannot undo the grading: it is raised, the feed stays due, and the sweep runs it again.
    """
    exam_feed.ingest_attempt(attempt)
