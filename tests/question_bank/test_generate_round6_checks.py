"""Round six of issue 16: the rule table from the honest (first-time held-out) verdicts, and
document-independent checks for the rejection classes heldout6 exposed: a number option
beyond the sentence's own other bound, a number a parallel clause reads out, a town's body
named a few words after its bare 镇, a catch-all "其他任何…" item, a blank for what a thing
is "the important part" of, a list question without subject, and a local document's list
asked without the document's name. Every example is made up.
"""

from question_bank.generate import filters, generate, lists, registry, stem_checks
from question_bank.generate.candidate import Candidate, Source
from question_bank.generate.distractors import range_bounds
from question_bank.generate.textutil import cn_to_int, local_document_name
from tests.question_bank.generate_helpers import make_document


def _candidate(type_: str, stem: str, answer: str, quote: str = "x") -> Candidate:
    return Candidate(
        type=type_,
        stem=stem,
        answer=[answer] if type_ == "fill_in" else answer,
        explanation="",
        source=Source("p", 0, len(quote), quote),
        rule="test",
        answer_texts=[answer],
    )


# --- the rule table ---------------------------------------------------------------------


def test_rules_under_70_percent_on_first_time_held_out_verdicts_are_off_by_default():
    # fill.number 18/28, fill.formula 7/13, fill.law_duty 0/2, true_false.swap_number 0/1,
    # multiple.article_items 0/3 on the parts' first (honest) judging; single.number 23/39
    # once heldout7 was judged (round seven).
    for name in (
        "fill.number",
        "fill.formula",
        "fill.law_duty",
        "true_false.swap_number",
        "multiple.article_items",
    ):
        assert registry.OFF.get(name)
        assert not registry.all_rules()[name].enabled
    # single.number: off for other documents (5/16), on for statutes (18/23) from round eight.
    assert registry.all_rules()["single.number"].kinds == {"statute"}
    on = {r.name for r in registry.selected(("fill_in", "single", "true_false", "short_answer"))}
    assert {
        "fill.law_deadline",
        "fill.law_penalty",
        "true_false.true",
        "short.article_items",
    } <= on


def test_a_speech_number_is_not_asked_by_default_but_can_be_run_by_name():
    text = "# 关于示范工作的讲话\n一、总体要求\n网格员每月入户走访不少于四次，并做好走访记录。\n"
    default = generate(make_document(text), seed=1).candidates
    assert not [c for c in default if c.rule == "fill.number"]
    # Run by name it still proposes, but a speech's figure is the speaker's own arrangement
    # unless the sentence attributes it to a national source (round seven).
    named = generate(make_document(text), seed=1, rules=["fill.number"])
    assert not named.candidates
    assert any("本地的安排" in d.reason for d in named.dropped if d.candidate.rule == "fill.number")
    national = text.replace("网格员每月", "《示范条例》规定，网格员每月")
    named = generate(make_document(national), seed=1, rules=["fill.number"]).candidates
    assert [c.rule for c in named] == ["fill.number"]


# --- numbers ----------------------------------------------------------------------------


def test_a_range_in_the_same_sentence_bounds_the_blank():
    assert range_bounds("处____日以上二十日以下拘留", "日") == (0.0, 20.0)
    assert range_bounds("处六日以上____日以下拘留", "日") == (6.0, float("inf"))
    assert range_bounds("处3至____年有期徒刑", "年") == (3.0, float("inf"))
    assert range_bounds("应当在____日内答复", "日") == (0.0, float("inf"))


LAW_RANGE = """# 示范治安秩序条例
第一条 为了维护示范区公共秩序，制定本条例。
第二条 在集市内强行摆摊、阻塞通道的，由公安机关处二日以上十日以下拘留，可以并处五百元以下罚款。
第三条 管理处应当在收到投诉之日起七日内答复投诉人。
第四条 扰乱集市管理秩序，情节较重的，处五日以下拘留。
第五条 集市管理处每届任期三年。
"""


def test_number_options_stay_inside_the_range_the_sentence_gives():
    found = [
        c
        for seed in range(4)
        for c in generate(
            make_document(LAW_RANGE), seed=seed, rules=["single.number"], variants=3
        ).candidates
        if "以上十日以下" in c.stem
    ]
    assert found
    for c in found:
        values = [cn_to_int(o.text) for o in c.options]
        values = [v for v in values if v is not None]
        assert values and all(0 < v < 10 for v in values), c.options


def test_a_number_a_parallel_clause_reads_out_is_refused():
    # The same words stand before the blank and before "1小时" elsewhere in the stem.
    stem = "参加巡河的，每服务1小时积1分；参加夜间巡河的，每服务____小时积2分。"
    assert stem_checks.guessable_number(_candidate("fill_in", stem, "1"), None)
    stem = "当事人可以自收到处理决定之日起____日内申请复核，复核机关应当自收到复核申请之日起五日内答复。"
    assert stem_checks.guessable_number(_candidate("fill_in", stem, "五"), None)
    # Another count of another thing in another frame stays.
    stem = "外来人员暂住三日以上的，应当在抵达后____日以内申报登记。"
    assert stem_checks.guessable_number(_candidate("fill_in", stem, "三"), None) is None


