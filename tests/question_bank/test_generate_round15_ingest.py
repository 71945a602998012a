"""Round 15 (issue 16): what in a law's text is not the law's.

A self-written law is copied into a study notebook (margin notes, page lines, a summary),
a work chat (time and sender lines, "[图片]", "收到👍", "@", a deputy head's local points
after the last article), a test paper (instructions in its header, questions after the
law), a points app ("【每日一条】… ✔ 已学习 +2积分"), a reader with editor's notes, and a
two-column reader (short last lines, page numbers and a running header inside a sentence).
Each copy must give the same eight articles with the same bodies, and no stem may quote
the copier's words. Near misses: a village's rules saying "本村", a town's 办法 saying
"我镇" in its own articles, "我国", "自我管理", "不得分包", 【】 chapter labels stay.
"""

from __future__ import annotations

import re

import pytest

from question_bank.generate import generate
from question_bank.ingest import ingest_text
from question_bank.law_voice import non_law_signal, separate_non_law

NAME = "中华人民共和国乡村书屋促进法"
CHAPTERS = {1: "第一章 总则", 5: "第二章 管理和服务"}
# article number → paragraphs (an item is a paragraph of its own)
LAW = {
    1: ["为了规范乡村书屋建设，保障农民群众读书看报的权利，制定本法。"],
    2: ["本法所称乡村书屋，是指在行政村设立、供村民免费借阅图书报刊的公益性场所。"],
    3: [
        "县级以上人民政府应当将乡村书屋建设纳入本级公共文化服务体系，所需经费列入本级预算。",
        "乡镇人民政府负责本行政区域内乡村书屋的日常指导。",
    ],
    4: ["国家鼓励公民、法人和其他组织向乡村书屋捐赠图书，捐赠人依法享受税收优惠。"],
    5: [
        "乡村书屋应当具备下列条件：",
        "（一）有固定的场所；",
        "（二）有不少于一千册的图书；",
        "（三）有一名以上的管理人员。",
    ],
    6: ["乡村书屋每周开放时间不得少于二十四小时，节假日应当适当延长开放时间。"],
    7: ["乡村书屋的管理人员应当每年参加不少于一次的业务培训，培训由县级人民政府文化主管部门组织。"],
    8: [
        "违反本法规定，挪用乡村书屋经费的，由上级主管部门责令改正，对直接负责的主管人员依法给予处分。"
    ],
}
CN = "零一二三四五六七八九十"


def _head(n: int) -> str:
    return f"第{CN[n]}条"


def _article(n: int, sep: str = "　") -> list[str]:
    first, *rest = LAW[n]
    return [f"{_head(n)}{sep}{first}", *rest]


def _law_lines(between=None, sep="　") -> list[str]:
    """The law's lines; `between(n)` gives the copier's lines after article n."""
    lines: list[str] = []
    for n in LAW:
        if n in CHAPTERS:
            lines.append(CHAPTERS[n])
        lines.extend(_article(n, sep))
        if between is not None:
            lines.extend(between(n))
    return lines


NOTE_LINES = [
    "〔旁批：镇里要求每村明确1名书屋管理员（镇里定的，不是法条）。〕",
    "★重点！考试必考，开放时间记牢。",
    "【注】本条的“二十四小时”各地可以上浮，我镇定为三十小时。",
    "注：县文广局说书屋图书每年更新不少于100册。",
    "※ 笔记：咱们村的书屋放在村部二楼。",
    "〔旁批：经费挪用的，镇纪委要约谈。〕",
]


