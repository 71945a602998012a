"""Round 18 (issue 16): national provisions quoted inside local documents.

- A figure is credited to a law only on strong evidence: a quotation of the law ("…规定：
  “…”"), or the law named in the same sentence with no township body or office in the rule.
  "依照法律规定，…超过500亩的，须经镇人民政府审核同意" is the town's rule phrased as national:
  no rule asks it as a law's, and local_figure and fill.national_figure agree on it.
- A verbatim quotation of a named law ("法律规定，“…”", "《X法》第N条明确：“…”") is asked as that
  law's words, its quotation marks left out of the stem; a notice's item number "二、" is no
  part of the sentence's source.
- "依照本法规定" inside a quotation names no second law.
Every text is made up (a "农村供水保障法").
"""

from __future__ import annotations

import pytest

from question_bank.generate import attribution
from question_bank.generate.pipeline import generate
from question_bank.ingest import ingest_bytes

LAW = "农村供水保障法"

SPEECH = f"""在全镇农村饮水工程管护工作会议上的讲话
同志们：
一、讲清政策。《中华人民共和国{LAW}》第十二条规定：“供水单位应当在停止供水二十四小时前通知用水户。”
法律规定，“享受最低生活保障的家庭和六十周岁以上的独居老人的水费，由供水单位按照规定减免。”
“进城务工的农村居民依照本法规定享有供水服务。”
二、抓好落实。依照法律规定，供水管网改造面积超过500亩的，须经镇人民政府审核同意后方可施工。
按照国家规定，各村供水员每月至少巡查3次，发现问题2日内报镇水务站。
今年全镇新建集中供水点八处，每处补助五万元。
"""

NOTICE = f"""<html><head><title>关于做好农村供水设施保护工作的通知</title></head><body>
<p>各村（社区）：</p>
<p>为贯彻落实《中华人民共和国{LAW}》，现将有关事项通知如下。</p>
<p>一、《{LAW}》第二十条明确：“用水户对供水水质有异议的，供水单位应当在收到异议之日起五日内作出答复。”</p>
<p>二、依照法律规定，村级供水站停水超过12小时的，须报镇政府批准。</p>
<p>三、根据法律规定，农户新装水表应当在3个工作日内到镇便民服务中心登记。</p>
<p>某镇人民政府</p><p>2026年3月1日</p>
</body></html>
"""


def _run(text: str, name: str):
    document = ingest_bytes(text.encode("utf-8"), name)
    return generate(document, seed=16)


def _all(result):
    return [c for c in result.candidates] + [d.candidate for d in result.dropped]


def test_a_speech_asks_its_quotations_as_the_law():
    result = _run(SPEECH, "speech_water_supply.txt")
    kept = [c.stem for c in result.candidates]
    everything = [
        c.stem for c in _all(result) if c.rule.startswith(("fill.national", "true_false.national"))
    ]
    assert f"根据《{LAW}》，供水单位应当在停止供水____前通知用水户。" in kept, kept
    quoted = [s for s in everything if "六十周岁" in s or "____以上的独居老人" in s]
    assert quoted and all(s.startswith(f"根据《{LAW}》，享受") for s in quoted), everything
    assert not any("“" in s for s in kept), kept


def test_a_town_rule_under_a_bare_citation_is_never_a_laws_figure():
    result = _run(SPEECH, "speech_water_supply.txt")
    as_law = [c.stem for c in _all(result) if c.stem.startswith("根据《")]
    local = ("500亩", "镇人民政府", "巡查", "水务站", "五万元")
    assert not [s for s in as_law if any(w in s for w in local)], as_law
    assert not any(
        c.rule == "fill.national_figure" and "亩" in c.answer_texts[0] for c in _all(result)
    )
    kept = [c.stem for c in result.candidates]
    assert not [s for s in kept if any(w in s for w in local)], kept


def test_a_notice_asks_the_quoted_article_and_not_its_own_rules():
    result = _run(NOTICE, "water_supply_notice.html")
    kept = [c.stem for c in result.candidates]
    assert any(s.startswith(f"根据《{LAW}》，用水户对供水水质有异议的") for s in kept), kept
    local = ("12小时", "12", "镇政府", "3个工作日", "便民服务中心")
    assert not [s for s in kept if any(w in s for w in local)], kept