# --- local scope, catch-alls, open blanks --------------------------------------------------


def test_a_town_body_named_several_words_after_its_bare_zhen_is_local():
    assert stem_checks.LOCAL_RE.search("镇专职应急分队接到报警后要立即出动。")
    assert stem_checks.LOCAL_RE.search("镇半专业巡逻队要加强夜间巡查。")
    # A rule for every town names the level.
    assert not stem_checks.LOCAL_RE.search("乡镇人民政府应当组织应急抢险分队。")


def test_any_other_matter_is_a_catch_all_and_never_a_scoring_point():
    assert lists.CATCH_ALL_RE.search("与示范合作有关的其他任何问题")
    assert lists.CATCH_ALL_RE.search("任何其他需要协商的事项")
    assert not lists.CATCH_ALL_RE.search("建立联合巡查机制")


def test_a_blank_for_what_a_thing_is_a_part_of_is_refused():
    c = _candidate("fill_in", "河道保洁是____的重要内容，各方都要重视。", "人居环境整治")
    assert "不止一个" in stem_checks.unanswerable_blank(c, make_document("# 讲话\n正文。\n"))
    c = _candidate("fill_in", "河道保洁是____的组成部分。", "人居环境整治")
    assert stem_checks.unanswerable_blank(c, make_document("# 讲话\n正文。\n"))


# --- list questions stand alone -------------------------------------------------------------


def test_a_list_question_without_subject_or_document_is_refused():
    speech = make_document("# 在示范工作会议上的讲话\n正文。\n")
    c = _candidate("short_answer", "有哪些情形，不予加分？", "迟到早退的；代人签到的。")
    assert filters.subjectless_question(c, speech) == "问句没有主语：不知是谁的情形"
    # Naming the document does not say whose cases they are.
    c = _candidate("short_answer", "根据《示范办法》第七条，有哪些情形，不予加分？", "迟到早退的。")
    assert filters.subjectless_question(c, speech) == "问句没有主语：不知是谁的情形"
    c = _candidate("short_answer", "根据《示范办法》，有哪些情形，持证人可以申请换证？", "遗失的。")
    assert filters.subjectless_question(c, speech) is None
    c = _candidate("short_answer", "根据《示范办法》，有哪些行为，由镇政府责令改正？", "代签的。")
    assert filters.subjectless_question(c, speech) is None
    # A local document's name is put before every question from it (pipeline).
    rules = make_document("# 示范镇巡河积分管理办法\n正文。\n")
    c = _candidate("short_answer", "哪些活动计入积分？", "巡河；宣讲。")
    assert filters.subjectless_question(c, rules) is None


def test_a_local_document_is_named_in_its_list_questions():
    assert local_document_name("示范镇巡河积分管理办法（试行）") == "示范镇巡河积分管理办法（试行）"
    assert (
        local_document_name("关于做好示范县居民参保工作的通知")
        == "关于做好示范县居民参保工作的通知"
    )
    assert local_document_name("示范县人民政府办公室关于印发《示范县养老服务实施方案》的通知") == (
        "示范县养老服务实施方案"
    )
    assert (
        local_document_name("关于做好示范工作的通知-示范县医疗保障局") == "关于做好示范工作的通知"
    )
    assert local_document_name("示范县养老服务实施方案（2025—2027年）") == (
        "示范县养老服务实施方案（2025—2027年）"
    )
    assert local_document_name("关于示范工作的讲话") is None
    assert local_document_name("示范县人民政府 | 无障碍 | 长者模式 | 登录 注册") is None
    assert local_document_name(None) is None
    text = (
        "# 关于做好示范县居民参保工作的通知\n"
        "一、资助对象\n"
        "县财政对下列人员参加居民医保的个人缴费给予资助：\n"
        "（一）特困供养人员；\n"
        "（二）低保对象；\n"
        "（三）返贫致贫人口。\n"
    )
    found = generate(make_document(text), seed=1, rules=["short.article_items"]).candidates
    assert found
    assert all(c.stem.startswith("根据《关于做好示范县居民参保工作的通知》，") for c in found)
    # Every kind of question from it, and the local checks still read the bare sentence.
    text = (
        "# 示范县人民政府办公室关于印发《示范县助餐服务实施方案》的通知\n"
        "一、补助标准\n"
        "对特困老年人给予就餐补贴，每人每餐补贴3元，由县民政局按季度结算。\n"
        "各村要在今年6月底前完成助餐点建设。\n"
    )
    found = generate(make_document(text), seed=1, rules=["single.number", "fill.number"])
    # Round seven: the county's own figures (3元, 6月底) are not asked at all, named or not.
    assert not found.candidates
    assert any("本地的安排" in d.reason for d in found.dropped)
    found = generate(make_document(text), seed=1, rules=["true_false.true", "single.body"])
    assert all(c.stem.startswith("根据《示范县助餐服务实施方案》，") for c in found.candidates)
    assert not [c for c in found.candidates if "各村要" in c.stem]


