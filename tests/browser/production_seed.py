"""Seeds the fresh database of the production-stack test (tests/browser/test_production_stack.py).

Run as `python -m tests.browser.production_seed` with that database's DATABASE_URL: it builds
the same objects as the browser tests, with their builders, and prints their ids as JSON.
"""

import json
import os
import sys
from decimal import Decimal


def main() -> None:
    sys.path.insert(0, "backend")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from tests.browser.builders import objective_exam, open_call
    from tests.factories import make_tree, make_user

    tree = make_tree()
    admin = make_user(
        tree.department,
        username="stackadmin",
        real_name="县组织部甲",
        is_cadre=False,
        is_staff=True,
        admin_of=[tree.county],
    )
    make_user(tree.village_a1, username="stackcadre", real_name="李村官")
    exam = objective_exam(tree, title="上线验收考试")
    # A second exam, left open by the candidate until beat closes it. Its own bank: a question
    # an open exam holds keeps its verdict from the other exam's result until that one ends.
    late = objective_exam(tree, title="无人交卷的考试", pass_mark=Decimal("2"), attempts_allowed=1)
    call = open_call(tree, admin)
    ids = {"exam": exam.pk, "late_exam": late.pk, "call": call.pk, "county": tree.county.pk}
    print(json.dumps(ids))


if __name__ == "__main__":
    main()
