"""Generator quality report: counts per type and rule (per file and in total), rate per
1,000 chars of substantive text, samples, and (with --judgements) the judged acceptance.

Usage: .venv/bin/python bench/generator_report.py PATH [PATH...] [--samples N] [--seed N]
       [--judgements FILE] [--all-rules] [--rules a,b,c] [--dump-sample FILE]
--rules runs exactly the named rules, on or off (an off rule measured once for an honest
record without changing the default output); --all-rules runs every registered rule.
A directory stands for the files in it. An .html file is printed to PDF with Chromium
first (as a person prints a policy page) and the PDF is ingested.
--judgements reads a reviewer's verdicts (tests/data/generator_eval/judgements.json):
each sampled candidate, matched by file and stem (and by its options or scoring points,
where the verdict records them), is acceptable unedited or not, with a reason and whether its key is
supported by the cited span. The report then gives the acceptance per rule, type and
file, and acceptable questions per 1,000 characters. It also reruns every judged part of
the evaluation set (the folders beside the judgement file) with the rules as they are now,
default and wide (every rule, three questions per span), and gives each rule's precision
on the tuning part and pooled over the held-out parts: a verdict counts while the rules
still emit its question unchanged; a question the rules no longer emit, or now emit with
other text or options, is listed (its old verdict no longer counts), and a question the
default rules emit that no verdict matches is listed as unjudged.
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

from question_bank.generate import generate, registry  # noqa: E402
from question_bank.generate.kinds import STATUTE, document_kind, is_statute_title  # noqa: E402


def load_document(path: Path):
    """Ingest a file the way the product does (falls back while ingestion is incomplete)."""
    data = path.read_bytes()
    if path.suffix == ".html":
        from tests.question_bank.browser_pdf import print_pdf

        data = print_pdf(data.decode("utf-8"))
        path = path.with_suffix(".pdf")
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


def expand(paths: list[str]) -> list[Path]:
    out = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            # Every file, whatever its name ends in: the product sniffs the content, and a
            # notebook (.ipynb) a writer put in heldout32 was left out of round 20's figures.
            out.extend(p for p in sorted(path.iterdir()) if p.is_file() and p.name[0] != ".")
        else:
            out.append(path)
    return out


# One classification for the report and the generator (question_bank.generate.kinds).
is_statute = is_statute_title


TUNING_PARTS = ("dev",)  # the part the rules were written on; every other part is held out
WIDE_VARIANTS = 3


def _options_match(row: dict, cand) -> bool:
    """A verdict that records the options judged matches only those options and key (and
    one that records a 简答's scoring points, only those points)."""
    if "points" in row and sorted(row["points"]) != sorted(cand.scoring_points):
        return False
    if "options" not in row:
        return True  # recorded before options were kept: matched by stem alone
    texts = [o.text for o in cand.options]
    if sorted(row["options"]) != sorted(texts):
        return False
    keys = row["answer"] if isinstance(row["answer"], list) else [row["answer"]]
    judged = sorted(row["options"][ord(k) - ord("A")] for k in keys)
    return judged == sorted(
        cand.option_text(k) for k in (cand.answer if cand.type == "multiple" else [cand.answer])
    )


class Verdicts:
    """The judgement file, looked up by file, stem and (where recorded) options."""

    def __init__(self, rows: list[dict]):
        self.rows = rows
        self.by_stem: dict[tuple[str, str], list[dict]] = {}
        for row in rows:
            self.by_stem.setdefault((row["file"], row["stem"]), []).append(row)

    def find(self, fname: str, cand) -> dict | None:
        """The verdict on this very question: one that records its options or points before
        one recorded by stem alone (the question judged then may have had other points)."""
        rows = self.by_stem.get((fname, cand.stem), [])
        rows = sorted(rows, key=lambda r: "options" not in r and "points" not in r)
        return next((r for r in rows if _options_match(r, cand)), None)


def judged_figures(everything, files, judgements_path: Path) -> dict:
    """Acceptance per rule, type and file from the judgement file."""
    verdicts = Verdicts(json.loads(judgements_path.read_text("utf-8")))
    groups: dict[str, dict[str, Counter]] = {"rule": {}, "type": {}, "file": {}}
    unsupported, judged = [], 0
    for fname, cand in everything:
        verdict = verdicts.find(fname, cand)
        if verdict is None:
            continue
        judged += 1
        ok = verdict["verdict"] == "accept"
        for kind, key in (("rule", cand.rule), ("type", cand.type), ("file", fname)):
            groups[kind].setdefault(key, Counter())["accept" if ok else "reject"] += 1
        if not verdict.get("key_supported", True):
            unsupported.append(f"{fname}: {cand.stem}")
    table = {
        kind: {
            key: {
                "judged": c["accept"] + c["reject"],
                "acceptable": c["accept"],
                "rate": round(c["accept"] / (c["accept"] + c["reject"]), 3),
            }
            for key, c in sorted(per.items())
        }
        for kind, per in groups.items()
    }
    accepted = sum(c["accept"] for per in groups["file"].values() for c in [per])
    statute_chars = statute_acceptable = 0.0
    for f in files:
        rate = table["file"].get(f["file"], {}).get("rate")
        f["judged_rate"] = rate
        if rate is not None:
            f["acceptable_per_1000"] = round(f["per_1000"] * rate, 2)
            if f["statute"]:
                statute_chars += f["substantive_chars"]
                statute_acceptable += f["candidates"] * rate
        elif f["statute"] and not f["candidates"]:
            # A statute that yielded nothing has no verdict but counts: 0 acceptable.
            f["acceptable_per_1000"] = 0.0
            statute_chars += f["substantive_chars"]
    return {
        "judged": judged,
        "acceptable": accepted,
        "acceptance": round(accepted / judged, 3) if judged else None,
        "keys_unsupported": len(unsupported),
        "unsupported": unsupported,
        "per_rule": table["rule"],
        "per_type": table["type"],
        "per_file": table["file"],
        "statute_acceptable_per_1000": round(1000 * statute_acceptable / statute_chars, 2)
        if statute_chars
        else None,
    }


def _rates(rows, key) -> dict:
    table: dict[str, Counter] = {}
    for row in rows:
        table.setdefault(row[key], Counter())[row["verdict"]] += 1
    return {
        k: {
            "judged": sum(c.values()),
            "acceptable": c["accept"],
            "rate": round(c["accept"] / sum(c.values()), 3),
        }
        for k, c in sorted(table.items())
    }


def judgement_summary(path: Path) -> dict:
    """The judgement file as judged (whatever the rules now emit): per part, and within
    each part per rule, type and file."""
    rows = json.loads(path.read_text("utf-8"))
    parts = {}
    for part in sorted({r["part"] for r in rows}):
        mine = [r for r in rows if r["part"] == part]
        parts[part] = {
            "judged": len(mine),
            "acceptable": sum(r["verdict"] == "accept" for r in mine),
            "keys_unsupported": sum(not r.get("key_supported", True) for r in mine),
            "per_rule": _rates(mine, "rule"),
            "per_type": _rates(mine, "type"),
            "per_file": _rates(mine, "file"),
        }
        parts[part]["rate"] = round(parts[part]["acceptable"] / len(mine), 3)
    return {"judged": len(rows), "parts": parts, "per_rule": _rates(rows, "rule")}


def _run_part(folder: Path, seed: int) -> tuple[list, list]:
    """(default, wide) candidates of every file in `folder`, as (file name, candidate)."""
    wide_rules = list(registry.all_rules())
    default, wide = [], []
    for path in expand([str(folder)]):
        document = load_document(path)
        default += [(path.name, c) for c in generate(document, seed=seed).candidates]
        wide += [
            (path.name, c)
            for c in generate(
                document, seed=seed, rules=wide_rules, variants=WIDE_VARIANTS
            ).candidates
        ]
    return default, wide


def pooled_precision(judgements_path: Path, seed: int) -> dict:
    """Each rule's precision on the tuning part and pooled over the held-out parts, with
    the rules as they are now (see the module docstring)."""
    verdicts = Verdicts(json.loads(judgements_path.read_text("utf-8")))
    tables = {"tuning": {}, "held_out": {}}
    retired, unjudged = [], []
    for part in sorted({r["part"] for r in verdicts.rows}):
        folder = judgements_path.parent / part
        if not folder.is_dir():
            continue
        default, wide = _run_part(folder, seed)
        for fname, cand in default:
            if verdicts.find(fname, cand) is None:
                unjudged.append({"part": part, "file": fname, "rule": cand.rule, "stem": cand.stem})
        emitted = {}
        for fname, cand in default + wide:
            row = verdicts.find(fname, cand)
            if row is not None:
                emitted.setdefault(id(row), cand)
        table = tables["tuning" if part in TUNING_PARTS else "held_out"]
        for row in (r for r in verdicts.rows if r["part"] == part):
            cand = emitted.get(id(row))
            if cand is None:
                retired.append({k: row[k] for k in ("part", "file", "rule", "verdict", "stem")})
                continue
            table.setdefault(cand.rule, Counter())[row["verdict"]] += 1
    return {
        kind: {
            rule: {
                "judged": c["accept"] + c["reject"],
                "acceptable": c["accept"],
                "rate": round(c["accept"] / (c["accept"] + c["reject"]), 3),
                "on": registry.all_rules()[rule].enabled,
            }
            for rule, c in sorted(table.items())
        }
        for kind, table in tables.items()
    } | {"retired": retired, "unjudged": unjudged}


def print_pooled(pooled: dict) -> None:
    print("\n按规则的准确率（现行规则重跑已评审的各部分；调规则集 / 留出集合并）：")
    rules = sorted(set(pooled["tuning"]) | set(pooled["held_out"]))
    for rule in rules:
        cells = []
        for kind in ("tuning", "held_out"):
            row = pooled[kind].get(rule)
            cells.append(f"{row['acceptable']}/{row['judged']}={row['rate']}" if row else "—")
        on = "开" if registry.all_rules()[rule].enabled else "关"
        print(f"  {rule}: 调规则集 {cells[0]}，留出集 {cells[1]}（默认{on}）")
    gone = Counter((r["rule"], r["verdict"]) for r in pooled["retired"])
    print(f"不再产出或文字已变的已评审题 {len(pooled['retired'])} 道：{dict(sorted(gone.items()))}")
    print(f"默认规则产出而未评审的题 {len(pooled['unjudged'])} 道")
    for row in pooled["unjudged"]:
        print(f"  未评审 {row['part']} {row['file']} {row['rule']}：{row['stem']}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dropped", action="store_true", help="also list dropped candidates")
    parser.add_argument("--judgements", type=Path, help="the reviewer's verdicts (JSON)")
    parser.add_argument("--all-rules", action="store_true", help="run rules switched off too")
    parser.add_argument("--rules", help="comma-separated rule names: run exactly these, on or off")
    parser.add_argument("--dump-sample", type=Path, help="write the sample as JSON to judge")
    args = parser.parse_args(argv)
    run_rules = list(registry.all_rules()) if args.all_rules else None
    if args.rules:
        run_rules = [n.strip() for n in args.rules.split(",") if n.strip()]
        unknown = [n for n in run_rules if n not in registry.all_rules()]
        if unknown:
            parser.error(f"unknown rule(s): {', '.join(unknown)}")

    files, everything = [], []
    by_type, by_rule, drop_reasons = Counter(), Counter(), Counter()
    total_chars = total_sub = 0
    for path in expand(args.paths):
        document = load_document(path)
        result = generate(document, seed=args.seed, rules=run_rules)
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
                "statute": document_kind(document) == STATUTE,
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
    if args.dump_sample:
        rows = [{"file": f, "rule": c.rule, "type": c.type, **c.to_dict()} for f, c in sample]
        args.dump_sample.write_text(json.dumps(rows, ensure_ascii=False, indent=1), "utf-8")
    judged = judged_figures(everything, files, args.judgements) if args.judgements else None
    summary = judgement_summary(args.judgements) if args.judgements else None
    pooled = pooled_precision(args.judgements, args.seed) if args.judgements else None
    if pooled:
        print_pooled(pooled)
    if summary:
        for part, row in summary["parts"].items():
            print(f"评审文件 {part}：{row['acceptable']}/{row['judged']} = {row['rate']}")
    if judged:
        print(
            f"评审：{judged['judged']} 题，可直接使用 {judged['acceptable']}（{judged['acceptance']}）"
        )
        for kind in ("per_rule", "per_type", "per_file"):
            for key, row in judged[kind].items():
                print(f"  {kind} {key}: {row['acceptable']}/{row['judged']} = {row['rate']}")
        print(f"法规正文每千字可用题：{judged['statute_acceptable_per_1000']}")
    print(
        json.dumps(
            {
                "judged": judged,
                "judgement_file": summary,
                "per_rule_precision": pooled,
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
