"""Round 16 ingest: new layouts of statutes (made-up law-like text, near-misses included)."""

from __future__ import annotations

from question_bank.furniture import is_furniture
from question_bank.generate import generate
from question_bank.generate.textutil import law_name
from question_bank.ingest import ingest_text
from question_bank.statute_layout import drop_article_labels

ART_1 = "第一条　为了规范乡村邮路的建设和管护，保障村民的通邮需求，制定本法。"
ART_2 = "第二条　县级以上地方人民政府应当将乡村邮路建设纳入国土空间规划，所需经费列入本级预算。"
ART_3 = "第三条　邮路管护单位应当每月巡查一次邮路，发现损毁的，应当在十日内修复。"
ART_4 = "第四条　任何单位和个人不得占用、损毁乡村邮路设施。"
BODIES = [a.replace("　", " ") for a in (ART_1, ART_2, ART_3, ART_4)]


def articles(text: str) -> list[str]:
    return [p.text for p in ingest_text(text).passages if p.kind == "article"]


def _split(text: str, width: int) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


def _sms(prefix: str, width: int = 23) -> str:
    body = "\n".join(["乡村邮路法普法短信第1期：", ART_1, ART_2, ART_3, ART_4])
    parts = _split(body, width)
    n = len(parts)
    lines = ["短信　｜　某县邮政管理局", "—— 11月3日 周一 09:30 ——"]
    for k, part in enumerate(parts, 1):
        lines.extend([prefix.format(k=k, n=n) + part, ""])
    lines.append("回T退订")
    return "\n".join(lines)


def test_sms_parts_are_joined_back_for_several_prefix_styles():
    for prefix in ("【某县邮政】({k}/{n})", "[普法通知]（{k}/{n}）", "({k}/{n})"):
        got = articles(_sms(prefix))
        assert got == BODIES, prefix
        text = ingest_text(_sms(prefix)).text
        assert "/" not in text.replace("回T退订", ""), prefix


def test_sms_cut_inside_an_article_number_is_joined():
    text = "\n".join(
        [
            "【某县邮政】(1/3)乡村邮路法节选：",
            ART_1,
            ART_2[:-1] + "。第三",
            "【某县邮政】(2/3)条　邮路管护单位应当每月巡查一次邮路，发现损毁的，应当在十日",
            "【某县邮政】(3/3)内修复。",
            ART_4,
        ]
    )
    assert articles(text) == BODIES


def test_a_lone_or_unnumbered_part_mark_is_left_alone():
    text = "\n".join(
        [
            "学习提纲",
            "(1/3)先学习总则部分，",
            "再学习分则。",
            "(3/3)最后交流体会。",
        ]
    )
    cleaned = ingest_text(text).text
    assert "(1/3)" in cleaned or "（1/3）" in cleaned


def _annotated(label: str) -> str:
    lines = ["中华人民共和国乡村邮路法条文释义", "第一章　总　　则"]
    for head, art in (("立法目的", ART_1), ("规划与经费", ART_2), ("巡查修复", ART_3)):
        lines.extend([f"{label}{head}", art])
        if art == ART_2:  # an explanation after some articles only
            lines.append("【释义】本条是一项说明，不是法律条文。")
    lines.extend([f"{label}禁止行为", ART_4])
    return "\n".join(lines)


def test_article_label_lines_never_join_the_previous_article():
    for label in ("【条文主旨】", "〔本条要旨〕", "［主旨］"):
        got = articles(_annotated(label))
        assert len(got) == 4, label
        for body in got:
            assert "主旨" not in body and "要旨" not in body, label
        assert got[3] == BODIES[3]


def test_a_single_label_line_or_a_labelled_sentence_stays():
    text = "\n".join(
        [
            "中华人民共和国乡村邮路法",
            ART_1,
            "【提示】以下两条是重点。",
            ART_2,
            ART_3,
            "【案例】某村修路占用邮路设施",
            ART_4,
        ]
    )
    lines = text.split("\n")
    assert drop_article_labels(lines) == lines  # a sentence, and a label seen once only
    twice = [*lines[:2], "【案例】邮路规划", *lines[3:]]
    assert drop_article_labels(twice) == [*lines[:2], *lines[3:5], lines[6]]