def test_a_site_header_is_not_taken_for_the_title():
    from question_bank.furniture import _is_nav_tokens

    assert _is_nav_tokens("示范县人民政府 | 无障碍 | 长者模式 | 登录 注册")
    assert not _is_nav_tokens("示范县人民政府关于做好参保工作的通知")


# --- speeches: national rules stated without quotes ------------------------------------------

RESPONSIBILITY_SPEECH = """# 在示范镇抗旱工作会议上的讲话
一、压实责任
抗旱工作实行各级人民政府行政首长负责制，统一指挥、分级负责。
镇里实行包村干部负责制，各村要落实专人值守。
二、科学防治
病虫害防治工作实行预防为主、综合防治与应急处置相结合和统防统治、群防群控的原则。
"""


def test_a_speech_asks_who_answers_for_a_field_of_work_at_every_level():
    found = generate(make_document(RESPONSIBILITY_SPEECH), seed=1, rules=["fill.responsibility"])
    (cand,) = found.candidates
    assert cand.stem == "抗旱工作实行各级人民政府____负责制，统一指挥、分级负责。"
    assert cand.answer == ["行政首长"]
    # The speaker's own town's arrangement names no level of government: not asked.
    assert not [c for c in found.candidates if "包村干部" in c.answer]


def test_a_principle_term_may_be_a_combination_and_terms_join_with_he():
    found = generate(make_document(RESPONSIBILITY_SPEECH), seed=1, rules=["fill.principle"])
    (cand,) = found.candidates
    assert cand.answer == ["预防为主", "综合防治与应急处置相结合", "统防统治", "群防群控"]
    assert cand.stem.count("____") == 4


# --- multiple choice: siblings about the same people ------------------------------------------

PERMITS = """# 示范通行证管理条例
第一条 为了规范示范通行证的管理，制定本条例。
第二条 申请人有下列情形之一的，发证机关不予签发通行证：
（一）未满十六周岁且无监护人陪同的；
（二）提交虚假申请材料的；
（三）正在被依法限制出行的。
第三条 有下列情形之一的，通行证持有人可以申请换发通行证：
（一）通行证有效期即将届满的；
（二）通行证损毁不能使用的；
（三）通行证记载事项发生变更的。
第四条 发证机关工作人员有下列行为之一的，依法给予处分：
（一）应当受理而不予受理的；
（二）无正当理由不在法定期限内签发的；
（三）索取或者收受他人财物的。
第五条 申请人有下列情形之一的，发证机关应当收缴其通行证：
（一）冒用他人身份申领通行证的；
（二）出租、出借通行证的；
（三）涂改通行证记载事项的。
"""


def test_multiple_choice_distractors_come_from_lists_about_the_same_people():
    from question_bank.generate.rules_multi import list_actor

    assert list_actor("第二条 申请人有下列情形之一的，发证机关不予签发通行证：") == "申请人"
    assert list_actor("第三条 有下列情形之一的，通行证持有人可以申请换发通行证：") == "通行证持有人"
    assert list_actor("第四条 发证机关工作人员有下列行为之一的，依法给予处分：").endswith(
        "工作人员"
    )
    found = [
        c
        for seed in range(4)
        for c in generate(
            make_document(PERMITS), seed=seed, rules=["multiple.article_items"]
        ).candidates
    ]
    officials = "".join(PERMITS.split("第四条")[1].split("第五条")[0])
    holders = PERMITS.split("第三条")[1].split("第四条")[0]
    for c in found:
        # Only the two applicant lists are siblings: no official's misconduct, no
        # holder's case is ever offered for an applicant's case, and the other way round.
        assert "申请人" in c.stem, c.stem
        for option in c.options:
            assert option.text not in officials and option.text not in holders, c.stem


# --- the registry: rules no other test names ----------------------------------------------------

FEW_TESTS = (
    "fill.law_number",
    "single.quote",
    "true_false.swap_body",
    "true_false.swap_quote",
    "multiple.enumeration",
)


def test_rules_no_other_test_names_emit_their_type_checked_against_the_source():
    from tests.question_bank.test_generate_registry import FIXTURES

    for name in FEW_TESTS:
        rule = registry.all_rules()[name]
        found = [
            c
            for text in FIXTURES
            for seed in range(3)
            for c in generate(make_document(text), seed=seed, rules=[name], variants=5).candidates
        ]
        assert found, name
        for c in found:
            assert c.rule == name and c.type == rule.type
            assert any("校验" in r for r in c.quality.reasons), (name, c.quality.reasons)
            assert all(a in c.source.quote for a in c.answer_texts if c.type != "true_false")
