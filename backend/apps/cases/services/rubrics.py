"""Rubric writes. A rubric that has been scored against is never edited: a revision makes
a new version in the same family and the calls using the old one move to it; scores
already given keep pointing at the version they were given against."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from apps.cases import errors, selectors
from apps.cases.models import CaseCall, Rubric, RubricCriterion
from apps.common.errors import Forbidden, InvalidInput


def _clean_criteria(criteria: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if not criteria:
        raise InvalidInput(errors.RUBRIC_NO_CRITERIA, {"criteria": [errors.RUBRIC_NO_CRITERIA]})
    cleaned = []
    for index, item in enumerate(criteria, start=1):
        name = str(item.get("name") or "").strip()
        if not name:
            message = errors.CRITERION_NAME_REQUIRED.format(index=index)
            raise InvalidInput(message, {f"criteria.{index - 1}.name": [message]})
        try:
            max_score = Decimal(str(item.get("max_score"))).quantize(Decimal("0.01"))
        except (InvalidOperation, ValueError):
            max_score = Decimal(0)
        if max_score <= 0 or max_score >= 1000:
            message = errors.CRITERION_MAX_INVALID.format(index=index, name=name)
            raise InvalidInput(message, {f"criteria.{index - 1}.max_score": [message]})
        cleaned.append(
            {
                "name": name,
                "description": str(item.get("description") or "").strip(),
                "max_score": max_score,
                "levels": list(item.get("levels") or []),
            }
        )
    return cleaned


def _write_criteria(rubric: Rubric, criteria: list[dict[str, Any]]) -> None:
    RubricCriterion.objects.bulk_create(
        RubricCriterion(rubric=rubric, order=i, **item) for i, item in enumerate(criteria)
    )


@transaction.atomic
def create_rubric(
    *, name: str, criteria: list[dict[str, Any]], description: str = "", by=None
) -> Rubric:
    cleaned = _clean_criteria(criteria)
    rubric = Rubric.objects.create(name=name.strip(), description=description, created_by=by)
    _write_criteria(rubric, cleaned)
    return rubric


@transaction.atomic
def revise_rubric(
    rubric: Rubric, *, name: str, criteria: list[dict[str, Any]], description: str = "", by=None
) -> Rubric:
    """Edit in place while unused; otherwise create version n+1 and move the calls to it.
    Either way the calls using the family score by the edit, so only an admin who organizes
    every one of them may make it (`by` None is the system)."""
    _ensure_organizes_its_calls(by, rubric)
    cleaned = _clean_criteria(criteria)
    if not rubric.is_used():
        rubric.name, rubric.description = name.strip(), description
        rubric.save(update_fields=["name", "description", "updated_at"])
        rubric.criteria.all().delete()
        _write_criteria(rubric, cleaned)
        return rubric
    latest = Rubric.objects.filter(family=rubric.family).order_by("-version").first()
    new = Rubric.objects.create(
        family=rubric.family,
        version=latest.version + 1,
        name=name.strip(),
        description=description,
        created_by=by,
    )
    _write_criteria(new, cleaned)
    CaseCall.objects.filter(rubric__family=rubric.family).update(rubric=new)
    return new


def _ensure_organizes_its_calls(user, rubric: Rubric) -> None:
    """Rubrics are shared by every admin, but what a call scores by is its organizer's to
    decide: a township admin may not rewrite the criteria of the county's call. The rule is
    `selectors.rubric_permissions`, which also tells the console whether to offer 编辑."""
    if user is None:
        return
    may = selectors.rubric_permissions(user, rubric)
    if not may["can_revise"]:
        raise Forbidden(may["hint"] or None)
