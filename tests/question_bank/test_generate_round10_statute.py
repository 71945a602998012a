"""Round ten (issue 16), statutes: the system an article establishes is asked as a fill-in
when the law names no other in that frame, a closed list in one sentence is asked as a short
answer, a figure's certainly-false swap is asked in place of its 单选 while the law's true
statements wait for a false one, and a government's wrong options are governments. Made-up
laws only."""

from question_bank.generate import generate
from tests.question_bank.generate_helpers import make_document

SYSTEMS = """# 中华人民共和国示范林木认养法
第一条 为了鼓励认养林木，制定本法。
第二条 国家实行全民义务植树制度。
第三条 示范公园实行园长负责制。
第四条 认养人应当按照协议养护林木。
"""


def _fills(text: str, rule: str = "fill.system") -> list:
    return generate(make_document(text), seed=16, rules=[rule]).candidates


def test_the_system_a_law_establishes_is_asked_as_a_fill_in():
    found = {c.stem: c.answer for c in _fills(SYSTEMS)}
    assert found["根据《示范林木认养法》，示范公园实行____负责制。"] == ["园长"]
    # Round 19: the whole name is blanked only where it is the law's own system (its topic)
    assert "根据《示范林木认养法》，国家实行____制度。" not in found
    own = {c.stem: c.answer for c in _fills(SYSTEMS.replace("林木认养法", "义务植树法"))}
    assert own["根据《示范义务植树法》，国家实行____制度。"] == ["全民义务植树"]


def test_the_part_of_the_system_the_law_s_name_says_stays_in_the_stem():
    text = SYSTEMS.replace("全民义务植树制度", "林木认养登记制度")
    stems = {c.stem: c.answer for c in _fills(text)}
    assert stems["根据《示范林木认养法》，国家实行林木认养____制度。"] == ["登记"]


def test_a_second_system_in_the_same_frame_makes_the_blank_ambiguous():
    text = SYSTEMS.replace(
        "第四条 认养人", "第四条 国家建立林木养护补贴制度，具体办法另行规定。\n第五条 认养人"
    )
    assert not any("国家实行" in c.stem for c in _fills(text))


def test_a_vague_system_or_a_clause_that_goes_on_is_not_asked():
    vague = SYSTEMS.replace("国家实行全民义务植树制度。", "国家建立健全相关工作机制。")
    assert not any("国家" in c.stem for c in _fills(vague))
    # the sentence goes on after the system: only the whole "国家实行X制度。" is asked
    longer = SYSTEMS.replace("植树制度。", "植树制度，保障林木养护。")
    assert not any("国家" in c.stem for c in _fills(longer))


def test_a_speech_s_system_is_not_asked_by_this_rule():
    speech = "# 在全县植树工作会议上的讲话\n一、认清形势\n国家实行全民义务植树制度。\n"
    assert _fills(speech) == []


LISTS = """# 中华人民共和国示范证件法
第一条 为了规范证件管理，制定本法。
第二条 示范证件分为普通证件、专用证件和临时证件。
第三条 本法所称证件资源，包括纸质资源和电子资源。
第四条 证件登记项目包括姓名、性别、住址等。
第五条 前款规定的证件包括甲证和乙证。
第六条 证件档案包括登记档案、变更档案和注销档案三种。
"""


def test_a_closed_list_in_one_sentence_is_asked_as_a_short_answer():
    found = {c.stem: c.scoring_points for c in _fills(LISTS, "short.composition")}
    assert found["根据《示范证件法》第二条，示范证件分为哪几种？"] == [
        "普通证件",
        "专用证件",
        "临时证件",
    ]
    # "本法所称" is dropped: the stem names the law
    assert found["根据《示范证件法》第三条，证件资源包括哪些？"] == ["纸质资源", "电子资源"]


def test_an_open_or_pointing_list_is_not_asked():
    stems = " ".join(c.stem for c in _fills(LISTS, "short.composition"))
    assert "登记项目" not in stems  # "等": the list is open
    assert "前款" not in stems and "第五条" not in stems  # the subject points elsewhere


