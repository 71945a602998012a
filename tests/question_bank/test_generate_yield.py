"""Yield on the real materials in ../shared: at least two candidates per 1,000 characters
of substantive text on every speech and every law (issue 4), and the duty and
prohibition rules only ever cite wording that is in force."""

import pytest

from question_bank.generate import generate
from question_bank.ingest import ingest_bytes
from tests.conftest import shared_path

MIN_PER_1000 = 2.0
FILES = [
    ("seeds", "000_*.txt"),
    ("seeds", "001_*.txt"),
    ("seeds", "002_*.txt"),
    ("seeds", "004_*.txt"),
    ("data/policy", "乡村振兴促进法*.md"),
    ("data/policy", "宪法修正案*.md"),
    ("data/policy", "村民委员会组织法*.md"),
    ("data/policy", "行政处罚法*.md"),
]


def _result(folder: str, pattern: str):
    paths = sorted(shared_path(*folder.split("/")).glob(pattern))
    if not paths:
        pytest.skip(f"缺少共享材料：{folder}/{pattern}")
    path = paths[0]
    return generate(ingest_bytes(path.read_bytes(), path.name))


@pytest.mark.parametrize(("folder", "pattern"), FILES, ids=[p for _, p in FILES])
def test_every_material_yields_two_candidates_per_thousand_characters(folder, pattern):
    result = _result(folder, pattern)
    rate = 1000 * len(result.candidates) / result.substantive_chars
    assert rate >= MIN_PER_1000, f"{pattern}: {rate:.2f}"


def test_amendment_duty_and_prohibition_questions_ask_the_new_wording():
    result = _result("data/policy", "宪法修正案*.md")
    law_rules = [
        c for c in result.candidates if c.rule in ("fill.law_duty", "true_false.swap_modal")
    ]
    assert law_rules
    for cand in law_rules:
        assert "修改为" not in cand.stem and "宪法第" not in cand.stem
        assert "不得" in cand.source.quote or "应当" in cand.source.quote
