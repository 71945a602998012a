"""Why each provision a speech or notice states did or did not become a question (issue 16,
round fifteen).

Usage: .venv/bin/python bench/speech_provisions_report.py PATH [PATH...] [--seed 16] [--all]
A directory stands for the files in it (.html files are skipped: they need Chromium). For
every document that is no statute, one line per sentence that looks like a provision (it
names a law, 规定, 国家, a modal 应当/不得/必须/禁止, a definition 所称/是指, a 方针 or
原则): KEPT with the rules that asked it, or the filters that dropped its candidates, or
the attribution verdict (`attribution.attribute`) when no rule proposed anything. The last
line is a JSON count per outcome; `--all` prints every sentence, not just provisions.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1])]

from bench.statute_files import text_documents  # noqa: E402
from question_bank.generate import attribution, generate, rules_national  # noqa: E402
from question_bank.generate.context import build_context  # noqa: E402
from question_bank.generate.kinds import STATUTE, document_kind  # noqa: E402

PROVISION_RE = re.compile(r"法|规定|国家|应当|不得|必须|禁止|所称|是指|方针|原则|离不开|四议两公开")


def documents(paths: list[str]):
    """The speeches, notices and other documents that are not statutes."""
    for path, document in text_documents(paths):
        if document_kind(document) != STATUTE:
            yield path, document


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--all", action="store_true")
    args = parser.parse_args()
    counts: Counter = Counter()
    for path, document in documents(args.paths):
        ctx = build_context(document, args.seed, None)
        result = generate(document, seed=args.seed)
        where = attribution.setting(document.title or "", document.text)
        print(
            f"== {path.parent.name}/{path.name}  law={where.law} candidates={len(result.candidates)}"
        )
        for s in ctx.sentences:
            if not args.all and not PROVISION_RE.search(s.text):
                continue
            kept = sorted({c.rule for c in result.candidates if s.start <= c.source.start < s.end})
            dropped = sorted(
                {
                    f"{d.candidate.rule}:{d.filter}"
                    for d in result.dropped
                    if s.start <= d.candidate.source.start < s.end
                }
            )
            if kept:
                why = "KEPT " + ",".join(kept)
            elif dropped:
                why = "DROPPED " + ",".join(dropped)
            else:
                text, _ = rules_national._body(s)
                verdict = attribution.attribute(
                    text, rules_national._before(ctx, s), where=rules_national._where(ctx, s)
                )
                why = f"NONE {verdict.how}:{verdict.reason}"
            counts[why.split()[0]] += 1
            print(f"  {why}\n      {s.text.strip()[:110]}")
    print(json.dumps(dict(counts), ensure_ascii=False))


if __name__ == "__main__":
    main()