def test_a_counted_list_is_asked_with_its_count_and_only_when_the_count_matches():
    found = [c.stem for c in _fills(LISTS, "short.composition")]
    assert "根据《示范证件法》第六条，证件档案包括哪三种？" in found
    wrong = LISTS.replace("注销档案三种", "注销档案两种")
    assert not any("第六条" in c.stem for c in _fills(wrong, "short.composition"))


BALANCE = """# 中华人民共和国示范渡口管理法
第一条 为了规范渡口管理，制定本法。
第二条 县级人民政府交通主管部门负责本行政区域内的渡口管理工作。
第三条 县级以上地方人民政府应当加强对渡口安全工作的领导，将渡口建设纳入农村公路规划。
第四条 县级以上地方人民政府应当对渡口改造给予资金支持。
第五条 县级以上人民政府交通主管部门应当定期组织渡工安全培训。
第六条 县级以上地方人民政府应当组织有关部门开展渡口安全检查，及时消除安全隐患。
第七条 渡口管理机构应当自收到申请之日起二十日内作出是否批准的决定。
"""


def test_while_true_statements_wait_a_figure_is_asked_as_its_false_swap():
    """The law's true statements need a false one beside them (three per false one): the
    deadline is asked as a certainly-false 判断 rather than a 单选, whatever the coin says."""
    for seed in range(6):
        result = generate(make_document(BALANCE), seed=seed)
        deadline = [c for c in result.candidates if "之日起" in c.source.quote]
        assert len(deadline) == 1
        assert deadline[0].type == "true_false" and deadline[0].answer is False
        assert "二十日" not in deadline[0].stem
        trues = sum(1 for c in result.candidates if c.type == "true_false" and c.answer is True)
        falses = sum(1 for c in result.candidates if c.type == "true_false" and c.answer is False)
        # Round fifteen: 第六条 is also said of the township as a second "错".
        assert 1 <= trues <= 3 * falses


def test_a_figure_is_still_asked_as_a_single_choice_when_no_true_statement_waits():
    lean = "# 中华人民共和国示范渡口管理法\n第一条 渡口管理机构应当自收到申请之日起二十日内作出是否批准的决定。\n"
    types = {generate(make_document(lean), seed=s).candidates[0].type for s in range(8)}
    assert "single" in types or "fill_in" in types


GOVERNMENTS = """# 示范五保供养条例
第一条 为了做好供养工作，制定本条例。
第二条 审计机关依法对供养资金进行审计。
第三条 县级人民政府民政部门负责本行政区域内的供养管理工作。
第四条 省、自治区、直辖市人民政府应当制定供养标准。
第五条 乡、民族乡、镇人民政府应当与村民委员会签订供养服务协议。
"""


def test_a_government_s_wrong_options_are_governments():
    found = [
        c
        for seed in range(6)
        for c in generate(make_document(GOVERNMENTS), seed=seed, rules=["single.body"]).candidates
        if c.answer_texts == ["乡、民族乡、镇人民政府"]
    ]
    assert found
    for c in found:
        assert all(o.text.endswith("人民政府") or o.text == "国务院" for o in c.options)


ALIASES = """# 示范防汛条例
第一条 为了做好防汛工作，制定本条例。
第二条 乡级人民政府应当明确防汛工作人员。
第三条 设区的市级人民政府应当编制防汛规划。
第四条 省、自治区、直辖市人民政府应当建立防汛物资储备。
第五条 县级人民政府应当在汛期前组织防汛检查。
第六条 县级人民政府对本行政区域内的防汛工作负责。
"""


def test_one_level_of_government_is_never_two_options():
    """乡级人民政府 and 乡镇人民政府 are one body: offered together, both are struck at once."""
    found = [
        c
        for seed in range(6)
        for c in generate(make_document(ALIASES), seed=seed, rules=["single.body"]).candidates
    ]
    assert found
    for c in found:
        townships = [o.text for o in c.options if o.text.startswith(("乡", "镇"))]
        assert len(townships) <= 1, townships


def test_a_level_the_law_binds_elsewhere_is_no_certainly_false_swap():
    """The law gives 乡级人民政府 duties of its own: a county duty restated of the township is
    arguable, under any of the township's names."""
    stems = [
        c.stem
        for seed in range(6)
        for c in generate(
            make_document(ALIASES), seed=seed, rules=["true_false.swap_level"]
        ).candidates
    ]
    assert not any("乡" in s and "汛期前" in s for s in stems)


