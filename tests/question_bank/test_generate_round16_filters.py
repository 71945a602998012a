"""Round 16 (issue 16): wrong drops and quoted provisions.

- A provision a speech, notice or village rule quotes ("……规定：“A。”") is asked without the
  quotes round it, also when the sentence splitter cut inside the quote; marks that really do
  not pair are still refused.
- An article number cited alone ("第四条规定：“…”") takes the law the sentence before names
  without 《》 ("…施行的X法，对…"), and the stem names that law.
- A law's "媒体" is no work report; two duties of one body share no fact by the title's words;
  "开展…的，应当…" binds whoever does the act.
- "自受理申请之日起" with no application said before is refused; a speaker's retelling of a law
  ("虽然……但……", "大家", "咱们") is not asked as the law's rule.
Every text is made up.
"""

from __future__ import annotations

import pytest

from question_bank.generate import attribution, filters, stem_checks
from question_bank.generate.candidate import BLANK
from question_bank.generate.pipeline import generate
from question_bank.generate.rules_national import RETOLD_RE
from question_bank.generate.textutil import unwrap_provision
from question_bank.ingest import ingest_bytes
from tests.question_bank.generate_helpers import true_statement

LAW = "乡村书屋促进法"


def _stems(document):
    result = generate(document, seed=16)
    kept = [c.stem for c in result.candidates]
    held = [d.candidate.stem for d in result.dropped if d.filter == "true_false_balance"]
    return kept, held, result


# --- quotes round a quoted provision --------------------------------------------------


@pytest.mark.parametrize(
    ("stem", "want"),
    [
        (f"根据《{LAW}》，“乡村书屋应当免费开放。", f"根据《{LAW}》，乡村书屋应当免费开放。"),
        (f"根据《{LAW}》，“乡村书屋应当免费开放。”", f"根据《{LAW}》，乡村书屋应当免费开放。"),
        (f"根据《{LAW}》，“乡村书屋应当免费开放”。", f"根据《{LAW}》，乡村书屋应当免费开放。"),
        (f"根据《{LAW}》，乡村书屋应当免费开放。”", f"根据《{LAW}》，乡村书屋应当免费开放。"),
        (
            f"根据《{LAW}》第九条，“本法所称书屋是指____以上的阅览场所。",
            f"根据《{LAW}》第九条，本法所称书屋是指____以上的阅览场所。",
        ),
    ],
)
def test_quotes_wrapping_the_provision_go(stem, want):
    assert unwrap_provision(stem) == want
    assert filters.unbalanced_marks(true_statement(unwrap_provision(stem)), None) is None


@pytest.mark.parametrize(
    "stem",
    [
        f"根据《{LAW}》，“一屋一员”是本镇的做法，书屋应当开放。",  # a pair round part of it
        f"根据《{LAW}》，书屋坚持“____”原则。",
        "“乡村书屋应当免费开放。",  # no law named: not a quoted provision
    ],
)
def test_quotes_that_do_not_wrap_a_provision_stay(stem):
    assert unwrap_provision(stem) == stem


@pytest.mark.parametrize(
    "stem",
    [
        f"根据《{LAW}》，书屋（含流动书屋应当免费开放。",
        f"根据《{LAW}》，书屋应当遵守“三不”规定”，并且公示。",
    ],
)
def test_marks_that_really_do_not_pair_are_still_refused(stem):
    assert filters.unbalanced_marks(true_statement(unwrap_provision(stem)), None)


NOTICE = """关于做好乡村书屋免费开放工作的通知
各村（社区）：
为落实国家规定，现就有关事项通知如下。
一、开放要求。《中华人民共和国乡村书屋促进法》第十二条规定：“乡村书屋应当向村民免费开放。乡村书屋每周开放时间不得少于二十小时。”各村要在本月底前公示开放时间。
二、人员安排。各村确定一名管理员，每月25日前报镇文化站。
青石镇人民政府
2026年3月2日
"""


