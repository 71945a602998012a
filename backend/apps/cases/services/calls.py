"""Case-call writes: the window, audience and review settings an org admin chooses."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction

from apps.accounts.models import OrgUnit, User
from apps.cases import errors
from apps.cases.models import CaseCall
from apps.common import scoping
from apps.common.errors import InvalidInput

CALL_FIELDS = [
    "title",
    "theme",
    "description",
    "opens_at",
    "closes_at",
    "rubric",
    "reviewers_per_case",
    "arbitration_threshold_pct",
    "assign_mode",
]


def _fail(field: str, message: str) -> InvalidInput:
    return InvalidInput(message, {field: [message]})


def _validate(data: dict[str, Any], by: User) -> None:
    if data["closes_at"] <= data["opens_at"]:
        raise _fail("closes_at", errors.CALL_DATES_INVALID)
    units: list[OrgUnit] = data["audience_units"]
    if not units:
        raise _fail("audience_units", errors.CALL_NO_AUDIENCE)
    if not all(scoping.unit_in_scope(by, unit) for unit in units):
        raise _fail("audience_units", errors.CALL_AUDIENCE_OUT_OF_SCOPE)
    if not 1 <= int(data.get("reviewers_per_case", 2)) <= 5:
        raise _fail("reviewers_per_case", errors.CALL_REVIEWERS_INVALID)
    pool: list[User] = list(data.get("reviewer_pool") or [])
    if not all(scoping.unit_in_scope(by, reviewer.org_unit) for reviewer in pool):
        raise _fail("reviewer_pool", errors.CALL_POOL_OUT_OF_SCOPE)
    pct = Decimal(str(data.get("arbitration_threshold_pct", "15")))
    if not Decimal(0) <= pct <= Decimal(100):
        raise _fail("arbitration_threshold_pct", errors.CALL_THRESHOLD_INVALID)


def _organizer_unit(by: User, units: list[OrgUnit]) -> OrgUnit:
    """The admin's own scope that holds the audience; the call is listed under it."""
    for scope in by.admin_scopes.select_related("org_unit"):
        if all(unit.is_within(scope.org_unit) for unit in units):
            return scope.org_unit
    return min(units, key=lambda u: u.depth)


@transaction.atomic
def create_call(*, by: User, data: dict[str, Any]) -> CaseCall:
    _validate(data, by)
    call = CaseCall(**{f: data[f] for f in CALL_FIELDS if f in data})
    call.org_unit = _organizer_unit(by, data["audience_units"])
    call.created_by = by
    call.save()
    call.audience_units.set(data["audience_units"])
    call.reviewer_pool.set(data.get("reviewer_pool") or [])
    return call


@transaction.atomic
def update_call(call: CaseCall, *, by: User, data: dict[str, Any]) -> CaseCall:
    merged = {f: getattr(call, f) for f in CALL_FIELDS}
    merged["audience_units"] = list(call.audience_units.all())
    merged.update(data)
    if "reviewer_pool" not in data:  # the pool already chosen stays as it is
        merged.pop("reviewer_pool", None)
    _validate(merged, by)
    for field in CALL_FIELDS:
        setattr(call, field, merged[field])
    call.save()
    if "audience_units" in data:
        call.audience_units.set(data["audience_units"])
    if "reviewer_pool" in data:
        call.reviewer_pool.set(data["reviewer_pool"] or [])
    return call