def test_a_duty_for_one_s_own_area_is_not_asked_as_which_level():
    """Every level answers for its own area ("对本行政区域内的…工作负责"): no 单选 on it."""
    found = [
        c
        for seed in range(6)
        for c in generate(make_document(ALIASES), seed=seed, rules=["single.body"]).candidates
    ]
    assert not any("本行政区域" in c.stem for c in found)
    assert any("汛期前" in c.stem for c in found)  # the county's own duty is still asked


DEPARTMENTS = """# 示范英模纪念条例
第一条 为了纪念英模，制定本条例。
第二条 教育行政部门应当将英模事迹纳入学校教育内容。
第三条 民政部门负责英模纪念设施的保护管理工作。
第四条 文化主管部门应当组织创作英模题材的文艺作品。
第五条 退役军人事务部门应当建立英模档案。
第六条 人民法院依法审理侵害英模名誉的案件。
第七条 财政部门应当保障英模纪念经费。
"""


def test_a_department_s_wrong_options_are_departments_and_its_field_is_not_in_the_stem():
    found = [
        c
        for seed in range(6)
        for c in generate(make_document(DEPARTMENTS), seed=seed, rules=["single.body"]).candidates
    ]
    assert found
    for c in found:
        assert all(o.text.endswith(("部门", "机关")) for o in c.options), c.options
        assert "人民法院" not in {o.text for o in c.options}
    # "将…纳入学校教育内容" names the field of the key 教育行政部门: not asked
    assert not any("学校教育" in c.stem for c in found)


def _ingest(text: str, name: str):
    from question_bank.ingest import ingest_bytes

    return ingest_bytes(text.encode("utf-8"), name)


def test_markdown_list_items_in_an_article_are_its_items():
    text = (
        "# 中华人民共和国示范合作社法\n\n**第一条** 为了规范合作社，制定本法。\n\n"
        "**第二条** 合作社应当坚持以下原则：\n- （一）坚持民主管理；\n- （二）坚持自愿入社；\n"
        "- （三）坚持按劳分配。\n\n**第三条** 本法自公布之日起施行。\n"
    )
    doc = _ingest(text, "示范合作社法.md")
    assert "- " not in doc.text
    stems = [c.stem for c in generate(doc, seed=16).candidates if c.type == "short_answer"]
    assert stems == ["根据《示范合作社法》第二条，合作社应当坚持哪些原则？"]


PDF_COPY = (
    "中华人民共和国示范纪念法\n（2018年4月27日第十三届全国人民代表大会常务委\n员会第二次会议通过）\n\n"
    "第一条　为了纪念先烈，制定本法。\n"
    "第二条　每年9月30日为示范纪念日。\n"
    "第三条　纪念设施应当免费向社会开放，供公众瞻仰。\n"
    "第四条　县级以上人民政府应当加强纪念设施的保护，任何组织和个人不得寻衅滋事，\n"
    "\n— 1 —\n\n中华人民共和国示范纪念法\n"
    "扰乱纪念设施的公共秩序。\n"
    "第五条　违反本法规定的，依照《中华人民共和国治安管理处罚法\n》的规定处罚。\n"
    "第六条　纪念设施保护单位应当健全管理工作规范。\n"
    "第七条　本法自公布之日起施行。\n"
)


def test_a_pdf_copy_s_running_title_and_folded_lines_do_not_reach_the_body():
    doc = _ingest(PDF_COPY, "示范纪念法.txt")
    body = [p.text for p in doc.passages if p.kind == "article"]
    assert any("不得寻衅滋事，扰乱纪念设施的公共秩序" in t for t in body)
    assert not any(
        "示范纪念法扰乱" in t or t.count("中华人民共和国示范纪念法") > 0 for t in body[:4]
    )
    assert any("《中华人民共和国治安管理处罚法》的规定处罚" in t for t in body)
    notes = [p.text for p in doc.passages if p.kind == "note"]
    assert len(notes) == 2 and notes[0].startswith("（2018年")  # both lines of the note
    assert not any(
        c.stem.startswith("》") or "届" in c.stem for c in generate(doc, seed=16).candidates
    )


