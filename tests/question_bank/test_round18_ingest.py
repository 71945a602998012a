"""Round 18 ingest: a law inside a code-like wrapper (SQL dump, git patch, YAML, PO, LaTeX,
JSON Lines) or a Q&A handbook is read as law. All law text is made up (a "乡村集市管理法");
near-misses included: text that looks like a wrapper but is not, and answers that only
paraphrase or cite a paragraph."""

from __future__ import annotations

import json
import re

from question_bank.code_wrapper import (
    articles_from_answers,
    drop_annotations,
    peel_code_wrapper,
    peel_git_patch,
    peel_json_lines,
    peel_latex,
    peel_po,
    peel_sql_dump,
    peel_yaml,
)
from question_bank.generate.kinds import STATUTE, document_kind
from question_bank.ingest import ingest_text
from tests.question_bank.generate_helpers import article_texts

NAME = "中华人民共和国乡村集市管理法"
ARTICLES = {
    "第九条": [
        "乡镇人民政府应当每年对本行政区域内的集市进行一次安全检查。",
        "检查结果应当自检查结束之日起十五日内公布。",
    ],
    "第十条": [
        "集市开办者应当履行下列义务：",
        "（一）公示摊位分配办法；",
        "（二）配备必要的消防器材；",
        "（三）保持场地清洁。",
    ],
    "第十一条": ["任何单位和个人不得向摊主收取法律、法规规定以外的费用。"],
    "第十二条": [
        "集市开办者违反本法规定的，由县级人民政府市场监督管理部门责令改正。",
        "拒不改正的，处五千元以上二万元以下的罚款。",
    ],
}


def _paragraphs() -> list[tuple[str, str]]:
    """(article, paragraph text as the law writes it, the first with its head)."""
    out = []
    for number, paragraphs in ARTICLES.items():
        out.append((number, f"{number}　{paragraphs[0]}"))
        out.extend((number, p) for p in paragraphs[1:])
    return out


def _expected() -> dict[str, str]:
    return {number: "".join(paragraphs) for number, paragraphs in ARTICLES.items()}


def _assert_law_read(text: str) -> None:
    assert article_texts(text) == _expected()
    assert document_kind(ingest_text(text)) == STATUTE


# --- SQL dump ----------------------------------------------------------------------------


def _sql(content_quote=lambda s: s.replace("'", "''")) -> str:
    lines = [
        "-- MySQL dump 10.13",
        "/*!40101 SET NAMES utf8mb4 */;",
        "CREATE TABLE `law_text` (",
        "  `id` int NOT NULL,",
        "  `body` text COMMENT '条文（一段一行）',",
        ") ENGINE=InnoDB;",
    ]
    for i, (number, paragraph) in enumerate(_paragraphs()):
        lines.append(
            f"INSERT INTO `law_text` VALUES ({i + 1},'{NAME}','{number}',"
            f"'{content_quote(paragraph)}',{i * 7},'2026-01-0{1 + i % 9} 08:00:00');"
        )
    return "\n".join(lines)


def test_sql_dump_rows_become_the_law_with_heads_at_line_start():
    peeled = peel_sql_dump(_sql().split("\n"))
    assert peeled[0] == NAME
    assert peeled[1] == "第九条　" + ARTICLES["第九条"][0]
    assert not any("'" in line or "INSERT" in line or "CREATE" in line for line in peeled)
    _assert_law_read(_sql())


def test_sql_dump_escapes_are_undone():
    text = _sql(lambda s: s.replace("“", "\\'"))
    assert all("\\" not in line for line in peel_sql_dump(text.split("\n")))


def test_sql_several_rows_in_one_insert():
    rows = ",".join(f"({i},'{p}',3)" for i, (_, p) in enumerate(_paragraphs()))
    text = f"INSERT INTO t VALUES {rows};\n" * 1 + "INSERT INTO t VALUES (99,'x',1);\n" * 2
    peeled = peel_sql_dump(text.split("\n"))
    assert peeled[0] == "第九条　" + ARTICLES["第九条"][0]


def test_prose_mentioning_insert_is_not_a_dump():
    text = "数据库里执行 INSERT INTO 语句时要注意备份。\n第九条　不适用。"
    assert peel_sql_dump(text.split("\n")) is None


# --- git patch ---------------------------------------------------------------------------


