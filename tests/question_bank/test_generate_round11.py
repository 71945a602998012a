"""Round eleven (issue 16): layouts that hid a law's articles (Word's paragraph numbering,
TOML front matter over a bilingual page, a title that names no law), and a statute's
required minimum or maximum asked as a certainly-false "错" only in the direction that makes
it false. Every text is made up."""

from question_bank.generate import generate, registry
from question_bank.generate.candidate import Candidate, Source
from question_bank.generate.kinds import STATUTE, document_kind
from question_bank.generate.pipeline import _promote
from question_bank.generate.textutil import law_name
from question_bank.ingest import ingest_bytes
from tests.question_bank.generate_helpers import make_document

ARTICLES = [
    "为了规范示范果园管理，促进果农增收，制定本法。",
    "示范果园应当坚持生态优先、绿色发展的原则。",
    "县级以上人民政府应当将示范果园建设纳入国民经济和社会发展规划。",
    "果园经营者应当建立生产记录，如实记载农药、肥料的使用情况。",
]
NUMERALS = "一二三四"


def _ingest(text: str, name: str):
    return ingest_bytes(text.encode("utf-8"), name)


def test_word_paragraph_numbers_before_article_numbers_do_not_hide_the_articles():
    lines = [f"{i + 1}.\t第{NUMERALS[i]}条\t{body}" for i, body in enumerate(ARTICLES)]
    # Word numbers an article's second paragraph too.
    lines.append("5.\t乡镇人民政府应当配合做好示范果园建设工作。")
    text = "中华人民共和国示范果园管理法\n\n第一章\t总则\n\n" + "\n".join(lines) + "\n"
    document = _ingest(text, "示范果园管理法.txt")
    assert document.passages[-1].text.endswith("\n乡镇人民政府应当配合做好示范果园建设工作。")
    assert [p.text[:3] for p in document.passages if p.kind == "article"] == [
        "第一条",
        "第二条",
        "第三条",
        "第四条",
    ]
    assert document_kind(document) == STATUTE
    assert law_name(document) == "示范果园管理法"
    stems = [c.stem for c in generate(document, seed=16).candidates]
    assert stems and not any("1." in s or "\t" in s for s in stems)


def test_a_listed_point_that_is_no_article_keeps_its_number():
    document = _ingest("工作要点\n\n1. 第一批名单月底前公布。\n2. 做好宣传。\n", "要点.txt")
    assert any(p.text.startswith("1.") for p in document.passages)


BILINGUAL = """+++
title = "中华人民共和国示范果园管理法（中英对照）· 第一章 总则"
slug = "demo-orchard-law-ch1"
date = 2026-01-18T09:30:00+08:00
categories = ["法规双语", "Laws in Translation"]
draft = false
+++

[« 返回法规目录](../index.md) · [English only](./ch1.en.md)

# 中华人民共和国示范果园管理法 / Law of the People's Republic of China on Demonstration Orchards

## 第一章　总　　则 / Chapter I General Provisions

""" + "\n\n".join(
    f"第{NUMERALS[i]}条　{body}\n\n> **Article {i + 1}** This article is translated here."
    for i, body in enumerate(ARTICLES)
)


def test_toml_front_matter_does_not_make_a_bilingual_law_another_kind_of_document():
    document = _ingest(BILINGUAL, "bilingual_demo_orchard.md")
    assert document.title == "中华人民共和国示范果园管理法"
    assert document_kind(document) == STATUTE
    assert not any("slug" in p.text or "+++" in p.text for p in document.passages)
    found = generate(document, seed=16).candidates
    assert found and all("示范果园管理法" in c.stem for c in found)


def test_a_document_mostly_of_articles_is_a_statute_whatever_its_title():
    text = "\n".join(f"第{NUMERALS[i]}条 {body}" for i, body in enumerate(ARTICLES))
    document = _ingest("果园资料汇编\n\n" + text + "\n", "orchard_pages.txt")
    assert document_kind(document) == STATUTE