def test_a_notice_quoting_a_provision_asks_it_without_quotes():
    document = ingest_bytes(NOTICE.encode("utf-8"), "book_room_notice.txt")
    kept, held, result = _stems(document)
    stems = kept + held
    assert f"根据《{LAW}》，乡村书屋应当向村民免费开放。" in stems, (stems, result.dropped)
    assert not [s for s in stems if s.count("“") != s.count("”")]
    assert not any("本月底" in s or "25日" in s for s in stems)


# --- a law named before an article cited alone -----------------------------------------

SPEECH = """镇长在全镇乡村书屋建设推进会上的讲话
同志们：
一、把握法律要求。2025年施行的乡村书屋促进法，对我们乡镇提出了明确要求。第六条规定：“乡村书屋建设应当与文化站改造相结合，遵循就近便利、群众自愿、长期坚持的原则。”我们要对照落实。
二、抓好本镇工作。今年全镇再建书屋八个，每个补助两万元。
"""


def test_an_article_cited_alone_takes_the_law_named_before():
    document = ingest_bytes(SPEECH.encode("utf-8"), "speech_book_rooms.txt")
    kept, held, result = _stems(document)
    stems = kept + held + [d.candidate.stem for d in result.dropped if d.filter == "duplicate"]
    assert any(s.startswith(f"根据《{LAW}》，乡村书屋建设应当与文化站改造相结合") for s in stems), (
        stems,
        [(d.filter, d.reason, d.candidate.stem) for d in result.dropped],
    )
    assert not any("两万元" in s or "八个" in s for s in stems)


@pytest.mark.parametrize(
    ("before", "law"),
    [
        (["2025年施行的乡村书屋促进法，对我们提出了要求。"], LAW),
        (["新修订的乡村书屋促进法对书屋管理作了规定。"], LAW),
        (["我们要学习新的管理办法，把书屋管好。"], None),  # 办法 is no law's name
        (["书屋工作的做法，大家都清楚。"], None),
    ],
)
def test_law_named_bare_as_the_topic(before, law):
    assert attribution.law_before(before) == law


def test_an_article_number_alone_is_a_citation():
    assert attribution.law_cited("第四条规定：“书屋应当开放。”") == (None, 7)
    assert attribution.law_cited("第四条是关于书屋的。") is None


# --- wrong drops in a statute ------------------------------------------------------------

STATUTE = f"""中华人民共和国{LAW}
第一章　总　　则
第一条　为了促进乡村书屋建设，保障村民阅读权利，制定本法。
第二条　县级以上人民政府应当将乡村书屋建设纳入国民经济和社会发展规划，将所需经费纳入本级预算。
第三条　县级以上人民政府应当统筹协调和督促指导有关部门在各自职责范围内做好乡村书屋建设工作。
第四条　广播、电视、报刊、网络等媒体应当开展乡村书屋建设的公益宣传。
第五条　为开展流动阅读服务募集图书的，应当在募集结束后十日内向社会公开图书的接收情况。
第六条　乡村书屋每周开放时间不得少于二十小时。
第七条　设立乡村书屋，应当向乡镇人民政府提出申请。乡镇人民政府应当自受理申请之日起二十日内作出决定。
"""


@pytest.fixture(scope="module")
def statute():
    document = ingest_bytes(STATUTE.encode("utf-8"), f"{LAW}.txt")
    return document, generate(document, seed=16)


def test_a_laws_media_is_no_work_report(statute):
    _document, result = statute
    reasons = [
        d.reason
        for d in result.dropped
        if "媒体" in d.candidate.stem and d.filter == "speech_trivia"
    ]
    assert not reasons


def test_two_duties_of_one_body_are_not_one_fact(statute):
    _document, result = statute
    same = [d for d in result.dropped if d.reason.startswith("与已选的题考同一事实")]
    assert not [d for d in same if "统筹协调" in d.candidate.stem or "国民经济" in d.candidate.stem]


def test_the_doer_of_the_condition_is_bound(statute):
    _document, result = statute
    cut = [
        d for d in result.dropped if d.filter == "not_standalone" and "募集图书" in d.candidate.stem
    ]
    assert not cut


def test_receipt_of_an_application_not_said_before_is_refused(statute):
    _document, result = statute
    stems = [c.stem for c in result.candidates]
    assert not any("自受理申请之日起" in s and "提出申请" not in s for s in stems)


