"""Signals other apps listen to.

case_final_score_changed: sent (sender=the case submission model) with `case` whenever a
case's final score is set or changes (all reviews in, arbitration resolved, an admin
adjustment). Listener: performance records (records), which recomputes open periods.
"""

from django.dispatch import Signal

case_final_score_changed = Signal()
