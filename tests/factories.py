"""Factories that keep related objects consistent (an org tree, users placed in it)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from rest_framework.test import APIClient

from apps.accounts.models import AdminScope, OrgUnit, User

PASSWORD = "Test@pass2026"
# One fast hash shared by every factory user: PBKDF2 per user would dominate test time.
_PASSWORD_HASH = None
_counter = itertools.count(1)


def _password_hash() -> str:
    global _PASSWORD_HASH
    if _PASSWORD_HASH is None:
        _PASSWORD_HASH = make_password(PASSWORD)
    return _PASSWORD_HASH


def make_unit(name: str, parent: OrgUnit | None = None, kind: str = OrgUnit.Kind.OTHER) -> OrgUnit:
    unit = OrgUnit(name=name, parent=parent, kind=kind)
    unit.save()
    return unit


def make_user(
    unit: OrgUnit | None = None,
    *,
    username: str | None = None,
    real_name: str = "",
    mobile: str | None = None,
    is_cadre: bool = True,
    is_reviewer: bool = False,
    admin_of: list[OrgUnit] | None = None,
    **extra,
) -> User:
    n = next(_counter)
    user = User.objects.create(
        username=username or f"u{n:05d}",
        real_name=real_name or f"测试用户{n}",
        mobile=mobile,
        org_unit=unit,
        is_cadre=is_cadre,
        is_reviewer=is_reviewer,
        password=_password_hash(),
        **extra,
    )
    for scope in admin_of or []:
        AdminScope.objects.create(user=user, org_unit=scope)
    return user


@dataclass
class Tree:
    """县 → 甲镇 (村1, 村2), 乙镇 (村3), 县直部门."""

    county: OrgUnit
    town_a: OrgUnit
    town_b: OrgUnit
    village_a1: OrgUnit
    village_a2: OrgUnit
    village_b1: OrgUnit
    department: OrgUnit


def make_tree() -> Tree:
    county = make_unit("测试县", kind=OrgUnit.Kind.COUNTY)
    town_a = make_unit("甲镇", county, OrgUnit.Kind.TOWNSHIP)
    town_b = make_unit("乙镇", county, OrgUnit.Kind.TOWNSHIP)
    return Tree(
        county=county,
        town_a=town_a,
        town_b=town_b,
        village_a1=make_unit("一村", town_a, OrgUnit.Kind.VILLAGE),
        village_a2=make_unit("二村", town_a, OrgUnit.Kind.VILLAGE),
        village_b1=make_unit("三村", town_b, OrgUnit.Kind.VILLAGE),
        department=make_unit("县民政局", county, OrgUnit.Kind.DEPARTMENT),
    )


def client_for(user: User | None = None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_login(user)
    return client
