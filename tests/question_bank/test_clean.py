"""Cleaning: furniture goes, pinyin goes, every content sentence stays as written."""

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from question_bank.clean import clean_text

BEFORE = "做好入户走访，要把群众的事当成自己的事。"
AFTER = "走访要有记录，每户一张联系卡片。"

FURNITURE = {
    "breadcrumb": "您的位置：示例网 > 基层党建 > 正文",
    "breadcrumb-current": "当前位置：首页 > 通知公告",
    "breadcrumb-arrows": "首页 >> 学习园地 >> 讲话 >> 正文",
    "nav-tokens": "首页 | 登录 | 注册 | 网站地图",
    "site-url": "示例文秘网 www.example.cn",
    "bare-url": "https://www.example.com/news/2023/0506.html",
    "published": "发布时间：2023-05-06 10:21:33",
    "published-combined": "发表时间:2014/3/29 9:33:56  来源：示例网  作者：张三  浏览次数：1024",
    "time-only": "时间:2022-05-11 02:56:00",
    "bare-datetime": "2023-05-06 10:21",
    "source": "来源：示例日报",
    "editor": "（责任编辑：李四）",
    "views": "阅读：3521",
    "copyright": "Copyright © 2023 示例网 All Rights Reserved",
    "copyright-cn": "版权所有：示例县人民政府办公室 京ICP备12345678号",
    "disclaimer": "免责声明：本文仅代表作者个人观点，与本网站无关。",
    "uploaded-by-user": "导语:本文来源于网友上传,不代表本站观点,欢迎参考。",
    "download": "下载本文档",
    "read-free": "继续免费阅读",
    "read-all": "阅读全文",
    "expand": "展开全文",
    "page-title-marker": "村级走访工作要点_第3页",
    "read-pages": "已阅读5页，剩余3页未读",
    "page-of": "第 3 页 共 10 页",
    "page-dash": "- 4 -",
    "page-number": "12",
    "pager": "上一页 1 2 3 下一页",
    "truncation-line": "……(示例网http://www.example.cn省略804字,正式会员可完整阅读)……",
    "comment": "评论",
    "comment-counter": "0/150",
    "comment-submit": "提交评论",
    "comment-count": "共12条评论",
    "prev": "上一篇：关于春耕备耕的通知",
    "next": "下一篇：村务公开办法",
    "font-size": "【字体：大 中 小】【打印】【关闭】",
    "share": "分享到：",
    "search": "文章搜索",
    "html-comment": "<!-- INFO END -->",
    "end-mark": "（完）",
    "page-dash-long": "—— 3 ——",
    "readers": "已有0人评论",
    "tags": "标签：乡村振兴 基层治理",
    "image-source": "图片来源：网络",
    "opinion-notice": "声明：本文观点仅代表作者本人。",
    "site-notice": "本站部分内容来自互联网，如有侵权请联系删除",
    "follow-prompt": "更多精彩内容请关注",
    "doc-site-meta": "文档页数：5页",
    "doc-site-owner": "本文档由用户提供并上传，收益归属内容提供方",
    "doc-site-report": "若内容存在侵权，请进行举报或认领",
    "save-to-library": "转藏到我的图书馆",
    "flowers": "献花(0)",
    "came-from": "来自: 示例 > 《待分类》",
}


@pytest.mark.parametrize("line", FURNITURE.values(), ids=FURNITURE.keys())
def test_furniture_line_is_removed_and_content_kept_exactly(line):
    assert clean_text(f"{BEFORE}\n{line}\n{AFTER}") == f"{BEFORE}\n{AFTER}"


@pytest.mark.parametrize(
    "heading", ["相关文章", "相关推荐", "推荐阅读", "延伸阅读", "您可能感兴趣的文章"]
)
def test_related_list_with_its_links_is_removed(heading):
    text = f"{BEFORE}\n{heading}\n乡镇干部培训心得\n村级组织建设讲话\n{AFTER}"
    assert clean_text(text) == f"{BEFORE}\n{AFTER}"


def test_traditional_furniture_is_recognised_after_conversion():
    text = "您現在的位置：首頁 > 講話\n發佈時間：2023-05-06\n縣委召開會議，研究部署走訪工作。\n相關文章"
    assert clean_text(text) == "县委召开会议，研究部署走访工作。"


