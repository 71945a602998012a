"""Benchmark: import indicators and compute a period's records for N cadres (default 2,000).

Figures: the import, the first full compute, a recompute over unchanged inputs (idempotent:
writes nothing) and a one-cadre recompute (what a regrade triggers). Baseline: the time
openpyxl alone takes to read the same indicator sheet.

    .venv/bin/python bench/records_compute.py [--cadres 2000]
"""

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "backend"), str(ROOT)]


def setup_people(cadres: int):
    from django.contrib.auth.hashers import make_password

    from apps.accounts.models import AdminScope, OrgUnit, User
    from apps.accounts.services.units import ensure_unit_path

    county = ensure_unit_path(["基准县"])
    villages = [ensure_unit_path(["基准县", f"镇{i % 10}", f"村{i}"]) for i in range(50)]
    password = make_password("x")
    User.objects.bulk_create(
        [
            User(
                username=f"R{i:06d}",
                real_name=f"干部{i}",
                org_unit=villages[i % 50],
                password=password,
            )
            for i in range(cadres)
        ],
        batch_size=1000,
    )
    admin = User.objects.create_superuser("bench", password="x", is_cadre=False)
    AdminScope.objects.create(user=admin, org_unit=county)
    return admin, county, villages, OrgUnit


def build_sheet(cadres: int, villages) -> bytes:
    from question_bank.tables import write_xlsx

    rows = [[f"R{i:06d}", "", 60 + i % 41, 50 + i % 51, 70 + i % 31, ""] for i in range(cadres)]
    rows += [["", v.full_name, "", "", "", 70 + i % 30] for i, v in enumerate(villages)]
    return write_xlsx(
        [("指标", ["工号", "单位", "入户走访率", "问题解决率", "群众满意率", "民调"], rows)]
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cadres", type=int, default=2000)
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="bench-records-")
    os.environ.setdefault("VAR_DIR", workdir)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from apps.records.services import indicators, periods
    from apps.records.services.compute import recompute
    from question_bank.tables import read_table

    admin, county, villages, _ = setup_people(args.cadres)
    D = Decimal
    scheme = [
        {"name": "理论考试", "kind": "exam", "weight": D(40)},
        {"name": "入户走访率", "kind": "indicator", "weight": D(15)},
        {"name": "问题解决率", "kind": "indicator", "weight": D(15)},
        {
            "name": "群众满意率",
            "kind": "indicator",
            "weight": D(15),
            "mapping": "bands",
            "bands": [
                {"min": 90, "points": 100},
                {"min": 80, "points": 80},
                {"min": 0, "points": 60},
            ],
        },
        {"name": "民调", "kind": "indicator", "weight": D(15), "level": "unit"},
        {"name": "加减分", "kind": "adjust", "weight": D(0), "cap": D(5)},
    ]
    period = periods.create_period(
        actor=admin,
        components=scheme,
        data={
            "name": "基准周期",
            "start_date": date(2026, 1, 1),
            "end_date": date(2026, 12, 31),
            "org_unit": county,
        },
    )
    data = build_sheet(args.cadres, villages)
    started = time.perf_counter()
    read_table(data)
    baseline = time.perf_counter() - started

    def timed(fn):
        started = time.perf_counter()
        result = fn()
        return time.perf_counter() - started, result

    # The import's own automatic recompute runs on commit (eagerly): time the import without it.
    indicators._after_import = lambda period_id: None
    t_import, report = timed(
        lambda: indicators.import_indicators(actor=admin, period=period, data=data)
    )
    t_first, first = timed(lambda: recompute(period.pk))
    t_again, again = timed(lambda: recompute(period.pk))
    one = period.records.first().user_id
    t_one, _ = timed(lambda: recompute(period.pk, [one]))
    assert not report.errors and first["records"] == args.cadres and again["changed"] == 0

    db = django.db.connection.vendor
    print(f"records compute on {db}: {args.cadres} cadres, 6 components")
    print(f"  read indicator sheet only (baseline): {baseline:6.2f} s")
    print(f"  indicator import:        {t_import:6.2f} s  ({t_import / baseline:.1f}x baseline)")
    print(
        f"  first full compute:      {t_first:6.2f} s  ({args.cadres / t_first:,.0f} cadres/s, {t_first / baseline:.1f}x baseline)"
    )
    print(f"  recompute, no changes:   {t_again:6.2f} s  ({t_again / baseline:.1f}x baseline)")
    print(f"  one-cadre recompute:     {t_one:6.2f} s  ({t_one / baseline:.2f}x baseline)")
    print(
        json.dumps(
            {
                "bench": "records_compute",
                "db": db,
                "cadres": args.cadres,
                "baseline_read_seconds": round(baseline, 3),
                "import_seconds": round(t_import, 3),
                "first_compute_seconds": round(t_first, 3),
                "recompute_unchanged_seconds": round(t_again, 3),
                "one_cadre_recompute_seconds": round(t_one, 3),
                "first_compute_ratio_to_baseline": round(t_first / baseline, 2),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
