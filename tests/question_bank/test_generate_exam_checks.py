"""Document-independent checks from issue 16's third round (rejection causes found on a
held-out part): one fact asked once across a document, options that make one answer
defensible, blanks the stem determines, no local arrangements, no leaning on the text
before. Every example is made up."""

from question_bank.generate import facts, generate, option_checks, stem_checks
from question_bank.generate.candidate import BLANK, Candidate, Option, Source
from question_bank.generate.distractors import covers
from tests.question_bank.generate_helpers import ALL_RULES, make_document

AGES = """# 示范社区议事规则
第一条 为了规范社区议事，制定本规则。
第二条 社区议事会由十八周岁以上的居民代表组成。
第三条 社区议事会讨论重大事项，必须有全体十八周岁以上的居民代表过半数出席。
第四条 有十分之一以上的十八周岁以上的居民代表提议，应当召集社区议事会。
第五条 社区议事会成员应当每二年接受一次培训。
第六条 街道办事处组织制定议事会成员培训计划，保证议事会成员至少每二年接受一次培训。
第七条 街道办事处对议事会成员的考核，每二年组织一次。
"""


def _numbers(result, value_text):
    return [c for c in result.candidates if value_text in c.answer_texts]


def test_one_fact_stated_in_several_articles_is_asked_once():
    result = generate(make_document(AGES), seed=1, rules=ALL_RULES)
    eighteen = _numbers(result, "十八")
    assert len(eighteen) == 1, [c.stem for c in eighteen]
    dropped = [d for d in result.dropped if d.reason.startswith("与已选的题考同一事实")]
    assert dropped
    # "每二年接受一次培训" is asked once; "每二年组织一次考核" is another fact.
    two_years = [c.source.quote for c in _numbers(result, "二")]
    assert sum("培训" in q for q in two_years) == 1
    assert sum("考核" in q for q in two_years) == 1


def test_a_fact_is_its_answer_with_the_terms_of_its_clause():
    doc = make_document(AGES)

    def fact(sentence: str, answer: str):
        at = doc.text.index(sentence) + sentence.index(answer)
        cand = Candidate(
            type="fill_in",
            stem="",
            answer=[answer],
            explanation="",
            source=Source("p", at, at + len(answer), answer),
            rule="test",
            answer_texts=[answer],
            checks=[(at, at + len(answer))],
        )
        return facts.fact_of(cand, doc)

    members = fact("社区议事会由十八周岁以上的居民代表组成", "十八")
    quorum = fact("必须有全体十八周岁以上的居民代表过半数出席", "十八")
    assert members.answer == "18|周岁" and members.noun == "居民"
    assert members.same(quorum)
    training = fact("社区议事会成员应当每二年接受一次培训", "二")
    exam = fact("每二年组织一次", "二")
    assert training.answer == exam.answer == "2|年"
    assert not training.same(exam)


def single(stem: str, options: list[str], key: str) -> Candidate:
    return Candidate(
        type="single",
        stem=stem,
        options=[Option("ABCD"[i], t) for i, t in enumerate(options)],
        answer="ABCD"[options.index(key)],
        explanation="",
        source=Source("p", 0, 1, "x"),
        rule="test",
        answer_texts=[key],
    )


def test_one_option_covering_another_makes_two_answers_defensible():
    assert covers("公安机关", "国务院公安部门")
    assert covers("基层群众性自治组织", "居民委员会")
    assert covers("司法机关", "人民法院")
    assert covers("县级以上地方各级人民政府", "县级人民政府")
    assert not covers("县级人民政府", "省、自治区、直辖市人民政府")
    assert not covers("公安机关", "民政部门")
    stem = f"{BLANK}负责对辖区治安巡逻工作进行指导。"
    hyper = single(
        stem, ["公安机关", "国务院公安部门", "县级人民政府", "民政部门"], "国务院公安部门"
    )
    assert option_checks.problem(hyper) == "选项之间有包含或上下位关系：公安机关／国务院公安部门"
    sound = single(
        stem, ["国务院公安部门", "国务院民政部门", "县级人民政府", "乡镇人民政府"], "国务院公安部门"
    )
    assert option_checks.problem(sound) is None