TABLE_LAW = """---
title: "## 示范调解法｜Sample Mediation Law"
lang: zh-Hans / en
---

[首页 Home](/) › [法规双语对照 Bilingual Statutes](/statutes/) › 示范调解法

> 📖 本页采用左右对照排版；手机浏览请横屏。 Best viewed in landscape on mobile.

# 中华人民共和国示范调解法
# Sample Mediation Law of the People's Republic of China

| 中文 | English |
|---|---|
| （2009年6月27日第十一届全国人民代表大会常务委员会第九次会议通过） | (Adopted on June 27, 2009) |

## 第一章　总　　则 ｜ Chapter I　General Provisions

| 中文 | English |
|---|---|
| **第一条**　为了及时解决纠纷，制定本法。 | **Article 1**　This Law is enacted to resolve disputes. |
| **第二条**　示范纠纷包括： | **Article 2**　Sample disputes include: |
| （一）因订立合同发生的纠纷； | (1) disputes over making contracts; |
| （二）因履行合同发生的纠纷。 | (2) disputes over performing contracts. |
| **第三条**　县级人民政府应当在三十日内作出调解决定。 | **Article 3**　The county government shall decide within 30 days. |
"""


def test_a_law_laid_out_as_a_two_column_table_is_ingested_as_a_law():
    doc = _ingest(TABLE_LAW, "sample_mediation.md")
    assert doc.title == "中华人民共和国示范调解法"
    articles = [p.text for p in doc.passages if p.kind == "article"]
    assert [a[:3] for a in articles] == ["第一条", "第二条", "第三条"]
    assert not any("|" in p.text or "Article" in p.text for p in doc.passages)
    assert "Chapter" not in " ".join(p.text for p in doc.passages if p.kind == "heading")
    assert [p.kind for p in doc.passages if "通过" in p.text] == ["note"]
    stems = [c.stem for c in generate(doc, seed=16).candidates]
    assert "根据《示范调解法》第二条，示范纠纷包括哪些？" in stems


def test_a_list_of_cases_is_asked_in_which_cases():
    from question_bank.generate.rules_short import _question_from_lead

    assert (
        _question_from_lead("第七条 有下列情形之一的，不得担任示范调解员：")
        == "在哪些情形下，不得担任示范调解员？"
    )
    # a lead-in without a subject reads the same way
    assert (
        _question_from_lead("第九条 下列情形，应当使用示范用字：")
        == "在哪些情形下，应当使用示范用字？"
    )


def test_a_stem_that_names_the_organ_s_work_does_not_ask_the_organ():
    """ "给予治安管理处罚" is the police's work: 公安机关 is not asked there."""
    text = (
        "# 示范纪念条例\n第一条 为了纪念先烈，制定本条例。\n"
        "第二条 扰乱纪念设施秩序的，由公安机关依法给予治安管理处罚。\n"
        "第三条 民政部门负责纪念设施的管理。\n第四条 文化主管部门负责纪念宣传。\n"
        "第五条 财政部门保障纪念经费。\n第六条 公安机关负责纪念活动的安全保卫。\n"
    )
    found = [
        c
        for seed in range(6)
        for c in generate(make_document(text), seed=seed, rules=["single.body"]).candidates
    ]
    assert not any("治安管理处罚" in c.stem for c in found)


DAYS_AND_CLASSES = """# 中华人民共和国示范防灾法
第一条 为了防灾减灾，制定本法。
第二条 本法所称示范灾害，是指突然发生、需要采取应急措施的山洪灾害、地质灾害和森林火灾。
第三条 按照危害程度等因素，示范灾害分为重大、较大和一般三级。
第四条 每年5月12日为示范防灾日。
第五条 本法所称防灾组织，是指依法从事防灾工作的基层组织，包括乡镇防灾组织、村防灾组织、组防灾组织。
第六条 本法所称防灾宣传，是指对公众开展的知识普及、技能培训和应急演练。
第七条 本法所称防灾物资，是指用于防灾的物品，包括各种储备或者调用的物资。
"""


def test_the_day_a_law_fixes_is_asked_as_its_date():
    found = _fills(DAYS_AND_CLASSES, "fill.law_day")
    assert [c.stem for c in found] == ["根据《示范防灾法》，每年____为示范防灾日。"]
    assert found[0].answer == ["5月12日"] and "五月十二日" in found[0].accepted[0]