def notebook() -> str:
    def between(n: int) -> list[str]:
        out = []
        if n % 2 == 0:
            out.append(NOTE_LINES[n // 2 - 1] if n // 2 - 1 < len(NOTE_LINES) else "")
        if n == 3:
            out.append("第12页（续）")
        return out

    return "\n".join(
        [
            "【学习笔记转录稿】",
            f"学习内容：《{NAME}》",
            *_law_lines(between),
            "————————",
            "〔本次学习小结〕",
            "1. 书屋开放时间要公示，各村下周一前报镇文化站。",
            "2. 每村不少于30人参加读书月活动。",
        ]
    )


def chat() -> str:
    def between(n: int) -> list[str]:
        out = [f"2030-05-06 09:{10 + n:02d}:33 镇文化站-王丽"]
        if n == 2:
            out += ["2030-05-06 09:13:02 东坡村-李强", "[图片]"]
        if n == 4:
            out += ["2030-05-06 09:15:40 西岭村-赵敏", "收到👍"]
        if n == 6:
            out += [
                "2030-05-06 09:17:10 南湾村-陈海",
                "王站长，二十四小时是按自然周算吗？",
                "2030-05-06 09:18:00 镇文化站-王丽",
                "@南湾村-陈海 按自然周算，先学完再讨论。",
            ]
        return out

    return "\n".join(
        [
            "聊天记录导出",
            "群聊名称：镇文化工作群（45人）",
            "2030-05-06 09:10:00 镇文化站-王丽",
            NAME,
            *_law_lines(between),
            "2030-05-06 09:30:12 镇党委-刘副书记",
            "补充几点本县的要求，大家记一下（这是县里的规定，不是法条原文）：",
            "1. 全县每个书屋每季度至少开展2次读书活动，活动记录当月25日前报镇文化站；",
            "2. 书屋图书借阅率达到百分之六十的，县里给予5000元奖励。",
            "2030-05-06 09:31:00 东坡村-李强",
            "已学",
        ]
    )


def _test_paper() -> str:
    return "\n".join(
        [
            "乡村书屋促进法学习测试卷",
            "——某镇宣传文化干部培训班",
            "单位：__________ 姓名：__________ 得分：______",
            "（考试时间60分钟，闭卷。第一部分为原文研读材料，考前收回）",
            "第一部分　原文研读",
            NAME,
            *_law_lines(),
            "第二部分　测试题",
            "一、填空题（每空2分，共10分）",
            "1．乡村书屋每周开放时间不得少于______小时。",
            "2．本镇规定，书屋管理员每月向镇文化站报送一次借阅台账。（ ）",
            "二、简答题（共20分）",
            "1．结合本镇“一屋一档”的做法，谈谈你所在村怎样管好书屋。",
            "（本卷共计30分，18分及格。）",
        ]
    )


def points_app() -> str:
    lines = ["“学法用法”积分平台 · 我的学习记录", f"专题：《{NAME}》"]
    for n in LAW:
        if n in CHAPTERS:
            lines.append(CHAPTERS[n])
        lines.append(f"【每日一条】2030-05-{n:02d}｜第{n}天｜《{NAME}》{_head(n)}")
        lines.extend(_article(n))
        lines.append(f"✔ 已学习　阅读时长 {30 + n}秒　+2积分　👍 {100 + n}　💬 {n}")
    lines.append("— 已经到底了 —")
    return "\n".join(lines)


def editor_notes() -> str:
    def between(n: int) -> list[str]:
        if n == 3:
            return ["【释义】本条规定了县乡两级政府的职责，我们在学习中要把握两点。"]
        if n == 6:
            return ["【说明】你所在的村如果开放时间不足，请及时向镇里报告。"]
        if n == 7:
            return ["小编说：大家记得转发哦！"]
        return []

    return "\n".join([NAME, *_law_lines(between)])


WRAP = 16


def two_column() -> str:
    """Paragraphs hard-wrapped at 16 characters; article 6 broken by a page number and
    the running header in mid-word."""
    lines = [NAME, "（据《乡村文化法律读本》双栏本复制）"]
    for n in LAW:
        if n in CHAPTERS:
            lines.append(CHAPTERS[n])
        for k, para in enumerate(_article(n)):
            chunks = [para[i : i + WRAP] for i in range(0, len(para), WRAP)]
            if n == 6 and k == 0:
                cut = para.index("小时") + 1  # "……二十四小" | page | "时，节假日……"
                chunks = [para[:cut], "· 37 ·", "乡村文化法律读本", para[cut:]]
            lines.extend(chunks)
        if n == 7:
            lines += ["· 38 ·", "乡村文化法律读本"]
    return "\n".join(lines)


LAYOUTS = {
    "notebook": notebook,
    "chat": chat,
    "test_paper": _test_paper,
    "points_app": points_app,
    "editor_notes": editor_notes,
    "two_column": two_column,
}
# the copier's words: none may stand in an article or a stem
FOREIGN = re.compile(
    r"旁批|考试|镇里|县里|我镇|咱们|笔记|小结|30人|2030-|王丽|图片|收到|@|？|本县|全县|5000元|已学"
    r"|分钟|闭卷|测试|填空|谈谈|一屋一档|积分|每日一条|已学习|释义|说明|小编|大家|转发|·|读本|第12页"
)


def _articles(doc) -> list:
    return [p for p in doc.passages if p.kind == "article"]


def _expected(n: int) -> str:
    return "".join(LAW[n])


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_copy_gives_the_law_s_eight_articles_and_nothing_else(layout):
    doc = ingest_text(LAYOUTS[layout]())
    articles = _articles(doc)
    assert [p.text.split()[0] if " " in p.text else p.text[:4] for p in articles] == [
        _head(n) for n in LAW
    ], [p.text[:30] for p in articles]
    for passage, n in zip(articles, LAW, strict=True):
        body = re.sub(r"^第.+?条\s*", "", passage.text)
        assert re.sub(r"\s", "", body) == _expected(n), (layout, passage.text)
        assert not FOREIGN.search(passage.text), passage.text


@pytest.mark.parametrize("layout", LAYOUTS)
def test_no_stem_quotes_the_copier(layout):
    doc = ingest_text(LAYOUTS[layout]())
    result = generate(doc, seed=16)
    assert result.candidates, layout
    for c in result.candidates:
        text = " ".join([c.stem, *(o.text for o in c.options), str(c.answer or "")])
        assert not FOREIGN.search(text.replace("？", "")), (layout, c.stem)


def test_local_points_after_the_last_article_are_not_the_law():
    text = separate_non_law(chat().split("\n"))
    joined = "\n".join(text)
    assert "每季度至少开展2次" not in joined
    assert "5000元" not in joined
    assert _expected(8) in joined.replace("\n", "")


def test_a_paper_header_and_its_questions_go_but_the_title_stays():
    doc = ingest_text(_test_paper())
    assert doc.title == "乡村书屋促进法学习测试卷"
    assert "考试时间" not in doc.text
    assert "谈谈" not in doc.text and "本镇规定" not in doc.text


# --- near misses: law text that must stay ---------------------------------------------

VILLAGE_RULES = "\n".join(
    [
        "某村村规民约",
        "第一章　总则",
        "第一条　为了维护本村生产生活秩序，经村民会议讨论通过，制定本村规民约。",
        "第二条　本村村民应当遵守法律法规和本村规民约。",
        "本村村民委员会负责本村规民约的组织实施。",
        "第三条　村民应当爱护本村公共设施，不得损坏村内道路、路灯和健身器材。",
        "本村实行自我管理、自我教育、自我服务。",
        "第四条　本村规民约自村民会议通过之日起施行。",
    ]
)

TOWN_MEASURES = "\n".join(
    [
        "某镇农家书屋管理办法",
        "第一条　为了加强我镇农家书屋管理，制定本办法。",
        "第二条　我镇各村农家书屋由村民委员会管理。",
        "我镇文化站对农家书屋进行业务指导。",
        "第三条　书屋每周开放不少于三天。",
        "第四条　本办法自发布之日起施行。",
    ]
)

NATIONAL_WORDS = "\n".join(
    [
        NAME,
        "【第一章　总则】",
        "第一条　为了规范乡村书屋建设，保障农民群众读书看报的权利，制定本法。",
        "第二条　中国公民在境外陷于困境时，有权请求我国驻当地机构给予协助。",
        "第三条　村民委员会实行自我管理、自我教育、自我服务。",
        "承建单位不得分包、转包书屋建设工程。",
        "第四条　本法自公布之日起施行。",
    ]
)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            VILLAGE_RULES,
            ["本村村民委员会负责本村规民约的组织实施。", "本村实行自我管理、自我教育、自我服务。"],
        ),
        (TOWN_MEASURES, ["我镇文化站对农家书屋进行业务指导。"]),
        (
            NATIONAL_WORDS,
            ["有权请求我国驻当地机构给予协助", "自我管理", "承建单位不得分包、转包书屋建设工程。"],
        ),
    ],
    ids=["village_rules", "town_measures", "national_words"],
)
def test_law_text_with_near_miss_words_stays_in_its_article(text, kept):
    doc = ingest_text(text)
    articles = "\n".join(p.text for p in _articles(doc))
    assert len(_articles(doc)) == 4
    for phrase in kept:
        assert phrase in articles, (phrase, articles)


