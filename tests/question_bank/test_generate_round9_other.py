"""Round nine (issue 16): who and what a sentence of a speech, notice or Q&A article is
about. Only a sentence attributed to a national source (a named law, 法律 with the law
named in the paragraph, 国家 as the subject, 党中央, 国务院, a national day, or the source
of the sentence before it in the same answer) becomes a question; the speaker's and the
county's own arrangements never do. Garble that decodes to valid characters is cut at
ingest. Every example is made up."""

from question_bank.clean import clean_text, to_simplified
from question_bank.generate import generate, registry
from question_bank.generate.attribution import attribute
from question_bank.generate.kinds import OTHER
from question_bank.mojibake import drop_garbled, garbled_spans
from tests.question_bank.generate_helpers import make_document

SPEECH = """# 在全镇水利和防汛工作会议上的讲话
一、统一思想
《防汛条例》规定，防汛工作实行安全第一，常备不懈，以防为主，全力抢险的方针。今年全镇要组建5支抢险队。
《水法》已经施行多年。法律明确，本法所称水资源，是指地表水和地下水。我镇水资源总量不大，各村要节约用水。
国家对水资源依法实行取水许可制度和有偿使用制度。
党中央明确要求，到本世纪中叶建成12万公里的骨干水网。
《水法》规定，必要时县级以上人民政府可以对取水实行限制，对因此受到损失的，各村要做好群众工作。
对种粮大户，镇财政在国家耕地地力保护补贴之外，每亩再补贴20元。
2031年3月22日是我国第9个全国节水日。
每年的5月15日是全国河湖保护日。
二、抓好落实
按照法律规定，河道管理范围内禁止建设妨碍行洪的建筑物。
每年的6月1日是全镇防汛演练日。
"""

QA = """# 普法问答｜办护照要注意什么
问：多大可以自己申请？
答：《出境入境管理法》规定，中国公民出境入境，应当依法申请办理护照。公民应当自提交申请之日起三十日内领取证件。
问：我县在哪里办？
答：我县出入境窗口在政务服务中心二楼，工作日受理，一般10个工作日出证。
"""


def _run(text: str):
    result = generate(make_document(text), seed=16)
    return result.candidates, result.dropped


def _stems(cands) -> list[str]:
    return [c.stem for c in cands]


def _proposed(text: str, rule: str) -> list[str]:
    """What `rule` proposes and the checks keep (kept, or left out only because a run keeps
    few "对" true/false questions)."""
    result = generate(make_document(text), seed=16, rules=[rule])
    balance = [d.candidate for d in result.dropped if d.filter == "true_false_balance"]
    return _stems([*result.candidates, *balance])


# --- the attribution of one sentence ----------------------------------------------------


def test_a_named_law_or_a_national_body_attributes_the_sentence():
    verdict = attribute("《水法》规定，国家对水资源实行取水许可制度。")
    assert verdict.national and verdict.law == "水法"
    assert attribute("党中央明确要求，坚决守住水资源的底线。").national
    assert attribute("国务院可以决定对重点品种实行政策性收储。").national
    assert "出处核对" in verdict.reason and "《水法》" in verdict.reason


def test_nation_as_modifier_names_no_source_and_local_clauses_veto():
    # 国家 modifies a subsidy: the county's own award, not a national rule.
    assert not attribute("对大户在国家耕地地力保护补贴之外，再按每亩补贴。").national
    verdict = attribute("县财政在国家补贴之外每亩再补贴二十元。")
    assert not verdict.national and verdict.how == "local"
    assert not attribute("非国家机关工作人员可以在户籍地参加保险。").national
    # The speaker's own call, even after a cited law.
    assert not attribute("《水法》规定，各村要做好节水宣传。").national


def test_a_source_carries_to_the_next_sentence_of_the_same_answer_only():
    before = ["《出境入境管理法》规定，中国公民出境入境，应当依法申请办理护照。"]
    verdict = attribute("公民应当自提交申请之日起三十日内领取证件。", before)
    assert verdict.national and verdict.how == "inherited"
    assert verdict.law == "出境入境管理法"
    # No source before it, or a local sentence in between: nothing inherited.
    assert not attribute("公民应当自提交申请之日起三十日内领取证件。").national
    local_between = [*before, "我县窗口在政务服务中心二楼。"]
    assert not attribute("公民应当在三十日内领取证件。", local_between).national