def test_a_county_s_rules_in_articles_stay_a_local_document():
    text = "\n".join(f"第{NUMERALS[i]}条 {body}" for i, body in enumerate(ARTICLES))
    document = _ingest("某县示范果园管理实施细则\n\n" + text + "\n", "county.txt")
    assert document_kind(document) != STATUTE


FIGURES = """# 中华人民共和国示范果园管理法
第一条 为了规范示范果园管理，制定本法。
第二条 果园经营者应当保存生产记录不少于二年。
第三条 示范果园的成员中，果农至少应当占成员总数的百分之八十。
第四条 示范果园的附加表决权总票数，不得超过基本表决权总票数的百分之二十。
第五条 认定机关应当自受理申请之日起二十日内作出决定。
"""


def _false_swaps(text: str) -> dict[str, str]:
    found = {}
    for seed in range(8):
        for c in generate(
            make_document(text), seed=seed, rules=["true_false.swap_law_figure"]
        ).candidates:
            found[c.swapped["original"]] = c.swapped["replacement"]
    return found


def test_a_required_minimum_is_raised_and_a_maximum_lowered_so_the_statement_is_false():
    swaps = _false_swaps(FIGURES)
    # At least 80% is at least 70% too: only a larger minimum makes the statement false.
    assert swaps["百分之八十"] in ("百分之九十",)
    assert swaps["二年"] in ("三年", "四年", "五年")
    assert swaps["百分之二十"] == "百分之十"


def test_a_threshold_in_a_condition_is_never_swapped():
    text = FIGURES.replace(
        "第五条 认定机关", "第五条 成员总数不少于五十人的，可以设立成员代表大会。\n第六条 认定机关"
    )
    assert "五十人" not in _false_swaps(text)


def test_a_percentage_s_wrong_options_are_percentages():
    singles = generate(make_document(FIGURES), seed=1, rules=["single.number"]).candidates
    share = [c for c in singles if c.option_text(c.answer) == "百分之八十"]
    assert share
    assert all(o.text.startswith("百分之") for o in share[0].options)


def test_single_body_is_off_on_statutes_by_its_honest_record():
    kinds, why = registry.TABLE["single.body"]
    assert not kinds and "16/24" in why


def test_an_interval_is_not_a_minimum_to_raise():
    text = FIGURES.replace(
        "第五条 认定机关",
        "第五条 果园经营者应当保证管理人员至少每2年接受一次培训。\n第六条 认定机关",
    )
    assert "2年" not in _false_swaps(text)


def test_a_share_the_sentence_already_states_is_no_wrong_option():
    text = FIGURES.replace(
        "果农至少应当占成员总数的百分之八十。",
        "果农至少应当占成员总数的百分之八十，其他示范园果农至少应当占成员总数的百分之七十。",
    )
    for seed in range(4):
        for c in generate(make_document(text), seed=seed, rules=["single.number"]).candidates:
            if c.option_text(c.answer) == "百分之八十":
                assert "百分之七十" not in [o.text for o in c.options]


def _statement(stem: str, span: tuple[int, int], answer: bool, reserve: bool = False):
    return Candidate(
        type="true_false",
        stem=stem,
        answer=answer,
        explanation="",
        source=Source("p", span[0], span[1], "x"),
        rule="true_false.swap_law_figure" if reserve else "true_false.true",
        reserve=reserve,
    )


def test_a_reserve_false_statement_is_asked_where_nothing_else_asks_its_span():
    kept_true = _statement("甲", (0, 10), True)
    waiting = _statement("乙", (20, 30), False, reserve=True)
    # Its 单选 and 填空 failed a check: the span has no question, so the "错" joins.
    assert _promote([kept_true], [waiting], 1) == [(None, waiting)]
    # A span already asked by a "对" is not asked twice: since round fifteen its "错" takes
    # the "对"'s place (the fact is still asked, and three waiting "对" may follow).
    same_span = _statement("丙", (0, 10), False, reserve=True)
    assert _promote([kept_true], [same_span], 1) == [(kept_true, same_span)]
    # A span asked by another "错" keeps it.
    kept_false = _statement("丁", (40, 50), False)
    other = _statement("戊", (40, 50), False, reserve=True)
    assert _promote([kept_false], [other], 1) == []
