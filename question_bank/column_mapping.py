"""Map another exam system's spreadsheet columns onto our template's.

When a file's headers are not one of the layouts we recognise, the admin maps each of its
columns to one of ours (or leaves it out). `suggest` proposes a mapping from common
header names (题目, 类型, 正确答案…), so a familiar foreign layout needs one click; `apply`
turns a row of the foreign file into a row of our template, including a single 选项 column
holding every option ("A. 甲  B. 乙" or one option per line).
"""

from __future__ import annotations

import re

from question_bank.format_checks import OPTION_KEYS
from question_bank.formats import TEMPLATE_COLUMNS, TEMPLATE_REQUIRED

ALL_OPTIONS = "选项（合并）"
TARGETS = (*TEMPLATE_COLUMNS, ALL_OPTIONS)
REQUIRED = TEMPLATE_REQUIRED

UNKNOWN_TARGET = "列“{source}”对应的“{target}”不是本平台模板的列"
TARGET_TWICE = "“{target}”只能对应一列（现对应：{sources}）"
MISSING_REQUIRED = "请为“{target}”选择对应的列"
NOT_IN_FILE = "文件中没有名为“{source}”的列"

# Header names other systems use, normalised (no spaces, no punctuation) → our column.
ALIASES = {
    "题目": "题干",
    "题目内容": "题干",
    "试题": "题干",
    "试题内容": "题干",
    "问题": "题干",
    "题干内容": "题干",
    "类型": "题型",
    "题目类型": "题型",
    "试题类型": "题型",
    "题型名称": "题型",
    "正确答案": "答案",
    "标准答案": "答案",
    "参考答案": "答案",
    "答案解析": "解析",
    "试题解析": "解析",
    "题目解析": "解析",
    "解释": "解析",
    "难易度": "难度",
    "难易程度": "难度",
    "难度等级": "难度",
    "考点": "知识点",
    "知识点名称": "知识点",
    "分数": "分值",
    "选项": ALL_OPTIONS,
    "选项内容": ALL_OPTIONS,
    "备选项": ALL_OPTIONS,
}
for _key in OPTION_KEYS:
    for _name in (f"选项{_key}", _key, f"{_key}选项", f"选项{_key.lower()}", _key.lower()):
        ALIASES[_name] = f"选项{_key}"
for _column in TEMPLATE_COLUMNS:
    ALIASES[_column] = _column

_PUNCT = re.compile(r"[\s:：()（）\[\]【】*_\-]+")
# "A." "A、" "A：" "(A)" "A)" at the start of an option.
_OPTION_START = re.compile(r"(?:^|(?<=\s)|(?<=[|｜;；]))[（(]?([A-Ha-h])[)）]?[.．、:：)）]\s*")


def _normal(header: str) -> str:
    return _PUNCT.sub("", header or "")


def suggest(headers: list[str]) -> dict[str, str]:
    """{file header: our column} for the headers we can guess; each column used once."""
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for header in headers:
        target = ALIASES.get(_normal(header))
        if target and target not in taken:
            mapping[header] = target
            taken.add(target)
    return mapping


def check(mapping: dict[str, str], headers: list[str]) -> list[str]:
    """Chinese problems with a mapping (empty when it can be applied)."""
    problems = []
    by_target: dict[str, list[str]] = {}
    for source, target in mapping.items():
        if not target:
            continue
        if source not in headers:
            problems.append(NOT_IN_FILE.format(source=source))
        if target not in TARGETS:
            problems.append(UNKNOWN_TARGET.format(source=source, target=target))
        by_target.setdefault(target, []).append(source)
    for target, sources in by_target.items():
        if len(sources) > 1:
            problems.append(TARGET_TWICE.format(target=target, sources="、".join(sources)))
    for target in REQUIRED:
        if target not in by_target:
            problems.append(MISSING_REQUIRED.format(target=target))
    return problems


def split_options(cell: str) -> dict[str, str]:
    """ "A. 甲 B. 乙" / "A、甲|B、乙" / one per line → {"选项A": "甲", "选项B": "乙"}."""
    text = (cell or "").strip()
    marks = list(_OPTION_START.finditer(text))
    if not marks:
        lines = [line.strip() for line in re.split(r"[\n|｜]", text) if line.strip()]
        return {f"选项{key}": line for key, line in zip(OPTION_KEYS, lines, strict=False)}
    out = {}
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        out[f"选项{mark.group(1).upper()}"] = text[mark.end() : end].strip(" |｜;；\n")
    return out


def apply(values: dict[str, str], mapping: dict[str, str]) -> dict[str, str]:
    """A foreign row as a row of our template."""
    row: dict[str, str] = {}
    for source, target in mapping.items():
        if not target:
            continue
        cell = values.get(source, "") or ""
        if target == ALL_OPTIONS:
            for column, text in split_options(cell).items():
                row.setdefault(column, text)
        else:
            row[target] = cell
    return row
