"""Round nine (issue 16), statutes: the adoption note is no body text, list questions are
asked only from lead-ins that can be rephrased, a definition whose term the stem spells is
not asked, a short central organ is a fair key among longer bodies, and a statute's time
limit or amount is swapped for a certainly-false 判断. Made-up examples only."""

from question_bank.generate import generate
from question_bank.generate.candidate import Candidate, Option, Source
from question_bank.generate.option_checks import problem
from question_bank.generate.rules_short import _question_from_lead
from question_bank.ingest import ingest_bytes
from tests.question_bank.generate_helpers import make_document

NOTE_LAW = """中华人民共和国示范湿地保护法

（2001年4月2日第九届全国人民代表大会常务委员会第二十一次会议通过　根据2012年6月30日第十一届全国人民代表大会常务委员会第二十七次会议《关于修改〈中华人民共和国示范湿地保护法〉的决定》修正）

第一条　为了保护湿地，制定本法。

第二条　湿地保护管理机构应当自收到申请之日起三十日内作出决定。

第三条　违反本法规定的，处二千元罚款。
"""


def test_the_adoption_note_under_a_law_s_title_is_not_body_text():
    doc = ingest_bytes(NOTE_LAW.encode("utf-8"), "示范湿地保护法.txt")
    notes = [p for p in doc.passages if "会议通过" in p.text]
    assert [p.kind for p in notes] == ["note"]  # kept (no text is lost), not body text
    assert doc.passages[2].text.startswith("第一条")
    assert doc.passages[2].heading_path == doc.passages[1].heading_path  # not a heading
    stems = [c.stem for c in generate(doc, seed=16).candidates]
    assert stems and not any("第____届" in s or "会议" in s for s in stems)


def test_a_note_inside_the_articles_stays_body_text():
    text = NOTE_LAW.replace("第三条", "（本条自2001年4月2日起施行）\n\n第三条")
    doc = ingest_bytes(text.encode("utf-8"), "示范湿地保护法.txt")
    assert [p.kind for p in doc.passages if "起施行" in p.text] == ["article"]


def test_a_counted_lead_in_is_asked_as_a_count_not_as_which_ones():
    question = _question_from_lead("第七条 示范巡护员职级设下列三等九级：")
    assert question == "示范巡护员职级设三等九级，分别是什么？"
    assert "哪些三等" not in question
    # one measure word after the count still reads "哪三种"
    assert _question_from_lead("第三条 巡护区域分为下列三种：") == "巡护区域分为哪三种？"


def test_a_lead_in_that_says_how_not_what_is_not_asked():
    """The items of "按照下列规定的权限批准" are rules to apply, not members of a category:
    "按照哪些规定的权限予以批准" asks something else."""
    assert _question_from_lead("第十条 首次授予职级，按照下列规定的权限予以批准：") is None
    assert _question_from_lead("第八条 巡护证的有效期依照下列规定执行：") is None
    assert _question_from_lead("第四条 巡护工作应当遵循下列原则：") == "巡护工作应当遵循哪些原则？"
    # rules to keep are still asked for: "遵守哪些规定"
    assert _question_from_lead("第六条 巡护员应当遵守下列规定：") == "巡护员应当遵守哪些规定？"


DEFINITIONS = """# 中华人民共和国示范湖泊投资促进法
第一条 为了促进投资，制定本法。
第二条 本法所称湖泊投资是指境外的公司、企业或者个人作为投资者在湖泊地区投资。
第三条 本法所称护岸林，是指沿湖栽植、用于防止湖岸冲刷的林木。
第四条 本法所称巡湖员是指湖泊管理机构聘用的巡湖员。
"""


def test_a_definition_whose_term_the_stem_spells_is_not_asked():
    """ "湖泊投资" stands in the law's name (the stem cannot name the law) and its characters
    in the definition; "巡湖员" stands whole in its own definition: both guessable."""
    found = generate(make_document(DEFINITIONS), seed=16, rules=["fill.definition"]).candidates
    answers = [c.answer for c in found]
    assert ["护岸林"] in answers
    assert ["湖泊投资"] not in answers and ["巡湖员"] not in answers


def _single(options: list[str], key: str) -> Candidate:
    return Candidate(
        type="single",
        stem="根据《示范法》，本法的实施办法由____制定。",
        options=[Option("ABCD"[i], t) for i, t in enumerate(options)],
        answer="ABCD"[options.index(key)],
        explanation="",
        source=Source("p1", 0, 1, "本"),
        rule="single.body",
    )


def test_a_short_central_organ_is_a_fair_key_among_longer_bodies():
    bodies = ["国务院", "省、自治区、直辖市人民政府", "国家安全部门", "设区的市级人民政府"]
    assert problem(_single(bodies, "国务院")) is None
    # any other short key among long options still stands out by its form
    odd = ["湖管处", "省、自治区、直辖市人民政府", "国家安全部门", "设区的市级人民政府"]
    assert problem(_single(odd, "湖管处"))


FIGURES = """# 示范湖泊保护条例
第一条 为了保护湖泊，制定本条例。
第二条 湖泊管理机构应当自收到取水申请之日起二十日内作出决定。
第三条 取水许可证的有效期为五年。
第四条 申请人对决定不服的，可以自收到决定之日起六十日内申请复议。
第五条 未经许可取水的，处五千元罚款。
第六条 年满十六周岁的渔民应当参加安全培训。
"""


