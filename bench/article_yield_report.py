"""Why each statute article yields no question (issue 16, round fifteen).

Usage: .venv/bin/python bench/article_yield_report.py PATH [PATH...] [--seed 16] [--verbose]
A directory stands for the files in it (.html files are skipped: they need Chromium).
Every article of every file judged a statute (its passage and the paragraphs that continue
it, as `pipeline._per_article` groups them) is counted as ASKED (a kept question cites it),
or, when none does, by why: `no-rule` (no rule proposed anything there), `balance`
(only the "对" cap dropped it), `dedupe` (only lost to another question: same span, same
fact, per-article cap), or the first check filter that dropped its proposals. The last
line is a JSON count per reason, with the statute characters.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1])]

from bench.statute_files import statute_documents  # noqa: E402
from question_bank.document import BODY_KINDS  # noqa: E402
from question_bank.generate import filters, generate  # noqa: E402
from question_bank.generate.pipeline import _article_start  # noqa: E402

LOST = {"true_false_balance": "balance", "duplicate": "dedupe"}


def why_none(dropped: list) -> str:
    """The reason an article with proposals kept none: a check filter if any proposal failed
    one, else the cap that took the last of them."""
    filters_hit = [d.filter for d in dropped if d.filter not in LOST]
    if filters_hit:
        return "filter:" + Counter(filters_hit).most_common(1)[0][0]
    if any(d.filter == "true_false_balance" for d in dropped):
        return "balance"
    return "dedupe"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--verbose", action="store_true", help="print each article's text")
    args = parser.parse_args()
    counts: Counter = Counter()
    chars = 0
    for path, document in statute_documents(args.paths):
        chars += sum(len(p.text) for p in document.passages if p.kind in BODY_KINDS)
        result = generate(document, seed=args.seed)
        starts = sorted(p.start for p in document.passages if filters.ARTICLE_RE.match(p.text))
        texts = {p.start: p.text for p in document.passages}
        asked = {_article_start(starts, c.source.start) for c in result.candidates}
        dropped: dict = {}
        for d in result.dropped:
            dropped.setdefault(_article_start(starts, d.candidate.source.start), []).append(d)
        for start in starts:
            why = (
                "ASKED"
                if start in asked
                else why_none(dropped.get(start, []))
                if start in dropped
                else "no-rule"
            )
            counts[why] += 1
            if why != "ASKED":
                line = texts[start].replace("\n", " ")
                print(
                    f"{path.parent.name}/{path.name}\t{why}\t{line[: 200 if args.verbose else 60]}"
                )
    counts["statute_chars"] = chars
    print(json.dumps(dict(counts), ensure_ascii=False))


if __name__ == "__main__":
    main()
