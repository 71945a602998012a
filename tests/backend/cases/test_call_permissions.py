"""What a viewer may do on a case call comes from the API (`permissions` on the call and on
an admin's case detail), computed by the check the writes make (selectors.is_organizer): the
console offers a township admin looking at a county call none of the organizer's actions,
because the API refuses every one of them."""

from __future__ import annotations

import pytest

from apps.cases import errors
from apps.cases.models import ReviewAssignment
from tests import factories
from tests.backend.cases.conftest import open_assignments, submit

pytestmark = pytest.mark.django_db

FLAGS = (
    "can_edit",
    "can_assign",
    "can_reassign",
    "can_add_reviewer",
    "can_arbitrate",
    "can_adjust_score",
    "can_publish",
)


def _writes(call, case, assignment: ReviewAssignment, reviewer) -> dict[str, list[tuple]]:
    """Each flag's writes (method, path, body), as the console sends them."""
    return {
        "can_edit": [("patch", f"case-calls/{call.pk}", {"theme": "改过的主题"})],
        "can_assign": [("post", f"case-calls/{call.pk}/assign", {})],
        "can_reassign": [
            ("get", f"cases/{case.pk}/candidates", None),
            ("post", f"reviews/{assignment.pk}/reassign", {"reviewer": reviewer.pk}),
        ],
        "can_add_reviewer": [("post", f"cases/{case.pk}/reviewers", {"reviewer": reviewer.pk})],
        "can_arbitrate": [
            ("post", f"cases/{case.pk}/arbitrate", {"score": "60", "reason": "合议"})
        ],
        "can_adjust_score": [("post", f"cases/{case.pk}/score", {"score": "60", "reason": "复核"})],
        "can_publish": [
            ("post", f"cases/{case.pk}/publish", {"excellent": True}),
            ("delete", f"cases/{case.pk}/publish", None),
        ],
    }


def _call_permissions(client, call) -> dict:
    return client.get(f"/api/v1/case-calls/{call.pk}").json()["permissions"]


def test_a_township_admin_is_offered_nothing_on_a_county_call_and_the_api_agrees(
    call, tree, reviewers, town_a_admin, county_admin, client_for
):
    case = submit(factories.make_user(tree.village_a1), call)
    assignment = open_assignments(case)[0]
    spare = factories.make_user(tree.department, is_cadre=False, is_reviewer=True)
    township, county = client_for(town_a_admin), client_for(county_admin)

    seen = _call_permissions(township, call)
    assert not any(seen[flag] for flag in FLAGS), seen
    assert call.org_unit.full_name in seen["hint"] and "组织单位" in seen["hint"]
    listed = township.get("/api/v1/case-calls/").json()["results"]
    assert next(c for c in listed if c["id"] == call.pk)["permissions"] == seen
    detail = township.get(f"/api/v1/cases/{case.pk}").json()
    assert detail["permissions"] == seen

    for flag, writes in _writes(call, case, assignment, spare).items():
        for method, path, body in writes:
            refused = getattr(township, method)(f"/api/v1/{path}", body, format="json")
            assert refused.status_code in (403, 404), (flag, path, refused.content)
            if refused.status_code == 403:
                assert refused.json()["detail"] == errors.NOT_ORGANIZER, (flag, path)

    organizer = _call_permissions(county, call)
    assert all(organizer[flag] for flag in FLAGS) and organizer["hint"] == ""
    assert county.get(f"/api/v1/cases/{case.pk}").json()["permissions"] == organizer
    # The organizer's writes pass the same check (a state may still refuse them: 409/400).
    for flag, writes in _writes(call, case, assignment, spare).items():
        for method, path, body in writes:
            done = getattr(county, method)(f"/api/v1/{path}", body, format="json")
            assert done.status_code not in (403, 404), (flag, path, done.content)


def test_a_township_admin_organizes_their_own_call(
    make_call, tree, town_a_admin, town_b_admin, client_for
):
    own = make_call(audience_units=[tree.town_a])
    own.org_unit = tree.town_a
    own.save(update_fields=["org_unit"])
    seen = _call_permissions(client_for(town_a_admin), own)
    assert all(seen[flag] for flag in FLAGS) and seen["hint"] == ""
    # Another township's admin does not see the call at all.
    assert client_for(town_b_admin).get(f"/api/v1/case-calls/{own.pk}").status_code == 404


def test_a_cadre_reads_a_call_with_nothing_offered_and_no_hint(call, tree, client_for):
    cadre = factories.make_user(tree.village_a1)
    seen = _call_permissions(client_for(cadre), call)
    assert not any(seen[flag] for flag in FLAGS) and seen["hint"] == ""
