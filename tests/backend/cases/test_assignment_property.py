"""Property: across a generated tree of 200 units and 50 reviewers, assignment never picks
a reviewer whose unit is the author's, an ancestor or a descendant, and never leaves an
eligible reviewer unused when a slot is open."""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apps.accounts.models import OrgUnit, User
from apps.cases.models import CaseCall
from apps.cases.services import rubrics
from tests import factories
from tests.backend.cases.conftest import open_assignments, submit

UNITS, REVIEWERS, AUTHORS, PER_CASE = 200, 50, 6, 3


class _Rollback(Exception):
    pass


def build_tree(parent_picks: list[int]) -> list[OrgUnit]:
    """200 units in one insert: ids are chosen up front so paths can be computed."""
    base = (OrgUnit.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    units: list[OrgUnit] = []
    for i in range(UNITS):
        pk = base + i
        if i == 0:
            unit = OrgUnit(pk=pk, name="生成县", path=f"{pk}/", depth=0, full_name="生成县")
        else:
            parent = units[parent_picks[i - 1] % i]
            unit = OrgUnit(
                pk=pk,
                name=f"单位{i}",
                parent=parent,
                path=f"{parent.path}{pk}/",
                depth=parent.depth + 1,
                full_name=f"{parent.full_name}/单位{i}",
            )
        units.append(unit)
    OrgUnit.objects.bulk_create(units)
    return units


def place_users(units, picks, prefix, **roles) -> list[User]:
    hashed = factories._password_hash()
    users = [
        User(
            username=f"{prefix}{n}",
            real_name=f"{prefix}{n}",
            org_unit=units[p % UNITS],
            password=hashed,
            **roles,
        )
        for n, p in enumerate(picks)
    ]
    return User.objects.bulk_create(users)


def related(a: OrgUnit, b: OrgUnit) -> bool:
    return a.path.startswith(b.path) or b.path.startswith(a.path)


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    parent_picks=st.lists(
        st.integers(min_value=0, max_value=10_000), min_size=UNITS - 1, max_size=UNITS - 1
    ),
    reviewer_picks=st.lists(
        st.integers(min_value=0, max_value=UNITS - 1), min_size=REVIEWERS, max_size=REVIEWERS
    ),
    author_picks=st.lists(
        st.integers(min_value=0, max_value=UNITS - 1), min_size=AUTHORS, max_size=AUTHORS
    ),
)
def test_assignment_never_picks_a_related_reviewer(db, parent_picks, reviewer_picks, author_picks):
    try:
        with transaction.atomic():
            units = build_tree(parent_picks)
            reviewers = place_users(units, reviewer_picks, "rv", is_cadre=False, is_reviewer=True)
            authors = place_users(units, author_picks, "au")
            admin = factories.make_user(units[0], admin_of=[units[0]])
            rubric = rubrics.create_rubric(
                name="r", criteria=[{"name": "真实性", "max_score": "100"}]
            )
            now = timezone.now()
            call = CaseCall.objects.create(
                title="c",
                theme="t",
                opens_at=now - timedelta(days=1),
                closes_at=now + timedelta(days=1),
                org_unit=units[0],
                rubric=rubric,
                reviewers_per_case=PER_CASE,
                arbitration_threshold_pct=Decimal(15),
                created_by=admin,
            )
            call.audience_units.set([units[0]])
            for author in authors:
                case = submit(author, call)
                picked = [a.reviewer for a in open_assignments(case)]
                eligible = [r for r in reviewers if not related(r.org_unit, author.org_unit)]
                assert len(picked) == min(PER_CASE, len(eligible))
                for reviewer in picked:
                    assert not reviewer.org_unit.is_related_to(author.org_unit)
            raise _Rollback
    except _Rollback:
        pass