def test_a_chapter_after_a_page_line_stays_when_the_sentence_before_ended():
    lines = [
        "第一条　甲应当做乙。",
        "第二条　丙应当做丁。",
        "· 12 ·",
        "第二章　管理",
        "第三条　戊应当做己。",
    ]
    assert "第二章　管理" in [line.strip() for line in separate_non_law(lines)]


@pytest.mark.parametrize(
    "line",
    [
        "2030-05-06 09:12:33 镇文化站-王丽",
        "镇文化站-王丽  09:12",
        "[图片]",
        "收到👍",
        "@王丽 好的",
        "这条怎么理解？",
        "（考试时间60分钟，闭卷）",
        "〔旁批：……〕",
        "★考试必考",
        "【注】本条……",
        "注：县里要求……",
        "我们要抓好落实。",
        "✔ 已学习 +2积分",
    ],
)
def test_signals(line):
    assert non_law_signal(line)


@pytest.mark.parametrize(
    "line",
    [
        "本村村民应当遵守村规民约。",
        "有权请求我国驻当地机构在其职责范围内给予协助和保护。",
        "实行自我管理、自我教育、自我服务。",
        "承包人不得分包、转包。",
        "（一）有固定的场所；",
        "县级以上地方人民政府应当在每年十二月三十一日前公布。",
        "本县行政区域内的农家书屋适用本条例。",
    ],
)
def test_no_signal_in_law_text(line):
    assert non_law_signal(line) is None


