"""Benchmark: clean and structure ~1 MB of policy text with ingest_text (target < 2 s).

Builds the text from ../shared/seeds and ../shared/data/policy when present (repeated
to ~1,000,000 characters), else from a generated sample. Prints seconds and chars/s,
with this machine's baselines beside them: one OpenCC t2s pass plus splitlines over
the same text, and a pure-Python loop that touches every character. Last line: JSON.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from question_bank.clean import to_simplified  # noqa: E402
from question_bank.ingest import ingest_text  # noqa: E402

TARGET_CHARS = 1_000_000
TARGET_SECONDS = 2.0


def _source_text() -> tuple[str, str]:
    shared = REPO.parent / "shared"
    files = sorted((shared / "seeds").glob("*.txt")) + sorted(
        (shared / "data" / "policy").glob("*.md")
    )
    files = [f for f in files if f.name != "SOURCES.md"]
    if files:
        return "\n\n".join(f.read_text(encoding="utf-8") for f in files), "shared materials"
    lines = []
    for n in range(1, 200):
        lines.append(f"第{n}条 村民委员会应当做好第{n}项工作，一是摸清底数，二是建立台账。")
        lines.append(f"發佈時間：2023-05-0{n % 9 + 1} 10:21 來源：示例網")
        lines.append("鄉(xiāng)鎮(zhèn)幹部要把群眾的事當成自己的事，走訪要有記錄。")
    return "\n".join(lines), "generated sample"


def _build() -> tuple[str, str]:
    unit, origin = _source_text()
    copies = TARGET_CHARS // len(unit) + 1
    return ("\n\n".join([unit] * copies))[:TARGET_CHARS], origin


def _timed(func, text: str, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _baseline_opencc(text: str) -> None:
    to_simplified("\n".join(line.strip() for line in text.splitlines()))


def _baseline_loop(text: str) -> None:
    count = 0
    for ch in text:
        if "\u4e00" <= ch <= "\u9fff":
            count += 1


def main() -> None:
    text, origin = _build()
    ingest_text(text[:20_000])  # warm up OpenCC and the regex caches
    seconds = _timed(ingest_text, text)
    opencc_seconds = _timed(_baseline_opencc, text)
    loop_seconds = _timed(_baseline_loop, text)
    passages = len(ingest_text(text).passages)
    chars = len(text)
    print(f"text: {chars:,} chars from {origin}, {passages:,} passages")
    print(
        f"ingest_text: {seconds:.3f} s, {chars / seconds:,.0f} chars/s (target < {TARGET_SECONDS} s)"
    )
    print(
        f"baseline splitlines+OpenCC t2s: {opencc_seconds:.3f} s -> ingest is {seconds / opencc_seconds:.1f}x"
    )
    print(
        f"baseline pure-Python char loop: {loop_seconds:.3f} s -> ingest is {seconds / loop_seconds:.1f}x"
    )
    print(
        json.dumps(
            {
                "chars": chars,
                "passages": passages,
                "ingest_seconds": round(seconds, 4),
                "chars_per_second": round(chars / seconds),
                "baseline_opencc_seconds": round(opencc_seconds, 4),
                "ratio_to_opencc": round(seconds / opencc_seconds, 2),
                "baseline_loop_seconds": round(loop_seconds, 4),
                "ratio_to_loop": round(seconds / loop_seconds, 2),
                "target_seconds": TARGET_SECONDS,
                "within_target": seconds < TARGET_SECONDS,
            }
        )
    )


if __name__ == "__main__":
    main()
