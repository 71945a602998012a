"""Round ten (issue 16): speeches, notices and Q&A articles. A speech makes no "错" (no swap
is safe on it), so beyond its one "对" a cited national rule is asked another way where a
certain blank exists; a named national strategy or system is asked with the items the
sentence gives for that very name, only when the nation or a named law states it; a Q&A
headline ending in ？ or ！ is the title, a flat attribute row or a site banner is not.
Every example is made up."""

from question_bank.generate import generate, registry
from question_bank.generate.kinds import OTHER
from question_bank.ingest import ingest_text
from tests.question_bank.generate_helpers import make_document

EMERGENCY = """# 在全镇应急管理工作会议上的讲话
一、认清形势
《突发事件应对法》规定，任何单位和个人不得编造、传播有关突发事件的虚假信息。各村要加强宣传。
二、依法应对
《突发事件应对法》规定，国家建立统一指挥、专常兼备、反应灵敏、上下联动的应急管理体制。
"""

GRAIN = """# 在全县粮食生产工作会议上的讲话
一、提高认识
《农民丰收节条例》规定，每年9月23日为中国农民丰收节。
《粮食安全保障法》已经施行。法律还明确，国家实施以我为主、立足国内、确保产能、适度进口、科技支撑的国家粮食安全战略。
我镇构建党委领导、政府负责、群众参与、部门联动的粮食生产工作格局。
二、抓好落实
全县各乡镇要坚持“三抓三促”，形成抓粮食、抓产能、抓收储的良好格局。
"""


def _stems(cands) -> list[str]:
    return [c.stem for c in cands]


def test_a_speech_keeps_one_true_and_asks_another_cited_rule_as_a_fill_in():
    result = generate(make_document(EMERGENCY), seed=16)
    trues = [c for c in result.candidates if c.type == "true_false"]
    assert len(trues) == 1  # no "错" on a speech: "对" stays no safe guess
    fills = [c for c in result.candidates if c.rule == "fill.national_formula"]
    assert [c.answer for c in fills] == [["统一指挥", "专常兼备", "反应灵敏", "上下联动"]]
    assert fills[0].stem == "根据《突发事件应对法》，国家建立____、____、____、____的应急管理体制。"
    # The fill-in is kept, not listed as dropped too.
    assert all(d.candidate is not fills[0] for d in result.dropped)


def test_the_true_beyond_the_one_becomes_the_fill_in_of_its_own_span():
    """Asked as the true/false question (as it would be without the formula rule), the
    second cited rule is not lost: its span's fill-in takes its place."""
    rules = ["true_false.national_rule", "fill.national_formula"]
    result = generate(make_document(EMERGENCY), seed=16, rules=rules)
    kinds_kept = sorted(c.rule for c in result.candidates)
    assert kinds_kept == ["fill.national_formula", "true_false.national_rule"]
    over = [d.candidate.stem for d in result.dropped if d.filter == "true_false_balance"]
    assert all("应急管理体制" in s for s in over)


def test_a_national_strategy_is_asked_with_its_own_items_and_a_local_one_never():
    result = generate(make_document(GRAIN), seed=16)
    stems = _stems(result.candidates)
    assert (
        "根据《粮食安全保障法》，国家实施____、____、____、____、____的国家粮食安全战略。" in stems
    )
    formula = next(c for c in result.candidates if c.rule == "fill.national_formula")
    assert formula.answer == ["以我为主", "立足国内", "确保产能", "适度进口", "科技支撑"]
    assert not any("工作格局" in s or "良好格局" in s for s in stems)  # the county's own


def test_the_nation_as_subject_states_a_system_without_a_law():
    text = "# 在全镇基层治理工作会议上的讲话\n国家建立健全党委领导、政府负责、社会协同的基层治理体系。\n"
    result = generate(make_document(text), seed=16, rules=["fill.national_formula"])
    assert _stems(result.candidates) == ["国家建立健全____、____、____的基层治理体系。"]


def test_national_formula_is_on_only_for_other_documents():
    assert registry.TABLE["fill.national_formula"][0] == frozenset({OTHER})
    law = "# 某某法\n第一条 国家实施以我为主、立足国内、确保产能的国家粮食安全战略。\n"
    result = generate(make_document(law), seed=16, rules=["fill.national_formula"])
    assert result.candidates == []  # a statute's own articles are asked by the statute rules


# --- titles -------------------------------------------------------------------------------


def test_a_qa_headline_ending_in_a_question_or_exclamation_mark_is_the_title():
    text = (
        "👆点击上方蓝字“平安某县”关注我们，每天都有新资讯！\n"
        "护照过期了怎么办？孩子能不能办？一文说清楚📌\n"
        "最近不少群众来电咨询，小编整理了大家最关心的几个问题。\n"
        "Q1：护照有效期多长？\n"
        "答：未满十六周岁的，有效期五年；十六周岁以上的，有效期十年。\n"
    )
    assert ingest_text(text, fallback_title="qa_passport").title.startswith("护照过期了怎么办？")
    text2 = "农机补贴怎么申请？这8个问题看完就懂！\n最近不少群众咨询农机购置补贴的问题，小编整理如下。\n"
    assert ingest_text(text2, fallback_title="x").title == "农机补贴怎么申请？这8个问题看完就懂！"