@pytest.mark.parametrize(
    "text",
    [
        "依照法律规定，流转土地面积超过200亩的，须经镇人民政府审核同意后方可签订合同。",
        "按照国家规定，农户新建住房占地不超过120平方米。",
        "根据有关法律规定，村民建房应当在30日内到镇政府备案。",
        f"《{LAW}》规定，供水设施损坏的，应当在两日内报镇水务站。",
        "依照法律规定，供水单位应当在停止供水二十四小时前通知用水户。",
    ],
)
def test_figures_under_a_bare_or_local_citation_are_not_credited(text):
    assert attribution.figure_credit(text)


@pytest.mark.parametrize(
    "text",
    [
        f"《{LAW}》第十二条规定：“供水单位应当在停止供水二十四小时前通知用水户。”",
        "法律规定：“必须经村民会议三分之二以上成员的同意，并报乡（镇）人民政府批准。”",
        f"按照{LAW}第九条，供水单位应当每年至少开展两次水质检测。",
        "二、法律明确：“用水户应当在收到通知之日起十日内缴清水费。”",
    ],
)
def test_quotations_and_named_laws_are_credited(text):
    assert attribution.figure_credit(text) is None


def test_ben_fa_in_a_quotation_is_no_second_law():
    text = f"{LAW}第十二条规定：“…”。“农村居民依照本法规定享有供水服务。”"
    assert attribution.setting("讲话", text).law == LAW


def test_a_notices_item_number_is_a_lead():
    assert attribution.LEAD_RE.match("二、依照法律规定，").end() == 2
    assert attribution.LEAD_RE.match("二要抓落实").end() == 0


DUTY_LIST = f"""某镇农村供水管理责任清单
说明：
1. “依据”栏中加引号的文字摘自《中华人民共和国{LAW}》原文，没有引号的是本镇要求。
一、镇人民政府
1. 负责本镇农村供水工程管理，每年至少召开1次专题会议。
依据：第十二条第三款“乡（镇）人民政府负责本行政区域内农村供水工程的运行管护。”
2. 审核各村供水方案，10个工作日内书面答复。（本镇要求）
依据：第十九条第（三）项“供水方案应当按照本法第十三条的规定公示。”
"""


def test_a_duty_lists_quoted_basis_is_asked_as_the_law():
    result = _run(DUTY_LIST, "water_duty_list.txt")
    everything = [c.stem for c in _all(result) if c.rule.startswith("true_false.national")]
    assert f"根据《{LAW}》，乡（镇）人民政府负责本行政区域内农村供水工程的运行管护。" in everything
    kept = [c.stem for c in result.candidates]
    assert not [s for s in kept if any(w in s for w in ("1次", "10个工作日", "第十三条"))], kept


@pytest.mark.parametrize(
    "text", ["承包方案应当按照本法第十三条的规定，经村民会议同意", "依照该法规定，应当备案"]
)
def test_ben_fa_and_gai_fa_name_no_law(text):
    cited = attribution.law_cited(text)
    assert cited is None or cited[0] is None


def test_a_basic_law_is_still_a_law():
    assert attribution.law_cited("香港基本法规定，任何人不得")[0] == "香港基本法"


NEGATIVE_LIST = f"""某镇村干部供水管理负面清单
使用说明：“法条”一栏照录《中华人民共和国{LAW}》原文，“镇里怎么管”一栏是本镇的要求。
一、不得擅自停水
【法条】供水单位不得擅自停止供水，因工程施工确需停止供水的，应当提前通知用水户。
【镇里怎么管】村供水员停水须提前2天报镇水务站，停水超过8小时的由镇里通报。
"""


def test_a_negative_lists_law_column_is_the_law_and_its_own_column_is_not():
    result = _run(NEGATIVE_LIST, "water_negative_list.txt")
    stems = [c.stem for c in _all(result) if c.rule.startswith("true_false.national")]
    assert any(s.startswith(f"根据《{LAW}》，供水单位不得擅自停止供水") for s in stems), stems
    kept = [c.stem for c in result.candidates]
    assert not [s for s in kept if any(w in s for w in ("2天", "8小时", "水务站"))], kept


def test_other_labels_stay_a_lead():
    assert attribution.LEAD_RE.match("【镇里怎么管】村供水员").end() == 7
    assert attribution.LEAD_RE.match("【法条】供水单位").end() == 0
