"""Benchmark: submit cases and assign blind reviewers across a 200-unit tree with 50 reviewers.

Baseline: one primary-key lookup on the same database, so the ratio says how many plain
queries' worth of time a submit-and-assign costs.

    .venv/bin/python bench/case_assignment.py [--cases 300]
"""

import argparse
import json
import os
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "backend"), str(ROOT)]


def build(units: int, reviewers: int, authors: int):
    from apps.accounts.models import OrgUnit, User

    rng = random.Random(7)
    tree = [OrgUnit.objects.create(name="基准县")]
    for i in range(1, units):
        tree.append(OrgUnit.objects.create(name=f"单位{i}", parent=tree[rng.randrange(i)]))
    pool = [
        User(username=f"rv{i}", org_unit=rng.choice(tree), is_cadre=False, is_reviewer=True)
        for i in range(reviewers)
    ]
    people = [User(username=f"au{i}", org_unit=rng.choice(tree)) for i in range(authors)]
    User.objects.bulk_create(pool + people)
    return tree, list(User.objects.filter(username__startswith="au"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=300)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="bench-cases-")
    os.environ.setdefault("VAR_DIR", workdir)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from apps.accounts.models import OrgUnit, User
    from apps.cases.models import CaseCall
    from apps.cases.services import cases, rubrics

    tree, authors = build(200, 50, args.cases)
    admin = User.objects.create_superuser("bench", password="x")
    rubric = rubrics.create_rubric(name="基准", criteria=[{"name": "真实性", "max_score": "100"}])
    now = timezone.now()
    call = CaseCall.objects.create(
        title="基准征集",
        theme="基准",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=1),
        org_unit=tree[0],
        rubric=rubric,
        created_by=admin,
    )
    call.audience_units.set([tree[0]])

    ids = [u.pk for u in tree]
    started = time.perf_counter()
    for pk in ids * 5:
        OrgUnit.objects.filter(pk=pk).exists()
    baseline_ms = (time.perf_counter() - started) * 1000 / (len(ids) * 5)

    started = time.perf_counter()
    for author in authors:
        case = cases.start_case(call, author, title="基准案例", body="正文")
        cases.submit_case(case.pk, author)
    per_case_ms = (time.perf_counter() - started) * 1000 / len(authors)

    ratio = per_case_ms / baseline_ms
    print(f"主键查询基线：{baseline_ms:.3f} ms/次")
    print(
        f"撰写+提交+分配评审：{per_case_ms:.2f} ms/篇（{len(authors)} 篇，200 个单位，50 名评审员）"
    )
    print(f"相当于 {ratio:.0f} 次主键查询")
    figures = {
        "cases": len(authors),
        "baseline_pk_query_ms": round(baseline_ms, 4),
        "submit_and_assign_ms": round(per_case_ms, 3),
        "ratio": round(ratio, 1),
    }
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
