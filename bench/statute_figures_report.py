"""Which check keeps each statute sentence with a figure from any question (issue 16,
round thirteen).

Usage: .venv/bin/python bench/statute_figures_report.py PATH [PATH...] [--seed 16] [--all]
A directory stands for the files in it (.html files are skipped: they need Chromium).
A figure is a quantity with its unit (`filters.FIGURE_RE`: "三十日", "五年", "二十万元");
ages ("十八周岁") are left out. One line per sentence of every file judged a statute that
no kept candidate cites: the checks that dropped the candidates citing it (`filter×n`, the
reason of the first), or `no-candidate` (no rule proposed one). `--all` also prints KEPT.
The last line is a JSON count per first reason.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1])]

from bench.statute_files import statute_documents  # noqa: E402
from question_bank.document import BODY_KINDS  # noqa: E402
from question_bank.generate import filters, generate  # noqa: E402

AGE_RE = re.compile(r"周岁|岁")
SENTENCE_RE = re.compile(r"[^。；\n]+[。；]?")


def figure_sentences(document):
    for p in document.passages:
        if p.kind not in BODY_KINDS:
            continue
        for m in SENTENCE_RE.finditer(document.text, p.start, p.end):
            text = m.group(0)
            figures = [f.group(0) for f in filters.FIGURE_RE.finditer(text)]
            if any(not AGE_RE.search(f) for f in figures):
                yield m.start(), m.end(), text.strip()


def overlaps(src, start: int, end: int) -> bool:
    return src.start < end and start < src.end


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--all", action="store_true")
    args = parser.parse_args()
    counts: Counter = Counter()
    for path, document in statute_documents(args.paths):
        result = generate(document, seed=args.seed)
        for start, end, text in figure_sentences(document):
            if any(overlaps(c.source, start, end) for c in result.candidates):
                counts["KEPT"] += 1
                if args.all:
                    print(f"{path.parent.name}/{path.name}\tKEPT\t\t{text[:60]}")
                continue
            drops = [d for d in result.dropped if overlaps(d.candidate.source, start, end)]
            if not drops:
                why, detail = "no-candidate", ""
            else:
                by = Counter(d.filter for d in drops)
                why = by.most_common(1)[0][0]
                first = next(d for d in drops if d.filter == why)
                detail = " ".join(f"{k}×{n}" for k, n in by.items())
                detail += f" | {first.candidate.rule}: {first.reason}"
            counts[why] += 1
            print(f"{path.parent.name}/{path.name}\t{why}\t{detail}\t{text[:70]}")
    print(json.dumps(dict(counts), ensure_ascii=False))


if __name__ == "__main__":
    main()
