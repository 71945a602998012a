"""Which check keeps each statute list article ("……下列职责：（一）……（二）……") from a
`short.article_items` question (issue 16, round thirteen).

Usage: .venv/bin/python bench/list_articles_report.py PATH [PATH...] [--seed 16]
A directory stands for the files in it (.html files are skipped: they need Chromium).
One line per list article of every file judged a statute: KEPT, or why not — the
lead-in makes no question (`no-question`), too few or too many points (`points=N`), a
point that refers elsewhere (`reference`), points too long to score (`mean=N`), or the
filter that dropped the candidate. The last line is a JSON count per reason.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1])]

from bench.statute_files import statute_documents  # noqa: E402
from question_bank.generate import generate, rules_short  # noqa: E402
from question_bank.generate.context import build_context  # noqa: E402


def reason(ctx, alist, kept: set[int], dropped: dict[int, str]) -> str:
    start = ctx.span_source(alist.passage_id, alist.lead_start, alist.end).start
    if start in kept:
        return "KEPT"
    if start in dropped:
        return f"dropped:{dropped[start]}"
    if not rules_short._question_from_lead(alist.lead):
        return "no-question"
    items = [i.text for i in alist.items]
    points = [
        rules_short._point(i) for n, i in enumerate(items) if not rules_short._catch_all(items, n)
    ]
    if not 2 <= len(points) <= rules_short.MAX_POINTS:
        return f"points={len(points)}"
    if any(rules_short.POINT_REFERENCE.search(p) for p in points):
        return "reference"
    mean = sum(map(len, points)) / len(points)
    if mean > rules_short.MAX_MEAN_POINT:
        return f"mean={mean:.0f}"
    return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    counts: Counter = Counter()
    for path, document in statute_documents(args.paths):
        ctx = build_context(document, args.seed, None)
        result = generate(document, seed=args.seed)
        rule = "short.article_items"
        kept = {c.source.start for c in result.candidates if c.rule == rule}
        dropped = {
            d.candidate.source.start: d.filter for d in result.dropped if d.candidate.rule == rule
        }
        for alist in ctx.article_lists():
            why = reason(ctx, alist, kept, dropped)
            counts[why.split("=")[0].split(":")[0]] += 1
            lead = alist.lead.replace("\n", " ")[-40:]
            print(
                f"{path.parent.name}/{path.name}\t{alist.article or ''}\t{why}\t{len(alist.items)} 项\t{lead}"
            )
    print(json.dumps(dict(counts), ensure_ascii=False))


if __name__ == "__main__":
    main()