def test_law_said_without_its_name_is_no_source_unless_the_paragraph_names_it():
    assert not attribute("按照法律规定，河道管理范围内禁止建设妨碍行洪的建筑物。").national
    named = attribute("法律明确，本法所称水资源，是指地表水和地下水。", ["《水法》已经施行多年。"])
    assert named.national and named.law == "水法"


# --- the rules that propose from what a speech cites -------------------------------------


def test_speech_yields_only_national_statements_each_with_its_verdict():
    cands, dropped = _run(SPEECH)
    stems = _stems(cands)
    assert cands, stems
    assert not any(w in s for s in stems for w in ("抢险队", "镇财政", "每亩", "全镇", "各村"))
    assert not any("防汛演练日" in s for s in stems)
    for c in cands:
        assert any(r.startswith("出处核对") for r in c.quality.reasons), c.quality.reasons
    assert any(d.filter in ("national_source", "local_scope", "local_figure") for d in dropped)


def test_national_policy_blanks_the_comma_separated_items_and_names_the_law():
    cands = generate(make_document(SPEECH), seed=16, rules=["fill.national_policy"]).candidates
    assert [c.stem for c in cands] == [
        "根据《防汛条例》，防汛工作实行____，____，____，____的方针。"
    ]
    assert cands[0].answer == ["安全第一", "常备不懈", "以防为主", "全力抢险"]


def test_national_definition_takes_the_law_named_before_it_in_the_paragraph():
    cands = generate(make_document(SPEECH), seed=16, rules=["fill.national_definition"]).candidates
    assert [(c.stem, c.answer) for c in cands] == [
        ("根据《水法》，____，是指地表水和地下水。", ["水资源"])
    ]
    # No law named anywhere in the paragraph: no question (which law?).
    alone = "# 讲话\n法律明确，本法所称河道，是指天然河流和人工河道。\n"
    assert not generate(make_document(alone), rules=["fill.national_definition"]).candidates


def test_national_rule_keeps_a_permission_and_cuts_the_speakers_clause():
    stems = _proposed(SPEECH, "true_false.national_rule")
    assert "根据《水法》，必要时县级以上人民政府可以对取水实行限制。" in stems
    assert not any("各村" in s or s.endswith("的。") for s in stems)


def test_national_statement_asks_a_national_subject_or_an_inherited_rule():
    stems = _proposed(SPEECH + QA, "true_false.national_statement")
    assert "国家对水资源依法实行取水许可制度和有偿使用制度。" in stems
    assert "根据《出境入境管理法》，公民应当自提交申请之日起三十日内领取证件。" in stems
    assert not any("补贴" in s for s in stems)


def test_national_day_asks_the_recurring_date_never_the_year_or_the_ordinal():
    cands = generate(make_document(SPEECH), seed=16, rules=["fill.national_day"]).candidates
    asked = {c.stem: c.answer for c in cands}
    assert asked == {
        "每年的____是全国节水日。": ["3月22日"],
        "每年的____是全国河湖保护日。": ["5月15日"],
    }
    month = "# 通知\n今年6月是第二十六个全国“安全生产月”，各单位要认真组织。\n"
    cands = generate(make_document(month), rules=["fill.national_day"]).candidates
    assert [(c.stem, c.answer) for c in cands] == [("每年的____是全国“安全生产月”。", ["6月"])]
    weekday = "# 问答\n小贴士：每年5月的第二个星期日是全国示范日。\n"
    cands = generate(make_document(weekday), rules=["fill.national_day"]).candidates
    assert [c.answer for c in cands] == [["5月的第二个星期日"]]


def test_national_figure_from_a_named_body_or_an_inherited_law_only():
    cands = generate(make_document(SPEECH + QA), seed=16, rules=["fill.national_figure"]).candidates
    asked = {c.stem: c.answer for c in cands}
    assert (
        asked.get("党中央明确要求，到本世纪中叶建成____的骨干水网。") == ["12万公里"]
        or any("党中央" in s for s in asked) is False
    )  # 公里 is no unit the rule asks: the sentence is left alone
    assert asked.get("根据《出境入境管理法》，公民应当自提交申请之日起____内领取证件。") == [
        "三十日"
    ]
    assert not any("10个工作日" in s or "二十元" in s or "20元" in s for s in asked)


def test_a_national_question_from_a_county_notice_does_not_carry_the_notices_name():
    notice = (
        "# 关于做好2031年河湖保护宣传工作的通知\n"
        "各乡镇、县直各单位：\n"
        "每年的5月15日是全国河湖保护日，各单位要结合实际开展宣传。\n"
    )
    stems = _stems(_run(notice)[0])
    assert stems == ["每年的____是全国河湖保护日。"]


