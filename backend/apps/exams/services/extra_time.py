"""Extra time for one person in one exam (models.ExtraTime). The console grants it with a
reason (services.lifecycle.extra_time); the person's attempt in progress counts the whole
grant in its deadline (`catch_up`), past the window's end if need be.

A grant can race the person's start. The grant holds the exam row's lock while it looks for
an attempt and writes its row; a start's INSERT needs a share lock on that row (the foreign
key), so it either commits before the grant looks (the grant then moves the attempt) or waits
for the grant's commit. The start catches up after its INSERT, so it sees such a grant, and
`Attempt.extra_minutes` (what the deadline already counts) keeps the minutes counted once.

The exam keeps its largest grant (`Exam.longest_grant`): an attempt can run that long past
the window's close, and the exam's hold on its pool's keys lasts as long (apps.exams.held_keys).
"""

from __future__ import annotations

from datetime import timedelta

from apps.exams.models import Attempt, Exam, ExtraTime
from apps.exams.services import answer_store


def minutes_for(exam_id: int, user_id: int) -> int:
    minutes = (
        ExtraTime.objects.filter(exam_id=exam_id, user_id=user_id)
        .values_list("minutes", flat=True)
        .first()
    )
    return minutes or 0


def catch_up(attempt: Attempt) -> None:
    """Move an attempt in progress by whatever of its person's grant the deadline does not
    count yet. Compare-and-set on (deadline, extra_minutes): a concurrent mover (another
    catch-up, a window extension) makes it re-read and try again. The save path's cached
    deadline is set from the row whenever the row moved, by this call or another."""
    seen = attempt.deadline
    while True:
        total = minutes_for(attempt.exam_id, attempt.user_id)
        if total <= attempt.extra_minutes:
            break
        moved = attempt.deadline + timedelta(minutes=total - attempt.extra_minutes)
        won = Attempt.objects.filter(
            pk=attempt.pk,
            status=Attempt.Status.IN_PROGRESS,
            deadline=attempt.deadline,
            extra_minutes=attempt.extra_minutes,
        ).update(deadline=moved, extra_minutes=total)
        if won:
            attempt.deadline, attempt.extra_minutes = moved, total
            break
        row = (
            Attempt.objects.filter(pk=attempt.pk, status=Attempt.Status.IN_PROGRESS)
            .values("deadline", "extra_minutes")
            .first()
        )
        if row is None:  # submitted meanwhile: nothing left to move
            return
        attempt.deadline, attempt.extra_minutes = row["deadline"], row["extra_minutes"]
    if attempt.deadline != seen:
        answer_store.set_deadline(attempt.pk, attempt.deadline)


def add(exam: Exam, user, minutes: int) -> int:
    """Adds `minutes` to the person's grant and returns the total; the caller holds the exam's
    row lock, so two grants at once add up."""
    grant, created = ExtraTime.objects.get_or_create(
        exam=exam, user=user, defaults={"minutes": minutes}
    )
    if not created:
        grant.minutes += minutes
        grant.save(update_fields=["minutes", "updated_at"])
    longest = timedelta(minutes=grant.minutes)
    if longest > exam.longest_grant:
        # The exam now holds its keys this long past its close (apps.exams.held_keys); saving
        # it touches updated_at, so every process re-reads the holding exams.
        exam.longest_grant = longest
        exam.save(update_fields=["longest_grant", "updated_at"])
    return grant.minutes


def minutes_by_user(exam: Exam) -> dict[int, int]:
    """{user id: extra minutes} for the exam's monitor."""
    return dict(ExtraTime.objects.filter(exam=exam).values_list("user_id", "minutes"))
