"""Structure: titles, unnumbered subtitles, official-document headers, compilations."""

from question_bank.ingest import ingest_text
from question_bank.structure import structure


def _check_offsets(doc):
    for passage in doc.passages:
        assert doc.text[passage.start : passage.end] == passage.text


def test_title_before_a_salutation_on_one_long_line():
    doc = ingest_text("在走访工作会议上的讲话同志们：今天开会。一要摸底。二要建账。")
    _check_offsets(doc)
    assert doc.title == "在走访工作会议上的讲话"
    assert [p.kind for p in doc.passages] == ["heading", "paragraph", "point", "point"]


def test_given_title_wins_and_fallback_is_used_only_without_a_title():
    assert structure("标题行\n正文。", title="指定标题").title == "指定标题"
    assert structure("这是一句很长的正文，没有标题。", fallback_title="文件名").title == "文件名"
    assert structure("这是一句很长的正文，没有标题。").title == "这是一句很长的正文，没有标题。"


def test_official_document_title_follows_its_header_lines():
    text = "示例县人民政府办公室文件\n示政办发〔2023〕12号\n关于做好入户走访工作的通知\n各乡镇：\n现通知如下。"
    doc = ingest_text(text)
    assert doc.title == "关于做好入户走访工作的通知"
    assert [p.kind for p in doc.passages] == [
        "paragraph",
        "paragraph",
        "heading",
        "paragraph",
        "paragraph",
    ]
    assert doc.passages[3].heading_path == ("关于做好入户走访工作的通知",)


def test_attachment_list_items_are_points_not_headings():
    doc = ingest_text(
        "通知\n一、要求\n按时上报。\n附件：1.登记表\n2.台账\n示例县人民政府\n2023年5月6日"
    )
    assert [(p.kind, p.text) for p in doc.passages[-4:]] == [
        ("paragraph", "附件：1.登记表"),
        ("point", "2.台账"),
        ("paragraph", "示例县人民政府"),
        ("paragraph", "2023年5月6日"),
    ]
    assert doc.passages[-1].heading_path == ("通知", "一、要求")


def test_pieces_of_a_compilation_are_top_level_headings():
    doc = ingest_text(
        "范文两篇\n篇一：村级走访要点\n一、要求\n正文一。\n【篇二】乡镇工作总结\n正文二。"
    )
    assert [p.heading_path for p in doc.passages if p.text == "正文一。"] == [
        ("范文两篇", "篇一：村级走访要点", "一、要求")
    ]
    assert [p.heading_path for p in doc.passages if p.text == "正文二。"] == [
        ("范文两篇", "【篇二】乡镇工作总结")
    ]


def test_markdown_emphasis_around_headings_and_articles_is_looked_past():
    doc = ingest_text(
        "**示例办法**\n\n## **一、总体要求**\n\n坚持走访。\n\n**第一条** 为了规范走访，制定本办法。"
    )
    _check_offsets(doc)
    assert doc.title == "示例办法"
    assert [(p.kind, p.text) for p in doc.passages] == [
        ("heading", "示例办法"),
        ("heading", "一、总体要求"),
        ("paragraph", "坚持走访。"),
        ("article", "第一条 为了规范走访，制定本办法。"),  # markers stripped on ingest
    ]


def test_unnumbered_subtitle_before_prose_is_a_heading():
    text = (
        "关于基层治理的几点思考\n"
        "基层治理是国家治理的基石，必须坚持党建引领，把资源、服务、管理下沉到基层。\n"
        "坚持党建引领 夯实治理根基\n"
        "要把党的领导贯穿基层治理全过程各方面，推动各类组织围绕党组织开展工作，形成合力。\n"
        "示例县人民政府办公室\n"
        "2023年5月6日"
    )
    doc = ingest_text(text)
    assert [p.text for p in doc.passages if p.kind == "heading"] == [
        "关于基层治理的几点思考",
        "坚持党建引领 夯实治理根基",
    ]
    # a signature before a date is not a heading
    assert doc.passages[-2].kind == "paragraph"


def test_half_bracket_markers_are_headings_and_points():
    doc = ingest_text("通知\n一）总体要求\n坚持走访。\n1）逐户登记；\n2）建立台账。")
    assert [(p.kind, p.text) for p in doc.passages[1:]] == [
        ("heading", "一）总体要求"),
        ("paragraph", "坚持走访。"),
        ("point", "1）逐户登记；"),
        ("point", "2）建立台账。"),
    ]
