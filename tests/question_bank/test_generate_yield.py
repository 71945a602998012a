"""Yield on the real materials in ../shared: a floor of candidates per 1,000 characters
of substantive text on every speech and every law, and the duty and prohibition rules
only ever cite wording that is in force.

The floor was 2.0 (issue 4). Issue 16 trades count for precision on purpose: one
question per cited fact, no questions on how a speech arranges its own points, no
应当→可以 判断. Round 2 left the seeds at 1.54–3.66 per 1,000 with a floor of 1.5.
Round 3 refuses stems in the speaker's own voice or about the speaker's town, year or
meeting, blanks that a general predicate does not determine, and switches off every rule
with no verdict on documents nobody tuned for (the speech-only rules among them: parallel
phrases, named points, the 多选 rules). The laws keep 1.84–3.82 and their floor of 1.5;
the seed speeches, mostly first-person exhortation about one county, fall to 0.51–1.64,
so their floor is 0.4: it still catches a collapse to nothing. Round 6 switches off
every rule under 70% on the held-out parts' first (honest) judging, fill.formula and
fill.law_duty among them: the policy-heavy laws, whose questions were mostly formulas and
duties, fall to 1.16 (乡村振兴促进法) and the constitutional amendments, mostly "修改为"
wording, to 0.66; the floor is 1.0 for laws and 0.5 for the amendments. The acceptable
yield is measured with judgements on tests/data/generator_eval. Round 11 switches off
single.body on statutes (honest record 16/24): 乡村振兴促进法 falls to 0.97, floor 0.9."""

from collections import Counter

import pytest

from question_bank.generate import generate
from question_bank.generate.distractors import same_family
from question_bank.generate.elements import LEVEL_RE
from question_bank.generate.filters import RAMBLING_RE
from question_bank.generate.pipeline import SAME_ANSWER
from question_bank.ingest import ingest_bytes
from tests.conftest import shared_path

# 宪法修正案: its adoption note ("2018年3月11日第十三届全国人民代表大会第一次会议通过") is no
# longer asked (round seven), which leaves two questions on its 4,500 characters.
# The seeds are speeches: from round eight a speech is asked only where a sentence names a
# national source (other documents' honest record was 38/74 = 51%), so they keep no floor.
MIN_PER_1000 = {
    "seeds": 0.0,
    "data/policy": 1.0,
    "宪法修正案*.md": 0.4,
    "乡村振兴促进法*.md": 0.9,
}
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


def _result(folder: str, pattern: str, rules=None):
    paths = sorted(shared_path(*folder.split("/")).glob(pattern))
    if not paths:
        pytest.skip(f"缺少共享材料：{folder}/{pattern}")
    path = paths[0]
    return generate(ingest_bytes(path.read_bytes(), path.name), rules=rules)


@pytest.mark.parametrize(("folder", "pattern"), FILES, ids=[p for _, p in FILES])
def test_every_material_keeps_a_floor_of_candidates_per_thousand_characters(folder, pattern):
    result = _result(folder, pattern)
    rate = 1000 * len(result.candidates) / result.substantive_chars
    assert rate >= MIN_PER_1000.get(pattern, MIN_PER_1000[folder]), f"{pattern}: {rate:.2f}"


def test_amendment_duty_and_prohibition_questions_ask_the_new_wording():
    # Both rules are off by default (round 6); run by name they still cite the new wording.
    result = _result(
        "data/policy", "宪法修正案*.md", rules=["fill.law_duty", "true_false.swap_modal"]
    )
    law_rules = [
        c for c in result.candidates if c.rule in ("fill.law_duty", "true_false.swap_modal")
    ]
    assert law_rules
    for cand in law_rules:
        assert "修改为" not in cand.stem and "宪法第" not in cand.stem
        assert "不得" in cand.source.quote or "应当" in cand.source.quote


def _nested_double_quotes(stem: str) -> bool:
    depth = 0
    for ch in stem:
        depth += {"“": 1, "”": -1}.get(ch, 0)
        if depth > 1:
            return True
    return False


@pytest.mark.parametrize(("folder", "pattern"), FILES, ids=[p for _, p in FILES])
def test_reviewed_weak_spots_stay_fixed_on_every_material(folder, pattern):
    """No level of government blanked, no implausible body swap, no nested “…“…””,
    no answer asked more than twice, no "一个方面……再一个方面" sentence."""
    result = _result(folder, pattern)
    answers = Counter("|".join(c.answer_texts) for c in result.candidates if c.type != "true_false")
    assert max(answers.values(), default=0) <= SAME_ANSWER
    for cand in result.candidates:
        assert not _nested_double_quotes(cand.stem), cand.stem
        assert not RAMBLING_RE.search(cand.focus or cand.source.quote), cand.stem
        if cand.rule == "fill.law_body":
            assert not LEVEL_RE.match(cand.answer[0]), cand.stem
        if cand.swapped and cand.swapped["kind"] == "body":
            assert same_family(cand.swapped["original"], cand.swapped["replacement"])
