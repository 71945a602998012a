"""The author's side: start a draft, autosave it, submit (a version is kept each time),
withdraw before any reviewer has started."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.cases import conf, errors
from apps.cases.body import site_relative_images
from apps.cases.models import Case, CaseCall, CaseVersion, ReviewAssignment, count_chars
from apps.cases.services import assignment as assign
from apps.common.errors import Conflict, Forbidden, InvalidInput, NotFound

A = ReviewAssignment


def lock_own_case(case_id: int, author: User) -> Case:
    try:
        return (
            Case.objects.select_for_update(of=("self",))
            .select_related("call", "author_unit")
            .get(pk=case_id, author=author)
        )
    except Case.DoesNotExist as exc:
        raise NotFound() from exc


def _check_text(title: str | None, body: str | None) -> None:
    if body is not None and count_chars(body) > conf.body_max_chars():
        message = errors.CASE_BODY_TOO_LONG.format(limit=conf.body_max_chars())
        raise InvalidInput(message, {"body": [message]})
    if title is not None and len(title) > 200:
        raise InvalidInput(errors.CASE_TITLE_TOO_LONG, {"title": [errors.CASE_TITLE_TOO_LONG]})


@transaction.atomic
def start_case(
    call: CaseCall, author: User, *, title: str = "", body: str = "", show_author_name: bool = True
) -> Case:
    if not call.includes_unit(author.org_unit):
        raise Forbidden(errors.CALL_NOT_IN_AUDIENCE)
    if not call.is_open:
        raise Conflict(errors.CALL_NOT_OPEN, code="call_closed")
    if Case.objects.filter(call=call, author=author).exists():
        raise Conflict(errors.CASE_ALREADY_EXISTS, code="case_exists")
    _check_text(title, body)
    return Case.objects.create(
        call=call,
        author=author,
        author_unit=author.org_unit,
        title=title.strip(),
        body=site_relative_images(body),
        show_author_name=show_author_name,
    )


@transaction.atomic
def save_draft(case_id: int, author: User, **fields) -> Case:
    """Autosave: only title, body and the naming choice; last write wins."""
    case = lock_own_case(case_id, author)
    if not case.is_editable:
        raise Conflict(errors.CASE_NOT_EDITABLE, code="not_editable")
    _check_text(fields.get("title"), fields.get("body"))
    if "body" in fields:
        fields["body"] = site_relative_images(fields["body"])
    changed = [
        f
        for f in ("title", "body", "show_author_name")
        if f in fields and getattr(case, f) != fields[f]
    ]
    for field in changed:
        setattr(case, field, fields[field].strip() if field == "title" else fields[field])
    if changed:
        case.save(update_fields=[*changed, "updated_at"])
    return case


@transaction.atomic
def submit_case(case_id: int, author: User, *, show_author_name: bool | None = None) -> Case:
    """First submits need the call open; a version returned for revision may come back later."""
    case = lock_own_case(case_id, author)
    revising = case.status == Case.Status.REVISION
    if not revising:
        if case.status not in (Case.Status.DRAFT, Case.Status.WITHDRAWN):
            raise Conflict(errors.CASE_NOT_SUBMITTABLE)
        if not case.call.is_open:
            raise Conflict(errors.CALL_NOT_OPEN, code="call_closed")
    if not case.title.strip():
        raise InvalidInput(errors.CASE_TITLE_REQUIRED, {"title": [errors.CASE_TITLE_REQUIRED]})
    if not case.body.strip():
        raise InvalidInput(errors.CASE_BODY_REQUIRED, {"body": [errors.CASE_BODY_REQUIRED]})
    if show_author_name is not None:
        case.show_author_name = show_author_name
    now = timezone.now()
    case.version += 1
    case.status, case.submitted_at = Case.Status.SUBMITTED, now
    case.save(update_fields=["version", "status", "submitted_at", "show_author_name", "updated_at"])
    CaseVersion.objects.create(
        case=case,
        number=case.version,
        title=case.title,
        body=case.body,
        submitted_at=now,
        image_ids=list(case.images.filter(removed_at__isnull=True).values_list("pk", flat=True)),
        char_count=case.char_count,
    )
    if revising:
        assign.start_revision_round(case)
    elif case.call.assign_mode == CaseCall.AssignMode.ON_SUBMIT:
        assign.assign_reviewers(case)
    return case


@transaction.atomic
def withdraw_case(case_id: int, author: User) -> Case:
    """Possible until a reviewer opens (claims) or scores the case."""
    case = lock_own_case(case_id, author)
    if case.status not in (Case.Status.SUBMITTED, Case.Status.UNDER_REVIEW):
        raise Conflict(errors.CASE_NOT_WITHDRAWABLE)
    current = case.assignments.filter(round=case.version)
    started = current.exclude(
        status__in=[A.Status.PENDING, A.Status.DECLINED, A.Status.CANCELLED]
    ).exists()
    if started or current.filter(lease_expires_at__isnull=False).exists():
        raise Conflict(errors.CASE_NOT_WITHDRAWABLE)
    current.filter(status=A.Status.PENDING).update(status=A.Status.CANCELLED)
    case.status = Case.Status.WITHDRAWN
    case.save(update_fields=["status", "updated_at"])
    return case