def test_options_are_of_one_kind_and_the_key_does_not_stand_out_by_length():
    stem = f"{BLANK}负责组织实施本行政区域内的调解工作。"
    mixed = single(stem, ["司法行政部门", "调解工作", "民政部门", "乡镇人民政府"], "司法行政部门")
    assert option_checks.problem(mixed).startswith("选项不是同一类")
    numbers = single(f"每届任期{BLANK}年。", ["三", "五", "村民会议", "十"], "五")
    assert option_checks.problem(numbers).startswith("选项不是同一类")
    long_key = single(
        stem,
        ["省、自治区、直辖市人民政府司法行政部门", "村民会议", "乡镇人民政府", "居民小组"],
        "省、自治区、直辖市人民政府司法行政部门",
    )
    assert option_checks.problem(long_key).startswith("正确选项的长度与其他选项相差悬殊")


HYPERNYM_LAW = """# 示范治安联防条例
第一条 为了规范治安联防工作，制定本条例。
第二条 国务院公安部门负责全国治安联防工作的指导。
第三条 公安机关应当支持治安联防队伍建设。
第四条 县级人民政府应当保障治安联防经费。
第五条 民政部门应当做好联防队员的抚恤工作。
第六条 乡镇人民政府应当协助开展治安联防工作。
第七条 设区的市级人民政府应当制定治安联防规划。
"""


def test_wrong_options_never_include_a_name_covering_the_key():
    """The held-out 国旗法 gave 公安机关 beside 国务院公安部门: both defensible."""
    singles = [
        c
        for seed in range(5)
        for c in generate(make_document(HYPERNYM_LAW), seed=seed, rules=ALL_RULES).candidates
        if c.type == "single" and c.rule == "single.body"
    ]
    assert len(singles) >= 10
    for cand in singles:
        texts = {o.text for o in cand.options}
        assert not {"公安机关", "国务院公安部门"} <= texts, cand.stem
        assert "市级人民政府" not in texts  # the law says 设区的市级人民政府


def fill(stem: str, quote: str, answer: str, start: int = 0) -> Candidate:
    return Candidate(
        type="fill_in",
        stem=stem,
        answer=[answer],
        explanation="",
        source=Source("p", start, start + len(quote), quote),
        rule="test",
        answer_texts=[answer],
    )


SPEECH_DOC = make_document("# 讲话\n粮食安全是“国之大者”。\n")


def test_a_subject_blank_before_a_general_predicate_is_unanswerable():
    refuse = [
        f"{BLANK}是“国之大者”。",
        f"{BLANK}实行党政同责。",
        f"{BLANK}是做好基层治理的重要基础，要常抓不懈。",
        f"要坚持{BLANK}。",
    ]
    for stem in refuse:
        assert stem_checks.unanswerable_blank(fill(stem, "x", "y"), SPEECH_DOC), stem
    keep = [
        f"{BLANK}是指以网格为单元对辖区进行常态化服务管理的工作方式。",
        f"{BLANK}，是指村民依法办理自己的事情的制度。",
        f"{BLANK}是村级治理的第一责任人。",
        f"根据《示范条例》，{BLANK}是本条例的执行机关。",
        f"{BLANK}是守住耕地红线、保障国家粮食安全的一项长期基本制度安排。",
        f"村民会议由本村{BLANK}周岁以上的村民组成。",
    ]
    for stem in keep:
        assert stem_checks.unanswerable_blank(fill(stem, "x", "y"), SPEECH_DOC) is None, stem


def test_the_speakers_own_town_year_and_meeting_are_not_knowledge():
    refuse = {
        f"镇里成立由党委书记任组长的{BLANK}工作领导小组。": "镇里",
        f"去年全镇共整治河道12条，今年要再整治{BLANK}条以上。": "去年",
        f"各村要建立保洁员队伍，保洁员每天至少清扫{BLANK}次。": "各村要",
        f"我们有的同志认为{BLANK}是国土部门一家的事。": "我们",
        f"本镇每月召开{BLANK}次调度会。": "本镇",
    }
    for stem, word in refuse.items():
        reason = stem_checks.local_scope(fill(stem, "x", "y"), SPEECH_DOC)
        assert reason and reason.endswith(word), stem
    keep = [
        f"全县养老机构护理型床位占比达到{BLANK}%以上。",  # a county plan, for a county exam
        f"根据《示范条例》，村民委员会办理本村的公共事务和{BLANK}。",
        f"驻村干部每周至少走访{BLANK}户群众。",
    ]
    for stem in keep:
        assert stem_checks.local_scope(fill(stem, "x", "y"), SPEECH_DOC) is None, stem