def test_a_question_of_the_article_is_never_its_title():
    text = "Q1：护照有效期多长？\n答：未满十六周岁的，有效期五年；十六周岁以上的，有效期十年。\n"
    assert ingest_text(text, fallback_title="qa_passport").title == "qa_passport"


def test_a_flat_attribute_row_and_a_site_banner_are_never_the_title():
    page = (
        "发布机构 某镇综合服务中心 公开时间 2025-10-08\n"
        "文号 某政办〔2025〕12号 公开范围 面向全社会\n"
        "某镇便民服务事项公开\n"
        "为方便群众办事，现将镇便民服务中心的服务事项公开如下，请群众按需前来办理，谢谢配合。\n"
    )
    assert ingest_text(page, fallback_title="x").title == "某镇便民服务事项公开"
    banner = (
        "某县水利局 某县人民政府门户网站 · 部门子站\n"
        "关于做好汛期安全工作的通知\n"
        "各乡镇人民政府，县直有关单位：为做好今年汛期安全工作，现将有关事项通知如下。\n"
    )
    assert ingest_text(banner, fallback_title="x").title == "关于做好汛期安全工作的通知"


# --- heldout10's lessons, made general ---------------------------------------------------

HANDOUT = """内部学习资料　注意保存
《河道管理条例》应知应会学习资料
第3期　某镇司法所编印　2026年3月
编者按：为帮助大家学好用好《河道管理条例》，现将有关知识点整理如下，供学习参考。
一、知识要点
1.【管理体制】国家对河道实行按水系统一管理和分级管理相结合的原则。
2.【宣传日】每年3月22日为河道保护宣传日。
3.【采砂】在河道管理范围内采砂，必须报经河道主管机关批准。
二、问答
问1：我镇河长制巡河怎么安排？
答：我镇各村河长每周至少巡河一次，镇河长每月至少巡河一次。
三、自测题
1.在河道管理范围内采砂，不必报经河道主管机关批准。（　）
2.每年5月22日为河道保护宣传日。（　）
参考答案：1.×　2.×，应为每年3月22日。
"""


def test_a_study_handouts_points_state_the_law_it_is_about_and_its_self_test_never():
    document = ingest_text(HANDOUT, fallback_title="handout")
    assert document.title == "《河道管理条例》应知应会学习资料"  # not the confidentiality banner
    result = generate(document, seed=16)
    stems = _stems(result.candidates)
    assert "根据《河道管理条例》，每年____为河道保护宣传日。" in stems
    day = next(c for c in result.candidates if c.rule == "fill.national_named_day")
    assert day.answer == ["3月22日"]  # the self-test's deliberately wrong 5月22日 never
    assert not any("【" in s or "巡河" in s or "不必" in s for s in stems)
    everything = stems + [
        d.candidate.stem for d in result.dropped if d.filter == "true_false_balance"
    ]
    assert "根据《河道管理条例》，在河道管理范围内采砂，必须报经河道主管机关批准。" in everything


def test_a_day_a_cited_law_sets_is_asked_naming_the_law_and_an_international_day_never():
    text = (
        "# 某乡烈士纪念日活动实施方案\n一、活动依据\n"
        "《英雄烈士保护法》规定，每年9月30日为烈士纪念日，国家在首都北京举行纪念仪式。\n"
        "每年6月9日为国际档案日。\n每年的6月1日是全镇防汛演练日。\n"
    )
    result = generate(make_document(text), seed=16)
    assert _stems(result.candidates) == ["根据《英雄烈士保护法》，每年____为烈士纪念日。"]
    assert result.candidates[0].answer == ["9月30日"]
    # The day inside the date is no figure to blank ("每年9月____为…").
    assert not any("9月____" in d.candidate.stem for d in result.dropped)


def test_law_said_without_its_name_means_the_only_law_the_document_names():
    text = (
        "# 在全镇烈士纪念设施管理工作会议上的讲话\n一、认清形势\n《英雄烈士保护法》已经施行多年。\n"
        "二、抓好落实\n法律规定，任何组织和个人不得在英雄烈士纪念设施保护范围内从事有损纪念英雄烈士环境的活动。\n"
    )
    stems = _stems(generate(make_document(text), seed=16).candidates)
    assert stems == [
        "根据《英雄烈士保护法》，任何组织和个人不得在英雄烈士纪念设施保护范围内从事有损纪念英雄烈士环境的活动。"
    ]
    two_laws = text.replace("已经施行多年。", "和《烈士褒扬条例》都已施行多年。")
    assert generate(make_document(two_laws), seed=16).candidates == []  # which law?


