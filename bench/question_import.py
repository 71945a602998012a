"""Benchmark: import 10,000 questions (our xlsx template) through the real service.

Target < 10 s. The rows mix all six types over a varied vocabulary; one explanation in
five uses Markdown emphasis (most real explanations are plain text). Baseline: the time
openpyxl alone takes to read the same file, so the ratio shows what parsing, checks,
Markdown rendering, duplicate detection and the inserts add on top of reading it.
Wall and CPU seconds are both printed: on a shared machine the wall time varies.

    .venv/bin/python bench/question_import.py [--rows 10000]
"""

import argparse
import io
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "backend"), str(ROOT)]

SUBJECTS = [
    "入户走访",
    "民情台账",
    "办理时限",
    "满意度回访",
    "工作纪律",
    "网格管理",
    "便民服务",
    "政策宣传",
]


def _vocabulary() -> list[str]:
    """Common two- to four-character nouns and verbs from jieba's dictionary, so that the
    generated questions differ the way real ones do (not one template with a number)."""
    import jieba

    words = []
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as handle:
        for line in handle:
            word, freq, pos = line.split()
            if 2 <= len(word) <= 4 and int(freq) > 2000 and pos in ("n", "v", "vn"):
                words.append(word)
    return words


def _row(i: int, rng: random.Random, words: list[str]) -> dict:
    subject = SUBJECTS[i % len(SUBJECTS)]
    w = rng.sample(words, 12)
    kind = i % 6
    row = {
        "题型": "单选",
        "题干": f"关于{w[0]}和{w[1]}的{w[2]}，下列哪一项符合{subject}的要求？",
        "答案": "B",
        "难度": str(1 + i % 5),
        "知识点": subject,
        "标签": "基准",
        "解析": f"见{subject}关于{w[3]}的规定。",
    }
    if i % 5 == 0:  # one explanation in five uses Markdown; most real ones are plain text
        row["解析"] = f"见**{subject}**关于{w[3]}的规定。"
    options = [f"{w[4 + k]}{w[8 + k]}" for k in range(4)]
    if kind == 1:
        row.update(题型="多选", 答案="AC")
    elif kind == 2:
        row.update(题型="判断", 题干=f"{subject}中，{w[0]}应当先于{w[1]}完成{w[2]}。", 答案="正确")
        options = []
    elif kind == 3:
        row.update(
            题型="填空",
            题干=f"{w[0]}{w[1]}应在____个工作日内完成{w[2]}。",
            答案=f"{i % 9 + 1}|{i % 9 + 1}日",
        )
        options = []
    elif kind == 4:
        row.update(
            题型="简答",
            题干=f"简述{subject}中{w[0]}与{w[1]}的要求。",
            答案=f"{w[2]}、{w[3]}",
            评分要点=f"{w[2]}（5分）；{w[3]}（5分）",
        )
        options = []
    for key, text in zip("ABCD", options, strict=False):
        row[f"选项{key}"] = text
    return row


def build_file(rows: int) -> bytes:
    from openpyxl import Workbook

    from question_bank.formats import TEMPLATE_COLUMNS

    rng, words = random.Random(2026), _vocabulary()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(list(TEMPLATE_COLUMNS))
    for i in range(rows):
        values = _row(i, rng, words)
        sheet.append([values.get(name, "") for name in TEMPLATE_COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="bench-questions-")
    os.environ.setdefault("VAR_DIR", workdir)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from apps.accounts.models import OrgUnit, User
    from apps.questions.models import Bank, Question
    from apps.questions.services.question_import import import_questions
    from question_bank.tables import read_table

    data = build_file(args.rows)
    started, cpu = time.perf_counter(), time.process_time()
    read_table(data, max_rows=args.rows)
    baseline, baseline_cpu = time.perf_counter() - started, time.process_time() - cpu

    actor = User.objects.create_superuser("bench", password="x")
    unit = OrgUnit.objects.create(name="基准县")
    bank = Bank.objects.create(name="基准题库", org_unit=unit)
    started, cpu = time.perf_counter(), time.process_time()
    report = import_questions(actor=actor, bank=bank, data=data)
    first, first_cpu = time.perf_counter() - started, time.process_time() - cpu
    started = time.perf_counter()
    again = import_questions(actor=actor, bank=bank, data=data, dry_run=True)
    second = time.perf_counter() - started

    assert report.created == args.rows and not report.errors, report.to_dict()["rows"][:3]
    assert Question.objects.filter(bank=bank).count() == args.rows
    flagged = len(again.extra["duplicates"])
    db = django.db.connection.vendor
    print(f"question import on {db}: {args.rows} rows ({len(data) / 1e6:.1f} MB xlsx)")
    print(f"  read xlsx only (baseline):        {baseline:6.2f} s  (cpu {baseline_cpu:.2f} s)")
    print(
        f"  import into an empty bank:        {first:6.2f} s  ({args.rows / first:,.0f} rows/s, {first / baseline:.1f}x baseline)"
    )
    print(
        f"  dry run again (all {flagged} flagged as duplicates): {second:6.2f} s  ({second / baseline:.1f}x baseline)"
    )
    print(f"  target: < 10 s -> {'met' if first < 10 else 'MISSED'}")
    print(
        json.dumps(
            {
                "bench": "question_import",
                "db": db,
                "rows": args.rows,
                "seconds": round(first, 3),
                "rows_per_s": round(args.rows / first),
                "baseline_read_seconds": round(baseline, 3),
                "ratio_to_baseline": round(first / baseline, 2),
                "cpu_seconds": round(first_cpu, 3),
                "baseline_cpu_seconds": round(baseline_cpu, 3),
                "cpu_ratio_to_baseline": round(first_cpu / baseline_cpu, 2),
                "duplicate_check_seconds": round(second, 3),
                "duplicates_flagged": flagged,
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