def test_truncation_notice_is_cut_off_a_content_line():
    text = f"{BEFORE}\n走访对象主要包括困难群众、困 ……(未完,全文共6429字,当前仅显示2257字,请阅读下面提示信息。"
    assert clean_text(text) == f"{BEFORE}\n走访对象主要包括困难群众、困"


def test_text_around_a_truncation_gap_is_not_glued_together():
    text = "我们把走访作为重要抓\n……(示例网省略804字,正式会员可完整阅读)……\n手。走访要有记录。"
    assert clean_text(text) == "我们把走访作为重要抓\n手。走访要有记录。"


def test_read_more_prompt_is_cut_off_the_end_of_a_line():
    assert clean_text(f"{BEFORE}展开全文\n{AFTER}") == f"{BEFORE}\n{AFTER}"


def test_page_title_shown_twice_is_kept_once():
    text = (
        "村级走访工作要点\n发布时间：2023-05-06\n村级走访工作要点\n（2023年5月6日）\n同志们：\n"
        + BEFORE
    )
    assert clean_text(text) == f"村级走访工作要点\n（2023年5月6日）\n同志们：\n{BEFORE}"


@pytest.mark.parametrize(
    "line",
    [
        "来源于群众的意见要逐条研究。",
        "时间：每周一上午，地点：村委会。",
        "时间：2023年5月6日 9:00",
        "2023年5月6日 9:00",
        "2013年11月16日",
        "（2013年11月16日）",
        "第三条 村民委员会实行民主选举。",
        "本法自2021年6月1日起施行。",
        "评论一个干部，要看群众怎么说。",
        "一要摸清底数。二要建立台账。",
        "首先，要端正态度。",
        "下一步，要抓好以下几项工作：",
        "上一年度的问题解决率为百分之九十。",
        "作者认为，走访贵在坚持。",
        "相关文章已经印发各村，请认真学习。",
        "完成了全年走访任务。",
        "字数不少于800字。",
        "尚未完全解决的问题要列入台账。",
    ],
)
def test_content_lines_that_resemble_furniture_are_kept(line):
    assert clean_text(f"{BEFORE}\n{line}\n{AFTER}") == f"{BEFORE}\n{line}\n{AFTER}"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("鄉(xiāng)鎮(zhèn)幹部", "乡镇干部"),
        ("會(huì)議", "会议"),
        ("互聯網(wǎng)絡(luò)安全", "互联网络安全"),
        ("群眾（qún zhòng）工作", "群众工作"),
        ("經濟(jīngjì)發展", "经济发展"),
        ("鄉(xiang1)村", "乡村"),
        ("強(qiáng)調(diào)問題(wèn tí)", "强调问题"),
    ],
)
def test_bracketed_pinyin_is_removed(raw, clean):
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    "text",
    [
        "全县13个乡镇(街道)完成调查。",
        "县委书记讲话(2013年11月16日)",
        "村务公开办法(试行)",
        "工作要点（一）摸清底数",
        "手机APP(APP)和网站(www)都可使用。",
        "第(a)项和(b)项",
        "项目(ban)和(an)不是拼音。",
    ],
)
def test_real_brackets_are_kept(text):
    assert clean_text(text) == text


def test_plain_pinyin_is_removed_only_where_the_text_uses_the_convention():
    text = "聯(lián)繫群眾(qún zhòng)，服務(fu)群眾。"
    assert clean_text(text) == "联系群众，服务群众。"


def test_traditional_becomes_simplified():
    assert (
        clean_text("縣委書記在聯繫服務群眾工作會議上的講話")
        == "县委书记在联系服务群众工作会议上的讲话"
    )


def test_full_width_letters_and_digits_become_half_width_punctuation_stays():
    assert clean_text("２０２３年ＡＰＰ上线，请关注！") == "2023年APP上线，请关注！"


def test_whitespace_is_normalised_without_touching_sentences():
    text = "\ufeff\u3000\u3000第一段，  内容。\r\n\r\n\t第二段\u00a0内容。\u200b\n\n\n"
    assert clean_text(text) == "第一段， 内容。\n第二段 内容。"


def test_sentence_split_by_a_page_break_is_joined():
    text = "一是建章立制。完善了各项制度，通过制度管人管事，摆正服\n\n务心态。\n\n二是深入基层。"
    assert (
        clean_text(text)
        == "一是建章立制。完善了各项制度，通过制度管人管事，摆正服务心态。\n二是深入基层。"
    )


