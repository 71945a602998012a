"""Demo people a county would believe: no name repeats within a township."""

import io
from collections import Counter

import pytest

from apps.accounts import demo
from apps.accounts.models import User

pytestmark = pytest.mark.django_db


def test_demo_names_are_unique_within_each_township():
    demo.load(io.StringIO())
    cadres = User.objects.filter(username__startswith="cadre").select_related("org_unit__parent")
    assert cadres.count() == 50
    by_township = Counter((u.org_unit.parent_id, u.real_name) for u in cadres)
    assert max(by_township.values()) == 1, by_township.most_common(3)
    assert len({demo.demo_name(i) for i in range(400)}) == 400
