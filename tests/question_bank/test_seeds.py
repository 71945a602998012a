"""Every real material in ../shared: Simplified, no furniture, no pinyin, every sentence kept.

The sentences checked are taken from each file at test time (never copied into the
repository): the raw file is converted with OpenCC (and 带著 → 带着), bracketed pinyin is stripped
with an independent pattern, furniture lines are dropped by the phrases below, and
what remains is split into sentences that must all appear in the cleaned text.
"""

import re
from pathlib import Path

import opencc
import pytest

from question_bank.clean import modern_zhe
from question_bank.ingest import ingest_bytes
from tests.conftest import SHARED_DIR, shared_path

_T2S = opencc.OpenCC("t2s")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_IN_BRACKETS = re.compile(rf"[(（][a-zü{_TONED}' ]*[{_TONED}][a-zü{_TONED}' ]*[)）]")

# Phrases that mark a line as page furniture (not content) in the seed files.
FURNITURE_PHRASES = (
    "您的位置",
    "当前位置",
    ">>正文",
    "发表时间",
    "发布时间",
    "浏览次数",
    "不代表本站观点",
    "版权所有",
    "免责声明",
    "下载本文档",
    "继续免费阅读",
    "阅读全文",
    "展开全文",
    "已阅读",
    "(未完",
    "全文共",
    "省略",
    "正式会员",
    "提交评论",
    "相关文章",
    "相关推荐",
    "上一篇",
    "下一篇",
    "文章搜索",
    "http://",
    "https://",
    "www.",
    "<!--",
)
FURNITURE_LINE = re.compile(r"^(?:时间|来源|作者)[:：]|_第\d+页$|^\d+/\d+$|^评论$")

SEEDS = ["000_", "001_", "002_", "004_"]
LAWS = ["村民委员会组织法", "行政处罚法", "乡村振兴促进法", "宪法修正案"]


def _file(folder: str, prefix: str) -> Path:
    directory = shared_path(*folder.split("/"))
    matches = sorted(p for p in directory.iterdir() if p.name.startswith(prefix))
    if not matches:
        pytest.skip(f"{directory} 中没有以 {prefix} 开头的文件")
    return matches[0]


def _all_files() -> list[tuple[str, str]]:
    return [("seeds", s) for s in SEEDS] + [("data/policy", law) for law in LAWS]


def _is_furniture_line(line: str) -> bool:
    line = line.strip()
    return any(p in line for p in FURNITURE_PHRASES) or bool(FURNITURE_LINE.search(line))


def _content_sentences(raw: str) -> list[str]:
    """Sentences of the source outside furniture lines, Simplified, without pinyin."""
    text = modern_zhe(_T2S.convert(PINYIN_IN_BRACKETS.sub("", raw)))
    lines = [line for line in text.splitlines() if not _is_furniture_line(line)]
    pieces = re.split(r"(?<=[。！？!?])|\n", "\n".join(lines))
    sentences = []
    for piece in pieces:
        piece = re.sub(r"\s+", " ", piece).strip()
        if piece.startswith("#"):
            piece = piece.lstrip("# ")
        if len(piece) >= 6:
            sentences.append(piece)
    return sentences


@pytest.fixture(scope="module", params=_all_files(), ids=lambda f: f[1].strip("_"))
def material(request):
    folder, prefix = request.param
    path = _file(folder, prefix)
    raw_bytes = path.read_bytes()
    return raw_bytes.decode("utf-8"), ingest_bytes(raw_bytes, path.name)


def test_shared_folder_is_located_next_to_the_repository():
    if not SHARED_DIR.exists():
        pytest.skip(f"共享资料目录不存在：{SHARED_DIR}")
    assert (SHARED_DIR / "seeds").is_dir()


def test_cleaned_text_is_simplified(material):
    _raw, doc = material
    assert _T2S.convert(doc.text) == doc.text


def test_no_furniture_line_survives(material):
    _raw, doc = material
    bad = [line for line in doc.text.split("\n") if _is_furniture_line(line)]
    assert bad == []


def test_no_bracketed_pinyin_survives(material):
    _raw, doc = material
    assert PINYIN_IN_BRACKETS.findall(doc.text) == []


