"""Round sixteen (issue 16), statutes without numbers: a duty or right whose object is a
closed inline enumeration is asked as a short answer (short.duty_items), and the roles a
law assigns with "以A为基础、B为依托" are asked as a fill-in (fill.basis). Made-up laws only."""

from question_bank.generate import generate
from tests.question_bank.generate_helpers import make_document

DUTIES = """# 中华人民共和国示范敬老法
第一条 为了弘扬敬老美德，制定本法。
第二条 扶养人应当履行对长者经济上供给、生活上照护和精神上抚慰的义务，照顾长者的特殊需要。
第三条 成年孙辈对祖父母负有照看、扶助和保护的义务。
第四条 协会会员享有选举、表决和监督的权利。
第五条 协会会员享有参加活动、发表意见等权利。
第六条 承包人应当履行保护、建设和合理利用林地的义务。
第七条 游客在游览时享有人身、财产安全不受损害的权利。
第八条 任何会员享有章程、协议规定的权利。
第九条 前款规定的人员应当履行报告、登记和备案的义务。
第十四条 长者对个人的财产，依法享有占有、使用、收益和处分的权利，他人不得干涉。
第十条 国家建立以居家为基础、社区为依托、机构为支撑的长者服务体系。
第十一条 长者服务统计以经常性抽样调查为主体，以周期性普查为补充。
第十二条 长者服务以其成员为主体。
第十三条 长者服务站以志愿服务为主，开展互助活动。
"""


def _run(text: str, rule: str) -> dict:
    found = generate(make_document(text), seed=16, rules=[rule]).candidates
    return {c.stem: c for c in found}


def test_a_closed_list_of_duties_or_rights_is_asked_with_every_item_a_point():
    found = _run(DUTIES, "short.duty_items")
    first = found["根据《示范敬老法》第二条，扶养人应当履行对长者哪些义务？"]
    assert first.scoring_points == ["经济上供给", "生活上照护", "精神上抚慰"]
    assert found["根据《示范敬老法》第三条，成年孙辈对祖父母负有哪些义务？"].scoring_points == [
        "照看",
        "扶助",
        "保护",
    ]
    assert found["根据《示范敬老法》第四条，协会会员享有哪些权利？"].scoring_points == [
        "选举",
        "表决",
        "监督",
    ]
    # the object before a comma stays in the question
    owned = found["根据《示范敬老法》第十四条，长者对个人的财产依法享有哪些权利？"]
    assert owned.scoring_points == ["占有", "使用", "收益", "处分"]


def test_open_uneven_pointing_or_borrowed_lists_are_not_asked():
    stems = " ".join(_run(DUTIES, "short.duty_items"))
    assert "第五条" not in stems  # 等: the list is open
    assert "第六条" not in stems  # a shared object on the last item: not parallel duties
    assert "第七条" not in stems  # one right spelled out, not a list of rights
    assert "第八条" not in stems  # the rights are set by other texts
    assert "第九条" not in stems  # the subject points elsewhere
    assert len(_run(DUTIES, "short.duty_items")) == 4


def test_the_roles_a_law_assigns_are_blanked_together():
    found = {s: c.answer for s, c in _run(DUTIES, "fill.basis").items()}
    assert found[
        "根据《示范敬老法》，国家建立以____为基础、____为依托、____为支撑的长者服务体系。"
    ] == ["居家", "社区", "机构"]
    assert found["根据《示范敬老法》，长者服务统计以____为主体，以____为补充。"] == [
        "经常性抽样调查",
        "周期性普查",
    ]


def test_a_pointing_term_or_a_weak_role_is_not_blanked():
    stems = " ".join(_run(DUTIES, "fill.basis"))
    assert "为主体。" not in stems.replace("为主体，", "")  # 以其成员为主体: 其 points elsewhere
    assert "志愿服务" in DUTIES and "志愿" not in stems and "为主，" not in stems


def test_a_sentence_that_names_a_principle_is_left_to_fill_principle():
    text = DUTIES.replace(
        "第十三条 长者服务站以志愿服务为主，开展互助活动。",
        "第十三条 长者服务坚持以人民为中心，遵循自愿、平等、互助的原则。",
    )
    assert "人民为中心" in text and "第十三条" in text
    assert not any("遵循" in s for s in _run(text, "fill.basis"))
    # without the principle the same role is asked
    alone = text.replace("，遵循自愿、平等、互助的原则", "")
    assert any("坚持以____为中心" in s for s in _run(alone, "fill.basis"))


def test_a_speech_is_not_asked_by_these_rules():
    speech = (
        "# 在全县敬老工作会议上的讲话\n一、认清形势\n国家建立以居家为基础、社区为依托的服务体系。\n"
    )
    assert _run(speech, "fill.basis") == {} and _run(speech, "short.duty_items") == {}
