"""Round twelve (issue 16): what the heldout12 judge found. A law numbered "第1条" is a law;
a scan's stray spaces between Chinese characters do not reach a stem or a knowledge point;
"国家实行____制度" is not asked where the law names another system that fits the blank.
Every text is made up."""

from question_bank.generate import generate
from question_bank.generate.kinds import STATUTE, document_kind
from question_bank.ingest import ingest_bytes
from tests.question_bank.generate_helpers import make_document

ARTICLES = [
    "为了规范示范果园管理，促进果农增收，制定本法。",
    "示范果园应当坚持生态优先、绿色发展的原则。",
    "县级以上人民政府应当将示范果园建设纳入国民经济和社会发展规划。",
    "果园经营者应当建立生产记录，如实记载农药、肥料的使用情况。",
    "违反本法第4条规定的，由县级以上人民政府农业农村主管部门责令改正。",
]


def _ingest(text: str, name: str):
    return ingest_bytes(text.encode("utf-8"), name)


def test_a_law_numbered_in_arabic_figures_is_read_as_articles():
    body = "\n".join(f"第{i + 1}条 {text}" for i, text in enumerate(ARTICLES))
    document = _ingest("中华人民共和国示范果园管理法\n\n第1章 总则\n\n" + body + "\n", "果园法.txt")
    articles = [p.text for p in document.passages if p.kind == "article"]
    assert [a[:3] for a in articles] == ["第一条", "第二条", "第三条", "第四条", "第五条"]
    assert "违反本法第四条规定的" in articles[-1]
    assert document_kind(document) == STATUTE
    assert generate(document, seed=16).candidates


def _spaced(text: str) -> str:
    return " ".join(text)


SCAN = "\n".join(
    [
        "中华人民共和国示范果园管理法",
        "第 一 章 　 总 　 则",
        *(
            f"{_spaced(f'第{n}条')} 　 {_spaced(text)}"
            for n, text in zip("一二三四", ARTICLES, strict=False)
        ),
        "第五条　县级以上人民政府负责组 织有关部门开展示范果园评定工作。",
    ]
)


def test_a_scan_s_stray_spaces_between_chinese_characters_are_closed_up():
    document = _ingest(SCAN + "\n", "果园法_扫描件.txt")
    texts = [p.text for p in document.passages]
    assert any(t.startswith("第二条 示范果园应当坚持生态优先、绿色发展的原则。") for t in texts)
    assert any("负责组织有关部门" in t for t in texts)
    assert document_kind(document) == STATUTE
    for c in generate(document, seed=16).candidates:
        assert "组 织" not in c.stem and "  " not in c.stem
        assert all(" " not in point for point in c.knowledge_points), c.knowledge_points


def test_a_heading_spaced_for_width_is_one_word_and_latin_words_keep_their_spaces():
    text = "\n".join(
        [
            "中华人民共和国示范果园管理法",
            "第一章 总  则",
            "第一条 为了规范示范果园管理，制定本法。 This Law is enacted to regulate orchards.",
            "第二条 示范果园应当坚持生态优先、绿色发展的原则。",
            "第三条 县级以上人民政府应当将示范果园建设纳入国民经济和社会发展规划。",
        ]
    )
    document = _ingest(text + "\n", "果园法.txt")
    assert any(p.text == "第一章 总则" or "总则" in p.heading_path for p in document.passages)
    assert not any(
        "总 则" in p.text or "总 则" in "".join(p.heading_path) for p in document.passages
    )
    assert any("This Law is enacted" in p.text for p in document.passages)


SYSTEMS = """# 中华人民共和国示范草场保护法
第一条 为了保护示范草场，制定本法。
第二条 国家实行基本草场保护制度。
第三条 国家对草场实行以草定畜、草畜平衡制度。
第四条 对严重退化的草场，实行禁牧、休牧制度。
"""


def _systems(text: str) -> list:
    return generate(make_document(text), seed=16, rules=["fill.system"]).candidates


def test_no_system_is_asked_where_the_law_names_another_that_fits_the_blank():
    assert not any("国家实行" in c.stem for c in _systems(SYSTEMS))
    alone = SYSTEMS.replace("第三条 国家对草场实行以草定畜、草畜平衡制度。\n", "").replace(
        "实行禁牧、休牧制度", "禁止放牧"
    )
    assert [c.answer for c in _systems(alone)] == [["基本草场保护"]]


def test_a_longer_name_with_a_qualifier_the_stem_would_drop_is_another_system():
    text = SYSTEMS.replace("第三条 国家对草场实行以草定畜、草畜平衡制度。\n", "").replace(
        "对严重退化的草场，实行禁牧、休牧制度", "县级人民政府应当落实重点基本草场保护制度"
    )
    assert not _systems(text)


def test_a_statute_s_system_of_two_terms_is_asked_as_a_fill_in():
    text = """# 中华人民共和国示范果园管理法
第一条 为了规范示范果园管理，制定本法。
第二条 国家建立统一的果园监测网络，实行统一领导、分级负责的果园管理体制。
第三条 果园经营者应当建立生产记录，如实记载农药、肥料的使用情况。
第四条 县级以上人民政府应当将示范果园建设纳入国民经济和社会发展规划。
"""
    found = generate(make_document(text), seed=16, rules=["fill.principle"]).candidates
    assert [c.answer for c in found] == [["统一领导", "分级负责"]]
    assert "实行____、____的果园管理体制" in found[0].stem