def test_every_content_sentence_is_kept(material):
    raw, doc = material
    sentences = _content_sentences(raw)
    assert len(sentences) > 10
    missing = [s for s in sentences if s not in doc.text]
    assert missing == []


def test_nothing_is_invented_or_reordered(material):
    raw, doc = material
    source = re.sub(r"\s+", "", modern_zhe(_T2S.convert(PINYIN_IN_BRACKETS.sub("", raw))))
    position = 0
    for piece in re.split(r"(?<=[。！？])|\n", doc.text):
        flat = re.sub(r"\s+", "", piece).lstrip("#")
        if not flat:
            continue
        found = source.find(flat, position)
        assert found >= 0, f"not in source after offset {position}: {piece[:40]}"
        position = found + len(flat)


def test_offsets_are_exact_and_ids_unique(material):
    _raw, doc = material
    assert doc.passages
    for passage in doc.passages:
        assert doc.text[passage.start : passage.end] == passage.text
    assert len({p.id for p in doc.passages}) == len(doc.passages)
    gaps, last = [], 0
    for passage in doc.passages:
        assert passage.start >= last  # in order, never overlapping
        gaps.append(doc.text[last : passage.start])
        last = passage.end
    gaps.append(doc.text[last:])
    assert re.sub(r"[\s#*_\-]", "", "".join(gaps)) == ""  # no text outside a passage


@pytest.mark.parametrize("law", LAWS)
def test_law_articles_chapters_and_title(law):
    path = _file("data/policy", law)
    raw = path.read_text(encoding="utf-8")
    doc = ingest_bytes(path.read_bytes(), path.name)
    article_lines = re.findall(r"(?m)^第[一二三四五六七八九十百零]+条", raw)
    articles = [p for p in doc.passages if p.kind == "article"]
    assert [a.text.split(" ")[0] for a in articles] == article_lines
    chapters = [
        " ".join(heading.split())  # the files separate number and name with U+3000
        for heading in re.findall(
            r"(?m)^(?:#{2,3} )?(第[一二三四五六七八九十]+[章节][ \u3000].+)$", raw
        )
    ]
    assert [p.text for p in doc.passages if p.kind == "heading"][1:] == chapters
    assert doc.title == re.match(r"# (.+)", raw).group(1)
    if raw.count("\n## 第") >= 2:  # a law organised in chapters: every article sits in one
        assert all(a.heading_path[1].startswith("第") for a in articles)


@pytest.mark.parametrize(
    ("prefix", "furniture"),
    [
        (
            "001_",
            ["您的位置", "发表时间", "正文", "省略", "未完", "文章搜索", "相关文章", "正式会员"],
        ),
        ("002_", ["时间:2022", "导语", "不代表本站观点", "客服"]),
    ],
)
def test_chosen_furniture_is_gone(prefix, furniture):
    path = _file("seeds", prefix)
    doc = ingest_bytes(path.read_bytes(), path.name)
    assert [phrase for phrase in furniture if phrase in doc.text] == []


def test_web_page_seed_keeps_its_date_salutation_and_single_title():
    path = _file("seeds", "001_")
    doc = ingest_bytes(path.read_bytes(), path.name)
    lines = doc.text.split("\n")
    assert lines[0] == doc.title
    assert doc.title not in lines[1:]  # the page title shown twice is kept once
    assert re.fullmatch(r"\(\d{4}年\d{1,2}月\d{1,2}日\)", lines[1])
    assert lines[2] == "同志们:"


def test_seed_enumerations_become_points():
    for prefix, minimum in (("000_", 12), ("002_", 8), ("004_", 8)):
        path = _file("seeds", prefix)
        doc = ingest_bytes(path.read_bytes(), path.name)
        points = [p for p in doc.passages if p.kind == "point"]
        assert len(points) >= minimum, prefix
        assert all(
            re.match(r"[一二三四五六七八九十]+[是要]|第[一二三四五六七八九十]+[,，]|\d+、", p.text)
            for p in points
        ), prefix


def test_page_break_inside_a_sentence_is_rejoined():
    path = _file("seeds", "004_")
    doc = ingest_bytes(path.read_bytes(), path.name)
    for line in doc.text.split("\n"):
        if not line.startswith("#") and len(line) > 20:
            assert line.endswith(("。", "”", "：", ":")), line[-20:]