def test_the_township_government_a_cited_law_names_is_no_local_subject():
    text = (
        "# 在全镇应急管理工作会议上的讲话\n"
        "根据《突发事件应对法》规定，乡镇人民政府应当明确专门工作力量，负责突发事件应对有关工作。\n"
        "乡镇敬老院应当在汛前完成排查。\n"
    )
    stems = _stems(generate(make_document(text), seed=16).candidates)
    assert stems == [
        "根据《突发事件应对法》，乡镇人民政府应当明确专门工作力量，负责突发事件应对有关工作。"
    ]


def test_the_classes_a_cited_law_counts_are_blanked_and_an_ordinal_series_is_not():
    text = (
        "# 在全镇应急管理工作会议上的讲话\n"
        "《突发事件应对法》规定，自然灾害、事故灾难、公共卫生事件分为特别重大、重大、较大和一般四级。\n"
        "《突发事件应对法》规定，预警级别分为一级、二级、三级和四级。\n"
        "我镇的隐患点分为重点、一般和轻微三类。\n"
    )
    result = generate(make_document(text), seed=16, rules=["fill.national_formula"])
    assert _stems(result.candidates) == [
        "根据《突发事件应对法》，自然灾害、事故灾难、公共卫生事件分为____、____、____和____四级。"
    ]
    assert result.candidates[0].answer == ["特别重大", "重大", "较大", "一般"]


# --- ingestion: page breaks and page headers of new shapes --------------------------------


def test_a_bracketed_page_number_and_a_promo_beside_a_page_number_join_the_cut_sentence():
    text = (
        "在全镇集体经济工作会议上的讲话\n同志们：\n"
        "一、规范运行\n法律规定，召开成员大会，应当于会议召开十日前通知全体成员，一般每五户至十五户选举代\n"
        "［第三页］\n表一人。全镇目前共有成员代表41\n\n"
        "※ 开通会员可免费下载本文档，享受无广告阅读 ※　［立即开通］\n\n3/5\n"
        "名，还有3个村没有选齐，要抓紧补选。\n"
    )
    body = ingest_text(text, fallback_title="x").text
    assert "选举代表一人。" in body and "第三页" not in body
    assert "成员代表41名，还有3个村" in body and "开通会员" not in body


def test_a_sharing_sites_file_info_line_is_furniture_and_a_truncation_notice_stays_a_barrier():
    text = (
        "全文预览\n资料页数：4　资料格式：DOCX　上传会员：abc_2023　浏览：218次\n"
        "在全县农村公路管理养护工作推进会上的讲话\n同志们：\n今天召开会议，主要任务是部署农村公路养护工作，\n"
        "（未完，剩余800字，会员可完整阅读）\n"
        "下一步要抓好落实。\n"
    )
    document = ingest_text(text, fallback_title="x")
    assert document.title == "在全县农村公路管理养护工作推进会上的讲话"
    assert "资料页数" not in document.text
    assert "工作，下一步" not in document.text  # text is missing there: never glued


def test_a_wrapped_attribute_cell_is_never_the_title():
    page = (
        "发布机构： 某溪镇人民政\n府办公室\n主题分类： 综合政务\n文 号： 某政办发\n〔2026〕5号\n"
        "某溪镇人民政府办公室\n关于开展村级档案规范化管理工作的通知\n"
        "各村（社区），镇直各单位：现将有关事项通知如下，请认真贯彻执行。\n"
    )
    assert ingest_text(page, fallback_title="x").title == "关于开展村级档案规范化管理工作的通知"


def test_a_day_after_a_sentence_citing_another_law_is_not_that_laws_day():
    text = (
        "# 在全镇国防教育工作会议上的讲话\n"
        "《国防教育法》规定，国防教育是建设和巩固国防的基础。每年5月12日为防灾减灾宣传日。\n"
        "《英雄烈士保护法》规定，县级以上人民政府应当举行纪念活动。每年9月30日为烈士纪念日。\n"
    )
    stems = _stems(
        generate(make_document(text), seed=16, rules=["fill.national_named_day"]).candidates
    )
    assert stems == ["根据《英雄烈士保护法》，每年____为烈士纪念日。"]


def test_a_handouts_editor_note_is_not_its_topic_law():
    text = HANDOUT.replace(
        "编者按：为帮助大家学好用好《河道管理条例》，现将有关知识点整理如下，供学习参考。",
        "编者按：为帮助大家学好用好《河道管理条例》，现将有关知识点整理如下。党员干部应当带头学习，做到学懂弄通。",
    )
    stems = _stems(generate(ingest_text(text, fallback_title="handout"), seed=16).candidates)
    assert stems and not any("带头学习" in s for s in stems)
