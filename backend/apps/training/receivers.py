"""Listeners for other apps' signals; connected in TrainingConfig.ready()."""

from apps.training.services import exam_feed


def on_attempts_graded(sender, attempts, **kwargs) -> None:
    """Wrong answers of graded attempts go to their cadres' wrong-question books.

    This runs after the grades are committed (apps.exams.services.graded_feed), so a failure
    cannot undo the grading: it is raised, the feed stays due, and the sweep runs it again.
    """
    exam_feed.ingest_attempts(attempts)
