"""Round 14: page markers of any style, and smaller generator fixes (self-written text)."""

import pytest

from question_bank.pages import join_marked_pages, marked_page_run

STYLES = [
    "［{k}/4］",
    "▌P.{k}",
    "第 0{k} 页 ▏共 04 页",
    "‹ {k} ›",
    "~ {k} / 4 ~",
    "- {k} -",
    "Page {k} of 4",
    "【第{k}页】",
    "◆ {k} ◆",
]

PAGES = [
    "各位同志：今天召开全乡春耕备耕工作会议，主要是把今年的农资供应和技术服务安排下去。去年全乡粮食",
    "播种面积稳中有增，农机作业覆盖了大部分村组，成绩来之不易。今年各村要提前检修灌溉渠道，",
    "做到雨前清淤、雨后巡查，确保每一块责任田都能按时浇上水，各村委会要落实专人负责。农技站要组织专家下村",
    "开展田间指导，把测土配方施肥送到农户手里。谢谢大家！",
]


def _paged(style: str, *, continued: bool = False, footer: bool = False) -> list[str]:
    lines = ["全乡春耕备耕工作会议讲话"]
    for k, page in enumerate(PAGES, start=1):
        mark = style.format(k=k)
        body = ("（接上页）" if continued and k > 1 else "") + page
        lines.extend([body, mark] if footer else [mark, body])
    return lines


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("footer", [False, True])
@pytest.mark.parametrize("continued", [False, True])
def test_page_markers_dropped_and_cut_sentences_joined(style, footer, continued):
    out = [
        line
        for line in join_marked_pages(_paged(style, continued=continued, footer=footer))
        if line
    ]
    assert out[0] == "全乡春耕备耕工作会议讲话"
    assert out[1:] == ["".join(PAGES)]


def test_marker_as_part_of_a_line():
    lines = ["题目", "‹ 1 › " + PAGES[0], "‹ 2 › " + PAGES[1], "‹ 3 › " + PAGES[2]]
    out = [line for line in join_marked_pages(lines) if line]
    assert out == ["题目", "".join(PAGES[:3])]


def test_notice_at_break_is_skipped_when_joining():
    lines = [
        PAGES[0],
        "第 1 页",
        "〖试读已结束，剩余3页可下载查看〗",
        PAGES[1],
        "第 2 页",
        PAGES[2],
    ]
    out = [line for line in join_marked_pages(lines) if line]
    assert out[0] == PAGES[0] + PAGES[1] + PAGES[2]


def test_heading_after_break_not_glued():
    lines = [
        "‹ 1 ›",
        "二、抓好落实",
        "‹ 2 ›",
        "三、强化保障 各村要按时上报进度，做到底数清、情况明、措施实。",
    ]
    out = [line for line in join_marked_pages(lines) if line]
    assert out == ["二、抓好落实", "三、强化保障 各村要按时上报进度，做到底数清、情况明、措施实。"]


def test_numbers_that_are_not_pages_kept():
    # two bare numbers are not enough; a number that does not go on (1, 3) is no run
    assert marked_page_run(["1", PAGES[0], "2", PAGES[1]]) is None
    assert marked_page_run(["［1/4］", PAGES[0], "［3/4］", PAGES[1]]) is None
    # a figure line with words is not a marker
    assert marked_page_run(["共3人", PAGES[0], "共4人", PAGES[1]]) is None


def test_ingest_drops_markers():
    from question_bank.ingest import ingest_text

    text = "\n".join(_paged("▌P.{k}", continued=True))
    doc = ingest_text(text)
    assert "P." not in doc.text and "接上页" not in doc.text
    assert "粮食播种面积" in doc.text