def test_a_statute_s_time_limit_or_amount_is_swapped_for_a_certainly_false_statement():
    found = [
        c
        for seed in range(6)
        for c in generate(
            make_document(FIGURES), seed=seed, rules=["true_false.swap_law_figure"]
        ).candidates
    ]
    assert found and all(c.answer is False for c in found)
    for c in found:
        original, wrong = c.swapped["original"], c.swapped["replacement"]
        assert original != wrong and wrong in c.stem
        assert "周岁" not in c.stem  # an age is never swapped
    # the replacement is not a value the same article already states
    assert not any("二十日" in c.stem and c.swapped["original"] != "二十" for c in found)


def test_a_swapped_figure_lets_the_law_s_true_statements_be_asked():
    """Default rules on a statute: certainly-false figure swaps stand beside true ones."""
    answers = [
        c.answer
        for seed in range(4)
        for c in generate(make_document(FIGURES), seed=seed).candidates
        if c.type == "true_false"
    ]
    assert False in answers


def test_a_note_without_brackets_under_the_title_is_not_body_text_either():
    text = NOTE_LAW.replace(
        "（2001年4月2日第九届全国人民代表大会常务委员会第二十一次会议通过"
        "　根据2012年6月30日第十一届全国人民代表大会常务委员会第二十七次会议"
        "《关于修改〈中华人民共和国示范湿地保护法〉的决定》修正）",
        "2001年4月2日 第九届全国人民代表大会常务委员会第二十一次会议通过",
    )
    doc = ingest_bytes(text.encode("utf-8"), "示范湿地保护法.md")
    assert [p.kind for p in doc.passages if "会议通过" in p.text] == ["note"]


SEA = """# 中华人民共和国示范海域法
第一条 为了管理示范海域，制定本法。
第二条 示范海域为从测算领海宽度的基线量起延至二百海里的区域。
第三条 国务院海洋主管部门负责示范海域的管理。
"""


def test_a_breadth_in_nautical_miles_is_a_figure_with_its_own_distractors():
    found = generate(make_document(SEA), seed=16, rules=["single.number"]).candidates
    assert found, "二百海里 is a number with a unit"
    options = [o.text for o in found[0].options]
    assert "二百" in options and len(options) == 4
    assert set(options) <= {"十二", "二十四", "一百", "二百", "三百五十"}


CENTRAL = """# 中华人民共和国示范标志条例
第一条 为了规范示范标志，制定本条例。
第二条 示范标志的式样由国务院制定。
第三条 省、自治区、直辖市人民政府负责本行政区域内示范标志的管理。
第四条 县级人民政府负责示范标志的发放。
第五条 乡、镇人民政府协助做好示范标志的登记。
第六条 国务院公安部门负责示范标志的监督检查。
"""


def test_a_national_organ_s_wrong_options_are_never_a_county_or_township():
    for seed in range(4):
        for c in generate(make_document(CENTRAL), seed=seed, rules=["single.body"]).candidates:
            if c.answer_texts == ["国务院"]:
                texts = [o.text for o in c.options]
                assert not any(t.startswith(("县", "乡", "设区的市")) for t in texts)


HONOURS = """# 中华人民共和国示范奖章法
第一条 为了褒奖杰出人士，制定本法。
第二条 全国人民代表大会常务委员会决定授予示范奖章。
第三条 中华人民共和国主席根据全国人民代表大会常务委员会的决定，授予示范奖章。
第四条 国务院、中央军事委员会可以向全国人民代表大会常务委员会提出授予示范奖章的议案。
第五条 县级人民政府负责本行政区域内获得者的走访慰问。
"""


def test_a_national_organ_is_asked_with_the_other_national_organs_as_options():
    """ "全国人民代表大会常务委员会" acts in a law (no 县级以上 prefix reaches it): a 单选
    whose wrong options are other national organs, however their names differ in length."""
    found = [
        c
        for seed in range(4)
        for c in generate(make_document(HONOURS), seed=seed, rules=["single.body"]).candidates
        if c.answer_texts == ["全国人民代表大会常务委员会"]
    ]
    assert found
    national = {
        "全国人民代表大会常务委员会",
        "国务院",
        "中央军事委员会",
        "最高人民法院",
        "最高人民检察院",
        "国家监察委员会",
        "中华人民共和国主席",
    }
    for c in found:
        assert {o.text for o in c.options} <= national, c.options


ASSEMBLY = """# 示范集会管理条例
第一条 为了规范示范集会，制定本条例。
第二条 集会的负责人必须在举行日期的五日前向主管机关递交书面申请。
第三条 示范委员会每届任期五年。
第四条 违反本条例规定的，由公安机关处十日以上十五日以下拘留。
"""


def test_a_notice_period_a_term_and_a_detention_are_figures_too():
    found = {
        c.swapped["original"]
        for seed in range(8)
        for c in generate(
            make_document(ASSEMBLY), seed=seed, rules=["true_false.swap_law_figure"]
        ).candidates
    }
    assert {"五日", "十日", "五年"} & found  # with the unit since round ten
    for seed in range(8):
        for c in generate(
            make_document(ASSEMBLY), seed=seed, rules=["true_false.swap_law_figure"]
        ).candidates:
            if c.swapped["original"] == "十日":  # 十日以上十五日以下: stays below fifteen
                assert c.swapped["replacement"][:-1] in ("五", "七", "三", "六", "八", "九", "四")


def test_a_speech_s_sentence_about_a_session_is_kept():
    speech = (
        "在全镇学法会上的讲话\n\n同志们：\n\n"
        "2021年4月29日，第十三届全国人民代表大会常务委员会第二十八次会议审议通过\n\n"
        "这部法律对我们做好工作很重要。\n"
    )
    doc = ingest_bytes(speech.encode("utf-8"), "讲话.txt")
    assert [p.kind for p in doc.passages if "会议审议通过" in p.text] == ["paragraph"]
