"""Generator quality report: counts per type and rule (per file and in total), rate per
1,000 chars of substantive text, 30 samples.

Usage: .venv/bin/python bench/generator_report.py PATH [PATH...] [--samples N] [--seed N]
The last line is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1])]

from question_bank.generate import generate  # noqa: E402


def load_document(path: Path):
    """Ingest a file the way the product does (falls back while ingestion is incomplete)."""
    data = path.read_bytes()
    try:
        from question_bank.ingest import ingest_bytes

        return ingest_bytes(data, path.name)
    except Exception as exc:  # report it and use the text-only path
        print(
            f"(ingest_bytes unavailable for {path.name}: {exc!r}; using clean+structure)",
            file=sys.stderr,
        )
        from question_bank.clean import clean_text
        from question_bank.structure import structure

        return structure(clean_text(data.decode("utf-8", errors="replace")))


def describe(c) -> str:
    d = c.to_dict()
    lines = [
        f"[{d['type']}] {d['rule']}  质量 {d['quality']['score']}  难度 {d['difficulty']}",
        f"  题干：{d['stem']}",
    ]
    lines += [f"    {o['key']}. {o['text']}" for o in d["options"]]
    lines.append(f"  答案：{json.dumps(d['answer'], ensure_ascii=False)}")
    if d.get("scoring_points"):
        lines.append(f"  得分点：{'；'.join(d['scoring_points'])}")
    if d.get("swapped"):
        lines.append(f"  替换：{d['swapped']['original']} → {d['swapped']['replacement']}")
    lines.append(f"  解析：{d['explanation'][:160]}")
    lines.append(
        f"  出处：{d['source']['passage_id']} [{d['source']['start']}:{d['source']['end']}]"
    )
    lines.append(
        f"  知识点：{'、'.join(d['knowledge_points'])}  理由：{'；'.join(d['quality']['reasons'])}"
    )
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dropped", action="store_true", help="also list dropped candidates")
    args = parser.parse_args(argv)

    files, everything = [], []
    by_type, by_rule, drop_reasons = Counter(), Counter(), Counter()
    total_chars = total_sub = 0
    for name in args.paths:
        path = Path(name)
        result = generate(load_document(path), seed=args.seed)
        types = Counter(c.type for c in result.candidates)
        rules = Counter(c.rule for c in result.candidates)
        rate = 1000 * len(result.candidates) / max(1, result.substantive_chars)
        files.append(
            {
                "file": path.name,
                "chars": result.chars,
                "substantive_chars": result.substantive_chars,
                "candidates": len(result.candidates),
                "per_1000": round(rate, 2),
                "types": dict(types),
                "rules": dict(sorted(rules.items())),
            }
        )
        by_type.update(types)
        by_rule.update(rules)
        drop_reasons.update(d.filter for d in result.dropped)
        total_chars += result.chars
        total_sub += result.substantive_chars
        everything.extend((path.name, c) for c in result.candidates)
        print(
            f"{path.name}: {result.chars} 字（正文 {result.substantive_chars}），"
            f"{len(result.candidates)} 题，每千字 {rate:.2f}，{dict(types)}"
        )
        print(f"  按规则：{dict(sorted(rules.items()))}")
        if args.dropped:
            for d in result.dropped:
                print(f"  DROP {d.filter}: {d.reason} | {d.candidate.stem[:70]}")
    print("\n按题型：", dict(by_type))
    print("按规则：", dict(sorted(by_rule.items())))
    print("过滤原因：", dict(drop_reasons))
    overall = 1000 * len(everything) / max(1, total_sub)
    print(f"合计 {len(everything)} 题，正文 {total_sub} 字，每千字 {overall:.2f}\n")
    sample = random.Random(args.seed).sample(everything, min(args.samples, len(everything)))
    for i, (fname, cand) in enumerate(sample, 1):
        print(f"#{i} {fname}\n{describe(cand)}\n")
    print(
        json.dumps(
            {
                "files": files,
                "by_type": dict(by_type),
                "by_rule": dict(by_rule),
                "candidates": len(everything),
                "chars": total_chars,
                "substantive_chars": total_sub,
                "per_1000": round(overall, 2),
                "sampled": len(sample),
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
