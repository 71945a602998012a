"""Extraction: encodings, formats detected from content, and refusals of bad files."""

import io
import random
import zipfile

import docx
import pytest

from question_bank import errors
from question_bank.extract import extract
from question_bank.ingest import ingest_bytes
from tests.question_bank.pdf_builder import build_pdf

SIMPLIFIED = "村民委员会要做好入户走访，提高群众满意率。每户建立一张联系卡片。"
TRADITIONAL = "村民委員會要做好入戶走訪，提高群眾滿意率。每戶建立一張聯繫卡片。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (SIMPLIFIED.encode("utf-8-sig"), "utf-8-sig"),
        (SIMPLIFIED.encode("gbk"), "gb18030"),
        (SIMPLIFIED.encode("gb18030"), "gb18030"),
        (SIMPLIFIED.encode("utf-16"), "utf-16-le"),
    ],
    ids=["utf8", "utf8-bom", "gbk", "gb18030", "utf16-bom"],
)
def test_simplified_text_decodes_in_each_encoding(data, encoding):
    result = extract(data, "材料.txt")
    assert result.text == SIMPLIFIED
    assert result.encoding == encoding
    assert result.kind == "txt"


def test_gb18030_four_byte_characters_decode():
    text = SIMPLIFIED + "𠮷祥如意。"  # 𠮷 is outside GBK: four bytes in GB18030
    result = extract(text.encode("gb18030"))
    assert (result.text, result.encoding) == (text, "gb18030")


def test_big5_text_decodes_and_ingests_as_simplified():
    data = TRADITIONAL.encode("big5")
    assert extract(data).text == TRADITIONAL
    assert ingest_bytes(data, "材料.txt").text == SIMPLIFIED


@pytest.mark.parametrize("word", ["會議", "鄉鎮幹部", "縣委書記講話", "群眾"])
def test_short_big5_is_not_mistaken_for_gbk(word):
    assert extract(word.encode("big5")).text == word


@pytest.mark.parametrize("word", ["会议", "乡镇干部", "人民", "我们"])
def test_short_gbk_is_not_mistaken_for_big5(word):
    assert extract(word.encode("gbk")).text == word


def test_utf8_cut_inside_the_last_character_is_still_utf8():
    data = SIMPLIFIED.encode("utf-8")[:-1]
    assert extract(data).text == SIMPLIFIED[:-1]


def _docx_bytes(build) -> bytes:
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _sample_docx(document):
    document.add_heading("村级走访工作要点", level=0)
    document.add_heading("一、摸清底数", level=1)
    document.add_paragraph("做好入户走访，要把群众的事当成自己的事。一是逐户登记，二是建立台账。")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {(0, 0): "村名", (0, 1): "户数", (1, 0): "东村", (1, 1): "120"}.items():
        table.cell(row, col).text = text
    document.add_heading("二、跟踪回访", level=2)
    document.add_paragraph("回访要及时。")


def test_docx_keeps_headings_by_style_and_tables_as_rows():
    result = extract(_docx_bytes(_sample_docx), "upload.bin")  # the name says nothing
    assert result.kind == "docx"
    assert result.text.split("\n") == [
        "# 村级走访工作要点",
        "## 一、摸清底数",
        "做好入户走访，要把群众的事当成自己的事。一是逐户登记，二是建立台账。",
        "村名 | 户数",
        "东村 | 120",
        "### 二、跟踪回访",
        "回访要及时。",
    ]


def test_docx_structure_has_heading_path_and_points():
    doc = ingest_bytes(_docx_bytes(_sample_docx), "要点.docx")
    assert doc.title == "村级走访工作要点"
    last = doc.passages[-1]
    assert last.text == "回访要及时。"
    assert last.heading_path == ("村级走访工作要点", "一、摸清底数", "二、跟踪回访")
    points = [p.text for p in doc.passages if p.kind == "point"]
    assert points == ["一是逐户登记，", "二是建立台账。"]


def _list_docx(document):
    document.add_paragraph("走访要求")
    document.add_paragraph("逐户登记；", style="List Number")
    document.add_paragraph("建立台账。", style="List Bullet")


def test_docx_numbered_and_bulleted_paragraphs_become_points():
    result = extract(_docx_bytes(_list_docx))
    assert result.text == "走访要求\n- 逐户登记；\n- 建立台账。"
    doc = ingest_bytes(_docx_bytes(_list_docx), "a.docx")
    assert [(p.kind, p.text) for p in doc.passages[1:]] == [
        ("point", "逐户登记；"),
        ("point", "建立台账。"),
    ]


def test_pdf_text_is_extracted_and_wrapped_lines_joined():
    data = build_pdf(
        [
            [
                "村级走访工作要点",
                "做好入户走访，要把群众的事当成自己的事。一是逐户",
                "登记。",
                "- 1 -",
            ],
            ["第二页：回访要及时。", "- 2 -"],
        ]
    )
    result = extract(data, "x.txt")
    assert result.kind == "pdf"
    doc = ingest_bytes(data, "要点.pdf")
    assert doc.text.split("\n") == [
        "村级走访工作要点",
        "做好入户走访，要把群众的事当成自己的事。一是逐户登记。",
        "第二页：回访要及时。",
    ]


