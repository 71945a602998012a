"""Round thirteen (issue 16): a speech that names its law once and then quotes its rules as
"法律规定""法律也有说法：""新法规定""该法明确" yields questions naming that law; "社区卫生服务
中心" is no local place; "国家鼓励其他……" is not asked alone; the speaker's own arrangements,
local figures and points still never pass. Also the off-by-default multiple.category_items
and `bench/generator_report.py --rules`. Every text is made up."""

import json
import subprocess
import sys
from pathlib import Path

from question_bank.generate import generate, registry
from question_bank.generate.attribution import attribute, law_cited, setting
from question_bank.ingest import ingest_bytes
from tests.question_bank.generate_helpers import make_document

SPEECH = """# 在全县果品质量提升推进会上的讲话
一、吃透新法
新修订的《中华人民共和国果品质量促进法》于2031年5月1日起施行。这部法律明确，国家对果品质量工作实行全程管控、分级负责。我们县里把它归纳成“三早三严”，这是县里的提法。
新法对乡镇的责任作了规定。法律规定，乡镇人民政府应当落实果品质量监督管理责任，协助上级人民政府做好监督管理工作。
对不开具质量凭证的怎么办？法律也有说法：果品收购企业未按照规定开具质量凭证的，由县级以上地方人民政府农业农村主管部门责令限期改正。我们的做法是先教育、后处罚。
二、抓好落实
新法规定，禁止在果品生产经营过程中使用国家明令禁止的投入品。
这里有一条法律依据大家要清楚：国家鼓励和支持基层群众性自治组织建立果品质量信息员制度。按照这一规定，今年全县每个村至少明确一名信息员。
县财政今年安排专项经费八十万元，每个乡镇每年补助两万元。
去年全县质量凭证开具率是百分之五十五，今年要达到百分之九十。
"""

BARE_SPEECH = """# 在全镇护坡工作会上的讲话
护坡保持法于2030年6月1日修订施行。同志们要把法律规定弄清楚。
法律还规定，任何单位和个人都有保护坡地植被的义务。
法律同时禁止在三十度以上陡坡地开垦种植农作物。
全镇今年要完成护坡二百亩，每个村确定一名协管员。
"""

NOTICE = """# 关于推进乡镇卫生院康复科建设的通知
各乡镇卫生院：
根据《康复医疗促进法》，社区卫生服务中心、乡镇卫生院应当合理配备康复专业技术人员。
各卫生院要在11月30日前完成康复科建设，每院至少配备2名康复医师。
"""


def _proposed(text: str, rule: str) -> list[str]:
    """What `rule` proposes and the checks keep (kept, or left out only because a run keeps
    few "对" true/false questions)."""
    result = generate(make_document(text), seed=16, rules=[rule])
    balance = [d.candidate for d in result.dropped if d.filter == "true_false_balance"]
    return [c.stem for c in [*result.candidates, *balance]]


def test_the_only_law_of_a_speech_stands_for_its_unnamed_mentions():
    where = setting("讲话", SPEECH)
    assert where.law == "果品质量促进法"  # "新法规定" names no second law
    for said in (
        "新法规定，禁止使用。",
        "法律也有说法：企业应当开具凭证。",
        "该法第十条规定，不得销售。",
    ):
        assert law_cited(said) is not None, said
    verdict = attribute("新法规定，禁止在果品生产经营过程中使用国家明令禁止的投入品。", where=where)
    assert verdict.national and verdict.law == "果品质量促进法"


def test_a_law_named_bare_with_its_date_is_the_speech_s_law():
    assert setting("讲话", BARE_SPEECH).law == "护坡保持法"
    stems = _proposed(BARE_SPEECH, "true_false.national_rule")
    assert "根据《护坡保持法》，任何单位和个人都有保护坡地植被的义务。" in stems
    assert "根据《护坡保持法》，禁止在三十度以上陡坡地开垦种植农作物。" in stems
    assert not any("二百亩" in s or "协管员" in s for s in stems)


def test_a_speech_quoting_its_law_unnamed_yields_questions_naming_the_law():
    stems = _proposed(SPEECH, "true_false.national_rule")
    assert (
        "根据《果品质量促进法》，乡镇人民政府应当落实果品质量监督管理责任，"
        "协助上级人民政府做好监督管理工作。" in stems
    )
    assert "根据《果品质量促进法》，禁止在果品生产经营过程中使用国家明令禁止的投入品。" in stems
    assert any(
        s.startswith("根据《果品质量促进法》，国家鼓励和支持基层群众性自治组织") for s in stems
    )
    # The default run yields at least one question, every one naming the law.
    kept = generate(make_document(SPEECH), seed=16).candidates
    assert kept
    assert all("《果品质量促进法》" in c.stem for c in kept), [c.stem for c in kept]


def test_the_speaker_s_own_arrangements_and_figures_never_pass():
    result = generate(make_document(SPEECH), seed=16, rules=registry.broad_rules())
    kept = " ".join(c.stem + json.dumps(c.answer, ensure_ascii=False) for c in result.candidates)
    for local in (
        "三早三严",
        "八十万元",
        "两万元",
        "百分之五十五",
        "百分之九十",
        "先教育",
        "信息员，",
    ):
        assert local not in kept, local
    default = generate(make_document(SPEECH), seed=16).candidates
    for c in default:
        assert "法律也有说法" not in c.stem and not c.stem.startswith(("法律", "新法"))
        assert "县" not in c.stem.replace("县级以上", ""), c.stem