def test_we_before_a_requirement_is_left_out_of_the_stem():
    doc = make_document("# 讲话\n我们要把群众满意作为检验工作的根本标准，久久为功。\n")
    stems = [c.stem for c in generate(doc, rules=ALL_RULES).candidates]
    assert stems and all(not s.startswith("我们") for s in stems), stems


NOTICE = """# 示范县邻里互助驿站建设方案
一、总体目标
到年底，全县建成一批村级邻里互助驿站，村级邻里互助驿站覆盖全部行政村。
二、建设标准
村级邻里互助驿站按照统一标识建设。驿站使用面积一般不少于80平方米。
三、保障措施
县财政按照每个驿站1万元的标准给予一次性补助。
群众可以拨打热线反映问题，也可以拨打该号码咨询政策。
"""


def test_a_short_name_for_a_term_spelled_out_earlier_needs_the_text_before():
    doc = make_document(NOTICE)

    def reason(sentence: str, answer: str, stem: str) -> str | None:
        start = doc.text.index(sentence)
        return stem_checks.needs_context(fill(stem, sentence, answer, start), doc)

    area = "驿站使用面积一般不少于80平方米。"
    assert reason(area, "80", f"驿站使用面积一般不少于{BLANK}平方米。") == (
        "“驿站”是上文“互助驿站”的简称，脱离上文不明"
    )
    subsidy = "县财政按照每个驿站1万元的标准给予一次性补助。"
    assert reason(subsidy, "1", f"县财政按照每个驿站{BLANK}万元的标准给予一次性补助。")
    spelled = "村级邻里互助驿站按照统一标识建设。"
    assert reason(spelled, "统一标识", f"村级邻里互助驿站按照{BLANK}建设。") is None
    phone = "群众可以拨打热线反映问题，也可以拨打该号码咨询政策。"
    assert reason(phone, "热线", f"群众可以拨打{BLANK}反映问题，也可以拨打该号码咨询政策。") == (
        "指代上文：该号码"
    )


def test_a_notice_received_without_saying_which_needs_the_text_before():
    doc = make_document("# 示范条例\n第一条 调解组织收到通知后，应当在三日内指派调解员。\n")
    quote = "调解组织收到通知后，应当在三日内指派调解员。"
    start = doc.text.index(quote)
    stem = f"根据《示范条例》，调解组织收到通知后，应当在{BLANK}日内指派调解员。"
    assert stem_checks.needs_context(fill(stem, quote, "三", start), doc) == "指代上文：收到通知后"
    named = f"根据《示范条例》，人民法院通知调解组织的，调解组织收到通知后，应当在{BLANK}日内指派调解员。"
    assert stem_checks.needs_context(fill(named, quote, "三", start), doc) is None
    antecedent = (
        f"根据《示范条例》，五保对象的承包土地交由他人代耕的，其收益归该五保对象所有，{BLANK}。"
    )
    assert stem_checks.needs_context(fill(antecedent, quote, "三", start), doc) is None


LISTS = """# 示范调解条例
第一条 为了规范调解工作，制定本条例。
第二条 本条例施行前已经在村（居）民委员会、企业事业单位和乡镇、街道设立的调解组织从事调解工作的人员，取得县级以上地方人民政府司法行政部门颁发的调解员证书，并符合下列条件之一的，可以继续从事调解工作：
（一）取得法律专业学历的；
（二）连续从事调解工作五年以上的；
（三）经培训取得合格证书的。
第三条 下列人员逝世，可以举行追思仪式：
（一）本条例第二条规定的人员；
（二）调解工作中牺牲的人员。
第四条 调解员有下列情形之一的，予以解聘：
（一）徇私舞弊的；
（二）泄露当事人隐私的；
（三）连续两年考核不合格的。
"""


def test_list_questions_need_the_whole_lead_and_points_that_stand_alone():
    """A lead-in cut mid-sentence ("…部门颁发的调解员证书，并符合…") and a point that
    points at another article ("本条例第二条规定的人员") make no 简答 or 多选."""
    cands = generate(make_document(LISTS), rules=ALL_RULES).candidates
    asked = [c for c in cands if c.type in ("short_answer", "multiple")]
    assert [c.stem for c in asked if c.type == "short_answer"] == [
        "根据《示范调解条例》第四条，调解员有哪些情形，予以解聘？"
    ]
    for cand in asked:
        assert "证书，并符合" not in cand.stem and "追思" not in cand.stem
