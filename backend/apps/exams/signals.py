"""Signals other apps listen to; exams never imports them.

attempt_graded: sent (sender=Attempt) with `attempt` whenever an attempt's score is set or
changes: at finalization, when subjective grading completes, and at a regrade.
Listeners: the wrong-question book (training) and performance records (records).
"""

from django.dispatch import Signal

attempt_graded = Signal()