def test_community_health_centres_are_no_local_place():
    verdict = attribute(
        "根据《康复医疗促进法》，社区卫生服务中心、乡镇卫生院应当合理配备康复专业技术人员。"
    )
    assert verdict.national and verdict.law == "康复医疗促进法"
    assert not attribute("社区要在月底前完成摸底。").national  # a community's own task still is
    stems = _proposed(NOTICE, "true_false.national_rule")
    assert stems == [
        "根据《康复医疗促进法》，社区卫生服务中心、乡镇卫生院应当合理配备康复专业技术人员。"
    ]


def test_other_referring_back_is_not_asked_alone():
    text = """# 果品质量学习资料（本期主题：《果品质量促进法》）
果品生产企业应当建立生产记录。国家鼓励其他果品生产者建立生产记录。
国家鼓励果品生产企业、合作社以及其他生产经营者建立质量追溯制度。
"""
    stems = _proposed(text, "true_false.national_statement")
    assert not any("其他果品生产者" in s for s in stems)


def test_a_rule_cut_off_by_a_page_break_is_not_asked():
    text = """# 在全镇护坡工作会上的讲话
《护坡保持法》已经施行。法律明确，禁止在三十度以上陡坡地开垦种植农
"""
    assert _proposed(text, "true_false.national_rule") == []


# --- multiple.category_items (off by default) ---------------------------------------------

LAW = """# 中华人民共和国果园管理法
第一条　为了规范果园管理，制定本法。
第二条　果园建设规划包括下列内容：
（一）果树品种选择；
（二）灌溉水源安排；
（三）田间道路走向。
第三条　果园管护方案应当包括下列内容：
（一）修剪施肥安排；
（二）采摘用工安排；
（三）枝条粉碎处理。
第四条　县级以上人民政府应当加强果园管理。
"""


def test_category_items_is_registered_and_off():
    rule = registry.all_rules()["multiple.category_items"]
    assert rule.type == "multiple" and not rule.enabled


def test_category_items_asks_a_category_with_sibling_wrong_options():
    result = generate(make_document(LAW), seed=16, rules=["multiple.category_items"])
    cands = [c for c in result.candidates if c.rule == "multiple.category_items"]
    assert cands
    own = {"果树品种选择", "灌溉水源安排", "田间道路走向"}
    siblings = {"修剪施肥安排", "采摘用工安排", "枝条粉碎处理"}
    for c in cands:
        assert c.stem.startswith("根据《果园管理法》，下列属于果园")
        assert len(c.options) >= 4
        right = {o.text for o in c.options if o.key in c.answer}
        wrong = {o.text for o in c.options if o.key not in c.answer}
        if "建设规划" in c.stem:
            assert c.stem == "根据《果园管理法》，下列属于果园建设规划内容的有____。"
            assert right <= own and wrong <= siblings  # a sibling list of the same kind
        else:
            assert right <= siblings and wrong <= own


def test_generator_report_runs_exactly_the_named_rules(tmp_path):
    path = tmp_path / "果园管理法.txt"
    path.write_text(LAW, "utf-8")
    report = Path(__file__).resolve().parents[2] / "bench" / "generator_report.py"
    out = subprocess.run(
        [
            sys.executable,
            str(report),
            str(path),
            "--rules",
            "multiple.category_items",
            "--samples",
            "0",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    figures = json.loads(out.strip().splitlines()[-1])
    assert set(figures["by_rule"]) == {"multiple.category_items"}
    bad = subprocess.run(
        [sys.executable, str(report), str(path), "--rules", "no.such_rule"],
        capture_output=True,
        text=True,
    )
    assert bad.returncode != 0


def test_a_repealed_law_is_no_second_law_and_a_hotline_reply_is_read_like_an_answer():
    text = """# 关于整治夜间施工扰民的通告
《中华人民共和国施工安宁法》已于2031年3月1日起施行，原《中华人民共和国施工噪声管理法》同时废止。
该法所称夜间施工，是指晚上十点至次日早晨六点之间进行的建筑施工作业。
"""
    assert setting("通告", text).law == "施工安宁法"
    reply = "答复：根据《中华人民共和国护坡保持法》，生产建设单位应当编制护坡保持方案。"
    verdict = attribute(reply[3:])
    assert verdict.national and verdict.law == "护坡保持法"
    qa = f"# 护坡热线问答\n问题一：要不要编方案？\n{reply}\n"
    assert _proposed(qa, "true_false.national_rule") == [
        "根据《护坡保持法》，生产建设单位应当编制护坡保持方案。"
    ]


HANDOUT = """# 果园镇“应知应会”学习资料之三
说明：标“★”的为必考内容，标“◇”的为本镇做法。
1．★县级以上人民政府应当将果品质量工作纳入本级国民经济和社会发展规划。
2．◇本镇每个村确定1名果品质量协管员，每月5日前报送一次记录。
3．★果品质量工作实行预防为主、全程管控的方针。
（本资料依据《中华人民共和国果品质量促进法》编写。）
"""


def test_a_handout_written_from_one_law_states_it_and_its_marks_stay_out():
    where = setting("果园镇“应知应会”学习资料之三", HANDOUT)
    assert where.topic == "果品质量促进法"
    result = generate(ingest_bytes(HANDOUT.encode("utf-8"), "学习资料.txt"), seed=16)
    kept = [
        *result.candidates,
        *(d.candidate for d in result.dropped if d.filter == "true_false_balance"),
    ]
    stems = [c.stem for c in kept]
    assert (
        "根据《果品质量促进法》，县级以上人民政府应当将果品质量工作纳入本级国民经济和社会发展规划。"
        in stems
    )
    assert not any(mark in s for s in stems for mark in "★◇")
    assert not any("协管员" in s or "5日" in s for s in stems)
