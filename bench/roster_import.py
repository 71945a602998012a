"""Benchmark: import a 10,000-row roster through the real service (target < 10 s).

Baseline: the time openpyxl alone takes to read the same file, so the ratio shows
what the import adds on top of reading the spreadsheet.

    .venv/bin/python bench/roster_import.py [--rows 10000]
"""

import argparse
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "backend"), str(ROOT)]


def build_roster(rows: int) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["姓名", "工号", "手机号", "单位", "职务", "角色"])
    for i in range(rows):
        town, village = i % 20, i % 200
        sheet.append(
            [
                f"干部{i}",
                f"B{i:06d}",
                f"135{i:08d}",
                f"基准县/镇{town}/村{village}",
                "网格员",
                "干部",
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="bench-roster-")
    os.environ.setdefault("VAR_DIR", workdir)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from apps.accounts.models import User
    from apps.accounts.services.roster import import_roster
    from question_bank.tables import read_table

    data = build_roster(args.rows)
    started = time.perf_counter()
    read_table(data, required_headers=("姓名", "工号", "单位"), max_rows=args.rows)
    baseline = time.perf_counter() - started

    actor = User.objects.create_superuser("bench", password="x")
    started = time.perf_counter()
    report = import_roster(actor=actor, data=data, create_units=True)
    first = time.perf_counter() - started
    started = time.perf_counter()
    again = import_roster(actor=actor, data=data, create_units=True)
    second = time.perf_counter() - started

    assert report.created == args.rows and not report.errors, report.to_dict()["rows"][:3]
    assert again.unchanged == args.rows
    db = django.db.connection.vendor
    print(f"roster import on {db}: {args.rows} rows")
    print(f"  read xlsx only (baseline): {baseline:6.2f} s")
    print(
        f"  first import:              {first:6.2f} s  ({args.rows / first:,.0f} rows/s, {first / baseline:.1f}x baseline)"
    )
    print(f"  re-import (no changes):    {second:6.2f} s  ({second / baseline:.1f}x baseline)")
    print(f"  target: < 10 s -> {'met' if first < 10 else 'MISSED'}")
    print(
        json.dumps(
            {
                "bench": "roster_import",
                "db": db,
                "rows": args.rows,
                "seconds": round(first, 3),
                "reimport_seconds": round(second, 3),
                "baseline_read_seconds": round(baseline, 3),
                "ratio_to_baseline": round(first / baseline, 2),
                "rows_per_s": round(args.rows / first),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
