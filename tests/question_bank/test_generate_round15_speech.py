"""Round fifteen (issue 16): national provisions in speeches and notices. A law named as the
topic of a sentence ("X法对女职工有特殊保护，比如……", "X法的要求更硬：……"), a source after an
opening connective ("另外，法律规定……", "关于投诉处理，国家规定……"), "讲得很清楚", a second law
named only in passing (no "法律规定" may then stand for the first), the speaker's report
"法律还要求A，并且明确B" asked as "A 应当……" or not at all, "各地应当" as a law's words, duties
and entitlements (负责、享受) as rules. Local arrangements still never pass. Every text is made
up (the laws too)."""

import pytest

from question_bank.generate import generate, verify
from question_bank.generate.attribution import attribute, law_cited, setting
from question_bank.generate.candidate import Candidate, Source
from question_bank.generate.rules_national import _reported
from question_bank.ingest import ingest_bytes
from tests.question_bank.generate_helpers import make_document

LAW = "职工技能促进法"

# A paged speech: page marks between pages, one provision cut by a page break.
PAGES = [
    "各位同志：今天召开全镇职工技能提升推进会。职工技能促进法于2031年3月1日起施行，大家要把法律吃透。"
    "法律还要求用人单位建立职工技能培训制度，并且明确从事特种作业的职工，上岗前必须经过培训。"
    "职工技能促进法对青年职工有专门保护，比如青年职工参加脱产培训享受不少于三十天的带薪学习假；",
    "对参加培训的青年职工，不得安排其在培训期间加班。另外，法律规定培训机构应当向学员公开收费标准和课程安排。"
    "关于投诉处理，国家规定有关部门自收到投诉之日起五个工作日内予以处理并告知投诉人。"
    "法律还规定，县级以上人民政府统一负责本行政区域的职工技能培训工作，乡镇人民政府应当配合做好有关",
    "工作。镇里今年要举办八期培训班，每期补助每人三百元，这是镇里的政策。"
    "我们要求各村在月底前上报培训名单，每村不少于二十人。谢谢大家！",
]


def _paged_speech() -> str:
    lines = ["镇长在全镇职工技能提升推进会上的讲话"]
    for k, page in enumerate(PAGES, start=1):
        lines += [page, f"— 第 {k} 页 / 共 {len(PAGES)} 页 —"]
    return "\n".join(lines) + "\n"


def _stems(document, rule=None):
    result = generate(document, seed=16)
    balance = [
        d.candidate for d in result.dropped if d.filter in ("true_false_balance", "duplicate")
    ]
    return [c.stem for c in [*result.candidates, *balance] if rule is None or c.rule == rule]


@pytest.fixture(scope="module")
def paged_stems():
    document = ingest_bytes(_paged_speech().encode("utf-8"), "paged_speech_skills.txt")
    return _stems(document)


def test_reported_requirement_asked_with_its_modal(paged_stems):
    assert f"根据《{LAW}》，用人单位应当建立职工技能培训制度。" in paged_stems
    assert not any("并且明确" in s for s in paged_stems)
    assert not any(s.startswith(f"根据《{LAW}》，用人单位建立") for s in paged_stems)


def test_law_named_before_its_example_vouches_for_the_example(paged_stems):
    assert any(
        s.startswith(f"根据《{LAW}》，青年职工参加脱产培训享受不少于") for s in paged_stems
    ), paged_stems


def test_sources_after_an_opening_connective(paged_stems):
    assert f"根据《{LAW}》，培训机构应当向学员公开收费标准和课程安排。" in paged_stems
    assert "国家规定有关部门自收到投诉之日起____内予以处理并告知投诉人。" in paged_stems


def test_rule_cut_by_a_page_break_is_joined(paged_stems):
    joined = [s for s in paged_stems if "乡镇人民政府应当配合做好有关工作" in s]
    cut = [s for s in paged_stems if s.rstrip("。").endswith("做好有关")]
    assert not cut
    assert joined or any("统一负责本行政区域的职工技能培训工作" in s for s in paged_stems)


def test_local_arrangements_stay_out(paged_stems):
    for local in ("八期", "三百元", "二十人", "月底", "镇里"):
        assert not any(local in s for s in paged_stems), local


@pytest.mark.parametrize(
    "said, law, rest",
    [
        (
            "劳务保障法对女职工有特殊保护，比如女职工生育享受不少于九十天的产假。",
            "劳务保障法",
            "女职工",
        ),
        ("《山林旅游法》对经营者有明确要求，例如经营者应当设置警示标志。", "山林旅游法", "经营者"),
        ("体育锻炼法的要求更硬：学校必须开足体育课。", "体育锻炼法", "学校"),
        ("劳务保障法规定得很清楚：用人单位应当按月支付工资。", "劳务保障法", "用人单位"),
        ("另外，《山林旅游法》规定，景区应当公布最大承载量。", "山林旅游法", "景区"),
    ],
)
def test_law_cited_before_the_rule(said, law, rest):
    cited = law_cited(said)
    assert cited is not None and cited[0] == law
    assert said[cited[1] :].startswith(rest)


