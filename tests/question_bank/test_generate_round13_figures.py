"""Round thirteen (issue 16), figures in statutes: a share bounded after it ("三分之二以上",
"四分之三以上同意") is a quorum or majority the law sets, asked like "不少于三分之二"; a
speech or a county's notice still keeps its own shares out. Every text is made up."""

from question_bank.generate import generate
from question_bank.ingest import ingest_bytes

TITLE = "中华人民共和国示范果园管理法"
OPENING = "为了规范示范果园管理，促进果农增收，制定本法。"


def _law(*articles: str):
    articles = (OPENING, *articles, "果园经营者应当遵守本法。")
    digits = "一二三四五六七八九"
    body = "\n".join(f"第{digits[i]}条　{text}" for i, text in enumerate(articles))
    text = f"{TITLE}\n\n第一章　总则\n\n{body}\n"
    return ingest_bytes(text.encode("utf-8"), "示范果园管理法.txt")


def _asked(document, rule: str = "single.number") -> list[tuple[str, object]]:
    out = []
    for c in generate(document, seed=16, rules=[rule]).candidates:
        key = next((o.text for o in c.options if o.key == c.answer), c.answer)
        out.append((c.stem, key))
    return out


def test_a_quorum_bounded_after_the_share_is_asked():
    document = _law("果农协会召开会员大会，出席人数应当达到会员总数三分之二以上。")
    asked = _asked(document)
    assert (
        "根据《示范果园管理法》，果农协会召开会员大会，出席人数应当达到会员总数____以上。",
        "三分之二",
    ) in asked


def test_a_majority_for_a_decision_is_asked():
    document = _law("果农协会变更章程，应当经全体会员四分之三以上同意。")
    asked = _asked(document)
    assert any(key == "四分之三" and "全体会员____以上同意" in stem for stem, key in asked)


def test_a_cap_far_after_its_bound_is_asked():
    document = _law("果农协会的附加表决权总票数，不得超过协会会员基本表决权总票数的百分之十五。")
    asked = _asked(document)
    assert any(key == "百分之十五" for _, key in asked)


def test_a_share_with_no_bound_is_still_no_figure_to_ask():
    document = _law("悬挂果园标牌时，标牌下沿距地面的高度为立杆全长的三分之一。")
    assert all("三分之一" not in str(key) for _, key in _asked(document))


def test_speech_shares_stay_out():
    text = (
        "在全县果园管理工作会议上的讲话\n\n同志们：\n\n"
        "今年各村召开果农大会，出席人数要达到全村户数三分之二以上。"
        "各乡镇要在月底前完成果园普查，参加普查的果农要达到五分之四以上。\n"
    )
    document = ingest_bytes(text.encode("utf-8"), "果园讲话.txt")
    result = generate(document, seed=16)
    assert not [c for c in result.candidates if "分之" in c.stem or "分之" in str(c.answer)]


def test_a_duty_whose_actor_is_inside_its_condition_is_asked():
    document = _law(
        "受理申请的县级人民政府农业农村主管部门对不予评定的，"
        "应当自受理申请之日起十五日内书面通知申请人，并说明理由。"
    )
    asked = _asked(document)
    assert any(
        stem.startswith(
            "根据《示范果园管理法》，受理申请的县级人民政府农业农村主管部门对不予评定的"
        )
        and key == "十五"
        for stem, key in asked
    )


def test_a_condition_with_no_actor_still_stops_the_duty():
    document = _law(
        "决定给予果园补贴的，应当自作出决定之日起十日内拨付补贴资金。",
        "经有关部门对果园审核合格的，应当在三十日内予以公示。",
    )
    assert not _asked(document)


def test_the_week_of_a_named_day_is_asked():
    document = _law("每年4月22日世界地球日所在周为全国果园生态保护宣传周。")
    stems = [c.stem for c in generate(document, seed=16, rules=["fill.law_day"]).candidates]
    assert stems == ["根据《示范果园管理法》，每年____世界地球日所在周为全国果园生态保护宣传周。"]


def test_a_minimum_after_bu_de_shao_yu_is_a_law_s_figure():
    document = _law("县级以上人民政府农业农村主管部门进行果园检查时，检查人员不得少于二人。")
    assert any(key == "二" and "不得少于____人" in stem for stem, key in _asked(document))


def test_a_speech_s_own_minimum_stays_out():
    text = (
        "在全县果园检查工作会议上的讲话\n\n同志们：\n\n"
        "今年每个乡镇的检查组不得少于三人，每个村的果园巡查不得少于二次。\n"
    )
    document = ingest_bytes(text.encode("utf-8"), "果园检查讲话.txt")
    assert not generate(document, seed=16).candidates


def test_a_period_of_working_days_is_one_blank():
    document = _law(
        "受理申请的县级人民政府农业农村主管部门对不予评定的，"
        "应当自受理申请之日起二十个工作日内书面通知申请人，并说明理由。"
    )
    asked = _asked(document, "fill.law_deadline")
    assert any(key == ["二十"] and "之日起____个工作日内" in stem for stem, key in asked)
