"""Structure: headings, articles, points and paragraphs with exact offsets and stable ids."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from question_bank import errors
from question_bank.document import PASSAGE_KINDS
from question_bank.ingest import ingest_text
from question_bank.structure import find_slogans

SPEECH = """关于做好入户走访工作的讲话
（2023年5月6日）
同志们：
今天召开这次会议，主要是部署走访工作。
一、统一思想认识
做好走访，要把群众的事当成自己的事。一是摸清底数，逐户登记；二是建立台账，动态更新；三是跟踪回访，及时销号。
（一）走访要有记录
每户一张联系卡片。
二、抓好工作落实
一要压实责任。各村书记是第一责任人。
二要强化督查。县里每月通报一次。
第一，要讲真话。
第二，要办实事。
三、几点要求
1. 按时上报走访台账；
2. 如实填写群众意见。"""

LAW = """# 示例村务管理条例

2023年5月6日 示例县人民代表大会常务委员会通过

## 第一章 总则

第一条 为了规范村务管理，制定本条例。

第二条 村务管理应当遵循下列原则：

（一）公开透明；

（二）民主决策。

村务公开的具体办法由县人民政府规定。

## 第二章 村务公开

### 第一节 公开内容

第三条 村民委员会应当公开下列事项。

第四条 本条例自公布之日起施行。"""


def _check_offsets(doc):
    for passage in doc.passages:
        assert doc.text[passage.start : passage.end] == passage.text
        assert passage.kind in PASSAGE_KINDS
        assert passage.text == passage.text.strip() and passage.text
    starts = [p.start for p in doc.passages]
    assert starts == sorted(starts)
    for left, right in zip(doc.passages, doc.passages[1:], strict=False):
        assert left.end <= right.start  # passages never overlap


def _by_text(doc, text):
    return next(p for p in doc.passages if p.text == text)


def test_speech_structure_has_title_headings_points_and_paragraphs():
    doc = ingest_text(SPEECH)
    _check_offsets(doc)
    assert doc.title == "关于做好入户走访工作的讲话"
    headings = [p.text for p in doc.passages if p.kind == "heading"]
    assert headings == [
        "关于做好入户走访工作的讲话",
        "一、统一思想认识",
        "（一）走访要有记录",
        "二、抓好工作落实",
        "三、几点要求",
    ]
    assert _by_text(doc, "每户一张联系卡片。").heading_path == (
        "关于做好入户走访工作的讲话",
        "一、统一思想认识",
        "（一）走访要有记录",
    )
    # a sibling heading closes the sub-heading
    assert _by_text(doc, "一要压实责任。各村书记是第一责任人。").heading_path == (
        "关于做好入户走访工作的讲话",
        "二、抓好工作落实",
    )


def test_inline_points_are_split_with_exact_offsets():
    doc = ingest_text(SPEECH)
    lead = _by_text(doc, "做好走访，要把群众的事当成自己的事。")
    assert lead.kind == "paragraph"
    points = [p for p in doc.passages if p.kind == "point" and p.text.endswith(("；", "。"))]
    texts = [p.text for p in points]
    assert texts[:3] == [
        "一是摸清底数，逐户登记；",
        "二是建立台账，动态更新；",
        "三是跟踪回访，及时销号。",
    ]
    assert all(doc.text[p.start : p.end] == p.text for p in points)


@pytest.mark.parametrize(
    "text",
    [
        "一要压实责任。各村书记是第一责任人。",
        "二要强化督查。县里每月通报一次。",
        "第一，要讲真话。",
        "第二，要办实事。",
        "1. 按时上报走访台账；",
        "2. 如实填写群众意见。",
    ],
)
def test_enumerated_lines_are_points(text):
    assert _by_text(ingest_text(SPEECH), text).kind == "point"


@pytest.mark.parametrize(
    ("paragraph", "points"),
    [
        ("工作有三条：①摸底；②建账；③回访。", ["①摸底；", "②建账；", "③回访。"]),
        ("要求如下：(1)按时报送；(2)如实填写。", ["(1)按时报送；", "(2)如实填写。"]),
        ("这里讲两点。第一，要真。第二，要实。", ["第一，要真。", "第二，要实。"]),
        ("群众最怕两件事：一是怕不知道，二是怕不解决。", ["一是怕不知道，", "二是怕不解决。"]),
    ],
)
def test_inline_enumerations_of_each_style_split(paragraph, points):
    doc = ingest_text(f"标题\n{paragraph}")
    _check_offsets(doc)
    assert [p.text for p in doc.passages if p.kind == "point"] == points


@pytest.mark.parametrize(
    "paragraph",
    ["统一是前提，二是关键。", "一是前提。", "这是第一次，也是唯一要求。"],
)
def test_things_that_only_look_like_enumerations_are_not_split(paragraph):
    doc = ingest_text(f"标题\n{paragraph}")
    assert [p.text for p in doc.passages[1:]] == [paragraph]


def test_law_articles_keep_their_paragraphs_and_items():
    doc = ingest_text(LAW)
    _check_offsets(doc)
    assert doc.title == "示例村务管理条例"
    articles = [p for p in doc.passages if p.kind == "article"]
    assert [a.text.split(" ")[0] for a in articles] == ["第一条", "第二条", "第三条", "第四条"]
    second = articles[1]
    assert second.text.endswith("村务公开的具体办法由县人民政府规定。")
    assert "（一）公开透明；" in second.text
    assert second.heading_path == ("示例村务管理条例", "第一章 总则")
    assert articles[2].heading_path == ("示例村务管理条例", "第二章 村务公开", "第一节 公开内容")


def test_ids_are_stable_and_unique():
    first = ingest_text(SPEECH)
    second = ingest_text(SPEECH)
    assert [p.id for p in first.passages] == [p.id for p in second.passages]
    assert len({p.id for p in first.passages}) == len(first.passages)
    assert all(re.fullmatch(r"p\d{4}-[0-9a-f]{6}", p.id) for p in first.passages)


def test_ids_change_when_the_passage_text_changes():
    before = ingest_text("标题\n第一段。\n第二段。")
    after = ingest_text("标题\n第一段。\n第二段改了。")
    assert before.passages[1].id == after.passages[1].id
    assert before.passages[2].id != after.passages[2].id


def test_to_dict_has_the_contract_fields():
    data = ingest_text(LAW).to_dict()
    assert set(data) == {"title", "passages"}
    assert set(data["passages"][0]) == {"id", "kind", "heading_path", "text", "start", "end"}
    assert isinstance(data["passages"][2]["heading_path"], list)


def test_slogans_and_named_formulas_are_found_with_offsets():
    text = "要落实“三个率”，坚持“感情先于服务”。他说：“这是一句很长的引语，不是口号。”"
    spans = find_slogans(text)
    assert [(s.text, s.kind) for s in spans] == [("三个率", "formula"), ("感情先于服务", "slogan")]
    assert all(text[s.start : s.end] == s.text for s in spans)


_ALPHABET = [
    *"村民走访群众工作一二三是要第条章节、，。：；？（）()“”#- \n\n\n12xiāngABC①②>",
    "一、",
    "（一）",
    "第一条 ",
    "## ",
    "一是",
    "二是",
    "同志们：",
    "发布时间：2023-05-06",
    "鄉(xiāng)",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), min_size=1, max_size=60).map("".join))
def test_any_text_gives_exact_non_overlapping_passages(text):
    try:
        doc = ingest_text(text)
    except errors.NoTextFoundError:
        return
    _check_offsets(doc)
    gaps, last = [], 0
    for passage in doc.passages:
        gaps.append(doc.text[last : passage.start])
        last = passage.end
    gaps.append(doc.text[last:])
    # no text is left out of the passages: between them only spaces and markup (#, **, -)
    assert re.sub(r"[\s#*_\-+•·]", "", "".join(gaps)) == ""


def test_a_title_run_into_the_salutation_keeps_no_trailing_space():
    doc = ingest_text("第一条 同志们：")
    assert [p.text for p in doc.passages] == ["第一条", "同志们："]
    _check_offsets(doc)