# --- a generated matrix: every kind of copier's line, mid-law and after the last article ---

COPIER_LINES = [
    *NOTE_LINES,
    "2030-05-06 09:12:33 镇文化站-王丽",
    "镇文化站-王丽  09:12",
    "[图片]",
    "收到👍",
    "@东坡村-李强 先学完再讨论。",
    "这一条和去年的文件有什么不同？",
    "（考试时间60分钟，闭卷。）",
    "【释义】本条是关于经费的规定，我们要重点把握。",
    "小编说：大家记得点赞转发！",
    "✔ 已学习　阅读时长 40秒　+2积分",
    "补充几点本县的要求，大家记一下：",
    "县里定的线：借阅率百分之六十。",
    "第二部分　测试题",
]


@pytest.mark.parametrize("after", [3, 8], ids=["mid_law", "after_last"])
@pytest.mark.parametrize("copier", COPIER_LINES)
@pytest.mark.parametrize("sep", ["　", " ", "："], ids=["ideographic", "space", "colon"])
def test_a_copier_line_and_what_follows_it_leave_the_article(copier, after, sep):
    trailer = ["1. 各村每月报送一次借阅台账；", "2. 书屋钥匙由村支书保管。"]

    def between(n: int) -> list[str]:
        return [copier, *trailer] if n == after else []

    doc = ingest_text("\n".join([NAME, *_law_lines(between, sep)]))
    articles = _articles(doc)
    assert len(articles) == len(LAW)
    for passage, n in zip(articles, LAW, strict=True):
        body = re.sub(r"^第.+?条[\s：]*", "", passage.text)
        assert re.sub(r"\s", "", body) == _expected(n), (copier, passage.text)
    assert "借阅台账" not in doc.text


def test_english_lines_of_a_bilingual_print_never_take_the_chinese_text():
    lines = []
    for n in LAW:
        first, *rest = _article(n, " ")
        lines += [first, f"Article {n} The State promotes village reading rooms and", ""]
        for para in rest:
            lines += [para, "the people's governments shall ensure that", ""]
    out = separate_non_law(lines)
    for n in LAW:
        for para in LAW[n]:
            assert any(line.strip().endswith(para) for line in out), para
    assert not any(re.search(r"[a-z][\u4e00-\u9fff]", line) for line in out)


def test_a_scanned_page_break_with_footer_watermark_and_header_is_joined():
    first = LAW[6][0]
    cut = first.index("小时") + 1
    lines = [
        NAME,
        *_article(5),
        f"{_head(6)}　{first[:cut]}",
        "",
        "— 3 —",
        "某镇文化站　翻印",
        "",
        "CS 扫描全能王",
        "3亿人都在用的扫描App",
        "",
        "乡村文化法律汇编（2030年版）",
        first[cut:],
        *_article(7),
        *_article(8),
    ]
    doc = ingest_text("\n".join(lines))
    sixth = next(p for p in _articles(doc) if p.text.startswith(_head(6)))
    assert re.sub(r"\s", "", sixth.text) == _head(6) + _expected(6)


def test_a_long_speech_after_the_law_stays_as_written():
    speech = [
        "同志们：",
        *[
            f"第{k}点，我们要把书屋管好用好，大家要按月报送借阅情况，确保群众满意。"
            for k in range(40)
        ],
    ]
    doc = ingest_text("\n".join([NAME, *_law_lines(), "在全镇书屋工作会议上的讲话", *speech]))
    assert "我们要把书屋管好用好" in doc.text


@pytest.mark.parametrize(
    "chrome", ["发布时间：2030-05-06 10:21:33", "您的位置：首页 > 政策法规 > 正文"]
)
def test_a_site_line_between_articles_is_furniture_not_a_message(chrome):
    """A web page's own date or breadcrumb line carries a clock or a "您", but it is the
    site's chrome: it goes alone; the page's next paragraph is not a chat message and
    stays (a plain line with no signal is not told from the law: it joins the article
    before it, as before round 15), and the other articles stay whole."""
    paragraph = "各村书屋要做好借阅登记，按季度汇总借阅数据。"
    lines = _law_lines(between=lambda n: [chrome, paragraph] if n == 3 else [])
    doc = ingest_text("\n".join([NAME, *lines]))
    bodies = [re.sub(r"\s", "", p.text) for p in _articles(doc)]
    assert len(bodies) == len(LAW)
    assert bodies[2].startswith(_head(3) + _expected(3))
    assert bodies[:2] + bodies[3:] == [_head(n) + _expected(n) for n in LAW if n != 3]
    assert chrome not in doc.text
    assert paragraph in doc.text