def test_new_rules_are_on_only_for_other_documents():
    for name in (
        "true_false.national_statement",
        "fill.national_policy",
        "fill.national_definition",
        "fill.national_figure",
    ):
        assert registry.TABLE[name][0] == frozenset({OTHER})


# --- garble that decodes to valid characters ---------------------------------------------

# A made-up sentence encoded as GBK and read back as Big5 (then converted to Simplified, as
# ingest does): valid characters, bopomofo and "§﹝" where the full stop was.
GOOD = "各村要在汛前完成河道清障工作。"
NEXT = "对清障不力的，镇里将通报批评。"


def _big5_garble(text: str) -> str:
    return to_simplified(text.encode("gbk").decode("big5", errors="replace").replace("\ufffd", ""))


def test_big5_garble_is_cut_and_never_joins_the_next_sentence():
    garbled = _big5_garble("镇防汛办要把抢险物资清单报送县防指，确保汛期物资充足。")
    line = GOOD + garbled + NEXT
    assert garbled_spans(line)
    out = drop_garbled(line)
    assert out.startswith(GOOD) and out.endswith(NEXT), out
    assert len(out) <= len(GOOD) + len(NEXT) + 2, out


def test_rare_but_real_text_is_kept():
    real = [
        "鄱阳湖畔的婺源县、歙县、黟县和婺城区都有古村落保护的任务。",
        "禁止非法生产氯胺酮、甲基苯丙胺、麦角酰二乙胺和γ-羟丁酸。",
        "《中华人民共和国畜牧法》规定，畜禽遗传资源保护以国家为主。",
        "赣鄱大地、荆楚大地、巴蜀大地的耄耋老人都应得到照顾。",
    ]
    for line in real:
        assert garbled_spans(line) == [], line
        assert drop_garbled(line) == line


def test_garble_in_a_cleaned_page_reaches_no_stem():
    garbled = _big5_garble("法律明确规定国家建立防汛抗旱指挥机构，统一指挥防汛工作。")
    text = (
        "# 讲话\n" + GOOD + garbled + "《防洪法》规定，任何单位和个人都有保护防洪工程设施的义务。\n"
    )
    cleaned = clean_text(text)
    assert "§" not in cleaned and "﹝" not in cleaned
    stems = _stems(_run(cleaned)[0])
    assert stems and all(garbled[:4] not in s for s in stems), stems


# --- page breaks marked at the foot of a page ---------------------------------------------


def test_a_sentence_cut_by_a_page_footer_and_a_site_notice_is_joined():
    text = (
        "在全镇河长制工作会议上的讲话\n"
        "同志们，河湖管护是民生实事，这项工作我们已经抓了三年。下一步，重点抓好清四乱。第一，抓好巡\n"
        "第 2 页 / 共 5 页\n"
        "【阅读提醒】免费预览到此为止的部分页面可能排版错乱，下载后可正常显示。\n"
        "河工作，各村河长每周巡河一次，发现问题及时上报。\n"
    )
    cleaned = clean_text(text)
    assert "第一，抓好巡河工作，各村河长每周巡河一次" in cleaned
    assert "阅读提醒" not in cleaned and "共 5 页" not in cleaned


def test_a_truncation_notice_beside_a_page_number_stays_a_barrier():
    text = (
        "在全镇河长制工作会议上的讲话\n"
        "同志们，河湖管护是民生实事，这项工作我们已经抓了三年。下一步，重点抓好清四乱。第一，抓好巡\n"
        "第 2 页 / 共 5 页\n"
        "（未完，剩余800字，会员可完整阅读）\n"
        "河长要对照问题清单逐项销号，确保问题清零。\n"
    )
    cleaned = clean_text(text)
    assert "抓好巡河长" not in cleaned


def test_a_fields_own_policy_is_national_by_its_form_unless_a_place_states_it():
    assert attribute("河湖管护工作实行预防为主、综合治理的方针。").national
    assert attribute("防洪工作实行各级人民政府行政首长负责制。").national
    assert not attribute("全镇河湖管护工作坚持问题导向、群众参与的原则。").national


def test_a_directive_or_a_sentence_that_is_no_rule_inherits_nothing():
    before = ["《水法》规定，单位和个人有节约用水的义务。"]
    assert not attribute("国家补助资金要专款专用。").national
    assert not attribute("各企业的节水情况纳入年度考核。", before).national
    assert not attribute("节水情况纳入年度考核。", before).national  # no rule of its own
    assert attribute("取水单位应当安装计量设施。", before).national
    assert attribute("党中央明确要求，坚决守住水资源底线。").national  # 要求 is no directive