@pytest.mark.parametrize(
    "text",
    [
        "关于进一步做好入户走访工作的实施意见\n同志们：",
        "村级走访工作要点\n（2023年5月6日）",
        "# 走访工作\n做好走访。",
        "一、摸清底数，建立台账，跟踪回访，及时解决问题\n各村要按时上报。",
        "王春艳\n坚持群众路线。",
    ],
)
def test_headings_and_short_lines_are_not_joined_to_the_next_line(text):
    assert clean_text(text) == text


_CONTENT_LINES = [
    BEFORE,
    AFTER,
    "一是摸清底数，二是建立台账。",
    "县委召开会议。",
    "第一条 为了保障村民自治，制定本法。",
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(_CONTENT_LINES), st.sampled_from(list(FURNITURE.values()))),
        min_size=1,
        max_size=12,
    )
)
def test_content_survives_any_mix_of_furniture_in_order(lines):
    cleaned = clean_text("\n".join(lines))
    expected = [line for line in lines if line in _CONTENT_LINES]
    # consecutive duplicate titles aside, every content line survives, in order
    assert cleaned.split("\n") == expected or (not expected and cleaned == "")
    assert clean_text(cleaned) == cleaned


def test_cleaned_text_is_stable_under_t2s():
    converter = opencc.OpenCC("t2s")
    cleaned = clean_text("縣委書記強調：要把群眾的事當成自己的事。")
    assert converter.convert(cleaned) == cleaned


def _wrap(paragraph: str, width: int) -> list[str]:
    return [paragraph[i : i + width] for i in range(0, len(paragraph), width)]


def test_text_hard_wrapped_at_a_fixed_width_is_rejoined():
    paragraphs = [
        "为进一步密切党群干群关系，提高入户走访率、问题解决率和群众满意率，现就做好走访工作提出如下意见。",
        "一、总体要求",
        "坚持以人民为中心的发展思想，把入户走访作为联系服务群众的基本功，做到底数清、情况明、问题解决及时到位。",
        "二、主要任务",
        "各乡镇要组织干部逐户走访建立一户一档对群众反映的问题能当场解决的当场解决不能当场解决的限期答复并跟踪回访",
    ]
    wrapped = [line for paragraph in paragraphs for line in _wrap(paragraph, 28)]
    assert clean_text("\n".join(wrapped)) == "\n".join(paragraphs)


def test_line_ending_with_a_comma_continues_on_the_next_line():
    assert clean_text("经县政府同意，\n现通知如下。") == "经县政府同意，现通知如下。"


def test_page_title_with_the_site_name_gives_way_to_the_article_title():
    text = "村级走访工作要点 - 示例文库\n村级走访工作要点\n一、摸清底数"
    assert clean_text(text) == "村级走访工作要点\n一、摸清底数"


def test_a_single_title_with_a_dash_is_kept():
    assert clean_text("走访工作 - 2023年\n正文。") == "走访工作 - 2023年\n正文。"


def test_answer_line_wrapped_mid_word_is_joined():
    text = "答：一般事项每季度公开一次，财务事项至少每月\n公开一次。"
    assert clean_text(text) == "答：一般事项每季度公开一次，财务事项至少每月公开一次。"


def test_bare_site_name_at_the_top_or_bottom_is_removed():
    text = f"示例文秘网\n您的位置：首页 > 正文\n{BEFORE}\n{AFTER}\n示例资讯网"
    assert clean_text(text) == f"{BEFORE}\n{AFTER}"


def test_heading_ending_in_wang_at_the_top_is_kept():
    assert clean_text(f"织密基层治理网\n{BEFORE}") == f"织密基层治理网\n{BEFORE}"


def test_short_line_ending_in_wang_inside_the_text_is_kept():
    lines = [BEFORE] * 6 + ["织密防护网", AFTER] + [BEFORE] * 6
    assert clean_text("\n".join(lines)) == "\n".join(lines)


def test_stray_html_in_pasted_text_is_removed_but_book_quotes_stay():
    text = "第一段&nbsp;内容&ldquo;走访&rdquo;<br/>第二段<b>加粗</b>。<<宪法>>和R&D不动。<p class='x'>新段落。</p>"
    assert clean_text(text) == "第一段 内容“走访”\n第二段加粗。<<宪法>>和R&D不动。\n新段落。"