@pytest.mark.parametrize(
    "statement",
    [
        f"镇人民政府应当自受理申请之日起{BLANK}日内作出决定。",
        f"文化站应当自收到材料之日起{BLANK}日内答复。",
        "主管部门应当自接到举报之日起五日内核查。",
    ],
)
def test_an_application_with_no_premise(statement):
    c = true_statement(f"根据《{LAW}》，{statement}")
    assert stem_checks.needs_context(c, None)


@pytest.mark.parametrize(
    "statement",
    [
        f"申请设立乡村书屋的，镇人民政府应当自受理申请之日起{BLANK}日内作出决定。",
        f"人民法院应当自受理之日起{BLANK}日内作出判决。",
        "提交材料齐全的，文化站应当自收到材料之日起五日内答复。",
    ],
)
def test_an_application_said_before_passes(statement):
    c = true_statement(f"根据《{LAW}》，{statement}")
    assert stem_checks.needs_context(c, None) is None


@pytest.mark.parametrize(
    "text",
    [
        "为开展流动阅读服务募集图书的，应当在十日内公开",
        "从事图书经营的，不得销售盗版图书",
    ],
)
def test_doer_condition_regex(text):
    assert filters.DOER_CONDITION_RE.match(text)


@pytest.mark.parametrize(
    "text",
    [
        "决定给予补助的，应当自作出决定之日起五日内发放",
        "情节严重的，应当吊销许可证",
    ],
)
def test_doer_condition_near_misses(text):
    assert not filters.DOER_CONDITION_RE.match(text)


# --- a speaker's retelling is not the law's rule ------------------------------------------


@pytest.mark.parametrize(
    "rule",
    [
        "只借阅不外借的书屋，虽然不需要办理登记，但应当向文化站备案",
        "大家都应当爱护书屋的图书",
        "咱们的书屋应当每天开放",
        "书屋应当免费开放，也就是说不能收钱",
    ],
)
def test_retold_rules(rule):
    assert RETOLD_RE.search(rule)


@pytest.mark.parametrize(
    "rule",
    [
        "乡村书屋应当向村民免费开放",
        "任何单位和个人不得侵占乡村书屋的场地",
        "书屋管理员应当具备相应能力，但是兼职管理员除外",
    ],
)
def test_law_wording_is_not_retold(rule):
    assert not RETOLD_RE.search(rule)


RETOLD_SPEECH = """镇长在全镇书屋工作会上的讲话
同志们：
按照乡村书屋促进法的规定，只借阅不外借的书屋，虽然不需要办理登记，但应当向文化站备案。
乡村书屋促进法规定，乡村书屋应当向村民免费开放。
"""


def test_a_retold_rule_in_a_speech_is_not_asked():
    document = ingest_bytes(RETOLD_SPEECH.encode("utf-8"), "speech_retold.txt")
    kept, held, _ = _stems(document)
    stems = kept + held
    assert not any("虽然" in s for s in stems)
    assert f"根据《{LAW}》，乡村书屋应当向村民免费开放。" in stems


# --- the "对" cap works per document --------------------------------------------------------


def test_true_balance_is_per_document(statute):
    """Each generate() call balances its own "对" (a document with no "错" keeps one)."""
    _document, result = statute
    true = sum(1 for c in result.candidates if c.type == "true_false" and c.answer is True)
    false = sum(1 for c in result.candidates if c.type == "true_false" and c.answer is False)
    assert true <= max(3 * false, 1)


def test_a_grant_naming_the_application_passes():
    c = true_statement(
        f"根据《{LAW}》，文化站应当自受理申请之日起二十个工作日内准予登记，并发给书屋标牌。"
    )
    assert stem_checks.needs_context(c, None) is None
    c = true_statement(f"根据《{LAW}》，文化站应当自受理申请之日起{BLANK}日内作出是否批准的决定。")
    assert stem_checks.needs_context(c, None)


def test_an_article_number_retold_after_a_comma_is_no_citation():
    assert attribution.law_cited("第八条规定，书屋管理员为个人的，可以处二百元的罚款。") is None