def test_html_drops_scripts_styles_and_keeps_blocks():
    page = (
        "<!DOCTYPE html><html><head><title>站点</title><style>p{color:red}</style>"
        "<script>var hidden = '脚本文字';</script></head><body>"
        "<h1>走访要点</h1><p>第一段内容。</p><p>第二段<b>加粗</b>内容。</p>"
        "<ul><li>逐户登记；</li><li>建立台账。</li></ul>"
        "<table><tr><td>村名</td><td>户数</td></tr></table></body></html>"
    )
    result = extract(page.encode("gbk"), "page.txt")
    assert result.kind == "html"
    assert result.text.split("\n") == [
        "# 走访要点",
        "第一段内容。",
        "第二段加粗内容。",
        "- 逐户登记；",
        "- 建立台账。",
        "村名 | 户数",
    ]


def test_pdf_running_heads_and_page_numbers_are_dropped():
    pages = [
        ["示例县人民政府文件", f"第{n}页的正文，回访要及时。", f"- {n} -"] for n in range(1, 5)
    ]
    assert extract(build_pdf(pages)).text.split("\n") == [
        f"第{n}页的正文，回访要及时。" for n in range(1, 5)
    ]


def test_html_navigation_share_comment_and_related_blocks_are_skipped():
    page = (
        "<html><body><div class='nav-main'><a>首页</a><div><a>子菜单</a></div></div>"
        "<div class='breadcrumb'>当前位置：首页 &gt; 正文</div>"
        "<div class='article'><h1>走访要点</h1><p>第一段。<br>第二行。</p>"
        "<div class='share-bar'><span>分享到</span><div>微信</div></div><p>第三段。</p></div>"
        "<aside><p>热门文章</p></aside><div id='comment-box'><div>评论</div></div>"
        "<div class='related_news'><ul><li>标题一</li></ul></div><p>结尾。</p></body></html>"
    )
    assert extract(page.encode()).text.split("\n") == [
        "# 走访要点",
        "第一段。",
        "第二行。",
        "第三段。",
        "结尾。",
    ]


def test_html_title_without_site_name_is_the_fallback_title():
    page = "<html><head><title>走访工作的通知_通知公告_示例县政府</title></head><body><p>正文一句。</p>"
    result = extract(page.encode())
    assert result.title == "走访工作的通知"
    assert ingest_bytes(page.encode(), "index.html").title == "走访工作的通知"


def test_docx_title_property_is_the_fallback_title():
    def build(document):
        document.core_properties.title = "走访工作要点"
        document.add_paragraph("正文第一句，没有标题行。")

    assert ingest_bytes(_docx_bytes(build), "a.docx").title == "走访工作要点"


def test_markdown_with_a_little_inline_html_stays_markdown():
    text = "# 标题\n\n第一段<br>换行。\n\n<div>说明</div>\n\n- <span>要点</span>"
    result = extract(text.encode(), "notes.md")
    assert result.kind == "md"
    assert result.text == text


def test_markdown_file_is_read_as_text():
    result = extract("# 标题\n\n正文一句。".encode(), "notes.md")
    assert result.kind == "md"
    assert result.text == "# 标题\n\n正文一句。"


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", "\ufeff".encode("utf-8-sig")[:3]])
def test_empty_file_is_refused(data):
    with pytest.raises(errors.EmptyDocumentError) as info:
        extract(data, "空.txt")
    assert info.value.message == errors.EMPTY_FILE


def test_bom_only_file_has_no_text():
    with pytest.raises(errors.ExtractionError):
        ingest_bytes(b"\xef\xbb\xbf\n\n", "空.txt")


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n this is not really a pdf",
        build_pdf([["一页内容。"]])[:200],
    ],
    ids=["garbage", "truncated"],
)
def test_malformed_pdf_is_refused(data):
    with pytest.raises(errors.CorruptDocumentError) as info:
        extract(data, "材料.pdf")
    assert info.value.message == errors.CORRUPT_DOCUMENT


def test_malformed_docx_is_refused():
    data = _docx_bytes(_sample_docx)
    with pytest.raises(errors.CorruptDocumentError):
        extract(data[: len(data) // 2], "材料.docx")
    with pytest.raises(errors.CorruptDocumentError):
        extract(b"PK\x03\x04 not a zip at all", "材料.docx")


def test_docx_without_text_is_refused():
    with pytest.raises(errors.NoTextFoundError) as info:
        extract(_docx_bytes(lambda document: None), "空.docx")
    assert info.value.message == errors.NO_TEXT_FOUND


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a word document")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        _zip_bytes(),
        b"\x00\x01\x02\x03binary\x00junk" * 50,
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
    ],
    ids=["png", "zip-not-docx", "binary", "legacy-doc"],
)
def test_files_of_the_wrong_type_are_refused(data):
    with pytest.raises(errors.UnsupportedFileTypeError) as info:
        extract(data, "材料.docx")  # the name claims a document; the content decides
    assert info.value.message == errors.UNKNOWN_FILE_TYPE


def test_random_bytes_without_any_magic_number_are_refused():
    rng = random.Random(7)
    for _ in range(20):
        data = bytes(rng.randrange(1, 256) for _ in range(3000))
        with pytest.raises(errors.ExtractionError):
            extract(data, "材料.txt")
