"""Signals other apps listen to; exams never imports them.

attempts_graded: sent (sender=Attempt) with `attempts`, a list of attempts whose score was set
or changed: at finalization, when subjective grading completes, and at a regrade. A close
rush or the sweep sends hundreds at once, so listeners work in bulk.
Listeners: the wrong-question book (training) and performance records (records).

attempt_graded: the same, one attempt at a time (with `attempt`), for listeners that only
handle one; it is sent only when such a listener is connected.

Both are sent after the score is committed, off the request (services.graded_feed), and may
be sent again for the same score (a retry, the sweep): listeners must be idempotent, and
raise when they fail, so that the feed stays due and is run again.
"""

from django.dispatch import Signal

attempts_graded = Signal()
attempt_graded = Signal()