@pytest.mark.parametrize(
    "said",
    [
        "我们的办法对群众有保护，比如每户发一本明白卡。",
        "劳务保障法对女职工有特殊保护，我们要抓好落实。",  # no example, no colon
        "执法对象有要求，比如要持证。",
        "关于今年的工作，我们规定每村配一名协管员。",
    ],
)
def test_no_law_cited_near_misses(said):
    cited = law_cited(said)
    assert (cited is None or cited[0] is None) and not attribute(said).national


def test_this_law_explained_clearly():
    where = setting(
        "讲话", "护林防火法于2030年修订。这部法律第二条讲得很清楚，护林防火实行预防为主。"
    )
    assert where.law == "护林防火法"
    verdict = attribute("这部法律第二条讲得很清楚，护林防火实行预防为主。", where=where)
    assert verdict.national and verdict.law == "护林防火法"


def test_national_rule_after_opener_and_local_near_miss():
    assert attribute(
        "关于投诉处理，国家规定有关部门自收到投诉之日起五个工作日内予以处理。"
    ).national
    assert not attribute("关于投诉处理，我们规定镇里三个工作日内答复。").national
    assert not attribute(
        "另外，法律规定镇里每月检查一次。", where=setting("", "《山林旅游法》")
    ).national


def test_a_second_law_named_in_passing_ends_the_only_law():
    text = "劳务保障法明确规定，工资应当按月支付。检查时要紧扣劳务合同法规定的事项。法律规定得很清楚：逾期不支付的，加付赔偿金。"
    assert setting("讲话", text).law is None
    verdict = attribute(
        "法律规定得很清楚：用人单位逾期不支付的，应当加付赔偿金。", where=setting("讲话", text)
    )
    assert not verdict.national
    same = "劳务保障法明确规定，工资应当按月支付。大家要遵守劳务保障法规定的事项。"
    assert setting("讲话", same).law == "劳务保障法"


@pytest.mark.parametrize(
    "rule, asked, stem",
    [
        (
            "用人单位建立职工培训制度，并且明确特种作业人员必须持证上岗",
            True,
            "用人单位应当建立职工培训制度",
        ),
        (
            "基层群众性自治组织在村规民约中体现节约精神",
            True,
            "基层群众性自治组织应当在村规民约中体现节约精神",
        ),
        ("各地应当注重选聘专职人员", True, "各地应当注重选聘专职人员"),
        ("经营者应当明码标价，同时规定不得价外加价", False, "经营者应当明码标价"),
        ("建立健全培训制度", True, None),  # no subject the law requires
        ("企业职工参加培训", True, None),  # the subject runs on
        ("是各方的共同责任", True, None),
    ],
)
def test_reported_speech_rewritten_or_refused(rule, asked, stem):
    assert _reported(rule, asked) == stem


def _true_false(stem: str, quote: str) -> Candidate:
    return Candidate(
        type="true_false",
        stem=stem,
        answer=True,
        explanation="",
        source=Source("p1", 0, len(quote), quote),
        rule="true_false.national_rule",
    )


def test_verifier_accepts_the_modal_only_for_what_the_law_requires():
    quote = "法律还要求用人单位建立职工培训制度，并且明确……"
    assert (
        verify.check(_true_false(f"根据《{LAW}》，用人单位应当建立职工培训制度。", quote)) is None
    )
    plain = "法律规定用人单位建立职工培训制度。"
    assert verify.check(_true_false(f"根据《{LAW}》，用人单位应当建立职工培训制度。", plain))


def test_each_region_shall_is_the_laws_wording():
    where = setting("", "《退役人员保障法》于2030年施行。")
    assert attribute("法律要求各地应当注重选聘专职人员。", where=where).national
    assert not attribute("各地要在月底前上报名单。", where=where).national


def test_duties_and_entitlements_are_rules():
    text = (
        "# 在全县旅游安全工作会上的讲话\n"
        "山林旅游法规定，县级以上人民政府统一负责旅游安全工作。\n"
        "镇里负责景区巡查，每周两次。\n"
    )
    stems = _stems(make_document(text), "true_false.national_rule")
    assert stems == ["根据《山林旅游法》，县级以上人民政府统一负责旅游安全工作。"]


@pytest.mark.parametrize(
    "said",
    [
        "修订后的护林防火法规定，禁止在林区野外用火。",
        "新修订的《护林防火法》明确，禁止在林区野外用火。",
    ],
)
def test_the_revision_is_no_part_of_the_name(said):
    assert law_cited(said)[0] == "护林防火法"
    text = "2030年，《护林防火法》作了修订。" + said
    assert setting("讲话", text).law == "护林防火法"


def test_the_revised_law_stands_for_the_only_law():
    where = setting("讲话", "2030年，《护林防火法》作了修订。")
    verdict = attribute("修订后的法律明确，护林防火实行预防为主、积极消灭的方针。", where=where)
    assert verdict.national and verdict.law == "护林防火法"