def _patch() -> str:
    head = [
        "$ git show --stat 3f2a1c9",
        "commit 3f2a1c9d0e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f",
        "Author: 某某 <someone@example.invalid>",
        "Date:   Mon Mar 2 10:00:00 2026 +0800",
        "",
        "    补录集市管理法第三章",
        "",
        " laws/jishi.txt | 9 +++++++++",
        " 1 file changed, 9 insertions(+)",
        "",
        "diff --git a/README.md b/README.md",
        "--- a/README.md",
        "+++ b/README.md",
        "@@ -1,2 +1,2 @@",
        " | 法律 | 状态 |",
        "-| 集市管理法 | 待补 |",
        "+| 集市管理法 | 第三章已补 |",
        "diff --git a/laws/jishi.txt b/laws/jishi.txt",
        "new file mode 100644",
        "--- /dev/null",
        "+++ b/laws/jishi.txt",
        "@@ -0,0 +1,9 @@",
    ]
    body = ["+" + p for _, p in _paragraphs()]
    body.insert(3, "-乡镇人民政府应当每年检查两次。")  # a removed line is not the law any more
    return "\n".join([*head, *body])


def test_git_patch_keeps_added_law_lines_without_plus():
    peeled = peel_git_patch(_patch().split("\n"))
    assert "检查结果应当自检查结束之日起十五日内公布。" in peeled
    assert not any(line.startswith(("+", "-", "@@", "diff")) for line in peeled)
    assert not any("待补" in line or "已补" in line for line in peeled)  # the index file
    assert "乡镇人民政府应当每年检查两次。" not in peeled
    _assert_law_read(_patch())


def test_a_list_with_plus_signs_is_not_a_patch():
    text = "+ 报名\n+ 缴费\n第九条　乡镇人民政府应当检查。"
    assert peel_git_patch(text.split("\n")) is None


# --- YAML --------------------------------------------------------------------------------


def _yaml() -> str:
    lines = ["# 知识库配置 kb/jishi.yaml", "meta:", f"  law: {NAME}", "  owner: 信息科", "entries:"]
    for i, (number, paragraph) in enumerate(_paragraphs()):
        lines += [
            f"  - id: js-{i:03d}",
            "    chapter: 第三章　集市秩序",
            f"    article: {number}",
            "    text: >-",
            f"      {paragraph[:12]}",
            f"      {paragraph[12:]}",
            '    bot_reply: "这一条您记住就行～有问题打电话。"',
            f"    intents: [集市, {number}]",
            f"    hits_30d: {i * 3}",
        ]
    return "\n".join(lines)


def test_yaml_keeps_block_text_and_drops_keys_and_replies():
    peeled = peel_yaml(_yaml().split("\n"))
    assert peeled[0] == NAME
    assert peeled.count("第三章　集市秩序") == 1
    assert not any(re.match(r"\s*[a-z_]+\d*:", line) for line in peeled)
    assert not any("有问题打电话" in line for line in peeled)
    _assert_law_read(_yaml())


def test_markdown_front_matter_is_not_a_yaml_knowledge_base():
    text = "---\ntitle: 通知\ndate: 2026-01-01\n---\n第九条　乡镇人民政府应当检查。"
    assert peel_yaml(text.split("\n")) is None


# --- gettext PO --------------------------------------------------------------------------


def _po() -> str:
    lines = [f"# 双语学习材料 《{NAME}》第三章", 'msgid ""', 'msgstr ""', '"Language: en\\n"', ""]
    for i, (_, paragraph) in enumerate(_paragraphs()):
        lines += [
            f"#: jishi.txt:{i}",
            "#. 译者注：术语待统一。",
            f'msgid "{paragraph}"',
            f'msgstr "English paragraph {i} of the market law."',
            "",
        ]
    return "\n".join(lines)


def test_po_keeps_the_chinese_side_only():
    peeled = peel_po(_po().split("\n"))
    assert peeled[0].startswith("双语学习材料")
    assert not any("English" in line or "译者注" in line or "msg" in line for line in peeled)
    _assert_law_read(_po())


# --- LaTeX -------------------------------------------------------------------------------


def _latex() -> str:
    lines = [
        "% 编者：行首百分号是注释",
        "\\documentclass{ctexart}",
        "\\newcommand{\\tiao}[1]{\\textbf{#1}}",
        "\\begin{document}",
        f"\\title{{《{NAME}》第三章}}",
        "\\maketitle",
        "\\section*{第三章　集市秩序}",
    ]
    for number, paragraphs in ARTICLES.items():
        lines.append(f"\\tiao{{{number}}}　{paragraphs[0]}")
        lines.append("% 小张：这条讲课时强调一下")
        items = [p for p in paragraphs[1:] if p.startswith("（")]
        others = [p for p in paragraphs[1:] if not p.startswith("（")]
        if items:
            lines.append("\\begin{description}")
            lines += [f"  \\item[] {p}" for p in items]
            lines.append("\\end{description}")
        lines += [*others, ""]
    lines.append("\\end{document}")
    return "\n".join(lines)


def test_latex_commands_and_comments_are_peeled():
    peeled = peel_latex(_latex().split("\n"))
    assert peeled[0] == f"《{NAME}》第三章"
    assert "第九条　" + ARTICLES["第九条"][0] in peeled
    assert not any("\\" in line or "小张" in line or "{" in line for line in peeled)
    _assert_law_read(_latex())