def test_running_header_with_page_number_goes():
    text = "\n".join(
        [
            "中华人民共和国乡村邮路法条文释义",
            ART_1,
            "第二条　县级以上地方人民政府应当将乡村邮路建设纳入国土空间规划，",
            "乡村邮路法条文释义 · 40 ·",
            "所需经费列入本级预算。",
            ART_3,
            "乡村邮路法条文释义 · 42 ·",
            ART_4,
        ]
    )
    got = articles(text)
    assert got == BODIES
    assert "· 4" not in ingest_text(text).text


def test_distribution_lines_are_furniture():
    assert is_furniture("抄送：县委政法委，县农业农村局，县信访局。")
    assert is_furniture("主送：各乡镇人民政府，县直各部门")
    assert is_furniture("某县妇女联合会办公室　2025年11月18日印发")
    assert not is_furniture("抄送人员应当保守工作秘密。")
    assert not is_furniture("主送单位收到后。应当立即办理：")
    assert not is_furniture("各单位要按时印发学习材料")


def test_tab_separated_translation_column_is_dropped():
    en = [
        "Article 1 This Law is formulated to regulate rural postal routes.",
        "Article 2 Local people's governments shall plan rural postal routes.",
        "Article 3 Route keepers shall inspect the routes every month.",
        "Article 4 No unit or individual shall occupy postal route facilities.",
    ]
    rows = [
        f"{zh}\t{e}\t邮路法 Art{n} 待复习"
        for n, (zh, e) in enumerate(zip((ART_1, ART_2, ART_3, ART_4), en, strict=True), 1)
    ]
    text = "\n".join(["#separator:tab", "#deck:双语词汇::中华人民共和国乡村邮路法", *rows])
    got = articles(text)
    assert got == BODIES
    assert "Article" not in ingest_text(text).text


def test_a_chinese_only_tab_table_keeps_its_cells():
    text = "\n".join(
        ["姓名\t单位\t电话", "张三\t邮政所\t1234", "李四\t司法所\t5678", "王五\t民政所\t9012"]
    )
    cleaned = ingest_text(text).text
    assert "司法所" in cleaned and "李四" in cleaned


def test_captioned_box_between_articles_goes_uncaptioned_box_stays():
    text = "\n".join(
        [
            "中华人民共和国乡村邮路法",
            ART_1,
            ART_2,
            "　┌ 相关问答",
            "　│ 问：本村邮路坏了找谁？",
            "　│ 答：打镇邮政所电话，三天内来修。",
            "　└ 本条问答由镇邮政所提供　👍有帮助（3）",
            ART_3,
            ART_4,
        ]
    )
    got = articles(text)
    assert got == BODIES
    assert "三天内" not in ingest_text(text).text
    slide = "\n".join(
        [
            "中华人民共和国乡村邮路法",
            "┌──────────┐",
            "│ 1. 邮路规划与经费",
            "│ 各地要把邮路规划好，经费要有保障。",
            "└──────────┘",
            ART_1,
            ART_2,
            ART_3,
        ]
    )
    assert "经费要有保障" in ingest_text(slide).text


def test_law_name_from_a_head_sentence_when_nothing_else_names_it():
    text = "\n".join(
        [
            "拍照翻译 · 历史记录导出",
            "说明：拍摄的是《中华人民共和国乡村邮路法》（2024年）第一章。",
            "〔原文〕",
            ART_1,
            ART_2,
            ART_3,
            ART_4,
        ]
    )
    assert law_name(ingest_text(text)) == "乡村邮路法"
    cited = text.replace("第一章。", "第一章，依照《中华人民共和国邮政法》第五条执行。")
    assert law_name(ingest_text(cited)) is None


def test_no_stem_carries_layout_text():
    for text in (_sms("【某县邮政】({k}/{n})"), _annotated("【条文主旨】")):
        result = generate(ingest_text(text), seed=16)
        for cand in result.candidates:
            assert "/" not in cand.stem and "主旨" not in cand.stem and "】" not in cand.stem
