"""Generator speed: about 1 MB of policy text to candidates (target < 10 s).

Usage: .venv/bin/python bench/generator_speed.py [--mb 1.0]
Builds a document from our own sample material plus any files in ../shared
(repeated up to the size), times `generate`, and prints the time jieba.lcut
needs for the same text as the machine's baseline. The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from question_bank.generate import generate  # noqa: E402
from question_bank.generate.textutil import jieba_module, pos_tags  # noqa: E402
from tests.question_bank.generate_helpers import LAW, SPEECH, make_document  # noqa: E402


def corpus(target_bytes: int) -> str:
    pieces = [SPEECH, LAW]
    shared = ROOT.parent / "shared"
    for path in sorted((shared / "data/policy").glob("*法*.md")):
        pieces.append(path.read_text(encoding="utf-8"))
    unit = "\n".join(pieces)
    text, n = [], 0
    while n < target_bytes:
        text.append(unit)
        n += len(unit.encode("utf-8"))
    return "\n".join(text)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=1.0)
    args = parser.parse_args(argv)
    text = corpus(int(args.mb * 1024 * 1024))
    document = make_document(text, title="中华人民共和国测速办法")
    # One-time per process: jieba's dictionary and its part-of-speech model.
    t0 = time.perf_counter()
    jieba = jieba_module()
    pos_tags("测速")
    warmup = time.perf_counter() - t0

    t0 = time.perf_counter()
    jieba.lcut(text)
    baseline = time.perf_counter() - t0

    t0 = time.perf_counter()
    result = generate(document)
    elapsed = time.perf_counter() - t0

    size = len(text.encode("utf-8"))
    print(f"text: {size / 1e6:.2f} MB, {len(text)} chars, {len(document.passages)} passages")
    print(f"generate: {elapsed:.2f} s, {len(result.candidates)} candidates")
    print(
        f"baseline jieba.lcut over the same text: {baseline:.2f} s "
        f"(generate / baseline = {elapsed / baseline:.1f}x)"
    )
    print(f"one-time model load per process (not in the figure above): {warmup:.2f} s")
    print(f"target < 10 s: {'met' if elapsed < 10 else 'MISSED'}")
    print(
        json.dumps(
            {
                "bytes": size,
                "chars": len(text),
                "seconds": round(elapsed, 2),
                "candidates": len(result.candidates),
                "baseline_jieba_seconds": round(baseline, 2),
                "ratio_to_baseline": round(elapsed / baseline, 2),
                "model_load_seconds": round(warmup, 2),
                "target_seconds": 10,
                "met": elapsed < 10,
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