def test_a_permission_after_a_cited_law_is_the_articles_own_advice():
    before = ["《社会保险法》规定，国家建立基本养老保险等社会保险制度。"]
    assert not attribute("参加社会保险的人员都可以申领社会保障卡。", before).national
    # Only the sentence straight after the source inherits it.
    two_back = [*before, "社会保障卡是一张多功能卡片。"]
    assert not attribute("持卡人应当妥善保管社会保障卡。", two_back).national


def test_a_wechat_byline_a_channel_bar_and_a_bare_table_label_are_never_the_title():
    text = (
        "原创 示范普法 示范县司法局 2026年03月02日 08:30 湖南\n"
        "点击上方蓝字关注我们\n"
        "守护河湖，这5件事要知道\n"
        "问：河道里能建房吗？\n"
        "答：《防洪法》规定，禁止在河道管理范围内建设妨碍行洪的建筑物、构筑物。\n"
    )
    assert clean_text(text).split("\n")[0] == "守护河湖，这5件事要知道"
    page = (
        "网站首页 走进示范 政务公开 政务服务 互动交流\n索引号\n关于做好河湖保护工作的通知\n各村：\n"
    )
    assert clean_text(page).split("\n")[0] == "关于做好河湖保护工作的通知"
    kept = "原创作品受法律保护，2026年3月2日起施行新规。"
    assert clean_text(kept) == kept


def test_this_work_of_the_speakers_is_no_field_of_national_work():
    assert not attribute("这项工作坚持公开透明、群众参与的原则。").national
    assert not attribute("今年工作坚持稳中求进、重点突破的原则。").national


def test_an_inherited_rule_is_asked_only_with_the_law_named_in_the_stem():
    speech = (
        "# 讲话\n"
        "《示范保护法》规定，任何单位和个人不得破坏河湖岸线。河湖管理单位应当每月巡查一次河湖岸线。\n"
    )
    result = generate(make_document(speech), seed=16)
    everything = [*result.candidates, *(d.candidate for d in result.dropped)]
    kept = _stems(result.candidates)
    assert not any(s.startswith("河湖管理单位") for s in kept), kept
    assert any("《示范保护法》" in c.stem and "每月巡查" in c.stem for c in everything)


def test_a_total_in_a_national_condition_is_no_work_report():
    from question_bank.generate import filters
    from question_bank.generate.candidate import Candidate, Source

    def tf(quote: str) -> Candidate:
        return Candidate(
            type="true_false",
            stem=quote,
            answer=True,
            explanation="",
            source=Source("p", 0, len(quote), quote),
            rule="test",
            answer_texts=[quote],
        )

    rule = "依照国务院规定，年满60周岁、累计缴费满15年的参保人可以按月领取养老金。"
    assert filters.speech_trivia(tf(rule), None) is None
    report = "全镇今年累计发放养老金3200万元，群众满意度明显提高。"
    assert filters.speech_trivia(tf(report), None) == "工作成绩汇报而非知识：累计"


def test_a_national_law_named_after_villages_is_no_local_document():
    from question_bank.generate import filters

    for law in ("《中华人民共和国村民委员会组织法》", "《乡村振兴促进法》", "《乡镇企业法》"):
        assert filters.LOCAL_BOOK_RE.sub("", law) == law
    assert filters.LOCAL_BOOK_RE.sub("", "《青山县村规民约管理办法》") == ""
    speech = (
        "# 讲话\n"
        "《中华人民共和国村民委员会组织法》规定，村民委员会成员实行任期和离任经济责任审计。\n"
    )
    stems = _stems(_run(speech)[0])
    assert stems == ["根据《村民委员会组织法》，村民委员会成员实行任期和离任经济责任审计。"]


def test_a_place_called_by_its_name_is_local_and_a_river_is_not():
    assert not attribute("国家在青山镇设立湿地公园，总投资1.2亿元。").national
    assert not attribute("按照国家有关规定，白沙县对种粮大户每亩补贴二十元。").national
    assert attribute("国家对长江流域实行禁捕制度。").national
    assert attribute("国家保护城镇居民和农村居民的合法权益。").national


def test_the_nation_as_subject_vouches_for_no_figure():
    speech = "# 讲话\n二、抓好落实\n国家投资1.2亿元建设的青山水库已经通过验收，可以灌溉农田。\n"
    assert _stems(_run(speech)[0]) == []
