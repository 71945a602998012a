"""Signals other apps listen to; exams never imports them.

attempt_graded: sent (sender=Attempt) with `attempt` whenever an attempt's score is set or
changes: at finalization, when subjective grading completes, and at a regrade.
Listeners: the wrong-question book (training) and performance records (records).

It is sent after the score is committed, off the request (services.graded_feed), and may be
sent again for the same score (a retry, the sweep): listeners must be idempotent, and raise
when they fail, so that the feed stays due and is run again.
"""

from django.dispatch import Signal

attempt_graded = Signal()