def test_latex_escaped_percent_is_text():
    text = "\\begin{document}\n罚款比例为百分之五十即50\\%。% 注释\n\\end{document}"
    assert peel_latex(text.split("\n")) == ["罚款比例为百分之五十即50%。"]


# --- JSON Lines --------------------------------------------------------------------------


def _jsonl() -> str:
    rows = [json.dumps({"_meta": {"law": NAME, "rows": 7}}, ensure_ascii=False)]
    for i, (_, paragraph) in enumerate(_paragraphs()):
        row = {"seq": i, "zh": paragraph, "en": f"Paragraph {i}.", "status": "ok"}
        if i == 1:
            row["note"] = "审校：“十五日”核对无误"
        rows.append(json.dumps(row, ensure_ascii=False))
    return "\n".join(rows)


def test_json_lines_keep_the_chinese_field_and_drop_notes():
    peeled = peel_json_lines(_jsonl().split("\n"))
    assert peeled == [p for _, p in _paragraphs()]


# --- Q&A handbook ------------------------------------------------------------------------


def _handbook() -> str:
    lines = [
        "一问一答（农村版）",
        "编写说明：每问对应《乡村集市管理法》一条，“答”中引号内为法律原文。",
    ]
    for k, (number, paragraphs) in enumerate(ARTICLES.items()):
        lines.append(f"问{k + 1}：这件事法律怎么规定的？")
        lines.append(f"答：《乡村集市管理法》{number}规定：")
        quoted = [f"“{paragraphs[0]}", *paragraphs[1:]]
        quoted[-1] += "”"
        lines += quoted
        lines.append("（编者注：本镇的做法见附页。）")
    return "\n".join(lines)


def test_handbook_answers_quoting_whole_articles_become_articles():
    text = _handbook()
    assert document_kind(ingest_text(text)) == STATUTE
    assert article_texts(text) == _expected()
    assert "问1" not in peel_code_wrapper(text)
    assert "编者注" not in peel_code_wrapper(text)


def test_handbook_inline_quote_on_the_answer_line():
    lines = [
        f"答：{number}规定：“{''.join(paragraphs)}”" for number, paragraphs in ARTICLES.items()
    ]
    out = articles_from_answers(lines)
    assert out[0] == "第九条　" + "".join(ARTICLES["第九条"])


def test_answers_citing_a_paragraph_or_paraphrasing_stay():
    lines = [
        "答：《乡村集市管理法》第九条第二款规定：",
        "“检查结果应当自检查结束之日起十五日内公布。”",
        "答：第十条规定：开办者要公示摊位分配办法。",
        "答：第十一条规定：",
        "“任何单位和个人不得乱收费。”",
        "答：第十二条规定：",
        "大意是违法要罚款。",
    ]
    out = articles_from_answers(lines)
    assert out[:3] == lines[:3]
    assert out[3] == "第十一条　任何单位和个人不得乱收费。"
    assert out[-2:] == lines[-2:]


# --- annotations around articles ---------------------------------------------------------


def _law_with(between: list[str]) -> list[str]:
    out = []
    for _, paragraph in _paragraphs():
        out.append(paragraph)
        if paragraph.startswith("第"):
            out += between
    return out


def test_outline_tags_speaker_labels_and_footnotes_go():
    lines = ["记录员（宣读）：第三章　集市秩序"]
    for number, paragraphs in ARTICLES.items():
        lines += ["记录员（宣读）：", f"{number} [标签：常考]", f"{paragraphs[0]}[1]"]
        lines += [*paragraphs[1:], "[备注] 本镇每月查两次", "[1] 本镇共有集市六处。"]
    lines.append("—— 记录结束，共宣读四条 ——")
    out = drop_annotations(lines)
    assert out[0] == "第三章　集市秩序"
    joined = "\n".join(out)
    for gone in ("宣读", "标签", "备注", "[1]", "六处", "记录结束"):
        assert gone not in joined
    assert "乡镇人民政府应当每年对本行政区域内的集市进行一次安全检查。" in out


def test_law_lines_that_look_like_notes_stay():
    lines = _law_with(["[原文] （一）公示摊位分配办法；", "下列活动不需申请：", "条款：第九条　略"])
    out = drop_annotations(lines)
    assert "[原文] （一）公示摊位分配办法；" in out
    assert "下列活动不需申请：" in out  # a law's own lead-in before items, not a speaker
    assert "条款：第九条　略" in out  # a form's label is not a speaker's prefix


def test_fewer_than_three_articles_are_left_alone():
    lines = ["[备注] 这是一份通知", "第九条　乡镇人民政府应当检查。", "问1：要交钱吗？"]
    assert drop_annotations(lines) == lines


def test_plain_text_passes_through_unchanged():
    text = "\n".join(p for _, p in _paragraphs())
    assert peel_code_wrapper(text) == text