def test_a_definition_s_classes_and_a_grading_are_asked_as_lists():
    found = {c.stem: c.scoring_points for c in _fills(DAYS_AND_CLASSES, "short.composition")}
    assert found["根据《示范防灾法》第二条，示范灾害包括哪几类？"] == [
        "山洪灾害",
        "地质灾害",
        "森林火灾",
    ]
    assert found["根据《示范防灾法》第三条，按照危害程度等因素，示范灾害分为哪三级？"] == [
        "重大",
        "较大",
        "一般",
    ]
    assert found["根据《示范防灾法》第五条，防灾组织包括哪些？"] == [
        "乡镇防灾组织",
        "村防灾组织",
        "组防灾组织",
    ]
    # acts, not classes ("普及、培训和演练"), and an item list without 、: not asked
    assert not any("第六条" in s or "第七条" in s for s in found)


def test_a_system_named_by_its_terms_is_asked_like_a_principle():
    text = (
        "# 中华人民共和国示范防灾法\n第一条 为了防灾减灾，制定本法。\n"
        "第二条 国家建立统一领导、分级负责、属地为主的防灾管理体制和专群结合的工作体系。\n"
        "第三条 防灾工作实行预防为主的原则。\n"
    )
    found = _fills(text, "fill.principle")
    assert [c.answer for c in found] == [["统一领导", "分级负责", "属地为主"]]
    assert found[0].stem.startswith("根据《示范防灾法》，国家建立____、____、____的防灾管理体制")


NATIONAL_DEPARTMENT = """# 中华人民共和国示范档案法
第一条 为了加强档案管理，制定本法。
第二条 档案销毁的程序和办法，由国家档案主管部门制定。
第三条 国家档案主管部门应当建立健全档案安全工作机制。
第四条 县级以上地方档案主管部门主管本行政区域内的档案工作。
"""


def test_a_national_department_is_a_body_and_swapped_one_level_down():
    stems = [
        c.stem
        for seed in range(6)
        for c in generate(
            make_document(NATIONAL_DEPARTMENT), seed=seed, rules=["true_false.swap_level"]
        ).candidates
    ]
    assert (
        "根据《示范档案法》，档案销毁的程序和办法，由省、自治区、直辖市人民政府档案主管部门制定。"
        in stems
    )
    # every level may "建立健全" such a mechanism: no certainly-false swap there
    assert not any("安全工作机制" in s for s in stems)


def test_a_term_whose_characters_are_only_scattered_in_its_definition_is_asked():
    text = (
        "# 中华人民共和国示范山区防灾法\n第一条 为了防灾，制定本法。\n"
        "第二条 本法所称山洪灾害，是指山区溪沟中暴涨的洪水造成的灾害。\n"
        "第三条 本法所称护林员，是指林业主管部门聘用的专职护林员。\n"
    )
    answers = [c.answer for c in _fills(text, "fill.definition")]
    assert ["山洪灾害"] in answers  # 山、洪、灾害 only scattered over other words
    assert ["护林员"] not in answers  # the term stands whole in its definition


def test_a_two_column_table_of_figures_is_not_taken_for_a_translation():
    from question_bank.clean import bilingual_table_row

    assert bilingual_table_row("| 一档 | 200 |") == "| 一档 | 200 |"
    assert bilingual_table_row("| 第一条　为了…… | Article 1　This Law… |") == "第一条　为了……"
    assert bilingual_table_row("|---|---|") == ""


def test_a_figure_that_contains_the_new_value_can_still_be_swapped():
    """ "满二十五年" swapped to "满二十年": "二十" stands inside "二十五", "二十年" does not."""
    text = (
        "# 中华人民共和国示范档案开放法\n第一条 为了开放档案，制定本法。\n"
        "第二条 档案馆的档案，应当自形成之日起满二十五年向社会开放。\n"
        "第三条 档案馆应当自收到申请之日起十日内答复。\n"
    )
    found = [
        c
        for seed in range(8)
        for c in generate(
            make_document(text), seed=seed, rules=["true_false.swap_law_figure"]
        ).candidates
        if "向社会开放" in c.stem
    ]
    assert found and all(c.answer is False and "二十五年" not in c.stem for c in found)
